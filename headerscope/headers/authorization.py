"""Authorization and Proxy-Authorization: the client's credentials (RFC 9110, 11.6.2, 11.7.2).

    Authorization       = credentials
    Proxy-Authorization = credentials
    credentials         = auth-scheme [ 1*SP ( token68 / #auth-param ) ]

Basic (RFC 7617) is decoded: its token68 is the base64 of `user-id ":" password`, UTF-8 or, in
older clients, ISO-8859-1. Bearer (RFC 6750) is `"Bearer" 1*SP b64token`, a token68. Other
schemes (Digest, Negotiate, AWS4-HMAC-SHA256, ...) keep their token68 or parameters as text.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

from ._shared.auth import (
    SCHEME_TOKEN68_RE,
    BasicCredentials,
    Credentials,
    decode_base64,
    parse_credentials,
    write_auth,
)
from ._shared.frozen import frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec

Value = Credentials | BasicCredentials

_CTL_RE = re.compile(r"[\x00-\x1f\x7f]")
# RFC 7616, 3.4: the parameters a Digest "Authorization" must carry
_DIGEST_REQUIRED = ("realm", "nonce", "uri", "response")


def parse(raw: str) -> Value:
    m = SCHEME_TOKEN68_RE.fullmatch(raw)
    if m is not None:  # the common case, a scheme and a token68, in one match
        scheme, token68, at, params = m.group(1).lower(), m.group(2), m.start(2), {}
    else:
        s = parse_credentials(raw)
        scheme, token68, at, params = s.scheme, s.token68, s.token68_pos, s.params
    if scheme == "basic":
        if token68 is None:
            # RFC 7617, 2: credentials = "Basic" 1*SP token68 (the base64 of user-pass)
            what = "not parameters" if params else "after a space"
            raise FieldError(f"Basic credentials are the base64 of 'user-id:password', {what}",
                             at)
        return _basic(token68, at)
    if scheme == "bearer" and token68 is None:
        # RFC 6750, 2.1: credentials = "Bearer" 1*SP b64token
        raise FieldError("Bearer credentials are one token68 (b64token) after the scheme", at)
    return Credentials(scheme, token68, frozen(params))


def write(value: Value) -> str:
    if isinstance(value, BasicCredentials):
        text = f"{value.user_id}:{value.password}".encode()
        return "Basic " + base64.b64encode(text).decode("ascii")
    return write_auth(value.scheme, value.token68, value.params, challenge=False)


def _basic(token68: str, at: int) -> BasicCredentials:
    user_id, colon, password = _text(decode_base64(token68, at)).partition(":")
    if not colon:
        # RFC 7617, 2: user-pass = user-id ":" password
        raise FieldError("decoded Basic credentials have no ':' between the user-id and the "
                         "password", at)
    return BasicCredentials(user_id, password)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")  # "the default encoding is undefined" (RFC 7617, 2.1)


def lint(value: Value, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, BasicCredentials):
        at = raw.find(" ") + 1
        while raw[at:at + 1] == " ":
            at += 1
        if not (value.user_id.isascii() and value.password.isascii()):
            try:
                base64.b64decode(raw[at:]).decode("utf-8")
            except UnicodeDecodeError:
                yield Diagnostic("the decoded credentials are not UTF-8; they were read as "
                                 "ISO-8859-1", at)
        if _CTL_RE.search(value.user_id) or _CTL_RE.search(value.password):
            # RFC 7617, 2: "The user-id and password MUST NOT contain any control characters"
            yield Diagnostic("the user-id or password contains a control character", at)
    elif value.scheme == "digest" and value.token68 is None:
        missing = [n for n in _DIGEST_REQUIRED if n not in value.params]
        if "username" not in value.params and "username*" not in value.params:
            missing.insert(0, "username")
        if missing:
            yield Diagnostic(f"Digest credentials lack {', '.join(missing)} (RFC 7616, 3.4)")


def _spec(name: str, ref: str) -> FieldSpec[Value]:
    return FieldSpec(name, parse, write, ref, value_type="Credentials | BasicCredentials",
                     lint=lint, example="Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")


AUTHORIZATION = _spec("Authorization", "RFC 9110, 11.6.2")
PROXY_AUTHORIZATION = _spec("Proxy-Authorization", "RFC 9110, 11.7.2")
