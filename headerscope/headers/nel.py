"""NEL: the origin's Network Error Logging policy (Network Error Logging, 4.1 and 4.2).

    NEL = json-field-value     ; JSON objects, as if inside [ ] (HTTP-JFV, 4)
    {"report_to": "nel", "max_age": 2592000, "include_subdomains": true,
     "success_fraction": 0.01, "failure_fraction": 1.0}

The members are checked as "process policy headers" (4.2) reads them: max_age is REQUIRED,
"a non-negative integer"; report_to is REQUIRED "to register a NEL policy, and OPTIONAL if the
intent is to remove a previous registration" (max_age 0); the fractions, if present, "MUST be a
number between 0.0 and 1.0, inclusive; any other value will result in a parse error". A value
that breaks one of these is an error: the user agent ignores the whole policy. What it only
ignores is a warning: a policy after the first, an unknown member, an include_subdomains
that is not a boolean. Absent members take the spec's defaults, and `write` leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ._shared.json_field import (
    describe_json,
    is_count,
    lint_members,
    locate,
    parse_elements,
    write_json,
)
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

ZERO, ONE = Decimal(0), Decimal(1)
_REF = "Network Error Logging, 4.1"
_OLD = "is not in the NEL specification (an earlier draft had it; Chromium still reads it)"
_KNOWN = {"report_to": "", "max_age": "", "include_subdomains": "", "success_fraction": "",
          "failure_fraction": "", "request_headers": f"request_headers {_OLD}",
          "response_headers": f"response_headers {_OLD}"}


@value_type
class NelPolicy:
    """One NEL policy, with the spec's defaults filled in."""

    report_to: str | None  # the Reporting endpoint group; None only when max_age is 0
    max_age: int  # seconds the policy lives; 0 removes the origin's policy
    include_subdomains: bool = False
    success_fraction: Decimal = ZERO  # share of successful requests reported
    failure_fraction: Decimal = ONE  # share of failed requests reported


def parse(raw: str) -> tuple[NelPolicy, ...]:
    policies = tuple(_policy(raw, obj, at) for obj, at in parse_elements(raw, "policy"))
    if not policies:  # 4.2, step 5: "if list is empty, abort these steps"
        raise FieldError('empty NEL: expected a policy such as {"report_to": "default", '
                         '"max_age": 86400}', 0)
    return policies


def _policy(raw: str, obj: Any, at: int) -> NelPolicy:
    if not isinstance(obj, dict):
        raise FieldError(f"a NEL policy is a JSON object, not {describe_json(obj)}", at)
    if "max_age" not in obj:  # "The REQUIRED max_age member"
        raise FieldError("the policy lacks max_age, which is required (seconds; 0 removes the "
                         "policy)", at)
    max_age = obj["max_age"]
    if not is_count(max_age):  # "Its value MUST be an non-negative integer"
        raise FieldError(f"max_age must be a non-negative integer number of seconds, not "
                         f"{describe_json(max_age)}", locate(raw, at, "max_age"))
    report_to = obj.get("report_to")
    if report_to is None and "report_to" not in obj:
        if max_age != 0:  # report_to "is REQUIRED to register a NEL policy"
            raise FieldError("the policy lacks report_to, the Reporting endpoint group to send "
                             "reports to (only a removal, max_age 0, may leave it out)", at)
    elif not isinstance(report_to, str):  # "If present, its value MUST be a string"
        raise FieldError(f"report_to must be a string (an endpoint group name), not "
                         f"{describe_json(report_to)}", locate(raw, at, "report_to"))
    return NelPolicy(report_to, max_age, obj.get("include_subdomains") is True,
                     _fraction(raw, obj, at, "success_fraction", ZERO),
                     _fraction(raw, obj, at, "failure_fraction", ONE))


def _fraction(raw: str, obj: dict[str, Any], at: int, name: str, default: Decimal) -> Decimal:
    if name not in obj:
        return default
    value = obj[name]
    if type(value) not in (int, Decimal) or not ZERO <= value <= ONE:
        raise FieldError(f"{name} must be a number from 0.0 to 1.0, not {describe_json(value)}; "
                         "the user agent ignores the whole policy", locate(raw, at, name))
    return Decimal(value)


def write(value: tuple[NelPolicy, ...]) -> str:
    return ", ".join(write_json(_members(p)) for p in value)


def _members(p: NelPolicy) -> dict[str, object]:
    out: dict[str, object] = {} if p.report_to is None else {"report_to": p.report_to}
    out["max_age"] = p.max_age
    if p.include_subdomains:
        out["include_subdomains"] = True
    if p.success_fraction != ZERO:
        out["success_fraction"] = p.success_fraction
    if p.failure_fraction != ONE:
        out["failure_fraction"] = p.failure_fraction
    return out


def lint(value: tuple[NelPolicy, ...], raw: str) -> Iterator[Diagnostic]:
    for i, (obj, at) in enumerate(parse_elements(raw, "policy")):
        if i == 1:  # 4.1: "process the first valid policy in the array and ignore any
            # additional policies"
            yield Diagnostic("only the first NEL policy is used; the ones after it are "
                             "ignored", at)
        yield from lint_members(raw, at, obj, _KNOWN, "NEL policy", _REF)
        subdomains = obj.get("include_subdomains", False)
        if not isinstance(subdomains, bool):  # "or its value is not true"
            yield Diagnostic(f"include_subdomains is a boolean; {describe_json(subdomains)} "
                             "is read as false", locate(raw, at, "include_subdomains"))


NEL = FieldSpec("NEL", parse, write, _REF, kind=Kind.LIST, value_type="tuple[NelPolicy, ...]",
                lint=lint,
                example='{"report_to":"default","max_age":2592000,"include_subdomains":true,'
                        '"failure_fraction":0.5}')
