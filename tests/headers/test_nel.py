from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers import to_json
from headerscope.headers.nel import NEL, NelPolicy

from ._content_helpers import rejects, round_trips, warnings

CLOUDFLARE = '{"success_fraction":0,"report_to":"cf-nel","max_age":604800}'
SPEC_EXAMPLE = ('{"report_to": "network-errors", "max_age": 2592000, '
                '"include_subdomains": true, "success_fraction": 0.5, "failure_fraction": 1.0}')


@pytest.mark.parametrize(("raw", "expected"), [
    (CLOUDFLARE, (NelPolicy("cf-nel", 604800),)),
    (SPEC_EXAMPLE, (NelPolicy("network-errors", 2592000, True, Decimal("0.5")),)),
    ('{"max_age": 0}', (NelPolicy(None, 0),)),  # removes the origin's policy
    ('{"report_to":"a","max_age":1,"failure_fraction":1e-2}',
     (NelPolicy("a", 1, failure_fraction=Decimal("0.01")),)),
    ('{"report_to":"\\u00e9\\/x","max_age":1}', (NelPolicy("\u00e9/x", 1),)),
])
def test_parses(raw: str, expected: tuple[NelPolicy, ...]) -> None:
    assert NEL.parse(raw) == expected
    assert warnings(NEL, raw) == []


def test_writes_compact_json_without_defaults() -> None:
    round_trips(NEL, CLOUDFLARE, '{"report_to":"cf-nel","max_age":604800}')
    round_trips(NEL, SPEC_EXAMPLE, '{"report_to":"network-errors","max_age":2592000,'
                                   '"include_subdomains":true,"success_fraction":0.5}')


def test_fractions_are_exact() -> None:
    (policy,) = NEL.parse('{"report_to":"a","max_age":1,"success_fraction":0.1}')
    assert policy.success_fraction == Decimal("0.1")
    assert to_json(policy)["success_fraction"] == "0.1"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty NEL", 0),
    ('{"max_age":1}', "the policy lacks report_to", 0),
    ('{"report_to":"a"}', "the policy lacks max_age, which is required", 0),
    ('{"report_to":"a", "max_age": -1}', "max_age must be a non-negative integer", 29),
    ('{"report_to":"a", "max_age": "86400"}', 'not the string "86400"', 29),
    ('{"report_to":"a", "max_age": 1.5}', "not the number 1.5", 29),
    ('{"report_to":"a", "max_age": true}', "not a boolean", 29),
    ('{"report_to":["a"], "max_age": 1}', "report_to must be a string", 13),
    ('{"report_to":"a","max_age":1,"success_fraction":1.5}',
     "success_fraction must be a number from 0.0 to 1.0, not the number 1.5", 48),
    ('{"report_to":"a","max_age":1,"failure_fraction":"1"}', "failure_fraction must be", 48),
    ('[{"report_to":"a","max_age":1}]', "a NEL policy is a JSON object, not an array", 0),
    ("report_to=default; max_age=60", "not JSON: Expecting value", 0),
    ("{'report_to':'a'}", "not JSON: Expecting property name enclosed in double quotes", 1),
    ('{"report_to":"a","max_age":1},', "expected a JSON policy after ','", 30),
    ('{"report_to":"a","max_age":1} x', "expected ',' and another JSON policy", 30),
    ('{"report_to":"a","max_age":NaN}', "NaN is not JSON", 27),
    ('{"report_to":"a","max_age":' + "9" * 30 + "}", "no count anyone can use", 27),
    ('{"report_to":"a\x01"}', "U+0001 cannot appear in a field value", 15),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(NEL, raw, fragment, position)


@pytest.mark.parametrize(("raw", "expected"), [
    ('{"report_to":"a","max_age":1}, {"report_to":"b","max_age":2}',
     [("only the first NEL policy is used", 31)]),
    ('{"report_to":"a","max_age":1,"include_subdomains":"true"}',
     [('include_subdomains is a boolean; the string "true" is read as false', 50)]),
    ('{"report_to":"a","max_age":1,"reportTo":"b"}',
     [('unknown member "reportTo" in a NEL policy: user agents ignore it', 29)]),
    ('{"report_to":"a","max_age":1,"response_headers":["ETag"]}',
     [("response_headers is not in the NEL specification", 29)]),
])
def test_warnings(raw: str, expected: list[tuple[str, int]]) -> None:
    found = warnings(NEL, raw)
    assert [(reason[:len(f)], at) for (reason, at), (f, _) in zip(found, expected,
                                                                  strict=True)] == expected
