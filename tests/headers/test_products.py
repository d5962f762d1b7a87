from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers import FieldError, products
from headerscope.headers.products import SERVER, USER_AGENT, Comment, Product
from headerscope.strategies._addresses import REAL_USER_AGENTS as STRATEGY_USER_AGENTS
from headerscope.strategies._addresses import comments

# The strategies' real User-Agents, and a few more that only the table tests use.
REAL_USER_AGENTS = [
    *STRATEGY_USER_AGENTS,
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
    "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
    "PostmanRuntime/7.42.0",
]


@pytest.mark.parametrize("raw", REAL_USER_AGENTS)
def test_real_user_agents_parse_and_write_back(raw: str) -> None:
    value = USER_AGENT.parse(raw)
    assert isinstance(value[0], Product)
    assert USER_AGENT.write(value) == raw


def test_structure() -> None:
    assert USER_AGENT.parse(REAL_USER_AGENTS[1]) == (
        Product("Mozilla", "5.0"), Comment("X11; Linux x86_64; rv:133.0"),
        Product("Gecko", "20100101"), Product("Firefox", "133.0"))
    assert SERVER.parse("nginx") == (Product("nginx"),)
    assert SERVER.parse("Apache/2.4.62 (Debian)\tOpenSSL/3.0.15") == (
        Product("Apache", "2.4.62"), Comment("Debian"), Product("OpenSSL", "3.0.15"))


@pytest.mark.parametrize(("raw", "text", "written"), [
    ("a (x (y) z)", "x (y) z", "a (x (y) z)"),  # a nested comment stays in the text
    ("a (x \\( y)", "x ( y", "a (x \\( y)"),  # quoted-pairs undone, unbalanced re-escaped
    ("a (\\x\\\\)", "x\\", "a (x\\\\)"),
    ("a ())(", None, None),
])
def test_comments(raw: str, text: str | None, written: str | None) -> None:
    if text is None:
        with pytest.raises(FieldError):
            USER_AGENT.parse(raw)
        return
    value = USER_AGENT.parse(raw)
    assert value[1] == Comment(text)
    assert USER_AGENT.write(value) == written


@given(comments)
def test_any_comment_text_round_trips(comment: Comment) -> None:
    assert USER_AGENT.parse(USER_AGENT.write((Product("a"), comment))) == (Product("a"), comment)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected a product name, found end of value", 0),
    ("Mozilla/5.0(X11)", "expected whitespace before the next product or comment", 11),
    ("(Windows NT 10.0)", "expected a product name, found '('", 0),
    ("Mozilla/", "expected a product version after '/'", 8),
    ("a/b/c", "expected whitespace before the next product or comment, found '/'", 3),
    ("Mozilla/5.0 (X11; Linux", "comment is not closed with ')'", 12),
    ("Mozilla/4.0 [en] (WinNT; I)", "expected a product name, found '['", 12),  # Netscape 4
    ("Foo/1.0 (bad \x01 char)", "U+0001 is not allowed in a comment", 13),
    ("Foo/1.0 (a \\\x01)", "backslash must quote a visible character", 11),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        USER_AGENT.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@given(st.text(st.sampled_from("ab/ ()\\\t;.x1"), max_size=30))
def test_fast_path_agrees_with_the_cursor(raw: str) -> None:
    def outcome(parse: Callable[[str], object]) -> object:
        try:
            return parse(raw)
        except FieldError as exc:
            return (exc.reason, exc.position)

    assert outcome(products.parse) == outcome(products._parse_with_cursor)
