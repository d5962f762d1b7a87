"""Strategies for the IANA-registered fields of many small specifications: Trace Context,
WebDAV and CalDAV scheduling, CDN-Loop, DPoP, Memento, Web Push, AtomPub's Slug, OSCORE,
ALPN, Preference-Applied, Optional-WWW-Authenticate and Expect-CT.

Invalid texts are the mistakes each grammar rules out: upper-case hex in a traceparent, a
Coded-URL that is not absolute, whitespace inside a TimeType, parameters on an applied
preference, an HTTP-date that is not an rfc1123-date.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..headers.types import (
    AppliedPreference,
    CdnInfo,
    CodedUrl,
    Condition,
    EntityTag,
    ExpectCT,
    OscoreOption,
    RelativeRef,
    StateList,
    TraceParent,
    TraceStateMember,
    Urgency,
    Uri,
)
from ..headers.webdav import INFINITE
from ._addresses import dns_names, queries, schemes, segments
from ._common import (
    BAD_DATES,
    FieldStrategies,
    S,
    http_dates,
    invalid,
    joined,
    lower_tokens,
    quoted_contents,
    sample,
    tokens,
    tuples,
)
from ._security import SECURITY


def _unique(elements: S[tuple[str, str]], *, max_size: int = 3) -> S[tuple[tuple[str, str], ...]]:
    return st.lists(elements, max_size=max_size, unique_by=lambda p: p[0]).map(tuple)


# -- Trace Context ----------------------------------------------------------------------------

_hex = "0123456789abcdef"
_trace_ids = st.text(_hex, min_size=32, max_size=32).filter(lambda t: t != "0" * 32)
_parent_ids = st.text(_hex, min_size=16, max_size=16).filter(lambda t: t != "0" * 16)
_future = st.from_regex(r"(-[0-9a-z]{1,8}){0,2}", fullmatch=True)
_traceparents = st.builds(TraceParent, st.just(0), _trace_ids, _parent_ids, st.integers(0, 255)) | (
    st.builds(TraceParent, st.integers(1, 254), _trace_ids, _parent_ids, st.integers(0, 255),
              _future))
_traceparent_invalid = sample(
    "", "00", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
    "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
    "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01extra",
    "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
    "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", "4bf92f3577b34da6a3ce929d0e0e4736")
_simple_keys = st.from_regex(r"[a-z][a-z0-9_\-*/]{0,12}", fullmatch=True)
_tenant_keys = st.from_regex(r"[a-z0-9][a-z0-9_\-*/]{0,8}@[a-z][a-z0-9_\-*/]{0,13}",
                             fullmatch=True)
_state_values = st.from_regex(r"[ !-+\--<>-~]{0,12}[!-+\--<>-~]", fullmatch=True)
_state_members = st.builds(TraceStateMember, _simple_keys | _tenant_keys, _state_values)
_tracestate_invalid = sample(
    "Rojo=1", "rojo", "rojo=", "rojo=a=b", "rojo=1 x=2", "1rojo=1", "a@1b=1", "rojo=\x7f",
    "a" * 257 + "=1", "rojo=" + "x" * 257, ",".join(f"k{i}=1" for i in range(33)), "=1",
    "rojo=1;x=2")


# -- WebDAV -----------------------------------------------------------------------------------

_coded_urls = st.one_of(
    st.builds(lambda u: CodedUrl(f"urn:uuid:{u}"), st.uuids()),
    st.builds(lambda s, h, p: CodedUrl(f"{s}://{h}/{p}"), st.sampled_from(["http", "https"]),
              dns_names, segments),
    st.just(CodedUrl("DAV:no-lock")))
_classes = st.sampled_from(["1", "2", "3", "access-control", "calendar-access"]) | tokens
_absolute = st.builds(lambda s, h, p, q: Uri(s, None, None, "/" + p, q), schemes, st.none(),
                      segments, queries)
_paths = st.builds(lambda a, b, q: RelativeRef(None, None, "/" + a + ("/" + b if b else ""), q),
                   segments, segments, queries).filter(lambda r: not r.path.startswith("//"))
_simple_refs = _absolute | _paths
_bad_refs = ["relative/path", "//host/path", "http://a.example/#frag", "/a b", "/x#y", "",
             "http://[::1/", "?q"]
_if_tags = st.builds(EntityTag, quoted_contents, st.booleans())
_conditions = st.builds(Condition, _coded_urls | _if_tags, st.booleans())
_if_lists = tuples(tuples(_conditions, min_size=1), min_size=1)
_if_values = st.builds(lambda ls: (StateList(None, ls),), _if_lists) | st.lists(
    st.builds(StateList, _simple_refs, _if_lists), min_size=1, max_size=3).map(tuple)
_if_invalid = sample(
    "", "()", "(", "(<urn:x>", "<urn:x>", "(<relative>)", "([\"x\" ])", "(Not)", "(Not [x])",
    "(<urn:x>) </a> (<urn:y>)", "</a> (<urn:x>) junk", '(["a"] x)', "(<urn:x>,<urn:y>)",
    "</a b> (<urn:x>)", '([W/ "x"])', "(<urn:x#frag>)")
_timeouts = tuples(st.just(INFINITE) | st.integers(0, 2**32 - 1), min_size=1)


# -- the rest ---------------------------------------------------------------------------------

_params = _unique(st.tuples(lower_tokens, tokens | quoted_contents))
_cdn_infos = st.builds(CdnInfo, dns_names.filter(bool) | tokens |
                       st.builds(lambda h, p: f"{h}:{p}", dns_names.filter(bool),
                                 st.integers(0, 65535)), _params)
_b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_jws = st.builds(lambda b, c: "eyJ0eXAiOiJkcG9wK2p3dCJ9." + b + "." + c,
                 st.text(_b64url, min_size=1, max_size=20), st.text(_b64url, max_size=20))
_nonces = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E,
                                exclude_characters='"\\'), min_size=1, max_size=20)
_applied = st.lists(st.builds(AppliedPreference, lower_tokens,
                              st.none() | (tokens | quoted_contents).filter(bool)),
                    min_size=1, max_size=4).map(tuple)
_oscore = st.builds(OscoreOption, st.binary(max_size=7), st.none() | st.binary(max_size=8),
                    st.none() | st.binary(max_size=8))
_alpn_ids = st.text(st.characters(max_codepoint=255), min_size=1, max_size=10)
_report_uris = st.none() | st.builds(lambda h, p: f"https://{h}/{p}", dns_names.filter(bool),
                                     segments)
_ct_extensions = _unique(st.tuples(lower_tokens.filter(
    lambda n: n not in ("max-age", "enforce", "report-uri")), st.none() | tokens))
_expect_ct = st.builds(ExpectCT, st.integers(0, 2**40), st.booleans(), _report_uris,
                       _ct_extensions)
_rfc1123_invalid = invalid([*BAD_DATES, "Sunday, 06-Nov-94 08:49:37 GMT",
                            "Sun Nov  6 08:49:37 1994"])
_schedule_tags = quoted_contents


IANA: dict[str, FieldStrategies] = {
    "traceparent": FieldStrategies(values=_traceparents, invalid=_traceparent_invalid),
    "tracestate": FieldStrategies(
        values=tuples(_state_members), invalid=_tracestate_invalid,
        spellings=sample("rojo=00f067aa0ba902b7 , congo=t61rcWkgMzE", ",, a=1,", "",
                          "a=b c,\tz@y=1", "vendorname1=opaqueValue1,vendorname2=opaqueValue2")),
    "dav": FieldStrategies(
        values=tuples(_classes | _coded_urls),
        invalid=invalid(["<relative>", "<http://a.example/ x>", "1 2", "<urn:x", "(1)",
                         "<http://a.example/#f>", "1;x"], joined(_classes), ["<x>", "a b"]),
        spellings=joined(_classes)),
    "depth": FieldStrategies(values=st.sampled_from(["0", "1", "infinity"]),
                             invalid=sample("", "2", "infinite", "0, 1", "-1", "01", "one")),
    "destination": FieldStrategies(values=_simple_refs, invalid=st.sampled_from(_bad_refs)),
    "if": FieldStrategies(values=_if_values, invalid=_if_invalid,
                          spellings=sample('(<urn:a>)(<urn:b>)', '( not <urn:a> ["x y"] )',
                                            '</a>(NOT ["4217"])(<urn:x>) </b> (<urn:y>)')),
    "lock-token": FieldStrategies(values=_coded_urls,
                                  invalid=sample("", "urn:x", "<urn:x", "<x>", "<urn:x> <urn:y>",
                                                  "< urn:x>", "<urn:x>;a")),
    "overwrite": FieldStrategies(values=st.booleans(),
                                 invalid=sample("", "true", "TF", "1", "T, F", '"T"', "Y")),
    "timeout": FieldStrategies(
        values=_timeouts,
        invalid=invalid(["", "Second- 5", "Second-", "Second-x", "Seconds-5", "Infinity",
                         "5", "Second -5"], None),
        spellings=sample("second-5", "INFINITE, Second-10", "Second-99999999999,Second-5",
                          "Second-007")),
    "schedule-reply": FieldStrategies(values=st.booleans(),
                                      invalid=sample("", "true", "FT", "0", "T F")),
    "schedule-tag": FieldStrategies(values=_schedule_tags,
                                    invalid=sample("", "abc", '"abc', 'W/"abc"', '"a" "b"')),
    "if-schedule-tag-match": FieldStrategies(
        values=_schedule_tags, invalid=sample("", "abc", '"abc', '"a", "b"', "*")),
    "cdn-loop": FieldStrategies(
        values=tuples(_cdn_infos), invalid=invalid(
            ["a;b", "a b", "a:99999", "[::1", "a;x=", 'a;x="y', "a;x=1;x=2", "\u00e9"], None),
        spellings=sample("foo123.foocdn.example, barcdn.example; trace=\"abcdef\"",
                          "AnotherCDN; abc=123; def=\"456\"", "[2001:db8::1]:443 ; A=b",
                          ", x,")),
    "dpop": FieldStrategies(values=_jws | st.text(_b64url, min_size=1, max_size=20),
                            invalid=sample("", "a b", "a.b c", "=abc", "a=b", "é", "a,b")),
    "dpop-nonce": FieldStrategies(values=_nonces,
                                  invalid=sample("", "a b", 'a"b', "a\\b", "\u00e9", "a\tb")),
    "optional-www-authenticate": FieldStrategies(
        values=SECURITY["www-authenticate"].values.filter(bool),
        invalid=SECURITY["www-authenticate"].invalid | sample("", ",", " , ")),
    "preference-applied": FieldStrategies(
        values=_applied,
        invalid=invalid(["", "respond-async; wait=10", "return=minimal;a", "a=", "=a",
                         'a="b', "a b"], None),
        spellings=sample("Return=Representation", 'wait = "10"', "a=\"\", b", ", x ,")),
    "accept-datetime": FieldStrategies(values=http_dates, invalid=_rfc1123_invalid),
    "memento-datetime": FieldStrategies(values=http_dates, invalid=_rfc1123_invalid),
    "ttl": FieldStrategies(values=st.integers(0, 2**40),
                           invalid=sample("", "-1", "1.5", "10s", "1 2", "+5", "0x10")),
    "urgency": FieldStrategies(values=st.sampled_from(Urgency),
                               invalid=sample("", "urgent", "low, high", "very low", "very_low",
                                               '"low"'),
                               spellings=sample("HIGH", "Very-Low", "normal,", ", low")),
    "topic": FieldStrategies(values=st.text(_b64url, min_size=1, max_size=32),
                             invalid=sample("", "a b", "a,b", '"t"', "a/b", "a=")),
    "slug": FieldStrategies(values=st.text(st.characters(exclude_categories=["Cs"]),
                                           max_size=16),
                            invalid=sample("caf\u00e9", "a\x00b", "%C3", "%FF%FE", "\x7f")),
    "oscore": FieldStrategies(
        values=_oscore,
        invalid=sample("", "A", "CSU=", "C+U", "ABCDE", "4A", "IA", "EQ", "CQ", "AAAA",
                        "EgAA")),
    "alpn": FieldStrategies(
        values=tuples(_alpn_ids, min_size=1),
        invalid=invalid(["", "h2 h3", "http/1.1", "h%2", "h%zz", '"h2"'], None),
        spellings=sample("h2, http%2f1.1", "h%32", "H2,,h3")),
    "expect-ct": FieldStrategies(
        values=_expect_ct,
        invalid=sample("", "enforce", "max-age", "max-age=x", "max-age=1, max-age=2",
                        'max-age=1, report-uri="/relative"', "max-age=1, report-uri",
                        "max-age=-1", "max-age=1; enforce", "Max-Age=1, MAX-AGE=2"),
        spellings=sample('max-age=86400, enforce, report-uri="https://foo.example/report"',
                          'Max-Age="60" , ENFORCE', "max-age=0, x=y, z")),
}
