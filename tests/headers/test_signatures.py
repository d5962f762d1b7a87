from __future__ import annotations

import pytest

from headerscope.headers.sf import InnerList, Item

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

# RFC 9421, B.2.1 and B.2.2
MINIMAL = 'sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"'
SELECTIVE = ('sig-b22=("@authority" "content-digest" "@query-param";name="Pet");'
             'created=1618884473;keyid="test-key-rsa-pss";tag="header-example"')


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Signature-Input", MINIMAL, {"sig-b21": InnerList((), {
            "created": 1618884473, "keyid": "test-key-rsa-pss",
            "nonce": "b3k2pp5k7z-50gnwp.yemd"})}),
        ("Signature-Input", SELECTIVE, {"sig-b22": InnerList(
            (Item("@authority"), Item("content-digest"), Item("@query-param", {"name": "Pet"})),
            {"created": 1618884473, "keyid": "test-key-rsa-pss", "tag": "header-example"})}),
        ("Signature", "sig1=:YWJj:", {"sig1": b"abc"}),
        ("Signature", "sig1=:YWJj:, proxy_sig=:ZGVm:", {"sig1": b"abc", "proxy_sig": b"def"}),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Signature-Input", 'sig1="@method"', "sig1 must be an Inner List", 5),
        ("Signature-Input", "sig1=(@method)", "expected the seconds of a Date", 7),
        ("Signature-Input", 'sig1=("@method" @path)', "expected the seconds of a Date", 17),
        ("Signature-Input", 'sig1=("@method" method)', "a component identifier must be a String",
         16),
        ("Signature-Input", 'sig1=("@method");created="1618884473"',
         "created must be an Integer, found the String", 17),
        ("Signature-Input", 'sig1=();keyid=test-key', "keyid must be a String", 8),
        ("Signature-Input", 'sig1=();expires=1.5', "expires must be an Integer", 8),
        ("Signature", 'sig1="YWJj"', "the signature sig1 must be a Byte Sequence", 5),
        ("Signature", "sig1=:YWJj:, sig2", "found the Boolean ?1", 13),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('sig1=("@method" "@body")', "@body is not a derived component", 16),
        ('sig1=("Content-Digest")', 'lower-cased name: "content-digest"', 6),
        ('sig1=();created=20;expires=10', "expires (10) before it was created (20)", 19),
        ('sig1=();alg="rsa-sha256"', "not a registered signature algorithm", 8),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns("Signature-Input", raw, fragment, position)
