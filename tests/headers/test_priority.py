from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers.priority import incremental, urgency
from headerscope.headers.types import PriorityValue as P

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("u=0, i", P(0, True)),  # Chromium and Firefox, for a document
        ("u=1, i", P(1, True)),
        ("u=4", P(4)),
        ("i", P(incremental=True)),
        ("i=?0", P(incremental=False)),
        ("", P()),  # the defaults: no warning, an empty Priority is legal
        ("u=3, i, ext=(1 2);x", P(3, True)),  # unknown members: ignored, silently
        ("u=7,i=?1", P(7, True)),
    ],
)
def test_parses(raw: str, expected: P) -> None:
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
         2, P(incremental=True)),
        ("u, i", "the Boolean ?1 is ignored", 0, P(incremental=True)),  # no "=": at the key
        ("u=1, i=1", "i is a Boolean; the Integer 1 is ignored", 7, P(1)),
        ("u=1.5", "the Decimal 1.5 is ignored", 2, P()),
    ],
)
def test_ignored_members_are_warnings(raw: str, fragment: str, position: int,
                                      expected: P) -> None:
    assert_warns("Priority", raw, fragment, position)
    assert parsed("Priority", raw).value == expected


def test_effective_values() -> None:
    assert (urgency(P()), incremental(P())) == (3, False)  # the defaults (RFC 9218, 4.1, 4.2)
    assert (urgency(P(0, True)), incremental(P(0, True))) == (0, True)
    assert (urgency(P(incremental=False)), incremental(P(5))) == (3, False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # docs/json.md is stable: the field's member names, only the members that count
        ("u=0, i", {"u": 0, "i": True}),
        ("u=4", {"u": 4}),
        ("i=?0", {"i": False}),
        ("u=9, i", {"i": True}),
        ("", {}),
    ],
)
def test_json_keeps_the_member_names(raw: str, expected: dict[str, object]) -> None:
    assert to_json(REGISTRY.parse("Priority", raw).value) == expected


def test_the_fast_path_shares_one_value_per_spelling() -> None:
    first, again = (REGISTRY.parse("Priority", "u=0, i").value for _ in range(2))
    assert first is again and first == P(0, True)
    assert REGISTRY.parse("Priority", "u=0 ,\ti").value is first
    assert hash(first) == hash(P(0, True))  # the field cache keeps values that hash
