"""No parser and no view costs more than linear time in the field value (issue 13).

For every registered field (the walk test_registry uses to check that each has strategies, so
a new field is measured as soon as it is registered) and every shape of tests/headers/_linear.py
(generic units, counted units, the field's own element shapes), parsing a 16 KB value costs at
most RATIO (24) times a 2 KB one (linear is 8, quadratic 64), and at most LIMIT (50 ms) of CPU
time.

Coverage, kept under a minute: every shape of every field at parse level (REGISTRY.parse: what
the server does with each field line); then, for each field, the value that parsed slowest is
sent through the inspector as a request, in each view (HTML, JSON, text, raw), with the same
two bounds (a view's time includes the parse, as in the server). A field whose parse is cheap
is cheap in the views: they show at most a bounded part of a long value (pages/limits.py), and
the slowest value is where a view's cost per member shows most. benchmarks/stress/linear.py
runs the same walk at 8 and 64 KB.

The clock is checked too: a parser that is quadratic on purpose must fail the same test, and a
linear one must pass it. And the per-member shortcut Server-Timing gained here (a metric
without parameters, in one match) must give what its grammar gives.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.grammar import core
from headerscope.headers import REGISTRY, FieldSpec
from headerscope.strategies import invalid, valid

from ._linear import (
    FLOOR,
    LIMIT,
    RATIO,
    SCALE,
    VIEWS,
    Cost,
    Shape,
    cpu,
    measure,
    page,
    parser,
    shapes,
    uncached_app,
)
from .test_registry import IDS, SPECS

LARGE = 16 * 1024
SMALL = LARGE // SCALE
APP = uncached_app()


def _failures(costs: list[tuple[str, Cost]]) -> list[str]:
    return [f"{what}: {cost} (bounds: x{RATIO}, {LIMIT * 1000:.0f} ms)"
            for what, cost in costs if not (cost.linear and cost.within())]


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_parsing_and_every_view_cost_linear_time(spec: FieldSpec[Any]) -> None:
    parse = parser(spec.name)
    measured: list[tuple[str, Cost]] = []
    slowest: tuple[float, Shape] | None = None
    for shape in shapes(spec):
        large = shape.value(LARGE)
        cost = measure(parse, shape.value(SMALL), large)
        measured.append((f"{spec.name} parse of {shape}", cost))
        if slowest is None or cost.large > slowest[0]:
            slowest = (cost.large, shape)
    assert slowest is not None
    shape = slowest[1]
    for view in VIEWS:
        cost = measure(page(spec.name, view, APP), shape.value(SMALL), shape.value(LARGE))
        measured.append((f"{spec.name} {view} view of {shape}", cost))
    assert _failures(measured) == []


def test_every_field_gets_its_own_shapes_besides_the_generic_ones() -> None:
    for spec in SPECS:
        own = [s for s in shapes(spec) if s.family == "own"]
        assert own, spec.name
        assert own[0].unit.startswith(spec.example), spec.name  # the example as a list


def test_shapes_reach_the_size_asked_for() -> None:
    for spec in SPECS:
        for shape in shapes(spec):
            for size in (SMALL, LARGE):
                value = shape.value(size)
                assert size - 2 * max(len(shape.unit), 16) <= len(value) <= size + len(
                    shape.head) + len(shape.tail), (spec.name, str(shape), len(value))


# Fields given a per-member shortcut in parse_list for this issue, which the differential
# tests of test_fast_paths.py and test_contentcore.py do not already cover.
SHORTCUTS = ["Server-Timing"]
STEERING = '\t ,;="\\abdeur1.'


@pytest.mark.parametrize("name", SHORTCUTS)
@given(data=st.data())
def test_the_member_shortcuts_agree_with_the_grammar(name: str, data: st.DataObject) -> None:
    good = valid(name)
    raw = data.draw(st.one_of(
        good, invalid(name), st.text(STEERING, max_size=30),
        st.tuples(good, st.sampled_from([",", ", ", ";", " ;", ",,"]), good).map("".join),
    )).strip(" \t")
    fast = REGISTRY.parse(name, raw)
    core.FAST_PATHS = False
    try:
        slow = REGISTRY.parse(name, raw)
    finally:
        core.FAST_PATHS = True
    assert fast == slow, raw


# -- the clock can fail --------------------------------------------------------------------

def _quadratic(raw: str) -> int:
    """Where each member starts, found by walking from the start again for each member: the
    shape of the element_offset loop this test was written for."""
    found = 0
    for i in range(0, len(raw), 2):
        found += raw.count(",", 0, i)
    return found


def _linear(raw: str) -> int:
    found = 0
    for ch in raw:  # a Python loop per character: about the cost of a cursor walk
        found += ch == ","
    return found


def _slow_linear(raw: str) -> int:
    return sum(_linear(raw) for _ in range(200))  # 60-100 ms at 16 KB here


def test_the_clock_catches_a_quadratic_parser() -> None:
    small, large = "1," * (SMALL // 2), "1," * (LARGE // 2)
    cost = measure(_quadratic, small, large, retries=2)
    assert not cost.linear, cost
    assert _failures([("quadratic", cost)]) != []


def test_the_clock_passes_a_linear_parser() -> None:
    small, large = "1," * (SMALL // 2), "1," * (LARGE // 2)
    cost = measure(_linear, small, large)
    assert cost.large > FLOOR, "the linear sample is too fast to be measured at all"
    assert cost.linear, cost


def test_the_clock_catches_a_linear_parser_over_the_limit() -> None:
    small, large = "1," * (SMALL // 2), "1," * (LARGE // 2)
    cost = measure(_slow_linear, small, large, retries=1)
    assert cost.linear, cost
    assert not cost.within(), cost


def test_cpu_time_takes_the_least_of_its_runs() -> None:
    assert 0 <= cpu(len, "x", 3) < 0.01
