from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers import REGISTRY, FieldError, parse_section
from headerscope.headers.cookie import COOKIE, CookiePair

P = CookiePair


@pytest.mark.parametrize(("raw", "expected"), [
    ("a=1", (P("a", "1"),)),
    ("a=", (P("a", ""),)),
    ('a="quoted"', (P("a", '"quoted"'),)),  # DQUOTEs are part of the value (RFC 6265)
    ("a=1; a=2; b=3", (P("a", "1"), P("a", "2"), P("b", "3"))),  # order and duplicates kept
    ("NID=511=Fx9; 1P_JAR=2024-01-01-10", (P("NID", "511=Fx9"), P("1P_JAR", "2024-01-01-10"))),
    # Chromium and Firefox: analytics and prefixed cookies
    ("_ga=GA1.1.1234567890.1700000000; _gid=GA1.2.987654321.1700000000; __Secure-3PSID=ab.c",
     (P("_ga", "GA1.1.1234567890.1700000000"), P("_gid", "GA1.2.987654321.1700000000"),
      P("__Secure-3PSID", "ab.c"))),
    # lenient: each of these parses with a warning (see test_warns)
    ("a=1;b=2", (P("a", "1"), P("b", "2"))),  # curl -b "a=1;b=2"
    ("a = 1", (P("a", "1"),)),
    ("a=x y,z", (P("a", "x y,z"),)),
    ('prefs={"theme":"dark"}', (P("prefs", '{"theme":"dark"}'),)),
    ("lang=fran\xe7ais", (P("lang", "fran\xe7ais"),)),
    ("arr[0]=1", (P("arr[0]", "1"),)),  # PHP's array cookies: '[' is not a tchar
    ("tok; a=1", (P("", "tok"), P("a", "1"))),  # a nameless cookie (RFC 6265bis)
    ("=v", (P("", "v"),)),
    ("a=1; ; b=2;", (P("a", "1"), P("b", "2"))),
    ("a=\t1", (P("a", "1"),)),
])
def test_parses(raw: str, expected: tuple[CookiePair, ...]) -> None:
    assert COOKIE.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "no cookie", 0),
    (";", "no cookie", 0),
    ("; ;", "no cookie", 0),
    ("a=1; b=\x00", "U+0000 is a control character", 7),
    ("a=1\r\nb=2", "U+000D is a control character", 3),
    ("a\x7f=1", "U+007F is a control character", 1),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        COOKIE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("a=1;b=2;c=3", [("separated by ';' and one space, as user agents send them (and 1 more)",
                      3)]),
    ("a=1 ; b=2", [("separated by ';' and one space", 3)]),
    ("a = 1", [("whitespace around '='", 1)]),
    ("a= 1", [("whitespace around '='", 2)]),
    ("a=x y", [("U+0020 in the value of 'a' is not a cookie-octet", 3)]),
    ('a="x,y"', [("',' in the value of 'a' is not a cookie-octet", 4)]),
    ('a="xy', [("'\"' in the value of 'a'", 2)]),
    ('a=x"y"', [("'\"' in the value of 'a'", 3)]),
    ("a=\\", [("'\\\\' in the value", 2)]),
    ("lang=fran\xe7ais", [("U+00E7 in the value of 'lang'", 9)]),
    ("arr[0]=1", [("'[' is not allowed in a cookie name", 3)]),
    ("a=1; tok", [("no '=': a nameless cookie", 5)]),
    ("a=1; =v", [("empty cookie name", 5)]),
    ("a=1; ; b=2", [("empty cookie pair", 3)]),
    ("a=1;", [("empty cookie pair", 3)]),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Cookie", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings)
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


@pytest.mark.parametrize("raw", ["a=1", 'a=""; b="x"', "_ga=GA1.1.1; sid=abc%20def; $Version=1"])
def test_strict_values_have_no_warnings(raw: str) -> None:
    assert REGISTRY.parse("Cookie", raw).warnings == ()


@pytest.mark.parametrize(("value", "text"), [
    ((P("a", "1"), P("a", "2")), "a=1; a=2"),
    ((P("", "tok"),), "tok"),  # a nameless cookie goes out as browsers send it
    ((P("", "x=y"),), "=x=y"),  # ... unless its value would read back as a name
    ((P("", ""),), "="),
])
def test_writes(value: tuple[CookiePair, ...], text: str) -> None:
    assert COOKIE.write(value) == text
    assert COOKIE.parse(text) == value


def test_lines_combine_in_order() -> None:
    section = parse_section(REGISTRY, [("Cookie", "a=1; b=2"), ("Cookie", "a=3")])
    assert section.get("cookie") == (P("a", "1"), P("b", "2"), P("a", "3"))


@given(st.lists(st.tuples(st.text("abcXYZ019_-", min_size=1, max_size=5),
                          st.text("abc ,\"\\\xe9=", max_size=5)), min_size=1, max_size=5),
       st.sampled_from(["; ", ";", ";  ", " ; "]))
def test_no_pair_is_lost(pairs: list[tuple[str, str]], separator: str) -> None:
    """Whatever the separators and value characters, every pair comes back, in order."""
    raw = separator.join(f"{n}={v}" for n, v in pairs).strip(" ")
    parsed = REGISTRY.parse("Cookie", raw)
    assert parsed.error is None
    assert [p.name for p in parsed.value] == [n for n, _ in pairs]
    assert [p.value for p in parsed.value] == [v.strip(" ") for _, v in pairs]
