from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers._shared.host import HostKind
from headerscope.headers._shared.sf_family import error, string_item_field
from headerscope.headers._shared.sf_values import (
    potentially_trustworthy,
    skipped,
    text,
    text_item,
    url_origin,
    with_hint,
)
from headerscope.headers._shared.uri import Origin, parse_uri_reference
from headerscope.headers.sf import InnerList, Item, Token


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a b", "a b"), (Token("a"), "a"), (Item(Token("x"), {"p": 1}), "x"), (Item("s"), "s"),
     (1, None), (Item(True), None), (InnerList(()), None)],
)
def test_text_reads_tokens_and_strings_alike(value: object, expected: str | None) -> None:
    assert text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ExampleCache", Token("ExampleCache")), ("h2", Token("h2")), ("*", Token("*")),
     ("a/b:c", Token("a/b:c")), ("CDN Company", "CDN Company"), ("3gpp/x", "3gpp/x"),
     ("", ""), ("-x", "-x")],
)
def test_text_item_prefers_a_token(value: str, expected: object) -> None:
    assert text_item(value) == expected
    assert type(text_item(value)) is type(expected)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://Example.com:443/a?b", Origin("https", "example.com")),
     ("http://example.com:8080", Origin("http", "example.com", 8080)),
     ("wss://127.0.0.1:443/", Origin("wss", "127.0.0.1", None, HostKind.IPV4)),
     ("data:text/plain,x", None), ("file:///etc/hosts", None), ("/relative", None),
     ("blob:https://example.com/x", None)],
)
def test_url_origin(url: str, expected: Origin | None) -> None:
    assert url_origin(parse_uri_reference(url)) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://example.com/r", True), ("wss://example.com", True), ("/reports", True),
     ("http://localhost:8080/r", True), ("http://api.localhost/r", True),
     ("http://127.0.0.2/r", True), ("http://[::1]/r", True), ("http://example.com/r", False),
     ("http://10.0.0.1/r", False), ("ftp://example.com/r", False), ("data:,x", False)],
)
def test_potentially_trustworthy(url: str, expected: bool) -> None:
    assert potentially_trustworthy(parse_uri_reference(url)) is expected


def test_skipped_keeps_the_path_and_adds_the_consequence() -> None:
    issue = skipped(error("bad", "key", 0), "it is ignored")
    assert (issue.reason, issue.at, issue.fatal) == ("bad; it is ignored", ("key", 0), False)


def test_with_hint_adds_a_sentence_when_the_hint_has_one() -> None:
    spec = with_hint(string_item_field("X-Test", "test", example='"a"'),
                     lambda raw: "try quotes" if raw.isalpha() else None)
    assert spec.parse('"a"') == "a"
    with pytest.raises(FieldError) as caught:
        spec.parse("a b")  # the hint does not claim this value: the error is unchanged
    assert (caught.value.reason, caught.value.position) == ("unexpected 'b' after the item", 2)
    for parse in (spec.parse, spec.analyse):
        assert parse is not None
        with pytest.raises(FieldError) as caught:
            parse("abc")
        assert caught.value.reason == ('X-Test must be a String, found the Token abc (quote it: '
                                       '"abc"); try quotes')
        assert caught.value.position == 0
