from __future__ import annotations

import base64

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.auth import BasicCredentials, Credentials
from headerscope.headers.authorization import AUTHORIZATION, PROXY_AUTHORIZATION

MUFASA = (
    'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", '
    'algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, '
    'cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, '
    'response="8ca523f5e9506fed4657c9700eebdbec", '
    'opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"')
JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
       "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")


def _b64(text: str, encoding: str = "utf-8") -> str:
    return base64.b64encode(text.encode(encoding)).decode("ascii")


@pytest.mark.parametrize(("raw", "expected"), [
    # RFC 7617, 2's example, and what curl -u sends
    ("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", BasicCredentials("Aladdin", "open sesame")),
    ("Basic dXNlcjpwYXNz", BasicCredentials("user", "pass")),
    ("basic    dXNlcjpwYXNz", BasicCredentials("user", "pass")),  # scheme case, 1*SP
    ("Basic " + _b64("a:b:c"), BasicCredentials("a", "b:c")),  # the password may hold ':'
    ("Basic " + _b64(":"), BasicCredentials("", "")),
    ("Basic " + _b64("test:123£"), BasicCredentials("test", "123£")),  # RFC 7617, 2.1: UTF-8
    ("Basic " + _b64("Jos\xe9:p\xe4ss", "latin-1"), BasicCredentials("José", "päss")),
    (f"Bearer {JWT}", Credentials("bearer", JWT)),
    ("Bearer mF_9.B5f-4.1JqM", Credentials("bearer", "mF_9.B5f-4.1JqM")),  # RFC 6750, 2.1
    ("Negotiate YIIGhgYGKwYBBQUCoII=", Credentials("negotiate", "YIIGhgYGKwYBBQUCoII=")),
    ("NTLM", Credentials("ntlm")),
    ("Digest realm=", Credentials("digest", "realm=")),  # a token68, by the grammar
    ("Newauth a=1,b = \"x\\\"y\" , ,c=d", Credentials("newauth", None,
                                                      {"a": "1", "b": 'x"y', "c": "d"})),
    ("Digest , A=b", Credentials("digest", None, {"a": "b"})),  # `#auth-param`: empty elements
])
def test_parses(raw: str, expected: object) -> None:
    assert AUTHORIZATION.parse(raw) == expected
    assert PROXY_AUTHORIZATION.parse(raw) == expected


def test_digest_from_rfc_7616() -> None:
    value = AUTHORIZATION.parse(MUFASA)
    assert isinstance(value, Credentials)
    assert value.scheme == "digest"
    assert value.params["uri"] == "/dir/index.html"
    assert value.params["nc"] == "00000001"
    assert AUTHORIZATION.write(value) == MUFASA  # quoted exactly where RFC 7616 quotes


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected an auth scheme", 0),
    ("Basic", "base64 of 'user-id:password', after a space", 5),
    ("Basic realm=x", "not parameters", 6),
    ("Basic YWJj", "no ':' between the user-id and the password", 6),
    ("Basic  YW-j", "'-' is not a base64 character", 9),
    ("Basic YWJjZA", "multiple of 4", 12),
    ("Basic a===", "at most two '=' of padding", 9),
    ("Basic YWJj====", "at most two '=' of padding", 12),
    ("Basic\tYTpi", "expected a space after the auth scheme, found U+0009", 5),
    ("Bearer", "one token68", 6),
    ("Bearer a b", "unexpected U+0020 after the token68 'a'", 8),
    ("Bearer abc, x=y", "unexpected ','", 10),
    ("Bearer realm=x", "one token68", 7),
    ("Digest realm=a, realm=b", "parameter 'realm' is repeated", 16),
    ("Digest realm=a, REALM=b", "parameter 'realm' is repeated", 16),
    ('Digest realm="x', "quoted-string is not closed", 13),
    ("Digest a=b c", "expected ',' or the end of the value, found 'c'", 11),
    ("Digest a=b, c", "expected '=', found end of value", 13),
    ("Digest a=@", "expected a parameter value", 9),
    ("realm=x", "found the parameter 'realm'", 0),
    # AWS Signature V4 writes '/' and ';' in unquoted values, which RFC 9110 does not allow
    ("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, "
     "SignedHeaders=host, Signature=5d67", "a value that is not a token must be a quoted", 32),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        AUTHORIZATION.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Basic " + _b64("Jos\xe9:x", "latin-1"), "not UTF-8; they were read as ISO-8859-1", 6),
    ("Basic  " + _b64("a\x07:b"), "control character", 7),
    ('Digest username="u", realm="r"', "lack nonce, uri, response", None),
    ('Digest realm="r", nonce="n", uri="/", response="x"', "lack username", None),
])
def test_warns(raw: str, fragment: str, position: int | None) -> None:
    parsed = REGISTRY.parse("Authorization", raw)
    assert parsed.error is None
    assert [(fragment in w.reason, w.position) for w in parsed.warnings] == [(True, position)]


@pytest.mark.parametrize("raw", ["Basic dXNlcjpwYXNz", f"Bearer {JWT}", MUFASA, "NTLM"])
def test_clean_values_have_no_warnings(raw: str) -> None:
    assert REGISTRY.parse("Proxy-Authorization", raw).warnings == ()


@pytest.mark.parametrize(("value", "text"), [
    (BasicCredentials("Aladdin", "open sesame"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
    (BasicCredentials("José", "p"), "Basic Sm9zw6k6cA=="),  # always written as UTF-8
    (Credentials("bearer", "abc"), "Bearer abc"),
    (Credentials("scram-sha-256", None, {"realm": "x", "data": "a b"}),
     'SCRAM-SHA-256 realm="x", data="a b"'),  # realm is always quoted (RFC 9110, 11.5)
    (Credentials("newauth"), "newauth"),
])
def test_writes(value: Credentials | BasicCredentials, text: str) -> None:
    assert AUTHORIZATION.write(value) == text
    assert AUTHORIZATION.parse(text) == value
