"""Strategies for the representation, negotiation, conditional, range and caching fields."""

from __future__ import annotations

from hypothesis import strategies as st

from ._common import FieldStrategies, delay_seconds

CONTENT: dict[str, FieldStrategies] = {
    "age": FieldStrategies(
        values=delay_seconds,
        invalid=st.sampled_from(["", "-1", "1.5", "0x10", "1 2", "+3", "9" * 30]),
        spellings=st.integers(0, 999).map(lambda n: f"{n:05d}"),
    ),
}
