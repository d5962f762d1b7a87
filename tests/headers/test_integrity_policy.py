from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers.types import IntegrityPolicy

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

IP, RO = "Integrity-Policy", "Integrity-Policy-Report-Only"


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # MDN's example, with the Reporting-Endpoints names it refers to
        (IP, "blocked-destinations=(script), endpoints=(integrity-endpoint "
             "backup-integrity-endpoint)",
         IntegrityPolicy(("script",), endpoints=("integrity-endpoint",
                                                 "backup-integrity-endpoint"))),
        (IP, "blocked-destinations=(script style), sources=(inline)",
         IntegrityPolicy(("script", "style"), ("inline",))),
        (RO, "blocked-destinations=(script)", IntegrityPolicy(("script",))),
    ],
)
def test_parses(name: str, raw: str, expected: IntegrityPolicy) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        (IP, "blocked-destinations=script", "must be an Inner List of Tokens, as in "
         "blocked-destinations=(script), found the Token script", 21),
        (IP, 'blocked-destinations=("script")', "write it without quotes: script", 22),
        (RO, "blocked-destinations=(script), endpoints=e", "endpoints must be an Inner List",
         41),
        (IP, "blocked-destinations=(script 1)", "found the Integer 1", 29),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position", "expected"),
    [
        (IP, "blocked-destinations=(script image)", "'image' is not one of "
         "blocked-destinations a browser looks for (script, style); it is ignored", 29,
         IntegrityPolicy(("script",))),
        (IP, "blocked-destinations=(script), sources=(inline external)",
         "'external' is not one of sources", 47, IntegrityPolicy(("script",), ("inline",))),
        (RO, "endpoints=(e)", "names no destination browsers block", None,
         IntegrityPolicy(endpoints=("e",))),
        # a Token may be upper-case, but the algorithm compares it with "script"
        (IP, "blocked-destinations=(Script)", "'Script' is not one of blocked-destinations",
         22, IntegrityPolicy(())),  # sent, with nothing that counts: not None
        (IP, "blocked-destinations=(script), report-to=e", "unknown member 'report-to'", 31,
         IntegrityPolicy(("script",))),
    ],
)
def test_warns(name: str, raw: str, fragment: str, position: int | None,
               expected: object) -> None:
    assert_warns(name, raw, fragment, position)
    assert parsed(name, raw).value == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # docs/json.md is stable: the field's member names, only the members sent
        ("blocked-destinations=(script), endpoints=(e)",
         {"blocked-destinations": ["script"], "endpoints": ["e"]}),
        ("sources=(inline), blocked-destinations=(Script)",
         {"blocked-destinations": [], "sources": ["inline"]}),
        ("endpoints=()", {"endpoints": []}),
    ],
)
def test_json_keeps_the_member_names(raw: str, expected: dict[str, object]) -> None:
    assert to_json(REGISTRY.parse(IP, raw).value) == expected
