"""Content-Language: the natural languages of the intended audience (RFC 9110, 8.5).

    Content-Language = #language-tag
    language-tag     = <Language-Tag, see [RFC5646], Section 2.1>

Tags are checked for the RFC 5646 shape (subtags of 1 to 8 letters or digits, the first one
letters) and kept as sent: "en-US" is also the conventional case.
"""

from ..grammar import Cursor, parse_list
from ._shared.content import list_lint
from ._shared.rfc8187 import LANGUAGE_TAG_RE, language_error
from ._shared.spec import FieldSpec, Kind


def _tag(cur: Cursor) -> str:
    start = cur.pos
    tag = cur.token("a language tag such as en-US")
    if LANGUAGE_TAG_RE.fullmatch(tag) is None:
        raise language_error(tag, start)
    return tag


def parse(raw: str) -> tuple[str, ...]:
    return parse_list(raw, _tag)


def write(value: tuple[str, ...]) -> str:
    return ", ".join(value)


CONTENT_LANGUAGE = FieldSpec(
    "Content-Language", parse, write, "RFC 9110, 8.5", kind=Kind.LIST,
    value_type="tuple[str, ...]", example="en-US, de", lint=list_lint(),
)
