"""Server-Timing: the server's own measurements of this response (Server Timing, 2).

    Server-Timing             = #server-timing-metric
    server-timing-metric      = metric-name *( OWS ";" OWS server-timing-param )
    metric-name               = token
    server-timing-param       = server-timing-param-name OWS "=" OWS server-timing-param-value
    server-timing-param-name  = token
    server-timing-param-value = token / quoted-string

Two parameters are defined: "dur" (a duration, by convention in milliseconds, read with HTML's
rules for floating-point numbers) and "desc" (a description). Others are kept as sent:
"A user agent that does not recognize particular server-timing-param-name ... MUST ignore
those tokens". A repeated parameter is legal but only "the first instance is to be
considered": the value keeps the first, and lint warns about the rest. A dur that is not a
number is kept among `params` with a warning, since a browser reads it as 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from ..grammar import SEP, TOKEN_RE, Cursor, Fast, parse_list, quote
from ._shared.content import list_lint
from ._shared.frozen import EMPTY, frozen
from ._shared.json import decimal_text
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type

# HTML's floating-point number, bounded so that no exponent makes a huge exact Decimal; the
# bound counts significant digits (a number is a magnitude): leading zeros of the integer part
# and trailing zeros of the fraction are free ("0012.50" is 12.5)
_NUMBER_RE = re.compile(
    r"-?(?:0*[0-9]{1,30}(?:\.[0-9]{0,30}0*)?|\.[0-9]{1,30}0*)(?:[eE][-+]?[0-9]{1,2})?")


@value_type
class Metric:
    name: str
    duration: Decimal | None = None  # dur, as sent (milliseconds by convention); None: not sent
    description: str | None = None  # desc; None: not sent
    params: Mapping[str, str] = EMPTY  # other parameters, names lower-cased


# A metric with no parameter, the most common member, in one match with the separator after it
_FAST: Fast[Metric] = (re.compile(f"({TOKEN_RE.pattern}){SEP}"), lambda m: Metric(m.group(1)))


def parse(raw: str) -> tuple[Metric, ...]:
    return parse_list(raw, _metric, fast=_FAST, at_least_one=False, what="Server-Timing")


def analyse(raw: str) -> tuple[tuple[Metric, ...], list[Diagnostic]]:
    """The metrics, and the warnings about their parameters, in one pass."""
    notes: list[Diagnostic] = []
    value = parse_list(raw, lambda cur: _metric(cur, notes), fast=_FAST, at_least_one=False,
                       what="Server-Timing")
    return value, notes


def _metric(cur: Cursor, notes: list[Diagnostic] | None = None) -> Metric:
    name = cur.token("a metric name")
    duration: Decimal | None = None
    description: str | None = None
    params: dict[str, str] = {}
    seen: set[str] = set()
    while cur.parameter():
        at = cur.pos
        key = cur.token("a parameter name").lower()
        cur.skip_ows()
        cur.expect("=")
        cur.skip_ows()
        value_at = cur.pos
        value = cur.token_or_quoted("a parameter value (a token or a quoted-string)")
        if key in seen:  # "All subsequent occurrences MUST be ignored without signaling an error"
            if notes is not None:
                notes.append(Diagnostic(f"repeated parameter {key!r}: only the first one is "
                                        "used", at))
            continue
        seen.add(key)
        if key == "dur" and _NUMBER_RE.fullmatch(value):
            duration = Decimal(value)
        elif key == "desc":
            description = value
        else:
            params[key] = value
            if key == "dur" and notes is not None:
                notes.append(Diagnostic(f"dur={value!r} is not a number: browsers read the "
                                        "number it starts with, or 0", value_at))
    return Metric(name, duration, description, frozen(params))


def write(value: tuple[Metric, ...]) -> str:
    return ", ".join(_write_metric(m) for m in value)


def _write_metric(m: Metric) -> str:
    text = m.name
    if m.duration is not None:
        text += f";dur={decimal_text(m.duration)}"
    if m.description is not None:
        text += f";desc={quote(m.description)}"
    return text + "".join(f";{k}={quote(v)}" for k, v in m.params.items())


SERVER_TIMING = FieldSpec(
    "Server-Timing", parse, write, "Server Timing, 2", kind=Kind.LIST,
    value_type="tuple[Metric, ...]", analyse=analyse, lint=list_lint(),
    example='cache;desc="Cache Read";dur=23.2, db;dur=53, app;dur=47.2')
