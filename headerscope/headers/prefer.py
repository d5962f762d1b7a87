"""Prefer: behaviours the client would like the server to apply (RFC 7240, 2).

    Prefer     = 1#preference
    preference = token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] )
    parameter  = token [ BWS "=" BWS word ]
    word       = token / quoted-string

Names are case-insensitive and lower-cased. "Empty or zero-length values on both the
preference token and within parameters are equivalent to no value being specified at all",
so `a=""` reads as `a`. The preferences of RFC 7240, 4 are typed: respond-async takes no
value, return is minimal or representation, wait is delta-seconds, handling is strict or
lenient; a value that does not fit is kept as text and reported as a warning. wait is a
magnitude ("wait=010" is 10); a delta-seconds too large to count is 2^31 ("the cache MUST
consider the value to be 2147483648 (2^31)", RFC 9111, 1.2.2), with a warning.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping

from ..grammar import Cursor, over_ceiling, parse_list, quote, read_count
from ._shared.content import list_lint
from ._shared.families import MAX_DELTA, ceiling_note
from ._shared.frozen import EMPTY, frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

_WAIT_RE = re.compile(r'(?<![^ \t,])wait[ \t]*=[ \t]*"?([0-9]+)', re.IGNORECASE)


class Return(enum.StrEnum):
    MINIMAL = "minimal"
    REPRESENTATION = "representation"


class Handling(enum.StrEnum):
    STRICT = "strict"
    LENIENT = "lenient"


_ENUMS: dict[str, type[Return] | type[Handling]] = {"return": Return, "handling": Handling}


@value_type
class Preference:
    name: str
    value: str | int | None = None  # Return / Handling members, int for wait
    params: Mapping[str, str | None] = EMPTY


def _word(cur: Cursor) -> str | None:
    """`[ BWS "=" BWS word ]` after a name; None when absent or empty."""
    if not cur.equals():
        return None
    return cur.token_or_quoted("a token or a quoted-string after '='") or None


def _typed(name: str, text: str | None) -> str | int | None:
    if text is None:
        return None
    kind = _ENUMS.get(name)
    if kind is not None:
        try:
            return kind(text.lower())
        except ValueError:  # not one of the defined values: kept, and linted
            return text
    if name == "wait" and text.isascii() and text.isdigit():
        return read_count(text, MAX_DELTA)
    return text


def _preference(cur: Cursor) -> Preference:
    name = cur.token("a preference name").lower()
    value = _typed(name, _word(cur))
    params: dict[str, str | None] = {}
    while cur.parameter(empty=True):
        start = cur.pos
        key = cur.token("a parameter name").lower()
        if key in params:
            raise FieldError(f"parameter {key!r} is repeated", start)
        params[key] = _word(cur)
    return Preference(name, value, frozen(params))


def parse(raw: str) -> tuple[Preference, ...]:
    return parse_list(raw, _preference, what="Prefer", at_least_one=True)


def _pair(name: str, value: str | int | None) -> str:
    return name if value is None else f"{name}={quote(str(value))}"


def write(value: tuple[Preference, ...]) -> str:
    return ", ".join(_pair(p.name, p.value) + "".join(f"; {_pair(k, v)}" for k, v in
                                                       p.params.items()) for p in value)


def lint(value: tuple[Preference, ...], raw: str) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    waits: set[str] = set()
    for p in value:
        if p.name in seen:
            # "only the first instance is to be considered" (RFC 7240, 2)
            yield Diagnostic(f"{p.name!r} is repeated; only the first one counts")
        seen.add(p.name)
        kind = _ENUMS.get(p.name)
        if kind is not None and not isinstance(p.value, kind):
            yield Diagnostic(f"{p.name} must be one of {', '.join(kind)}, not {p.value!r}")
        elif p.name == "wait" and not isinstance(p.value, int):
            yield Diagnostic(f"wait must be a number of seconds, not {p.value!r}")
        elif p.name == "wait" and p.value == MAX_DELTA and p.name not in waits:
            waits.add(p.name)  # the first wait's spelling: the one that counts
            spelled = _WAIT_RE.search(raw)
            if spelled is not None and over_ceiling(spelled.group(1), MAX_DELTA):
                yield Diagnostic(ceiling_note("wait", MAX_DELTA), spelled.start(1))
        elif p.name == "respond-async" and p.value is not None:
            yield Diagnostic("respond-async takes no value")


PREFER = FieldSpec("Prefer", parse, write, "RFC 7240, 2", kind=Kind.LIST,
                   value_type="tuple[Preference, ...]", lint=list_lint(lint),
                   example="respond-async, wait=10, return=minimal")
