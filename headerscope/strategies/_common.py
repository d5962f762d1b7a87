"""Building blocks shared by the per-group strategy tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st


@dataclass(frozen=True)
class FieldStrategies:
    values: st.SearchStrategy[Any]  # native values; parse(write(v)) == v must hold
    invalid: st.SearchStrategy[str]  # raw texts the parser must reject
    spellings: st.SearchStrategy[str] | None = None  # valid, non-canonical raw texts


TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
LOWER_TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz"

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
# text that no token-based grammar accepts
junk = st.sampled_from(["", ",", ";", "=", '"', "\x00", "\x7f", "a b c", "(", "\\", "@@", "\u2028"])
