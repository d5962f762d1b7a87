"""Report-To: named groups of endpoints that reports go to (Reporting API WD 2018-09-25, 3.1).

    Report-To = json-field-value   ; JSON objects, as if inside [ ] (HTTP-JFV, 4)
    {"group": "csp", "max_age": 10886400, "include_subdomains": true,
     "endpoints": [{"url": "https://r.example/csp", "priority": 1, "weight": 1}]}

The members, as 3.1.1 to 3.1.7 define them: group is OPTIONAL ("default"), a string; max_age is
REQUIRED, "a non-negative number" of seconds, 0 removes the group; endpoints is REQUIRED, "an
array of JSON objects", each with a REQUIRED url string and OPTIONAL priority and weight, "a
non-negative integer; any other type will result in a parse error". Those are errors. An
endpoint that is not "potentially trustworthy" (not https) is ignored, as are unknown members
and a second group of the same name: warnings.

The current Reporting API replaced this header with Reporting-Endpoints; Chromium still reads
Report-To, which NEL needs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import field
from typing import Any

from ._shared.json_field import (
    describe_json,
    is_count,
    key_position,
    lint_members,
    locate,
    locate_each,
    parse_elements,
    write_json,
)
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.uri import Uri, parse_uri_reference
from ._shared.value import value_type

_REF = "Reporting API WD 2018-09-25, 3.1"
_GROUP = {"group": "", "max_age": "", "endpoints": "", "include_subdomains": ""}
_ENDPOINT = {"url": "", "priority": "", "weight": ""}


@value_type
class ReportingEndpoint:
    url: str  # where reports are POSTed; must be https to be used
    priority: int = 1  # failover class: lower is tried first
    weight: int = 1  # share of the load within the failover class


@value_type
class EndpointGroup:
    max_age: int  # seconds the group lives; 0 removes it
    endpoints: tuple[ReportingEndpoint, ...] = field(default_factory=tuple)
    group: str = "default"  # the name CSP's report-to and NEL's report_to refer to
    include_subdomains: bool = False


def parse(raw: str) -> tuple[EndpointGroup, ...]:
    groups = tuple(_group(raw, obj, at) for obj, at in parse_elements(raw, "endpoint group"))
    if not groups:
        raise FieldError('empty Report-To: expected an endpoint group such as {"max_age": '
                         '86400, "endpoints": [{"url": "https://example.com/reports"}]}', 0)
    return groups


def _group(raw: str, obj: Any, at: int) -> EndpointGroup:
    if not isinstance(obj, dict):
        raise FieldError(f"an endpoint group is a JSON object, not {describe_json(obj)}", at)
    name = obj.get("group", "default")
    if not isinstance(name, str):  # 3.1.1: "The member's value MUST be a string"
        raise FieldError(f"group must be a string, not {describe_json(name)}",
                         locate(raw, at, "group"))
    if "max_age" not in obj:  # 3.1.3: "The REQUIRED max_age member"
        raise FieldError("the endpoint group lacks max_age, which is required (seconds; 0 "
                         "removes the group)", at)
    max_age = obj["max_age"]
    if not is_count(max_age):
        raise FieldError(f"max_age must be a non-negative integer number of seconds, not "
                         f"{describe_json(max_age)}", locate(raw, at, "max_age"))
    endpoints = obj.get("endpoints")
    if endpoints is None and "endpoints" not in obj and max_age == 0:
        endpoints = []  # a removal names the group; it needs no endpoints
    elif not isinstance(endpoints, list):  # 3.1.4: "MUST be an array of JSON objects"
        what = "it is missing" if "endpoints" not in obj else f"not {describe_json(endpoints)}"
        raise FieldError(f"endpoints must be an array of endpoint objects ({what})",
                         locate(raw, at, "endpoints"))
    each = locate_each(raw, at, "endpoints")  # where endpoint i is: each(i), each(i, "url")
    return EndpointGroup(max_age, tuple(_endpoint(e, each, i) for i, e in enumerate(endpoints)),
                         name, obj.get("include_subdomains") is True)


def _endpoint(obj: Any, each: Callable[..., int], i: int) -> ReportingEndpoint:
    if not isinstance(obj, dict):
        raise FieldError(f"an endpoint is a JSON object with a url, not {describe_json(obj)}",
                         each(i))
    url = obj.get("url")
    if not isinstance(url, str):  # 3.1.5: "The REQUIRED url member is a string"
        what = "it is missing" if "url" not in obj else f"not {describe_json(url)}"
        raise FieldError(f"an endpoint needs a url string ({what})", each(i, "url"))
    numbers = []
    for name in ("priority", "weight"):  # 3.1.6, 3.1.7: "MUST be a non-negative integer"
        number = obj.get(name, 1)
        if not is_count(number):
            raise FieldError(f"{name} must be a non-negative integer, not "
                             f"{describe_json(number)}", each(i, name))
        numbers.append(number)
    return ReportingEndpoint(url, *numbers)


def write(value: tuple[EndpointGroup, ...]) -> str:
    return ", ".join(write_json(_members(g)) for g in value)


def _members(g: EndpointGroup) -> dict[str, object]:
    out: dict[str, object] = {"group": g.group, "max_age": g.max_age}
    if g.include_subdomains:
        out["include_subdomains"] = True
    out["endpoints"] = [{"url": e.url, **({"priority": e.priority} if e.priority != 1 else {}),
                         **({"weight": e.weight} if e.weight != 1 else {})}
                        for e in g.endpoints]
    return out


def lint(value: tuple[EndpointGroup, ...], raw: str) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for g, (obj, at) in zip(value, parse_elements(raw, "endpoint group"), strict=True):
        yield from lint_members(raw, at, obj, _GROUP, "Report-To endpoint group", _REF)
        if g.group in seen:  # each group "MUST have a distinct name"; the first one is kept
            yield Diagnostic(f"a second group named {json.dumps(g.group)}: only the first one "
                             "is kept", key_position(raw, at, "group"))
        seen.add(g.group)
        if not isinstance(obj.get("include_subdomains", False), bool):
            yield Diagnostic("include_subdomains is a boolean; this value is read as false",
                             locate(raw, at, "include_subdomains"))
        if g.max_age and not g.endpoints:
            yield Diagnostic("no endpoints: the group is removed rather than set", at)
        each = locate_each(raw, at, "endpoints")
        for i, (e, o) in enumerate(zip(g.endpoints, obj.get("endpoints", ()), strict=True)):
            yield from lint_members(raw, each(i), o, _ENDPOINT, "Report-To endpoint", _REF)
            problem = _url_problem(e.url)
            if problem:
                yield Diagnostic(problem, each(i, "url"))


def _url_problem(url: str) -> str | None:
    """Why a user agent ignores this endpoint URL, or None."""
    try:
        ref = parse_uri_reference(url)
    except FieldError as exc:
        return f"the url is not a valid URL ({exc.reason}); the endpoint is ignored"
    if isinstance(ref, Uri):
        if ref.scheme == "https" and ref.host is not None:
            return None
        # 3.1.5: "the URL that the member's value represents MUST be potentially trustworthy"
        return f"the url is not https ({ref.scheme}:); non-secure endpoints are ignored"
    if url.startswith("/") and not url.startswith("//"):
        return None  # Chromium resolves a path against the origin that sent the header
    return "the url is relative; use an absolute https URL (or a path from '/')"


REPORT_TO = FieldSpec(
    "Report-To", parse, write, _REF, kind=Kind.LIST, value_type="tuple[EndpointGroup, ...]",
    lint=lint, deprecated="Report-To is the Reporting API's first header; the current "
    "Reporting API uses Reporting-Endpoints (browsers keep Report-To for NEL)",
    example='{"group":"csp-endpoint","max_age":10886400,"endpoints":'
            '[{"url":"https://example.com/csp-reports"}]}')
