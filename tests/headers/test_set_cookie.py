from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.headers import REGISTRY, FieldError, parse_section
from headerscope.headers.set_cookie import SET_COOKIE, CookieAttribute, SameSite, SetCookie


def _at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


@pytest.mark.parametrize(("raw", "expected"), [
    ("sid=31d4d96e407aad42; Path=/; Secure; HttpOnly; SameSite=Lax",
     SetCookie("sid", "31d4d96e407aad42", path="/", secure=True, http_only=True,
               same_site=SameSite.LAX)),
    # Django
    ("csrftoken=abc; expires=Sat, 16 Nov 2024 12:00:00 GMT; Max-Age=31449600; Path=/; "
     "SameSite=Lax",
     SetCookie("csrftoken", "abc", _at(2024, 11, 16, 12), 31449600, path="/",
               same_site=SameSite.LAX)),
    # Google: RFC 850-like date, leading '.' in Domain, a value holding '='
    ("NID=511=abc; expires=Mon, 20-May-2024 10:00:00 GMT; path=/; domain=.google.com; HttpOnly",
     SetCookie("NID", "511=abc", _at(2024, 5, 20, 10), domain="google.com", path="/",
               http_only=True)),
    # Cloudflare: a two-digit year
    ("__cf_bm=x; path=/; expires=Sat, 18-Nov-23 12:00:00 GMT; domain=.Example.COM; HttpOnly; "
     "Secure; SameSite=None",
     SetCookie("__cf_bm", "x", _at(2023, 11, 18, 12), domain="example.com", path="/",
               secure=True, http_only=True, same_site=SameSite.NONE)),
    ("id=a; Max-Age=0", SetCookie("id", "a", max_age=0)),  # the usual way to delete a cookie
    ("id=a; Max-Age=-1", SetCookie("id", "a", max_age=-1)),  # user agents accept a '-'
    ("id=a;secure;HTTPONLY;samesite=strict;partitioned",
     SetCookie("id", "a", secure=True, http_only=True, same_site=SameSite.STRICT,
               partitioned=True)),
    (" id = a ; Path = /x y ", SetCookie("id", "a", path="/x y")),
    ("tok", SetCookie("", "tok")),  # RFC 6265bis: a nameless cookie
    ("a=b;;", SetCookie("a", "b")),
    # attributes browsers ignore are kept, in order
    ("a=b; Priority=High; Max-Age=1h; Path=rel; Domain=; Expires=never; SameSite=Foo; x",
     SetCookie("a", "b", extensions=(
         CookieAttribute("Priority", "High"), CookieAttribute("Max-Age", "1h"),
         CookieAttribute("Path", "rel"), CookieAttribute("Domain", ""),
         CookieAttribute("Expires", "never"), CookieAttribute("SameSite", "Foo"),
         CookieAttribute("x", None)))),
    ("a=b; Max-Age=1; max-age=2", SetCookie("a", "b", max_age=2)),  # the last one counts
    ("a=b; Secure=no", SetCookie("a", "b", secure=True)),
])
def test_parses(raw: str, expected: SetCookie) -> None:
    assert SET_COOKIE.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected the cookie's name=value", 0),
    ("; Path=/", "expected the cookie's name=value", 0),
    ("=", "neither a name nor a value", 0),
    ("=; Secure", "neither a name nor a value", 0),
    ("a=b; Path=/\x7f", "U+007F is a control character", 11),
    ("a\nb=c", "U+000A is a control character", 1),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        SET_COOKIE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("a=b; SameSite=None", [("SameSite=None requires Secure", 5)]),
    ("__Secure-x=1", [("a __Secure- cookie must be set with Secure", 0)]),
    ("__host-x=1; Secure; Path=/a", [("a __Host- cookie must have Secure and Path=/", 0)]),
    ("__Host-x=1; Secure; Path=/; Domain=a.com", [("no Domain", 0)]),
    ("a=b; Partitioned", [("a Partitioned cookie must be Secure", 5)]),
    ("a=b; Max-Age=34560001", [("400 days", 5)]),
    ("a=b; Max-Age=-5", [("negative Max-Age", 5)]),
    ("a=b; Max-Age=3600s", [("Max-Age is not an integer", 5)]),
    ("a=b; Expires=never", [("browsers ignore this Expires: no time", 5)]),
    ("a=b; Expires=Feb 30 2024 10:00:00", [("does not exist", 5)]),
    ("a=b; expires=Thu, 01-Jan-1970 00:00:01 GMT",
     [("Expires should be an IMF-fixdate ('Thu, 01 Jan 1970 00:00:01 GMT')", 5)]),
    ("a=b; Domain=.example.com", [("leading '.' of Domain is ignored", 5)]),
    ("a=b; Domain=", [("an empty Domain is ignored", 5)]),
    ("a=b; Path=x", [("does not start with '/'", 5)]),
    ("a=b; SameSite=Foo", [("not Strict, Lax or None", 5)]),
    ("a=b; Secure=yes", [("Secure takes no value; browsers ignore '=yes'", 5)]),
    ("a=b; Max-Age=1; max-age=2", [("max-age is repeated; the last one is used", 16)]),
    ("a=b; Priority=High", [("Priority is a Chromium extension", 5)]),
    ("a=b; Foo", [("unknown attribute 'Foo'", 5)]),
    ("a=b c", [("U+0020 in the value of 'a' is not a cookie-octet", 3)]),
    ("tok; Secure", [("a nameless cookie", 0)]),
    ("a=" + "x" * 4096, [("exceed 4096 octets", 0)]),
    ("sid=1; Path=/; Secure; HttpOnly; SameSite=None; Partitioned", []),
    ("__Host-sid=1; Path=/; Secure; Expires=Wed, 21 Oct 2015 07:28:00 GMT", []),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Set-Cookie", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


@pytest.mark.parametrize(("value", "text"), [
    (SetCookie("a", "b", _at(2015, 10, 21, 7, 28), 60, "example.com", "/", True, True,
               SameSite.STRICT, True, (CookieAttribute("Priority", "High"),)),
     "a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60; Domain=example.com; Path=/; "
     "Secure; HttpOnly; SameSite=Strict; Partitioned; Priority=High"),
    (SetCookie("", "tok"), "tok"),
    (SetCookie("", "x=y"), "=x=y"),
])
def test_writes(value: SetCookie, text: str) -> None:
    assert SET_COOKIE.write(value) == text
    assert SET_COOKIE.parse(text) == value


def test_lines_are_never_combined() -> None:
    section = parse_section(REGISTRY, [("Set-Cookie", "a=1; Expires=Wed, 21 Oct 2015 07:28:00 "
                                                      "GMT"), ("Set-Cookie", "b=2")])
    assert [c.name for c in section.get("set-cookie")] == ["a", "b"]
