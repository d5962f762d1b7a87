"""One field line carries at most MAX_WARNINGS warnings, then one that counts the rest (issue 13).

A value of 8000 bad members used to carry 8000 warnings, each repeated by every view of the
page. The registry keeps the first MAX_WARNINGS, in order and with their positions, and ends
with "... and N more warnings like these"; the deprecation note of an obsolete field is
always first and never counted. Also here: `ElementOffsets`, which the lints use to place
their warnings, gives what `element_offsets` gives, for members asked for in any order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers import REGISTRY, Diagnostic, FieldSpec
from headerscope.headers._shared.content import ElementOffsets, element_offsets
from headerscope.headers._shared.spec import MAX_WARNINGS, Kind, parse_with

BAD = 8000


def _reasons(warnings: tuple[Diagnostic, ...]) -> list[str]:
    return [w.reason for w in warnings]


def test_a_lint_of_thousands_of_warnings_keeps_the_first_and_counts_the_rest() -> None:
    f = REGISTRY.parse("Expect", ",".join(["a"] * BAD))
    assert f.ok
    assert len(f.warnings) == MAX_WARNINGS + 1
    assert [w.position for w in f.warnings[:MAX_WARNINGS]] == list(range(0, 2 * MAX_WARNINGS, 2))
    assert all("unknown expectation" in r for r in _reasons(f.warnings[:MAX_WARNINGS]))
    assert f.warnings[-1] == Diagnostic(f"... and {BAD - MAX_WARNINGS} more warnings like these")


def test_the_deprecation_note_stays_first_and_is_not_counted() -> None:
    f = REGISTRY.parse("Warning", ", ".join(['999 a "b"'] * BAD))
    assert f.ok
    assert f.spec is not None and f.warnings[0] == Diagnostic(f.spec.deprecated or "")
    assert len(f.warnings) == 1 + MAX_WARNINGS + 1
    assert _reasons(f.warnings[1:-1]) == ["warn-code 999 is not registered"] * MAX_WARNINGS
    assert f.warnings[-1].reason == f"... and {BAD - MAX_WARNINGS} more warnings like these"


def test_an_analysed_field_is_capped_too() -> None:
    raw = "a=b" + "".join(f"; x{i}" for i in range(BAD))  # Set-Cookie: analyse, not lint
    f = REGISTRY.parse("Set-Cookie", raw)
    assert f.ok and f.spec is not None and f.spec.analyse is not None
    assert len(f.warnings) == MAX_WARNINGS + 1
    assert f.warnings[0] == Diagnostic("unknown attribute 'x0': user agents ignore attributes "
                                       "they do not recognize", 5)
    assert f.warnings[-1].reason == f"... and {BAD - MAX_WARNINGS} more warnings like these"


@pytest.mark.parametrize("count", [0, 1, MAX_WARNINGS - 1, MAX_WARNINGS])
def test_up_to_the_cap_nothing_is_elided(count: int) -> None:
    f = REGISTRY.parse("Expect", ", ".join(["100-continue"] + ["a"] * count))
    assert len(f.warnings) == count
    assert not any(r.startswith("...") for r in _reasons(f.warnings))


def test_one_over_the_cap_says_warning_in_the_singular() -> None:
    f = REGISTRY.parse("Expect", ",".join(["a"] * (MAX_WARNINGS + 1)))
    assert f.warnings[-1].reason == "... and 1 more warning like these"
    assert len(f.warnings) == MAX_WARNINGS + 1


def _spec(analysed: int, linted: int) -> FieldSpec[str]:
    def analyse(raw: str) -> tuple[str, Iterator[Diagnostic]]:
        return raw, (Diagnostic(f"analysed {i}", i) for i in range(analysed))

    def lint(value: str, raw: str) -> list[Diagnostic]:
        return [Diagnostic(f"linted {i}", i) for i in range(linted)]

    return FieldSpec("X-Test", str, str, "test", kind=Kind.LIST, analyse=analyse, lint=lint)


@given(st.integers(0, 3 * MAX_WARNINGS), st.integers(0, 3 * MAX_WARNINGS))
def test_analyse_and_lint_share_one_cap(analysed: int, linted: int) -> None:
    f = parse_with(_spec(analysed, linted), "X-Test", "v")
    expected = [f"analysed {i}" for i in range(analysed)] + [f"linted {i}" for i in
                                                            range(linted)]
    more = len(expected) - MAX_WARNINGS
    assert _reasons(f.warnings[:MAX_WARNINGS]) == expected[:MAX_WARNINGS]
    if more > 0:
        plural = "s" if more > 1 else ""
        assert _reasons(f.warnings[MAX_WARNINGS:]) == [
            f"... and {more} more warning{plural} like these"]
    else:
        assert len(f.warnings) == len(expected)


def test_a_lint_that_fails_midway_keeps_what_it_said_and_says_it_failed() -> None:
    def lint(value: str, raw: str) -> Iterator[Diagnostic]:
        yield Diagnostic("first", 0)
        raise ZeroDivisionError

    spec: FieldSpec[Any] = FieldSpec("X-Test", str, str, "test", lint=lint)
    f = parse_with(spec, "X-Test", "v")
    assert f.ok
    assert _reasons(f.warnings) == ["first", "internal lint error (ZeroDivisionError)"]


# -- ElementOffsets ----------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "", "a", " a, ,b ,, c", '"x,y", z', 'a="b\\",c", d', ",,,", "a , b\t,\tc", '"open, a',
])
def test_element_offsets_in_any_order_equal_the_walk(raw: str) -> None:
    walk = list(element_offsets(raw))
    where = ElementOffsets(raw)
    order = list(range(len(walk) + 2))
    for i in reversed(order):  # the furthest first, then back: one walk serves them all
        assert where(i) == (walk[i] if i < len(walk) else None)
    for i in order:
        assert where(i) == (walk[i] if i < len(walk) else None)


@given(st.text(alphabet=' ,"\\ab\t', max_size=40), st.lists(st.integers(0, 45), max_size=10))
def test_element_offsets_agree_with_the_walk(raw: str, asked: list[int]) -> None:
    walk = list(element_offsets(raw))
    where = ElementOffsets(raw)
    assert [where(i) for i in asked] == [walk[i] if i < len(walk) else None for i in asked]
