"""Content negotiation: which view of a page to send (RFC 9110, 12.5.1 and 12.1).

- `?format=html|json|text|raw` wins;
- with no Accept, an Accept that does not parse, or one that names none of our types except
  through a wildcard (`*/*`, as curl and fetch() send), the answer is aligned plain text;
- otherwise the concrete type with the highest q wins, ties going to HTML, then JSON, then
  text. We never answer 406: "the origin server can either ... disregard the header field by
  treating the response as if it is not subject to content negotiation" (RFC 9110, 12.5.1).
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qsl

from ..headers import FieldSection
from ..headers.types import MediaRange

FORMATS = ("html", "json", "text", "raw")
# In tie-break order.
_CONCRETE = (("html", "text", "html"), ("json", "application", "json"), ("text", "text", "plain"))


def query_format(query: str) -> str | None:
    if "format=" not in query:
        return None
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "format" and value in FORMATS:
            return value
    return None


def _accept(fields: FieldSection) -> tuple[MediaRange, ...] | None:
    """The combined Accept value, or None when absent or when any Accept line is invalid."""
    lines = [f for f in fields.lines if f.name == "accept"]  # fields.all, without lower()
    if not lines or any(f.error is not None for f in lines):
        return None
    value: tuple[MediaRange, ...] = lines[0].value if len(lines) == 1 else fields.get("accept")
    return value


def negotiate(query: str, fields: FieldSection) -> str:
    chosen = query_format(query)
    if chosen is not None:
        return chosen
    ranges = _accept(fields)
    if not ranges:
        return "text"
    # The q of the ranges naming exactly one of our types (a wildcard counts for none), in one
    # pass over the ranges; the highest wins.
    exact: dict[str, Decimal] = {}
    for r in ranges:
        name = _BY_TYPE.get((r.type, r.subtype))
        if name is not None:
            q = exact.get(name)
            exact[name] = r.q if q is None else max(q, r.q)
    best, best_q = "text", _ZERO
    for name, _, _ in _CONCRETE:
        q = exact.get(name)
        if q is not None and q > best_q:
            best, best_q = name, q
    return best


_BY_TYPE = {(type_, subtype): name for name, type_, subtype in _CONCRETE}
_ZERO = Decimal(0)
