"""The one error of the PROXY protocol reader."""

from __future__ import annotations


class ProxyProtocolError(ValueError):
    """A PROXY protocol header that does not match the specification, or is too large.

    `position` is the 0-based offset of the offending byte from the start of the connection
    (the header is always its first bytes); `reason` is a short sentence for the log.
    """

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(f"{reason} (at byte {position})")
        self.reason = reason
        self.position = position
