"""Trailer: the fields the sender may put in the trailer section (RFC 9110, 6.6.2).

    Trailer = #field-name

Field names are case-insensitive and lower-cased.
"""

from collections.abc import Iterator

from ._shared.content import ElementOffsets, token_list_field
from ._shared.spec import Diagnostic

# "Many fields cannot be processed outside the header section because their evaluation is
# necessary prior to receiving the content, such as those that describe message framing,
# routing, authentication, request modifiers, response controls, or content format" (6.5.1)
_HEADER_ONLY = frozenset({
    "transfer-encoding", "content-length", "host", "trailer", "te", "authorization",
    "cache-control", "expect", "max-forwards", "pragma", "range", "content-encoding",
    "content-type", "content-range", "set-cookie",
})


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, name in enumerate(value):
        if name in _HEADER_ONLY:
            yield Diagnostic(f"{name} cannot be sent as a trailer field: it must be known "
                             "before the content", where(i))


TRAILER = token_list_field("Trailer", "RFC 9110, 6.6.2", lower=True, lint=lint,
                           example="Server-Timing")
