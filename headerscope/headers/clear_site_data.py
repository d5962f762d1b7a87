"""Clear-Site-Data: remove what the browser stores for this site (Clear Site Data, 3.1).

    Clear-Site-Data = 1#( quoted-string )
    ; "cache" / "cookies" / "storage" / "executionContexts" / "clientHints" / "*"
    ; and Chromium's "prefetchCache" / "prerenderCache" (Speculation Rules)

Each type is a quoted-string: `"cookies"`, not `cookies` (a bare token is an error). The set of
types grows, and "user agents MUST ignore unknown types when parsing the header": an unknown
type, including a known one in another case (types compare exactly), is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import TOKEN_RE, Cursor, parse_list, quote_string
from ._shared.content import ElementOffsets, list_lint
from ._shared.spec import Diagnostic, FieldSpec, Kind

TYPES = ("cache", "cookies", "storage", "executionContexts", "clientHints", "prefetchCache",
         "prerenderCache", "*")
_BY_LOWER = {t.lower(): t for t in TYPES}


def _type(cur: Cursor) -> str:
    if cur.peek() != '"' and (m := TOKEN_RE.match(cur.text, cur.pos)) is not None:
        raise cur.error(f'types are quoted strings: write "{m.group()}" with its double quotes')
    return cur.quoted_string()


def parse(raw: str) -> tuple[str, ...]:
    return parse_list(raw, _type, at_least_one=True, what="Clear-Site-Data")


def write(value: tuple[str, ...]) -> str:
    return ", ".join(quote_string(t) for t in value)


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, kind in enumerate(value):
        if kind in TYPES:
            if kind == "*" and len(value) > 1:
                yield Diagnostic('"*" already clears every type: the others add nothing',
                                 where(i))
            continue
        near = _BY_LOWER.get(kind.lower())
        hint = f' (types are case-sensitive: "{near}")' if near else ""
        yield Diagnostic(f"unknown type {quote_string(kind)}{hint}: browsers ignore it",
                         where(i))


CLEAR_SITE_DATA = FieldSpec(
    "Clear-Site-Data", parse, write, "Clear Site Data, 3.1", kind=Kind.LIST,
    value_type="tuple[str, ...] (data types)", lint=list_lint(lint),
    example='"cache", "cookies", "storage"')
