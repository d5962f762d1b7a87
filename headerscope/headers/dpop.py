"""DPoP and DPoP-Nonce: OAuth 2.0 proof of possession (RFC 9449, 4.1 and 8.1).

    DPoP       = token68
    token68    = 1*( ALPHA / DIGIT /
                     "-" / "." / "_" / "~" / "+" / "/" ) *"="
    nonce      = 1*NQCHAR                       ; DPoP-Nonce (8.1, 8.2)
    NQCHAR     = %x21 / %x23-5B / %x5D-7E       ; RFC 6749, Appendix A

The server checks that "The DPoP HTTP request header field value is a single and well-formed
JWT" (4.3): a value that is a token68 but not three base64url parts joined by "." (a JWS in
compact form), or whose header does not say "typ":"dpop+jwt", gets a warning; the signature
and claims are the server's to check, with keys this tool does not have.
"""

from __future__ import annotations

import binascii
import json
import re

from ..grammar import Cursor, describe
from ..grammar.rules import BASE64URL
from ._shared.auth import decode_base64url
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_JWS_RE = re.compile(rf"([{BASE64URL}]+)\.([{BASE64URL}]+)\.([{BASE64URL}]*)")
_NONCE_RE = re.compile(r"[!#-\[\]-~]+")


def parse_dpop(raw: str) -> str:
    cur = Cursor(raw)
    proof = cur.token68()
    cur.expect_end()
    return proof


def lint_dpop(value: str, raw: str) -> list[Diagnostic]:
    m = _JWS_RE.fullmatch(value)
    if m is None:
        return [Diagnostic("a DPoP proof is a JWT: three base64url parts joined by '.' "
                           "(RFC 9449, 4.2)", 0)]
    try:
        header = json.loads(decode_base64url(m.group(1)))
    except (ValueError, binascii.Error):
        return [Diagnostic("the JWT header is not base64url-encoded JSON", 0)]
    if not isinstance(header, dict) or header.get("typ") != "dpop+jwt":
        return [Diagnostic('the JOSE header of a DPoP proof has "typ":"dpop+jwt" '
                           "(RFC 9449, 4.2)", 0)]
    return []


def parse_nonce(raw: str) -> str:
    m = _NONCE_RE.match(raw)
    end = m.end() if m else 0
    if end < len(raw) or not raw:
        raise FieldError(f"{describe(raw[end:end + 1])} is not allowed in a nonce: visible "
                         'ASCII but \'"\' and \'\\\\\' (NQCHAR)', end)
    return raw


DPOP = FieldSpec("DPoP", parse_dpop, str, "RFC 9449, 4.1", value_type="str (a JWT)",
                 lint=lint_dpop,
                 example="eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2In0.eyJqdGkiOiJ4In0.c2ln")
DPOP_NONCE = FieldSpec("DPoP-Nonce", parse_nonce, str, "RFC 9449, 8.1", value_type="str",
                       example="eyJ7S_zG.eyJH0-Z.HX4w-7v")
