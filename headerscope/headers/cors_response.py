"""The CORS response fields besides Access-Control-Allow-Origin (Fetch, 3.3.3 and 3.3.4).

    Access-Control-Allow-Credentials = %s"true" ; case-sensitive
    Access-Control-Allow-Headers     = #field-name
    Access-Control-Allow-Methods     = #method
    Access-Control-Expose-Headers    = #field-name
    Access-Control-Max-Age           = delta-seconds

"For `Access-Control-Expose-Headers`, `Access-Control-Allow-Methods`, and
`Access-Control-Allow-Headers` response headers, the value `*` counts as a wildcard for
requests without credentials": "*" is a member like any other here, whose meaning depends on
the request. Field names are case-insensitive and lower-cased; methods are case-sensitive and
kept as sent, and a lower-case spelling of a standard method is a warning, since the CORS
check compares methods byte for byte.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ._shared.content import ElementOffsets, token_list_field
from ._shared.families import MAX_DELTA, int_field, lint_ceiling
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from .cors import lint_request_method

_REF = "Fetch, 3.3.3"
# Fetch, 2.2.2: a forbidden response-header name is never exposed to scripts
_FORBIDDEN = ("set-cookie", "set-cookie2")
_CHROMIUM_MAX_AGE, _FIREFOX_MAX_AGE = 7200, 86400


def parse_credentials(raw: str) -> bool:
    if raw == "true":
        return True
    if raw.lower() == "true":
        reason = f"{raw!r} is not 'true': the value is case-sensitive (%s\"true\")"
    elif raw.lower() == "false":
        reason = ("Access-Control-Allow-Credentials is 'true' or absent; to refuse "
                  "credentials, leave the field out")
    else:
        reason = "expected exactly 'true'"
    raise FieldError(f"{reason}; any other value fails the CORS check", 0)


def write_credentials(value: bool) -> str:
    return "true"


def lint_methods(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, method in enumerate(value):
        for d in lint_request_method(method, method):
            yield Diagnostic(d.reason, where(i))


def lint_exposed(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, name in enumerate(value):
        if name in _FORBIDDEN:
            yield Diagnostic(f"{name} is a forbidden response-header name: browsers never "
                             "expose it to scripts (Fetch, 2.2.2)", where(i))


def lint_max_age(value: int, raw: str) -> Iterator[Diagnostic]:
    # delta-seconds: a larger value is 2^31 (RFC 9111, 1.2.2), valid, with a warning
    yield from lint_ceiling(raw, "max-age", MAX_DELTA) if value == MAX_DELTA else ()
    # CORS-preflight fetch: "If max-age is greater than an imposed limit on max-age,
    # then set max-age to the imposed limit."
    if value > _CHROMIUM_MAX_AGE:
        firefox = (f"Firefox at {_FIREFOX_MAX_AGE} (24 hours)" if value > _FIREFOX_MAX_AGE
                   else "Firefox keeps it")
        yield Diagnostic(f"browsers cap the preflight cache: Chromium at {_CHROMIUM_MAX_AGE} "
                         f"seconds (2 hours), {firefox}", 0)


ACCESS_CONTROL_ALLOW_CREDENTIALS = FieldSpec(
    "Access-Control-Allow-Credentials", parse_credentials, write_credentials, _REF,
    value_type="bool (only true)", example="true")
ACCESS_CONTROL_ALLOW_HEADERS = token_list_field(
    "Access-Control-Allow-Headers", _REF, lower=True,
    example="Content-Type, Authorization, X-Requested-With")
ACCESS_CONTROL_ALLOW_METHODS = token_list_field(
    "Access-Control-Allow-Methods", _REF, lower=False, lint=lint_methods,
    example="GET, POST, PUT, DELETE, OPTIONS")
ACCESS_CONTROL_EXPOSE_HEADERS = token_list_field(
    "Access-Control-Expose-Headers", _REF, lower=True, lint=lint_exposed,
    example="Content-Length, X-Request-Id")
ACCESS_CONTROL_MAX_AGE = dataclasses.replace(
    int_field("Access-Control-Max-Age", _REF, what="a number of seconds", ceiling=MAX_DELTA,
              example="600"),
    lint=lint_max_age)
