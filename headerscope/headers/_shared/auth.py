"""Credentials and challenges: the shared grammar of HTTP authentication (RFC 9110, 11).

    auth-scheme = token
    auth-param  = token BWS "=" BWS ( token / quoted-string )
    token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
    credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]

Strategy: in `#challenge` (WWW-Authenticate, Proxy-Authenticate) a comma either separates two
parameters of one challenge or two challenges. The grammar decides it: after a comma, a token
followed by BWS "=" is one more parameter of the open challenge; any other token starts a new
challenge (its scheme). A token68 is recognised the same way: it is a token68 only when the
end of the value or a comma follows it, else it is the first parameter's name.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import NamedTuple

from ...grammar import TOKEN_RE, Cursor, describe, quote, quote_string
from .frozen import EMPTY
from .spec import FieldError
from .value import value_type

_TOKEN68_RE = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
# the common case, a scheme and a token68 (Basic, Bearer, Negotiate), in one match
SCHEME_TOKEN68_RE = re.compile(rf"({TOKEN_RE.pattern}) +({_TOKEN68_RE.pattern})")
_NOT_BASE64_RE = re.compile(r"[^A-Za-z0-9+/=]")
# one auth-param, when it is well-formed and ends where a list element must end
_PARAM_RE = re.compile(rf'({TOKEN_RE.pattern})[ \t]*=[ \t]*(?:({TOKEN_RE.pattern})|'
                       r'"((?:[\t !#-\[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*)")(?=[ \t,]|\Z)')
_QUOTED_PAIR_RE = re.compile(r"\\(.)", re.S)

# The IANA HTTP Authentication Scheme Registry's spellings (and NTLM, unregistered but common):
# schemes are case-insensitive, so values hold them lower-cased and writers use these.
_SPELLING = {s.lower(): s for s in (
    "Basic", "Bearer", "Concealed", "Digest", "DPoP", "GNAP", "HOBA", "Mutual", "Negotiate",
    "NTLM", "OAuth", "PrivateToken", "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid")}
# RFC 7616, 3.3 and 3.4: these Digest parameters are quoted-strings; the others are tokens.
# RFC 9110, 11.5 for realm in every scheme: "a sender MUST only generate the quoted-string
# syntax".
_QUOTED = frozenset({"realm"})
_DIGEST_QUOTED = frozenset({"realm", "domain", "nonce", "opaque", "username", "uri",
                            "response", "cnonce"})


@value_type
class Challenge:
    """One challenge of WWW-Authenticate or Proxy-Authenticate.

    `scheme` is lower-cased ("It uses a case-insensitive token"); a challenge carries either a
    `token68` or `params` (names lower-cased, values unquoted), or neither.
    """

    scheme: str
    token68: str | None = None
    params: Mapping[str, str] = EMPTY


@value_type
class Credentials:
    """Authorization or Proxy-Authorization credentials other than Basic; fields as Challenge."""

    scheme: str
    token68: str | None = None
    params: Mapping[str, str] = EMPTY


@value_type
class BasicCredentials:
    """Basic credentials (RFC 7617), decoded from base64: the user-id and the password."""

    user_id: str
    password: str

    @property
    def scheme(self) -> str:
        return "basic"

    def __json__(self) -> dict[str, str]:
        return {"scheme": "basic", "user_id": self.user_id, "password": self.password}


class Scanned(NamedTuple):
    """One credentials or challenge as parsed, with the positions lint and Basic need."""

    scheme: str
    scheme_pos: int
    token68: str | None
    token68_pos: int  # where the token68 or the first parameter starts (or would)
    params: dict[str, str]
    param_pos: dict[str, tuple[int, bool]]  # name -> (position of the name, value was quoted)


def scheme_name(scheme: str) -> str:
    return _SPELLING.get(scheme, scheme)


def write_auth(scheme: str, token68: str | None, params: Mapping[str, str], *,
               challenge: bool) -> str:
    """`Scheme token68` or `Scheme a=b, c="d"`, quoting what the scheme's RFC says to quote."""
    name = scheme_name(scheme)
    if token68 is not None:
        return f"{name} {token68}"
    if not params:
        return name
    quoted = _DIGEST_QUOTED if scheme == "digest" else _QUOTED
    if scheme == "digest" and challenge:
        quoted = quoted | {"qop"}  # qop-options is quoted in a challenge, a token in credentials
    return name + " " + ", ".join(
        f"{k}={quote_string(v) if k in quoted else quote(v)}" for k, v in params.items())


def parse_credentials(raw: str) -> Scanned:
    """`credentials`: the whole value is one scheme and its token68 or parameters."""
    cur = Cursor(raw)
    scanned = _scan(cur, challenge=False)
    cur.expect_end()
    return scanned


def parse_challenges(raw: str) -> list[Scanned]:
    """`#challenge`; empty list elements are skipped (RFC 9110, 5.6.1.2)."""
    cur = Cursor(raw)
    out: list[Scanned] = []
    while True:
        _skip_commas(cur)
        if cur.at_end():
            return out
        out.append(_scan(cur, challenge=True))
        cur.skip_ows()
        if cur.at_end():
            return out
        if not cur.take(","):
            raise cur.unexpected("',' or the end of the value")


def _scan(cur: Cursor, *, challenge: bool) -> Scanned:
    start = cur.pos
    scheme = cur.token("an auth scheme").lower()
    after = cur.pos
    if _param_follows(cur, start):
        raise FieldError(f"expected an auth scheme, found the parameter {scheme!r}: parameters "
                         "follow their scheme after a space, not a comma", start)
    if cur.at_end() or cur.peek() == ",":
        return Scanned(scheme, start, None, after, {}, {})
    if cur.peek() != " ":
        raise cur.unexpected("a space after the auth scheme")
    while cur.take(" "):
        pass
    text, pos = cur.text, cur.pos
    m = _TOKEN68_RE.match(text, pos)
    if m is not None:
        stop = m.end()
        while stop < cur.end and text[stop] in " \t":
            stop += 1
        if stop == cur.end or text[stop] == ",":
            cur.pos = m.end()
            return Scanned(scheme, start, m.group(), pos, {}, {})
    if cur.peek() == ",":  # `#auth-param` may open with empty elements
        save = cur.pos
        _skip_commas(cur)
        if cur.at_end() or (challenge and not _param_follows(cur, cur.pos)):
            cur.pos = save
            return Scanned(scheme, start, None, pos, {}, {})
    elif not _param_follows(cur, cur.pos):
        if m is not None:
            raise FieldError(f"unexpected {describe(text[m.end()])} after the token68 "
                             f"{m.group()!r}", m.end())
        raise cur.unexpected("a token68 or a parameter (name=value)")
    params, where = _params(cur, challenge=challenge)
    return Scanned(scheme, start, None, pos, params, where)


def _params(cur: Cursor, *, challenge: bool) -> tuple[dict[str, str], dict[str, tuple[int, bool]]]:
    params: dict[str, str] = {}
    where: dict[str, tuple[int, bool]] = {}
    while True:
        start = cur.pos
        m = _PARAM_RE.match(cur.text, start)
        if m is not None:  # the fast path; the slow one below finds the error's position
            name, value, quoted = m.group(1).lower(), m.group(2), m.group(2) is None
            if quoted:
                value = m.group(3)
                if "\\" in value:
                    value = _QUOTED_PAIR_RE.sub(r"\1", value)
            cur.pos = m.end()
        else:
            name, value, quoted = _param(cur)
        if name in params:
            # RFC 9110, 11.2: "Each parameter name MUST only occur once per challenge."
            raise FieldError(f"parameter {name!r} is repeated; each parameter name must only "
                             "occur once", start)
        params[name] = value
        where[name] = (start, quoted)
        save = cur.pos
        cur.skip_ows()
        if cur.at_end():
            return params, where
        if cur.peek() != ",":
            raise cur.unexpected("',' or the end of the value")
        _skip_commas(cur)
        if cur.at_end():
            return params, where
        if challenge and not _param_follows(cur, cur.pos):
            cur.pos = save  # the next challenge starts here; the caller consumes the comma
            return params, where


def _param(cur: Cursor) -> tuple[str, str, bool]:
    """`auth-param`, one production at a time: (lower-case name, value, value was quoted)."""
    name = cur.token("a parameter name").lower()
    cur.skip_ows()
    cur.expect("=")
    cur.skip_ows()
    quoted = cur.peek() == '"'
    value = cur.token_or_quoted("a parameter value (a token or a quoted-string)")
    if not quoted and not cur.at_end() and cur.peek() not in ", \t":
        raise cur.error(f"unexpected {describe(cur.peek())} in the value of {name!r}: a "
                        "value that is not a token must be a quoted-string")
    return name, value, quoted


def _param_follows(cur: Cursor, pos: int) -> bool:
    """Is there `token BWS "="` at `pos`? That is a parameter, not a scheme or a token68."""
    m = TOKEN_RE.match(cur.text, pos)
    if m is None:
        return False
    stop = m.end()
    while stop < cur.end and cur.text[stop] in " \t":
        stop += 1
    return stop < cur.end and cur.text[stop] == "="


def _skip_commas(cur: Cursor) -> None:
    text, pos = cur.text, cur.pos
    while pos < cur.end and text[pos] in ", \t":
        pos += 1
    cur.pos = pos


def decode_base64url(text: str) -> bytes:
    """Unpadded base64url (RFC 4648, 5) whose alphabet the caller has checked; a length of
    4n+1 characters, which encodes no octet string, raises binascii.Error."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decode_base64(text: str, at: int) -> bytes:
    """Strict base64 (RFC 4648, 4) of `text`, which starts at `at` in the raw value."""
    if len(text) % 4 == 0 and not text.endswith("==="):
        try:
            return binascii.a2b_base64(text, strict_mode=True)
        except ValueError:  # binascii.Error, or a non-ASCII str: diagnosed below
            pass
    bad = _NOT_BASE64_RE.search(text)
    if bad is not None:
        raise FieldError(f"{describe(bad.group())} is not a base64 character (letters, digits, "
                         "'+' and '/', then '=' padding)", at + bad.start())
    pad = text.find("=")
    if pad >= 0:
        after = len(text) - len(text[pad:].lstrip("="))
        if after < len(text):
            raise FieldError(f"base64 ends with its '=' padding, but "
                             f"{describe(text[after])} follows it", at + after)
        if len(text) - pad > 2:
            raise FieldError("base64 has at most two '=' of padding", at + pad + 2)
    raise FieldError("base64 text must be a non-empty multiple of 4 characters long; is the "
                     "'=' padding missing?", at + len(text))


def parse_auth_params(raw: str) -> tuple[dict[str, str], dict[str, tuple[int, bool]]]:
    """`#auth-param` on its own (Authentication-Info, Proxy-Authentication-Info): the
    parameters and, per name, (position of the name, value was quoted)."""
    cur = Cursor(raw)
    _skip_commas(cur)
    if cur.at_end():
        return {}, {}
    return _params(cur, challenge=False)
