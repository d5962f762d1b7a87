"""Replay-Nonce: an ACME server's anti-replay nonce for the client's next request (RFC 8555,
6.5.1).

    base64url = ALPHA / DIGIT / "-" / "_"
    Replay-Nonce = 1*base64url

"The value of the Replay-Nonce header field MUST be an octet string encoded according to the
base64url encoding described in Section 2 of [RFC7515]" (unpadded base64url): a length of 4n+1
characters encodes no octet string, so it gets a warning (a sender rule; the grammar admits it,
and "Clients MUST ignore invalid Replay-Nonce values"). The value is kept as its text: the
client echoes it verbatim in the JWS "nonce" header parameter.
"""

from __future__ import annotations

from ..grammar import expect_run
from ..grammar.rules import BASE64URL_RE
from ._shared.spec import Diagnostic, FieldError, FieldSpec


def parse(raw: str) -> str:
    expect_run(raw, BASE64URL_RE, "is not a base64url character (letters, digits, '-' and "
               "'_'; no '=' padding)")
    if not raw:
        raise FieldError("a nonce has at least one base64url character", 0)
    return raw


def lint(value: str, raw: str) -> list[Diagnostic]:
    if len(value) % 4 == 1:
        return [Diagnostic(f"{len(value)} base64url characters encode no octet string (a "
                           "length of 4n+1 is impossible); the nonce MUST be base64url "
                           "(RFC 7515, 2)", len(value))]
    return []


REPLAY_NONCE = FieldSpec("Replay-Nonce", parse, str, "RFC 8555, 6.5.1", value_type="str",
                         lint=lint, example="D8s4D2mLs8Vn-goWuPQeKA")
