"""Strict-Transport-Security: use only HTTPS for this host, for max-age seconds (RFC 6797, 6.1).

    Strict-Transport-Security = [ directive ] *( ";" [ directive ] )
    directive         = directive-name [ "=" directive-value ]
    directive-name    = token
    directive-value   = token / quoted-string
    max-age           = "max-age" "=" delta-seconds     ; REQUIRED; quoted form allowed
    includeSubDomains = "includeSubDomains"
    preload           = "preload"                       ; de facto (hstspreload.org)

RFC 6797 uses RFC 2616's implied linear white space, so OWS may surround ";" and "=".
"Directive names are case-insensitive"; "All directives MUST appear only once in an STS header
field", so a repeat is an error. Unknown directives are kept with a warning ("UAs MUST ignore
any STS header field directives not recognized"). max-age is a magnitude ("max-age=0060" is
60). Its delta-seconds is RFC 2616's `1*DIGIT` (3.3.2), with no bound and no cache's 2^31 rule:
a number larger than an implementation can count is valid, read as 2^63 - 1 with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ..grammar import INT_CEILING, Cursor, over_ceiling, quote, read_count
from ._shared.families import ceiling_note
from ._shared.frozen import EMPTY, frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type

_FLAGS = {"includesubdomains": "includeSubDomains", "preload": "preload"}
_PRELOAD_MIN_AGE = 31536000  # hstspreload.org: one year
_MAX_AGE_VALUE_RE = re.compile(r'[^=]*=[ \t]*"?([0-9]*)')  # from the directive's start


@value_type
class StrictTransportSecurity:
    """`extensions`: unknown directives, lower-cased name -> value (None: no "=")."""

    max_age: int
    include_subdomains: bool = False
    preload: bool = False
    extensions: Mapping[str, str | None] = EMPTY


def parse(raw: str) -> StrictTransportSecurity:
    return _scan(raw)[0]


def write(value: StrictTransportSecurity) -> str:
    parts = [f"max-age={value.max_age}"]
    parts += [name for name, on in (("includeSubDomains", value.include_subdomains),
                                    ("preload", value.preload)) if on]
    parts += [k if v is None else f"{k}={quote(v)}" for k, v in value.extensions.items()]
    return "; ".join(parts)


def _scan(raw: str) -> tuple[StrictTransportSecurity, dict[str, int]]:
    cur = Cursor(raw)
    seen: dict[str, str | None] = {}
    where: dict[str, int] = {}
    while True:
        cur.skip_ows()
        if cur.at_end():
            break
        if cur.take(";"):
            continue  # the grammar's [ directive ]: empty directives are allowed
        start = cur.pos
        key = cur.token("a directive name").lower()
        save = cur.pos
        cur.skip_ows()
        value = None
        if cur.take("="):
            cur.skip_ows()
            value_at = cur.pos
            value = cur.token_or_quoted("a directive value")
            if key in _FLAGS:
                raise FieldError(f"{_FLAGS[key]} takes no value", value_at)
            if key == "max-age" and not (value.isascii() and value.isdigit()):
                raise FieldError("max-age must be a number of seconds", value_at)
        else:
            cur.pos = save
            if key == "max-age":
                raise FieldError("max-age needs '=' and a number of seconds", cur.pos)
        if key in seen:  # 6.1: "All directives MUST appear only once in an STS header field."
            raise FieldError(f"directive {key!r} is repeated: all directives must appear "
                             "only once", start)
        seen[key], where[key] = value, start
        cur.skip_ows()
        if not cur.at_end() and not cur.take(";"):
            raise cur.unexpected("';' or the end of the value")
    max_age = seen.get("max-age")
    if max_age is None:  # 6.1.1: "The REQUIRED "max-age" directive"
        raise FieldError("max-age is required (e.g. max-age=31536000)", None)
    extensions = frozen([(k, v) for k, v in seen.items() if k != "max-age" and k not in _FLAGS])
    return StrictTransportSecurity(read_count(max_age), "includesubdomains" in seen,
                                   "preload" in seen, extensions), where


def lint(value: StrictTransportSecurity, raw: str) -> Iterator[Diagnostic]:
    where = _scan(raw)[1]
    if value.max_age == INT_CEILING:
        m = _MAX_AGE_VALUE_RE.match(raw, where["max-age"])
        if m is not None and over_ceiling(m.group(1)):
            yield Diagnostic(ceiling_note("max-age", INT_CEILING), m.start(1))
    for name in value.extensions:  # 6.1: "UAs MUST ignore any STS header field directives
        # not recognized"
        yield Diagnostic(f"unknown directive {name!r}: browsers ignore it", where[name])
    if value.preload and (not value.include_subdomains or value.max_age < _PRELOAD_MIN_AGE):
        yield Diagnostic("the HSTS preload list requires includeSubDomains and a max-age of at "
                         "least 31536000 (one year)", where["preload"])


STRICT_TRANSPORT_SECURITY = FieldSpec(
    "Strict-Transport-Security", parse, write, "RFC 6797, 6.1",
    value_type="StrictTransportSecurity", lint=lint,
    example="max-age=63072000; includeSubDomains; preload")
