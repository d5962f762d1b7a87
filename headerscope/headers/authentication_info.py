"""Authentication-Info and Proxy-Authentication-Info: what a successful authentication adds
(RFC 9110, 11.6.3 and 11.7.3).

    Authentication-Info       = #auth-param
    Proxy-Authentication-Info = #auth-param
    auth-param                = token BWS "=" BWS ( token / quoted-string )

"The Authentication-Info header field can be used by an authentication scheme ... the field
value is a list of parameters (name/value pairs), using the "auth-param" syntax": Digest
(RFC 7616, 3.5) sends nextnonce, qop, rspauth, cnonce and nc here. Names are case-insensitive
and lower-cased; a name sent twice is an error, as in every auth-param list (RFC 9110, 11.2).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import quote, quote_string
from ._shared.auth import parse_auth_params
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type

# RFC 7616, 3.5: these Digest parameters are quoted-strings ("nextnonce=...quoted-string");
# qop and nc are tokens.
_QUOTED = frozenset({"nextnonce", "rspauth", "cnonce"})


@value_type
class AuthParam:
    name: str  # lower-cased
    value: str  # unquoted


def parse(raw: str) -> tuple[AuthParam, ...]:
    params, _ = parse_auth_params(raw)
    return tuple(AuthParam(name, value) for name, value in params.items())


def write(value: tuple[AuthParam, ...]) -> str:
    return ", ".join(f"{p.name}={quote_string(p.value) if p.name in _QUOTED else quote(p.value)}"
                     for p in value)


def lint(value: tuple[AuthParam, ...], raw: str) -> Iterator[Diagnostic]:
    if not value:
        yield Diagnostic("no parameters: an empty field says nothing", 0)
    for name, (at, quoted) in parse_auth_params(raw)[1].items():
        if name in _QUOTED and not quoted:
            yield Diagnostic(f"Digest sends {name} as a quoted-string (RFC 7616, 3.5)", at)


def _spec(name: str, ref: str) -> FieldSpec[tuple[AuthParam, ...]]:
    return FieldSpec(name, parse, write, ref, kind=Kind.LIST, value_type="tuple[AuthParam, ...]",
                     lint=lint, example='qop=auth, rspauth="6629fae49393a05397450978507c4ef1", '
                     'cnonce="0a4f113b", nc=00000001')


AUTHENTICATION_INFO = _spec("Authentication-Info", "RFC 9110, 11.6.3")
PROXY_AUTHENTICATION_INFO = _spec("Proxy-Authentication-Info", "RFC 9110, 11.7.3")
