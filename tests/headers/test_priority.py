from __future__ import annotations

import pytest

from headerscope.headers.priority import incremental, urgency

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("u=0, i", {"u": 0, "i": True}),  # Chromium and Firefox, for a document
        ("u=1, i", {"u": 1, "i": True}),
        ("u=4", {"u": 4}),
        ("i", {"i": True}),
        ("i=?0", {"i": False}),
        ("", {}),  # the defaults: no warning, an empty Priority is legal
        ("u=3, i, ext=(1 2);x", {"u": 3, "i": True}),  # unknown members: ignored, silently
        ("u=7,i=?1", {"u": 7, "i": True}),
    ],
)
def test_parses(raw: str, expected: dict[str, object]) -> None:
    assert_parses("Priority", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("U=0", "keys are lower-case", 0),
        ("u=0,", "trailing ','", 3),
        ("u=0 i", "expected ',' or the end of the value", 4),
        ("u=0;", "expected a parameter key", 4),
        ("i=?2", "expected 0 or 1", 3),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Priority", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position", "expected"),
    [
        # "priority parameters with out-of-range values, or values of unexpected types MUST
        # be ignored" (RFC 9218, 4): a warning, and the default applies
        ("u=9, i", "the Integer 9 is ignored (RFC 9218, 4), so the default applies: urgency 3",
         2, {"i": True}),
        ("u, i", "the Boolean ?1 is ignored", 0, {"i": True}),  # no "=": at the key
        ("u=1, i=1", "i is a Boolean; the Integer 1 is ignored", 7, {"u": 1}),
        ("u=1.5", "the Decimal 1.5 is ignored", 2, {}),
    ],
)
def test_ignored_members_are_warnings(raw: str, fragment: str, position: int,
                                      expected: dict[str, object]) -> None:
    assert_warns("Priority", raw, fragment, position)
    assert parsed("Priority", raw).value == expected


def test_effective_values() -> None:
    assert (urgency({}), incremental({})) == (3, False)
    assert (urgency({"u": 0, "i": True}), incremental({"u": 0, "i": True})) == (0, True)
