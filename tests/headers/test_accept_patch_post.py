from __future__ import annotations

import pytest

from headerscope.headers._shared.types import MediaType
from headerscope.headers.accept_patch_post import ACCEPT_PATCH, ACCEPT_POST

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    # RFC 5789, 3.1's example
    ("application/example, text/example",
     (MediaType("application", "example"), MediaType("text", "example"))),
    # what JSON APIs answer to OPTIONS
    ("application/json-patch+json, application/merge-patch+json",
     (MediaType("application", "json-patch+json"), MediaType("application", "merge-patch+json"))),
    ("text/example;charset=utf-8", (MediaType("text", "example", {"charset": "utf-8"}),)),
    ("Application/JSON ,, text/plain", (MediaType("application", "json"),
                                         MediaType("text", "plain"))),
])
def test_accept_patch_parses(raw: str, expected: tuple[MediaType, ...]) -> None:
    assert ACCEPT_PATCH.parse(raw) == expected
    # empty elements are read, and warned of (tests/headers/test_class_lists.py)
    assert [w for w in warnings(ACCEPT_PATCH, raw) if "empty list element" not in w[0]] == []


@pytest.mark.parametrize(("raw", "expected"), [
    # Linked Data Platform 1.0, 7.1.1's example
    ("text/turtle, application/ld+json, image/bmp, image/jpeg",
     (MediaType("text", "turtle"), MediaType("application", "ld+json"),
      MediaType("image", "bmp"), MediaType("image", "jpeg"))),
    ("image/*, */*", (MediaType("image", "*"), MediaType("*", "*"))),
    ("", ()),  # `#media-range`: nothing is accepted
])
def test_accept_post_parses(raw: str, expected: tuple[MediaType, ...]) -> None:
    assert ACCEPT_POST.parse(raw) == expected
    assert warnings(ACCEPT_POST, raw) == []


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element is required", 0),  # 1#media-type
    ("application/json-patch+json, application", "expected '/'", 40),
    ("text/html;charset", "expected '='", 17),
    ("text/html text/plain", "expected ',' or the end of the value, found 't'", 10),
    ('text/plain;a="open', "quoted-string is not closed", 13),
    ("text/plain;a=1;A=2", "parameter 'a' is repeated", 15),
])
def test_accept_patch_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT_PATCH, raw, fragment, position)


def test_accept_post_rejects_a_bad_member() -> None:
    rejects(ACCEPT_POST, "text/turtle, /html", "expected a media type", 13)


def test_warnings() -> None:
    warned(ACCEPT_PATCH, "application/json, */*", "'*/*' is a media range", 18)
    warned(ACCEPT_POST, "text/turtle;q=0.5", "a weight means nothing in Accept-Post", 0)
    warned(ACCEPT_POST, "*/json", "only '*/*' may have a '*' type", 0)


def test_writes_canonical_text() -> None:
    round_trips(ACCEPT_PATCH, "Application/JSON ;Charset=\"utf-8\" ,, text/plain",
                "application/json;charset=utf-8, text/plain")
