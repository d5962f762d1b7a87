"""The IANA fields of issue 17's first batch that are not WebDAV's or Trace Context's:
CDN-Loop, DPoP, Preference-Applied, Memento, Web Push, Slug, Optional-WWW-Authenticate,
OSCORE, ALPN and Expect-CT, with their specifications' examples."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers.alpn import ALPN
from headerscope.headers.cdn_loop import CDN_LOOP, CdnInfo
from headerscope.headers.dpop import DPOP, DPOP_NONCE
from headerscope.headers.expect_ct import EXPECT_CT, ExpectCT
from headerscope.headers.memento import ACCEPT_DATETIME, MEMENTO_DATETIME
from headerscope.headers.optional_www_authenticate import OPTIONAL_WWW_AUTHENTICATE
from headerscope.headers.oscore import OSCORE, OscoreOption
from headerscope.headers.preference_applied import PREFERENCE_APPLIED, AppliedPreference
from headerscope.headers.slug import SLUG
from headerscope.headers.web_push import TOPIC, TTL, URGENCY, Urgency

from ._content_helpers import rejects, warned, warnings

DPOP_EXAMPLE = (  # RFC 9449, Figure 2, its line wrapping undone
    "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0Vj"
    "NoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5"
    "VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVC"
    "IsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP"
    "4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg")


def test_cdn_loop_examples() -> None:  # RFC 8586, 2
    assert CDN_LOOP.parse('foo123.foocdn.example, barcdn.example; trace="abcdef"') == (
        CdnInfo("foo123.foocdn.example"), CdnInfo("barcdn.example", (("trace", "abcdef"),)))
    assert CDN_LOOP.parse('AnotherCDN; abc=123; def="456"') == (
        CdnInfo("AnotherCDN", (("abc", "123"), ("def", "456"))),)
    assert CDN_LOOP.parse("[2001:db8::1]:8443") == (CdnInfo("[2001:db8::1]:8443"),)
    rejects(CDN_LOOP, "cdn.example:99999", "port", 12)
    rejects(CDN_LOOP, "a;x=1;x=2", "repeated", 6)


def test_dpop_is_a_jwt() -> None:
    assert DPOP.parse(DPOP_EXAMPLE) == DPOP_EXAMPLE
    assert warnings(DPOP, DPOP_EXAMPLE) == []
    warned(DPOP, "abc", "three base64url parts", 0)
    warned(DPOP, "eyJ0eXAiOiJKV1QifQ.e30.", '"typ":"dpop+jwt"', 0)  # {"typ":"JWT"}
    rejects(DPOP, "a b", "unexpected U+0020", 1)


def test_dpop_nonce() -> None:  # RFC 9449, 8
    assert DPOP_NONCE.parse("eyJ7S_zG.eyJH0-Z.HX4w-7v") == "eyJ7S_zG.eyJH0-Z.HX4w-7v"
    rejects(DPOP_NONCE, 'a"b', "is not allowed in a nonce", 1)
    rejects(DPOP_NONCE, "a b", "is not allowed in a nonce", 1)


def test_preference_applied() -> None:  # RFC 7240, 3 and 4.2
    assert PREFERENCE_APPLIED.parse("return=representation") == (
        AppliedPreference("return", "representation"),)
    assert PREFERENCE_APPLIED.parse('Respond-Async, wait = "10", x=""') == (
        AppliedPreference("respond-async"), AppliedPreference("wait", "10"),
        AppliedPreference("x"))
    rejects(PREFERENCE_APPLIED, "respond-async; wait=10", "takes no parameters", 13)
    rejects(PREFERENCE_APPLIED, "", "at least one element", 0)


def test_memento_examples() -> None:  # RFC 7089, 2.1.1
    assert ACCEPT_DATETIME.parse("Thu, 31 May 2007 20:35:00 GMT") == datetime(
        2007, 5, 31, 20, 35, tzinfo=UTC)
    assert MEMENTO_DATETIME.parse("Wed, 30 May 2007 18:47:52 GMT").day == 30
    rejects(MEMENTO_DATETIME, "Wednesday, 30-May-07 18:47:52 GMT", "only the rfc1123-date", 0)
    rejects(ACCEPT_DATETIME, "2007-05-31T20:35:00Z", "not an HTTP-date", 0)


def test_web_push_fields() -> None:  # RFC 8030, 5.2 to 5.4
    assert TTL.parse("15") == 15
    assert URGENCY.parse("Very-Low") is Urgency.VERY_LOW
    rejects(URGENCY, "low, high", "more than one urgency", 3)
    rejects(URGENCY, "urgent", "is not an urgency", 0)
    assert TOPIC.parse("upd") == "upd"
    warned(TOPIC, "a" * 33, "at most 32 characters", 0)
    warned(TOPIC, "a.b", "base64 alphabet", 0)


def test_slug_example() -> None:  # RFC 5023, 9.7.1
    assert SLUG.parse("The Beach at S%C3%A8te") == "The Beach at S\u00e8te"
    assert SLUG.write("The Beach at S\u00e8te") == "The Beach at S%C3%A8te"
    assert SLUG.write(" 100% ") == "%20100%25%20"
    rejects(SLUG, "S\u00e8te", "is not allowed in a Slug", 1)
    rejects(SLUG, "a%C3", "not UTF-8", 1)
    warned(SLUG, "100%", "starts no percent-encoded octet", 3)


def test_optional_www_authenticate() -> None:  # RFC 8053, 3
    (challenge,) = OPTIONAL_WWW_AUTHENTICATE.parse('Basic realm="Sample"')
    assert challenge.scheme == "basic"
    rejects(OPTIONAL_WWW_AUTHENTICATE, "", "at least one challenge", 0)


@pytest.mark.parametrize(("raw", "expected"), [
    ("CSU", OscoreOption(b"\x25", kid=b"")),  # RFC 8613's example: 09 25
    ("AA", OscoreOption()),  # the empty option
    ("GQUBAgMEBQ", OscoreOption(b"\x05", kid=b"\x03\x04\x05", kid_context=b"\x02")),  # h, k, n=1
])
def test_oscore_option(raw: str, expected: OscoreOption) -> None:
    assert OSCORE.parse(raw) == expected


def test_oscore_writes_the_empty_option_as_aa() -> None:
    assert OSCORE.write(OscoreOption()) == "AA"
    assert OSCORE.write(OscoreOption(b"\x25", kid=b"")) == "CSU"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("CSU=", "not a base64url character", 3),
    ("4A", "reserved bits", 0),
    ("CQ", "Partial IV that is not there", 0),
    ("AAAA", "octets after the option's last field", None),
    ("A", "encode no whole octets", None),
])
def test_oscore_rejects(raw: str, fragment: str, position: int | None) -> None:
    rejects(OSCORE, raw, fragment, position)


def test_alpn_example() -> None:  # RFC 7639, 2
    assert ALPN.parse("h2, http%2F1.1") == ("h2", "http/1.1")
    assert ALPN.write(("h2", "http/1.1", "%")) == "h2, http%2F1.1, %25"
    warned(ALPN, "http%2f1.1", "upper-case hex digits", 4)
    warned(ALPN, "h%32", "must be written as itself", 1)
    rejects(ALPN, "h%2", "'%' starts a percent-encoded octet", 1)


def test_expect_ct_is_read_and_flagged_obsolete() -> None:  # RFC 9163, 2.1
    raw = 'max-age=86400, enforce, report-uri="https://foo.example/report"'
    assert EXPECT_CT.parse(raw) == ExpectCT(86400, True, "https://foo.example/report")
    parsed = REGISTRY.parse("Expect-CT", raw)
    assert parsed.error is None and parsed.warnings[0].reason.startswith("Expect-CT is obsolete")
    rejects(EXPECT_CT, "enforce", "max-age directive is required", None)
    rejects(EXPECT_CT, "max-age=1, Max-Age=2", "appears twice", 11)
    rejects(EXPECT_CT, 'max-age=1, report-uri="/r"', "expected an absolute URI", 0)
