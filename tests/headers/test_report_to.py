from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers.report_to import REPORT_TO, EndpointGroup, ReportingEndpoint

from ._content_helpers import rejects, round_trips, warnings

# Cloudflare, with JSON's escaped slashes
CLOUDFLARE = ('{"endpoints":[{"url":"https:\\/\\/a.nel.cloudflare.com\\/report\\/v4?s=abc"}],'
              '"group":"cf-nel","max_age":604800}')
FAILOVER = ('{"group":"csp-endpoint","max_age":10886400,"include_subdomains":true,"endpoints":['
            '{"url":"https://example.com/reports","priority":1},'
            '{"url":"https://backup.com/reports","priority":2,"weight":10}]}')


@pytest.mark.parametrize(("raw", "expected"), [
    (CLOUDFLARE, (EndpointGroup(604800, (ReportingEndpoint(
        "https://a.nel.cloudflare.com/report/v4?s=abc"),), "cf-nel"),)),
    (FAILOVER, (EndpointGroup(10886400, (
        ReportingEndpoint("https://example.com/reports", 1),
        ReportingEndpoint("https://backup.com/reports", 2, 10)), "csp-endpoint", True),)),
    ('{"max_age": 0, "group": "old"}', (EndpointGroup(0, (), "old"),)),  # a removal
    ('{"max_age":5,"endpoints":[{"url":"/reports"}]}, {"group":"b","max_age":6,"endpoints":'
     '[{"url":"https://b.example/r"}]}',
     (EndpointGroup(5, (ReportingEndpoint("/reports"),)),
      EndpointGroup(6, (ReportingEndpoint("https://b.example/r"),), "b"))),
])
def test_parses(raw: str, expected: tuple[EndpointGroup, ...]) -> None:
    assert REPORT_TO.parse(raw) == expected
    assert warnings(REPORT_TO, raw) == []


def test_writes_compact_json_without_defaults() -> None:
    round_trips(REPORT_TO, CLOUDFLARE, '{"group":"cf-nel","max_age":604800,"endpoints":'
                                       '[{"url":"https://a.nel.cloudflare.com/report/v4?s=abc"}]}')


def test_is_deprecated() -> None:
    parsed = REGISTRY.parse("Report-To", CLOUDFLARE)
    assert parsed.error is None
    assert parsed.warnings[0].reason.startswith("Report-To is the Reporting API's first header")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty Report-To", 0),
    ('{"endpoints":[]}', "lacks max_age", 0),
    ('{"max_age":1}', "endpoints must be an array of endpoint objects (it is missing)", 0),
    ('{"max_age":1,"endpoints":{"url":"https://a"}}', "(not an object)", 25),
    ('{"group":7,"max_age":1,"endpoints":[]}', "group must be a string, not the number 7", 9),
    ('{"max_age":-1,"endpoints":[]}', "max_age must be a non-negative integer", 11),
    ('{"max_age":1,"endpoints":["https://a"]}', "an endpoint is a JSON object with a url", 26),
    ('{"max_age":1,"endpoints":[{"URL":"https://a"}]}', "needs a url string (it is missing)",
     26),
    ('{"max_age":1,"endpoints":[{"url":null}]}', "needs a url string (not null)", 33),
    ('{"max_age":1,"endpoints":[{"url":"https://a"},{"url":"https://b","priority":-1}]}',
     "priority must be a non-negative integer, not the number -1", 76),
    ('{"max_age":1,"endpoints":[{"url":"https://a","weight":0.5}]}', "weight must be", 54),
    ("group=csp, max_age=60", "not JSON", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(REPORT_TO, raw, fragment, position)


@pytest.mark.parametrize(("raw", "expected"), [
    ('{"max_age":1,"endpoints":[{"url":"http://r.example/x"}]}',
     [("the url is not https (http:); non-secure endpoints are ignored", 33)]),
    ('{"max_age":1,"endpoints":[{"url":"reports"}]}', [("the url is relative", 33)]),
    ('{"max_age":1,"endpoints":[{"url":"https://a b"}]}', [("the url is not a valid URL", 33)]),
    ('{"max_age":1,"endpoints":[]}', [("no endpoints: the group is removed", 0)]),
    ('{"max_age":1,"endpoints":[{"url":"https://a"}]}, {"max_age":2,"endpoints":[{"url":'
     '"https://b"}]}', [('a second group named "default": only the first one is kept', 49)]),
    ('{"max_age":1,"endpoints":[{"url":"https://a","prio":1}],"include_subdomains":1}',
     [("include_subdomains is a boolean", 77),
      ("unknown member \"prio\" in a Report-To endpoint", 45)]),
])
def test_warnings(raw: str, expected: list[tuple[str, int]]) -> None:
    found = warnings(REPORT_TO, raw)
    assert len(found) == len(expected), found
    for (reason, at), (fragment, position) in zip(found, expected, strict=True):
        assert fragment in reason
        assert at == position
