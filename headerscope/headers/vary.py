"""Vary: the request fields that select this response besides the method and URI (RFC 9110, 12.5.5).

    Vary = #( "*" / field-name )

Field names are case-insensitive and lower-cased; "*" is a member like any other.
"""

from collections.abc import Iterator

from ._shared.content import token_list_field
from ._shared.spec import Diagnostic


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    if "*" in value and len(value) > 1:
        yield Diagnostic("'*' already says the response varies on anything: the other "
                         "names add nothing", raw.find("*"))


VARY = token_list_field("Vary", "RFC 9110, 12.5.5", lower=True, lint=lint,
                        example="Accept-Encoding, Origin")
