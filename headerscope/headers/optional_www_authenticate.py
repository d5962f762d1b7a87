"""Optional-WWW-Authenticate: challenges a client may answer, on a response that is not a 401
(RFC 8053, 3).

    Optional-WWW-Authenticate = 1#challenge

The challenges are WWW-Authenticate's (RFC 9110, 11.6.1), read by the same parser; unlike
WWW-Authenticate, at least one is required.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import authenticate
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind


def analyse(raw: str) -> tuple[authenticate.Challenges, Iterable[Diagnostic]]:
    value, notes = authenticate.analyse(raw)
    if not value:
        raise FieldError("at least one challenge is required (1#challenge)", 0)
    return value, notes


def parse(raw: str) -> authenticate.Challenges:
    return analyse(raw)[0]


OPTIONAL_WWW_AUTHENTICATE = FieldSpec(
    "Optional-WWW-Authenticate", parse, authenticate.write, "RFC 8053, 3", kind=Kind.LIST,
    value_type="tuple[Challenge, ...]", analyse=analyse, example='Basic realm="Sample"')
