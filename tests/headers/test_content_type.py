"""Content-Type: a media type, case-folded, with parameters (a `name*` is a plain name)."""

from __future__ import annotations

import pytest

from headerscope.headers._shared.types import MediaType
from headerscope.headers.content_type import CONTENT_TYPE

from ._content_helpers import rejects, round_trips, warned, warnings

BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW"


@pytest.mark.parametrize(("raw", "expected"), [
    ("text/html; charset=utf-8", MediaType("text", "html", {"charset": "utf-8"})),
    ("Text/HTML;Charset=UTF-8", MediaType("text", "html", {"charset": "UTF-8"})),
    ('text/html; charset="utf-8"', MediaType("text", "html", {"charset": "utf-8"})),
    ("application/json", MediaType("application", "json")),
    (f"multipart/form-data; boundary={BOUNDARY}",  # Chromium's form upload
     MediaType("multipart", "form-data", {"boundary": BOUNDARY})),
    ("application/x-www-form-urlencoded", MediaType("application", "x-www-form-urlencoded")),
    # RFC 9110's parameters do not adopt RFC 8187: "title*" is a token name, its value plain
    ("text/plain;title*=UTF-8'en'%e2%82%ac%20rates",
     MediaType("text", "plain", {"title*": "UTF-8'en'%e2%82%ac%20rates"})),
    ('text/plain;title*="x y"', MediaType("text", "plain", {"title*": "x y"})),
    ("text/plain ; a=b ;", MediaType("text", "plain", {"a": "b"})),
    ('text/plain;a="q\\"uote"', MediaType("text", "plain", {"a": 'q"uote'})),
])
def test_parses(raw: str, expected: MediaType) -> None:
    assert CONTENT_TYPE.parse(raw) == expected


@pytest.mark.parametrize(("raw", "canonical"), [
    ("Text/HTML ; Charset=\"utf-8\"", "text/html;charset=utf-8"),
    ('text/plain;title*="utf-8\'\'%e2"', "text/plain;title*=utf-8''%e2"),
    ('multipart/mixed; boundary="a b"', 'multipart/mixed;boundary="a b"'),
])
def test_writes_canonically(raw: str, canonical: str) -> None:
    round_trips(CONTENT_TYPE, raw, canonical)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected a media type", 0),
    ("text", "expected '/'", 4),
    ("text/", "expected a subtype", 5),
    ("text/html; charset", "expected '='", 18),
    ("text/html;charset=a b", "unexpected U+0020", 19),
    ('text/html;charset="x', "quoted-string is not closed", 18),
    ("text/html, text/plain", "unexpected ','", 9),
    ("text/html;a=1;a=2", "parameter 'a' is repeated", 14),
    ("text html", "expected '/'", 4),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_TYPE, raw, fragment, position)


def test_warnings() -> None:
    warned(CONTENT_TYPE, "multipart/form-data", "require a boundary", 19)
    warned(CONTENT_TYPE, "text/*", "'*' is a media range", 0)
    assert warnings(CONTENT_TYPE, f"multipart/form-data; boundary={BOUNDARY}") == []
