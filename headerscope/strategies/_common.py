"""Building blocks shared by the per-group strategy tables: tokens, dates, lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from ..grammar import rules
from ..headers._shared.dates import DAYS, LONG_DAYS, MONTHS

S = st.SearchStrategy


@dataclass(frozen=True)
class FieldStrategies:
    values: st.SearchStrategy[Any]  # native values; parse(write(v)) == v must hold
    invalid: st.SearchStrategy[str]  # raw texts the parser must reject
    spellings: st.SearchStrategy[str] | None = None  # valid, non-canonical raw texts


TCHARS = "".join(sorted(rules.TCHARS))
LOWER_TCHARS = "".join(sorted(c for c in rules.TCHARS if not c.isupper()))

tokens = st.text(TCHARS, min_size=1, max_size=12)
lower_tokens = st.text(LOWER_TCHARS, min_size=1, max_size=12)
# what a quoted-string can carry: HTAB, SP, VCHAR and obs-text (decoded as ISO-8859-1)
quoted_contents = st.text(
    st.characters(codec="latin-1", exclude_categories=["Cc"]) | st.sampled_from("\t"),
    max_size=16,
)
delay_seconds = st.integers(min_value=0, max_value=2**31)
http_dates = st.datetimes(
    min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))
ows = st.sampled_from(["", " ", "\t", "  "])


def sample(*texts: str) -> S[str]:
    """One of `texts` (the spellings a test wants drawn as they are)."""
    return st.sampled_from(texts)


def unique_params(names: S[str], values: S[Any], *, max_size: int) -> S[dict[str, Any]]:
    """Parameters whose names differ case-insensitively, where a field's grammar or parser lets
    each name occur once: "Parameter names are case-insensitive" (RFC 9110, 5.6.6), so `a` and
    `A` are one name twice, which a dict with both keys would draw."""
    pairs = st.lists(st.tuples(names, values), max_size=max_size,
                     unique_by=lambda pair: pair[0].lower())
    return pairs.map(dict)
# text that no token-based grammar accepts
junk = st.sampled_from(["", ",", ";", "=", '"', "\x00", "\x7f", "a b c", "(", "\\", "@@", "\u2028"])
separators = st.sampled_from([", ", ",", " , ", "\t,", ", ,", ",,", " ,\t, "])


def tuples(elements: S[Any], *, min_size: int = 0) -> S[tuple[Any, ...]]:
    return st.lists(elements, min_size=min_size, max_size=5).map(tuple)


def joined(items: S[str], *, min_size: int = 1) -> S[str]:
    """Valid list spellings: the items joined with any mix of OWS and empty elements."""

    def join(parts: list[str]) -> S[str]:
        seps = st.lists(separators, min_size=len(parts), max_size=len(parts))
        return seps.map(lambda ss: "".join(p + s for p, s in zip(parts, ss, strict=True)))

    return st.lists(items, min_size=min_size, max_size=4).flatmap(join)


def invalid(samples: list[str], valid: S[str] | None = None,
            bad_members: list[str] | None = None) -> S[str]:
    """Known-bad texts, and (for lists) a valid value with a bad member appended."""
    bad = st.sampled_from(samples)
    if valid is None or not bad_members:
        return bad
    return bad | st.builds(lambda v, b: f"{v}, {b}" if v else b, valid,
                           st.sampled_from(bad_members))


def _obsolete_date(d: datetime, rfc850: bool) -> str:
    if rfc850:
        return (f"{LONG_DAYS[d.weekday()]}, {d.day:02d}-{MONTHS[d.month - 1]}-{d.year % 100:02d}"
                f" {d:%H:%M:%S} GMT")
    return f"{DAYS[d.weekday()]} {MONTHS[d.month - 1]} {d.day:2d} {d:%H:%M:%S} {d.year:04d}"


date_spellings = st.builds(_obsolete_date, http_dates, st.booleans())
BAD_DATES = ["", "0", "Sun, 06 Nov 1994 08:49:37 UTC", "1994-11-06T08:49:37Z",
             "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT",
             "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
             "Sun, 06 Nov 94 08:49:37 GMT", "sun, 06 nov 1994 08:49:37 gmt", "tomorrow"]


def date_field() -> FieldStrategies:
    return FieldStrategies(values=http_dates, invalid=invalid(BAD_DATES),
                           spellings=date_spellings)
