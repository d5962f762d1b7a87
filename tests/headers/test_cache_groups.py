from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # RFC 9875's examples
        ("Cache-Groups", '"scripts"', ("scripts",)),
        ("Cache-Groups", '"ExampleJS";revalidate, "scripts"', ("ExampleJS", "scripts")),
        ("Cache-Group-Invalidation", '"eurovision-results", "kylie-minogue"',
         ("eurovision-results", "kylie-minogue")),
        ("Cache-Groups", '"a",\t"b" ,"a"', ("a", "b", "a")),  # OWS; a repeat is kept
    ],
)
def test_parses(name: str, raw: str, expected: tuple[str, ...]) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        # "a List of Strings": a Token (the group without quotes) is the usual mistake
        ("Cache-Groups", "scripts", 'found the Token scripts (quote it: "scripts")', 0),
        ("Cache-Groups", '"scripts", 42', "found the Integer 42", 11),
        ("Cache-Group-Invalidation", '("a" "b")', "found an Inner List", 0),
        ("Cache-Group-Invalidation", '"a" "b"', "expected ','", 4),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Cache-Groups", '"' + "g" * 33 + '"', "a group of 33 characters", 0),
        ("Cache-Groups", ", ".join(f'"g{i}"' for i in range(33)), "more than 32 groups",
         len(", ".join(f'"g{i}"' for i in range(32))) + 2),
        ("Cache-Group-Invalidation", "", "the same as not sending the field", None),
    ],
)
def test_warns(name: str, raw: str, fragment: str, position: int | None) -> None:
    assert_warns(name, raw, fragment, position)
