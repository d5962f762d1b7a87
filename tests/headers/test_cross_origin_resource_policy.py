from __future__ import annotations

import pytest

from headerscope.headers.cross_origin_resource_policy import (
    CROSS_ORIGIN_RESOURCE_POLICY,
    ResourcePolicy,
)

from ._content_helpers import rejects

CORP = CROSS_ORIGIN_RESOURCE_POLICY


@pytest.mark.parametrize(("raw", "expected"), [
    ("same-origin", ResourcePolicy.SAME_ORIGIN),
    ("same-site", ResourcePolicy.SAME_SITE),
    ("cross-origin", ResourcePolicy.CROSS_ORIGIN),  # what CDNs serve for embeddable assets
])
def test_parses(raw: str, expected: ResourcePolicy) -> None:
    assert CORP.parse(raw) is expected
    assert CORP.write(expected) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Same-Origin", "'Same-Origin' is not 'same-origin': the value is case-sensitive", 0),
    ('"same-site"', "write the value without quotes (same-site)", 0),
    ("same-origin, same-site", "one value only", 11),
    ("same-origin;report-to=x", "expected same-origin, same-site or cross-origin", 0),
    ("none", "browsers then treat the field as absent", 0),
    ("", "expected same-origin", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CORP, raw, fragment, position)
