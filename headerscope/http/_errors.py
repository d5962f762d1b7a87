"""The one framing error: the status the server answers with and a fixed, short reason.

The reason never contains a byte of the request (so an error page cannot reflect markup or
smuggle a header), which is why each one is a literal at the line that raises it.
"""

from __future__ import annotations


class HTTPError(Exception):
    """A request the server cannot frame or will not serve; the connection is then closed."""

    def __init__(
        self, status: int, reason: str, headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
        self.headers = headers  # extra response fields the status requires (Allow on 405)

    def __repr__(self) -> str:
        return f"HTTPError({self.status}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HTTPError):
            return NotImplemented
        return (self.status, self.reason) == (other.status, other.reason)

    def __hash__(self) -> int:
        return hash((self.status, self.reason))
