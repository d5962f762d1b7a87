"""headerscope.pages.valueview: the generated formatters against the rules walked generically.

`FAST = False` makes `show`, `lines` and `inline` walk the reference rules alone; for every
registered field's values (and hostile strings, enums and plain dicts) the text must not
depend on the switch.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from headerscope.headers import REGISTRY
from headerscope.headers._shared.types import MediaRange, QualityItem
from headerscope.pages import valueview
from headerscope.strategies import values


def both(value: Any) -> list[tuple[str, list[str], str]]:
    out = []
    for fast in (True, False):
        valueview.FAST = fast
        try:
            out.append((valueview.show(value), valueview.lines(value, "  "),
                        valueview.inline(value)))
        finally:
            valueview.FAST = True
    return out


@pytest.mark.parametrize("name", sorted(s.name for s in REGISTRY))
@settings(max_examples=25)  # x 170 fields; the hostile trees below go deeper
@given(data=st.data())
def test_fast_formatters_agree_with_the_reference(name: str, data: st.DataObject) -> None:
    value = data.draw(values(name))
    fast, reference = both(value)
    assert fast == reference


class Kind(enum.Enum):
    TEXT = "a\u202eb"
    NUMBER = 3
    NESTED = (1, 2)


class Flag(enum.IntEnum):
    ON = 1


HOSTILE = st.text("a \t\0\u202e\xe9{}[],:", max_size=8)
SCALARS = st.one_of(HOSTILE, st.integers(), st.booleans(), st.none(),
                    st.decimals(allow_nan=False), st.sampled_from([*Kind, *Flag]))
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(tuple), st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(HOSTILE, st.sampled_from(["value", "u", "i"])), inner,
                        max_size=3),
        st.builds(QualityItem, HOSTILE, st.sampled_from([Decimal(1), Decimal("0.5")]))),
    max_leaves=12)


@given(TREES)
@example(("", "{\0"))  # once stripped of "braces" as if the string were a map
def test_fast_formatters_agree_on_hostile_trees(value: Any) -> None:
    fast, reference = both(value)
    assert fast == reference


@pytest.mark.parametrize("value", [
    {"u": 0, "i": True}, {"value": "x"}, {"value": "a\0b"}, {}, {1: "a"}, Kind.TEXT,
    Kind.NESTED, Flag.ON, (Kind.NUMBER,), [MediaRange("text", "html", {}, Decimal(1), {})] * 9,
], ids=repr)
def test_fast_formatters_agree_at_the_edges(value: Any) -> None:
    fast, reference = both(value)
    assert fast == reference


def test_a_string_that_could_read_as_a_map_or_a_list_is_quoted() -> None:
    """Only a map's one-line form loses its braces in a list block; text keeps all it has."""
    value = ["{x}", {"a": 1, "b": 2}, {"value": "{q}"}, "[y]" + "z" * 80, '"', "", "a{"]
    for fast in (True, False):
        valueview.FAST = fast
        try:
            assert valueview.show(value).splitlines() == [
                '- "{x}"', "- a: 1, b: 2", '- "{q}"', '- "[y]' + "z" * 80 + '"', '- """',
                '- ""', "- a{"]
            assert valueview.inline(["{x}", "[", "y"]) == '["{x}", "[", y]'
        finally:
            valueview.FAST = True
