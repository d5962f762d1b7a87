from __future__ import annotations

import pytest

from headerscope.headers.sf import InnerList, Item

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

NAME = "Accept-Signature"
EXAMPLE = ('sig1=("@method" "@target-uri" "@authority" "content-digest" "cache-control");'
           'keyid="test-key-rsa-pss";created;tag="app-123"')


def test_parses_the_rfc_example() -> None:
    # RFC 9421, 5.1: a bare ;created asks the signer to include a created time of its own
    components = ("@method", "@target-uri", "@authority", "content-digest", "cache-control")
    assert_parses(NAME, EXAMPLE, {"sig1": InnerList(
        tuple(Item(c) for c in components),
        {"keyid": "test-key-rsa-pss", "created": True, "tag": "app-123"})})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('sig1=("@method");expires=1618884473', {"sig1": InnerList((Item("@method"),),
                                                                  {"expires": 1618884473})}),
        ('sig1=();expires', {"sig1": InnerList((), {"expires": True})}),
    ],
)
def test_parses(raw: str, expected: dict[str, InnerList]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('sig1="@method"', "sig1 must be an Inner List of covered components", 5),
        ("sig1=(@method)", "expected the seconds of a Date after '@'", 7),
        ('sig1=("@method");created="now"', "created must be an Integer", 17),
        ('sig1=("@method");keyid=k1', "keyid must be a String", 17),
        ('sig1=("@method" 1)', "a component identifier must be a String", 16),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('sig1=("@methd")', "@methd is not a derived component", 6),
        ('sig1=("Content-Digest")', 'covered by its lower-cased name: "content-digest"', 6),
        ('sig1=("@method");alg="rsa"', "'rsa' is not a registered signature algorithm", 17),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns(NAME, raw, fragment, position)
