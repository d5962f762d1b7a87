"""Strategies for the response fields with classic grammars: media-type lists, the CORS response
fields, Alt-Svc, auth-param lists, closed-set policies, JSON fields, Server-Timing, Sunset.

Invalid texts are the mistakes people make with each field: a bare token where a quoted-string
belongs, "True" for "true", a missing port in an alternative authority, a JSON policy without
its required member or with a fraction above 1.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from ..headers._shared.families import MAX_DELTA
from ..headers.alt_svc import CLEAR
from ..headers.clear_site_data import TYPES
from ..headers.types import (
    Alternative,
    AuthParam,
    EndpointGroup,
    Host,
    HostKind,
    MediaType,
    Metric,
    NelPolicy,
    ReportingEndpoint,
    ResourcePolicy,
)
from ._common import (
    FieldStrategies,
    S,
    date_field,
    delay_seconds,
    joined,
    lower_tokens,
    quoted_contents,
    sample,
    tokens,
    tuples,
)
from ._content import params
from ._security import SECURITY


def _bad_lists(samples: list[str], valid: S[str], members: list[str]) -> S[str]:
    """Known-bad texts, and a valid list with a bad member appended."""
    return st.sampled_from(samples) | st.builds(lambda v, b: f"{v}, {b}", valid,
                                                st.sampled_from(members))


# -- media types, CORS --------------------------------------------------------------------

_media_types = st.builds(MediaType, lower_tokens, lower_tokens, params)
_media_spellings = sample("Application/JSON-Patch+JSON , ,text/plain;Charset=utf-8",
                           "application/merge-patch+json ;q=1", "text/turtle;;",
                           "IMAGE/*, ,")
_BAD_MEDIA = ["text", "text/", "/html", "text/html;charset", 'text/html;a="open', "text/ht ml",
              "text/html;a=1;a=2", "\u00fc/x", "a/b c/d", "text/html;;=x"]
_bad_media = _bad_lists(_BAD_MEDIA, _media_spellings, _BAD_MEDIA)
_field_names = tuples(lower_tokens)
_BAD_NAMES = ["content type", "a;b", '"x"', "a, b c", "x-a:1", "a/b", "(a)", "\u00e9"]
_bad_names = _bad_lists(_BAD_NAMES, joined(tokens), _BAD_NAMES)


# -- Alt-Svc --------------------------------------------------------------------------------

_reg_names = st.from_regex(r"[a-z][a-z0-9-]{0,8}(\.[a-z][a-z0-9-]{0,8}){0,2}", fullmatch=True)
_ip_hosts = st.sampled_from([("192.0.2.1", HostKind.IPV4), ("2001:db8::1", HostKind.IPV6)])
_hosts = st.builds(Host, st.just("") | _reg_names, st.integers(0, 65535)) | st.builds(
    lambda ip, port: Host(ip[0], port, ip[1]), _ip_hosts, st.integers(0, 65535))
_alt_params = st.dictionaries(lower_tokens.filter(lambda n: n not in ("ma", "persist")),
                              tokens | quoted_contents, max_size=2)
_alternatives = st.builds(Alternative, st.text(st.characters(codec="latin-1"), min_size=1,
                                               max_size=8),
                          _hosts, st.integers(0, MAX_DELTA), st.booleans(), _alt_params)
_alt_svc = st.just((CLEAR,)) | tuples(_alternatives, min_size=1)
_alt_svc_invalid = sample(
    "", "clear, h2=\":443\"", "CLEAR", "h2=:443", 'h2=":"', 'h2="example.com"',
    'h2=":443"; ma=-1', 'h2=":443"; ma=1h', 'h2 = ":443"', 'h2=":443"; ma=1; ma=2', 'h%2=":1"',
    'h2=":443" h3=":443"', 'h2=":99999"', '=":443"', 'h2=":443', 'h2=":443"; persist',
    'h2="[::1:443"', 'h2=":443";ma="1.5"', "h2")
_alt_svc_spellings = sample(
    'h3=":443";ma=2592000;, h2=":443"', 'H2="Alt.Example.COM:443"; MA=60',
    'h2=":443"; persist=1; foo="bar baz"', 'http%2f1.1=":80"', ', h3=":443"',
    'h3=":443"; ma="3600"; persist=0')


# -- auth-params, Clear-Site-Data, CORP --------------------------------------------------------

_auth_params = st.lists(st.builds(AuthParam, lower_tokens, quoted_contents | tokens),
                        max_size=4, unique_by=lambda p: p.name).map(tuple)
_auth_info = FieldStrategies(
    values=_auth_params,
    invalid=sample("a=1, a=2", "a", "a=", 'a="x', "a=1 b=2", "=1", "a=1;b=2", "a=@",
                    'nextnonce="x" y', "QOP=auth, qop=auth"),
    spellings=sample('QOP=auth , rspauth = "x",, nc=00000001', ", a=b ,", "nextnonce=abc"))
_clear_types = tuples(st.sampled_from(TYPES) | quoted_contents, min_size=1)
_clear_invalid = sample("", "cache", '"cache", cookies', '"cache', '"cache" "cookies"', "*",
                         '"a\x00"', ",", "'cache'", '"cache";x')


# -- JSON fields: NEL and Report-To --------------------------------------------------------

_json_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_counts = st.integers(0, 10**12)
_fractions = st.decimals(Decimal(0), Decimal(1), places=3)
_nel_policies = st.builds(NelPolicy, _json_text, _counts, st.booleans(), _fractions,
                          _fractions) | st.builds(NelPolicy, st.none(), st.just(0))
_nel_invalid = sample(
    "", "{}", '{"max_age":1}', '{"report_to":"a"}', '{"report_to":"a","max_age":-1}',
    '{"report_to":"a","max_age":"86400"}', '{"report_to":"a","max_age":1.5}',
    '{"report_to":1,"max_age":1}', '{"report_to":"a","max_age":1,"success_fraction":2}',
    '{"report_to":"a","max_age":1,"failure_fraction":"0.5"}', '[{"report_to":"a","max_age":1}]',
    '{"report_to":"a","max_age":1},', "report_to=a; max_age=1", '{"report_to":"a","max_age":NaN}',
    "{'report_to':'a','max_age':1}", "null", '{"report_to":"a","max_age":true}',
    '{"report_to":"a","max_age":1} {"report_to":"b","max_age":1}',
    '{"report_to":"a","max_age":1,"success_fraction":-0.1}')
_nel_spellings = sample(
    ' {"max_age": 0} ', '{"report_to": "nel", "max_age": 86400, "unknown": [1, {"x": null}]}',
    '{"report_to":"a","max_age":1,"include_subdomains":"yes"}',
    '{"report_to":"a","max_age":1,"success_fraction":1e-1,"failure_fraction":1.0}',
    '{"report_to":"a","max_age":1}, {"report_to":"b","max_age":2}',
    '{"report_to":"\\u00e9\\"","max_age":5,"request_headers":["x"]}')
_endpoints = st.builds(ReportingEndpoint, _json_text, _counts, _counts)
_groups = st.builds(EndpointGroup, _counts, tuples(_endpoints), _json_text, st.booleans())
_report_to_invalid = sample(
    "", "{}", '{"max_age":1}', '{"max_age":1,"endpoints":{}}',
    '{"max_age":1,"endpoints":[{"url":1}]}', '{"max_age":1,"endpoints":[{}]}',
    '{"max_age":-5,"endpoints":[]}', '{"group":7,"max_age":1,"endpoints":[]}',
    '{"max_age":1,"endpoints":[{"url":"https://a","priority":-1}]}',
    '{"max_age":1,"endpoints":[{"url":"https://a","weight":0.5}]}',
    '{"max_age":1,"endpoints":["https://a"]}', '"https://a"', '{"max_age":1,"endpoints":[]}}',
    '{"max_age":1,"endpoints":null}', "group=csp; max_age=1")
_report_to_spellings = sample(
    '{"max_age": 0, "group": "old"}',
    ' {"max_age":1,"endpoints":[{"url":"/r","priority":1,"weight":1}],"x":1} , '
    '{"max_age":2,"endpoints":[]}',
    '{"group":"a","max_age":1,"endpoints":[{"url":"http://insecure"}]},'
    '{"group":"a","max_age":1,"endpoints":[]}')


# -- Server-Timing ------------------------------------------------------------------------------

_durations = st.none() | st.decimals(Decimal(-10**6), Decimal(10**6), places=3)
_metric_params = st.dictionaries(lower_tokens.filter(lambda n: n not in ("dur", "desc")),
                                 tokens | quoted_contents, max_size=2)
_metrics = st.builds(Metric, tokens, _durations, st.none() | quoted_contents, _metric_params)
_timing_invalid = sample("db;dur", "db;=1", "db dur=1", "db;dur=1;", 'db;desc="x', ";dur=1",
                          "db;dur=1 x", "a b", '"db"', "db;dur=\x00", "db;dur=1,;x",
                          "db;desc=a b")
_timing_spellings = sample("miss, db;dur=53, app;dur=47.2", 'cache;desc="Cache Read";dur=23.2',
                            "db;DUR=5.0;dur=6", "total;dur=12ms", "a ; desc = hit", ", ,x",
                            "cdn-cache;desc=HIT, edge;dur=1e2, x;dur=.5")


RESPONSES: dict[str, FieldStrategies] = {
    "accept-patch": FieldStrategies(values=tuples(_media_types, min_size=1),
                                    invalid=_bad_media | sample(""),
                                    spellings=_media_spellings),
    "accept-post": FieldStrategies(values=tuples(_media_types), invalid=_bad_media,
                                   spellings=_media_spellings),
    "access-control-allow-credentials": FieldStrategies(
        values=st.just(True),
        invalid=sample("", "false", "True", "TRUE", "1", "true, true", '"true"', "yes",
                        "true;", "*")),
    "access-control-allow-headers": FieldStrategies(
        values=_field_names, invalid=_bad_names, spellings=joined(tokens)),
    "access-control-allow-methods": FieldStrategies(
        values=tuples(tokens), invalid=_bad_names | sample("GET POST", "G\xe9T", "GET;q=1"),
        spellings=joined(st.sampled_from(["GET", "POST", "*", "PATCH", "get"]))),
    "access-control-expose-headers": FieldStrategies(
        values=_field_names, invalid=_bad_names, spellings=joined(tokens)),
    "access-control-max-age": FieldStrategies(
        values=delay_seconds,
        invalid=sample("", "-1", "1.5", "10s", "abc", "1 2", "+5", "9" * 20 + "s", "600, 600",
                        "0x10"),
        spellings=sample("0600", "86400", "7201", "0" * 25 + "600", "9" * 30)),
    "alt-svc": FieldStrategies(values=_alt_svc, invalid=_alt_svc_invalid,
                               spellings=_alt_svc_spellings),
    "authentication-info": _auth_info,
    "proxy-authentication-info": _auth_info,
    "clear-site-data": FieldStrategies(
        values=_clear_types, invalid=_clear_invalid,
        spellings=sample('"cache","cookies"', ' "*" ,, "storage"', '"Cookies", "\\*"')),
    "content-security-policy-report-only": SECURITY["content-security-policy"],
    "cross-origin-resource-policy": FieldStrategies(
        values=st.sampled_from(ResourcePolicy),
        invalid=sample("", "Same-Origin", '"same-origin"', "same-origin, same-site", "none",
                        "same_origin", "same-origin;", "cross-origin same-site",
                        "SAME-SITE")),
    "nel": FieldStrategies(values=tuples(_nel_policies, min_size=1), invalid=_nel_invalid,
                           spellings=_nel_spellings),
    "report-to": FieldStrategies(values=tuples(_groups, min_size=1), invalid=_report_to_invalid,
                                 spellings=_report_to_spellings),
    "server-timing": FieldStrategies(values=tuples(_metrics), invalid=_timing_invalid,
                                     spellings=_timing_spellings),
    "sunset": date_field(),
}
