from __future__ import annotations

import pytest

from headerscope.headers._shared.types import Wildcard
from headerscope.headers._shared.uri import Origin
from headerscope.headers.activate_storage_access import Activation, StorageAccessActivation

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

NAME = "Activate-Storage-Access"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the explainer's and MDN's examples
        ('retry; allowed-origin="https://foo.bar"',
         StorageAccessActivation(Activation.RETRY, Origin("https", "foo.bar"))),
        ("retry; allowed-origin=*", StorageAccessActivation(Activation.RETRY, Wildcard.ANY)),
        ("load", StorageAccessActivation(Activation.LOAD)),
        ('retry; allowed-origin="HTTPS://Foo.Bar:8443"',
         StorageAccessActivation(Activation.RETRY, Origin("https", "foo.bar", 8443))),
    ],
)
def test_parses(raw: str, expected: StorageAccessActivation) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("retry", "retry needs allowed-origin", 0),
        ('"retry"', "must be a Token, found the String", 0),
        ("reload", "'reload' is not an activation: retry or load", 0),
        ("retry; allowed-origin=foo", 'allowed-origin must be a String, found the Token foo', 7),
        ('retry; allowed-origin="https://foo.bar/"', "a serialized origin has no path", 7),
        ('retry; allowed-origin="foo.bar"', "expected '://' after the scheme", 7),
        ("retry; allowed-origin=?1", "found the Boolean ?1", 7),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


def test_allowed_origin_is_for_retry_only() -> None:
    assert_warns(NAME, "load; allowed-origin=*", "allowed-origin only applies to retry", 6)
