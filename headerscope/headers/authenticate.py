"""WWW-Authenticate and Proxy-Authenticate: the server's challenges (RFC 9110, 11.6.1, 11.7.1).

    WWW-Authenticate   = #challenge
    Proxy-Authenticate = #challenge
    challenge          = auth-scheme [ 1*SP ( token68 / #auth-param ) ]

A comma separates both challenges and the parameters of one challenge; see `_auth` for how the
grammar tells them apart. RFC 9110 allows an empty list; a 401 or 407 response "MUST send" at
least one challenge, so an empty value is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._shared.auth import Challenge, Scanned, parse_challenges, write_auth
from ._shared.frozen import frozen
from ._shared.spec import Diagnostic, FieldSpec, Kind

Challenges = tuple[Challenge, ...]


def parse(raw: str) -> Challenges:
    return _challenges(parse_challenges(raw))


def analyse(raw: str) -> tuple[Challenges, Iterator[Diagnostic]]:
    """The challenges, and the warnings from the positions the same scan kept."""
    scanned = parse_challenges(raw)
    return _challenges(scanned), _lint(scanned)


def _challenges(scanned: list[Scanned]) -> Challenges:
    return tuple([Challenge(s.scheme, s.token68, frozen(s.params)) for s in scanned])


def write(value: Challenges) -> str:
    return ", ".join(write_auth(c.scheme, c.token68, c.params, challenge=True) for c in value)


def _lint(scanned: list[Scanned]) -> Iterator[Diagnostic]:
    if not scanned:
        yield Diagnostic("no challenge: a 401 or 407 response must carry at least one "
                         "(RFC 9110, 15.5.2)", 0)
    for s in scanned:
        realm = s.param_pos.get("realm")
        if realm is not None and not realm[1]:
            # RFC 9110, 11.5: "For historical reasons, a sender MUST only generate the
            # quoted-string syntax" for realm.
            yield Diagnostic("realm must be sent as a quoted-string", realm[0])
        if s.scheme == "basic":
            if realm is None:
                yield Diagnostic("a Basic challenge requires a realm (RFC 7617, 2)", s.scheme_pos)
            charset = s.params.get("charset")
            if charset is not None and charset.lower() != "utf-8":
                # RFC 7617, 2.1: "The only allowed value is "UTF-8""
                yield Diagnostic(f"Basic charset must be 'UTF-8', not {charset!r}",
                                 s.param_pos["charset"][0])
        elif s.scheme == "digest" and s.token68 is None:
            missing = [n for n in ("realm", "nonce") if n not in s.params]
            if missing:
                yield Diagnostic(f"a Digest challenge lacks {' and '.join(missing)} "
                                 "(RFC 7616, 3.3)", s.scheme_pos)


def _spec(name: str, ref: str) -> FieldSpec[Challenges]:
    return FieldSpec(name, parse, write, ref, kind=Kind.LIST, value_type="tuple[Challenge, ...]",
                     analyse=analyse, example='Basic realm="staging", charset="UTF-8"')


WWW_AUTHENTICATE = _spec("WWW-Authenticate", "RFC 9110, 11.6.1")
PROXY_AUTHENTICATE = _spec("Proxy-Authenticate", "RFC 9110, 11.7.1")
