from __future__ import annotations

import pytest

from headerscope.headers.authentication_info import (
    AUTHENTICATION_INFO,
    PROXY_AUTHENTICATION_INFO,
    AuthParam,
)

from ._content_helpers import rejects, round_trips, warned, warnings

# Digest (RFC 7616, 3.5): what a server sends after a successful authentication
DIGEST = 'qop=auth, rspauth="6629fae49393a05397450978507c4ef1", cnonce="0a4f113b", nc=00000001'


@pytest.mark.parametrize(("raw", "expected"), [
    (DIGEST, (AuthParam("qop", "auth"), AuthParam("rspauth", "6629fae49393a05397450978507c4ef1"),
              AuthParam("cnonce", "0a4f113b"), AuthParam("nc", "00000001"))),
    ('nextnonce="3b1f4a", , ', (AuthParam("nextnonce", "3b1f4a"),)),
    ('SID = "a b"', (AuthParam("sid", "a b"),)),  # BWS around "="; names are lower-cased
    ("", ()),
])
def test_parses(raw: str, expected: tuple[AuthParam, ...]) -> None:
    assert AUTHENTICATION_INFO.parse(raw) == expected
    assert PROXY_AUTHENTICATION_INFO.parse(raw) == expected


def test_writes_digest_parameters_quoted() -> None:
    round_trips(AUTHENTICATION_INFO, DIGEST, DIGEST)
    round_trips(AUTHENTICATION_INFO, "NextNonce=abc, qop=auth", 'nextnonce="abc", qop=auth')


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("qop=auth, QOP=auth-int", "parameter 'qop' is repeated", 10),
    ("qop", "expected '='", 3),
    ('rspauth="abc', "quoted-string is not closed", 8),
    ("qop=auth nc=1", "expected ',' or the end of the value, found 'n'", 9),
    ("qop=auth;nc=1", "a value that is not a token must be a quoted-string", 8),
    ("=auth", "expected a parameter name", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(AUTHENTICATION_INFO, raw, fragment, position)


def test_warnings() -> None:
    assert warnings(AUTHENTICATION_INFO, DIGEST) == []
    warned(AUTHENTICATION_INFO, "qop=auth, nextnonce=abc", "Digest sends nextnonce as a "
           "quoted-string", 10)
    warned(PROXY_AUTHENTICATION_INFO, "", "no parameters", 0)
