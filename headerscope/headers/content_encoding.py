"""Content-Encoding: the codings applied to the representation, in order (RFC 9110, 8.4).

    Content-Encoding = #content-coding
    content-coding   = token

"All content codings are case-insensitive": they are lower-cased.
"""

from collections.abc import Iterator

from ._shared.content import token_list_field
from ._shared.spec import Diagnostic


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    if "identity" in value:
        yield Diagnostic("'identity' is used only in Accept-Encoding and SHOULD NOT be used "
                         "in Content-Encoding", raw.lower().find("identity"))


CONTENT_ENCODING = token_list_field("Content-Encoding", "RFC 9110, 8.4", lower=True, lint=lint,
                                    example="gzip")
