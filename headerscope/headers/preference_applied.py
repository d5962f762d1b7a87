"""Preference-Applied: the Prefer preferences the server honoured (RFC 7240, 3).

    Preference-Applied = "Preference-Applied" ":" 1#applied-pref
    applied-pref = token [ BWS "=" BWS word ]

"The syntax of the Preference-Applied header differs from that of the Prefer header in that
parameters are not included": a ";" is an error. Names are case-insensitive (lower-cased), and
an empty value is no value, as in Prefer ("Empty or zero-length values on both the preference
token and within parameters are equivalent to no value being specified at all", 2).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import Cursor, parse_list, quote
from ._shared.content import ElementOffsets, list_lint
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type


@value_type
class AppliedPreference:
    name: str  # lower-cased
    value: str | None = None


def _applied(cur: Cursor) -> AppliedPreference:
    name = cur.token("a preference name").lower()
    value = None
    if cur.equals():
        value = cur.token_or_quoted("a token or a quoted-string after '='") or None
    save = cur.pos
    cur.skip_ows()
    if cur.peek() == ";":
        raise cur.error("Preference-Applied takes no parameters (RFC 7240, 3)")
    cur.pos = save
    return AppliedPreference(name, value)


def parse(raw: str) -> tuple[AppliedPreference, ...]:
    return parse_list(raw, _applied, at_least_one=True, what="Preference-Applied")


def write(value: tuple[AppliedPreference, ...]) -> str:
    return ", ".join(p.name if p.value is None else f"{p.name}={quote(p.value)}"
                     for p in value)


def lint(value: tuple[AppliedPreference, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)
    seen: set[str] = set()
    for i, p in enumerate(value):
        if p.name in seen:
            yield Diagnostic(f"{p.name!r} is listed twice", where(i))
        seen.add(p.name)


PREFERENCE_APPLIED = FieldSpec("Preference-Applied", parse, write, "RFC 7240, 3", kind=Kind.LIST,
                               value_type="tuple[AppliedPreference, ...]", lint=list_lint(lint),
                               example="return=representation")
