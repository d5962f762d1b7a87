from __future__ import annotations

import pytest

from headerscope.headers.cache_status import CacheStatus
from headerscope.headers.sf import Token

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9211's examples
        ("ExampleCache; hit", (CacheStatus("ExampleCache", hit=True),)),
        ("OriginCache; hit; ttl=1100, \"CDN Company Here\"; hit; ttl=545",
         (CacheStatus("OriginCache", hit=True, ttl=1100),
          CacheStatus("CDN Company Here", hit=True, ttl=545))),
        ("ExampleCache; fwd=uri-miss; stored",
         (CacheStatus("ExampleCache", fwd="uri-miss", stored=True),)),
        ("ExampleCache; fwd=stale; fwd-status=304; collapsed=?0; ttl=-412",
         (CacheStatus("ExampleCache", fwd="stale", fwd_status=304, ttl=-412,
                      collapsed=False),)),
        ('ExampleCache; fwd=request; detail="x"; key="/index.html"',
         (CacheStatus("ExampleCache", fwd="request", key="/index.html", detail="x"),)),
        # what Netlify sends: one member per layer of its CDN
        ('"Netlify Edge"; fwd=miss, "Netlify Durable"; hit; ttl=2592000',
         (CacheStatus("Netlify Edge", fwd="miss"),
          CacheStatus("Netlify Durable", hit=True, ttl=2592000))),
        ("a;detail=MEMORY", (CacheStatus("a", detail="MEMORY"),)),  # a Token detail
    ],
)
def test_parses(raw: str, expected: tuple[CacheStatus, ...]) -> None:
    assert_parses("Cache-Status", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("ExampleCache; fwd=mis", "fwd=mis is not a defined reason (did you mean miss?)", 14),
        ('ExampleCache; fwd="miss"', "fwd must be a Token", 14),
        ("ExampleCache; hit=1", "hit must be a Boolean, found the Integer 1", 14),
        ("ExampleCache; ttl=1.5", "ttl must be an Integer", 14),
        ("ExampleCache; key=x", "key must be a String, found the Token x", 14),
        ("1; hit", "each cache's name must be a Token or a String", 0),
        ("ExampleCache, (a b)", "found an Inner List", 14),
        ("ExampleCache; Hit", "keys are lower-case", 14),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Cache-Status", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position", "expected"),
    [
        ("ExampleCache; hit; fwd=miss", '"hit" and "fwd" are exclusive', 0,
         (CacheStatus("ExampleCache", hit=True, fwd="miss"),)),
        ("ExampleCache; fwd=miss; fwd-status=999", "fwd-status=999 is not an HTTP status", 24,
         (CacheStatus("ExampleCache", fwd="miss", fwd_status=999),)),
        # an extension parameter: kept, and reported as unregistered
        ("ExampleCache; hit; pop=SYD", "'pop' is not a parameter of the HTTP Cache-Status", 19,
         (CacheStatus("ExampleCache", hit=True, params={"pop": Token("SYD")}),)),
    ],
)
def test_warns(raw: str, fragment: str, position: int, expected: object) -> None:
    assert_warns("Cache-Status", raw, fragment, position)
    assert parsed("Cache-Status", raw).value == expected
