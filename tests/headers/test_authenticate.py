from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.auth import Challenge
from headerscope.headers.authenticate import PROXY_AUTHENTICATE, WWW_AUTHENTICATE

RFC_9110 = 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"'
DIGEST = ('Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, '
          'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", '
          'opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"')


@pytest.mark.parametrize(("raw", "expected"), [
    # RFC 9110, 11.6.1's example: commas inside and between challenges
    (RFC_9110, (Challenge("newauth", None, {"realm": "apps", "type": "1",
                                            "title": 'Login to "apps"'}),
                Challenge("basic", None, {"realm": "simple"}))),
    ('Basic realm="Restricted"', (Challenge("basic", None, {"realm": "Restricted"}),)),  # nginx
    ("Negotiate, NTLM", (Challenge("negotiate"), Challenge("ntlm"))),  # IIS
    # Docker Hub: no space after the commas
    ('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",'
     'scope="repository:library/ubuntu:pull"',
     (Challenge("bearer", None, {"realm": "https://auth.docker.io/token",
                                 "service": "registry.docker.io",
                                 "scope": "repository:library/ubuntu:pull"}),)),
    # RFC 6750, 3
    ('Bearer realm="example", error="invalid_token", error_description="The access token '
     'expired"', (Challenge("bearer", None, {"realm": "example", "error": "invalid_token",
                                             "error_description": "The access token expired"}),)),
    ("Negotiate abc==, Basic realm=x", (Challenge("negotiate", "abc=="),
                                        Challenge("basic", None, {"realm": "x"}))),
    (", Basic  realm = x ,, Bearer ,", (Challenge("basic", None, {"realm": "x"}),
                                        Challenge("bearer"))),
    ('Basic , realm="x"', (Challenge("basic", None, {"realm": "x"}),)),  # #auth-param: [ , ]
    ("Basic realm=", (Challenge("basic", "realm="),)),  # a token68, by the grammar
    ("", ()),  # `#challenge` may be empty (a warning, below)
])
def test_parses(raw: str, expected: tuple[Challenge, ...]) -> None:
    assert WWW_AUTHENTICATE.parse(raw) == expected
    assert PROXY_AUTHENTICATE.parse(raw) == expected


def test_digest_from_rfc_7616_writes_back_the_same() -> None:
    value = WWW_AUTHENTICATE.parse(f"{DIGEST}, {DIGEST.replace('SHA-256', 'MD5')}")
    assert [c.params["algorithm"] for c in value] == ["SHA-256", "MD5"]
    assert value[0].params["qop"] == "auth, auth-int"
    assert WWW_AUTHENTICATE.write(value[:1]) == DIGEST


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Basic, realm=x", "found the parameter 'realm'", 7),
    ("Negotiate abc, realm=x", "found the parameter 'realm'", 15),
    ('Basic realm="a", REALM="b"', "parameter 'realm' is repeated", 17),
    ('Basic realm="x', "quoted-string is not closed", 12),
    ("Basic a b", "unexpected U+0020 after the token68 'a'", 7),
    ('Basic realm="a" b', "expected ',' or the end of the value, found 'b'", 16),
    ("Basic\trealm=x", "expected a space after the auth scheme", 5),
    ("Basic realm=x;", "a value that is not a token must be a quoted-string", 13),
    ('"Basic"', "expected an auth scheme", 0),
    ("Basic, =", "expected an auth scheme, found '='", 7),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        WWW_AUTHENTICATE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("", [("no challenge", 0)]),
    ("Basic realm=x", [("realm must be sent as a quoted-string", 6)]),
    ("Basic", [("requires a realm", 0)]),
    ('Negotiate, Basic realm="a", charset=latin1', [("charset must be 'UTF-8'", 28)]),
    ('Digest realm="x"', [("lacks nonce", 0)]),
    ('Basic realm="a", charset="UTF-8"', []),
    (RFC_9110, []),
    (DIGEST, []),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("WWW-Authenticate", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings)
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


@pytest.mark.parametrize(("value", "text"), [
    ((Challenge("basic", None, {"realm": "a b"}), Challenge("negotiate")),
     'Basic realm="a b", Negotiate'),
    ((Challenge("digest", None, {"realm": "r", "qop": "auth", "stale": "true"}),),
     'Digest realm="r", qop="auth", stale=true'),  # qop-options is quoted in a challenge
    ((Challenge("custom", "abc="),), "custom abc="),
])
def test_writes(value: tuple[Challenge, ...], text: str) -> None:
    assert WWW_AUTHENTICATE.write(value) == text
    assert WWW_AUTHENTICATE.parse(text) == value
