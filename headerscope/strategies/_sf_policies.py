"""Strategies for the Structured Field policies: Permissions, Document, Cross-Origin-*, caching.

Invalid texts mix the syntax errors every SF parser rejects with each field's own typical
mistakes: a quoted token ("require-corp" in quotes), an unquoted URL or origin, a typo in a
closed set (same-origin-allow-popup, fwd=mis), the drafts' forms (Deprecation: true), a
value of the wrong type (hit=1, max-age="60"). Fields whose processing model only skips bad
members (Permissions-Policy, Document-Policy, Reporting-Endpoints, Speculation-Rules) have
syntax errors only: nothing else makes them invalid.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from ..headers._shared.permissions_features import FEATURES as PERMISSION_FEATURES
from ..headers._shared.uri import UriReference, parse_uri_reference
from ..headers.accept_ch import HINTS
from ..headers.cache_status import FORWARD_REASONS, PARAMETERS
from ..headers.cdn_cache_control import FIELD_LISTS, FLAGS, REQUEST_ONLY, SECONDS
from ..headers.document_policy import BOOLEAN, DEFAULT_ENDPOINT, NUMBER
from ..headers.proxy_status import BELONGS_TO, ERRORS
from ..headers.proxy_status import PARAMETERS as PROXY_PARAMETERS
from ..headers.sf import InnerList, Item, Token
from ..headers.signatures import ALGORITHMS
from ..headers.types import (
    Activation,
    Allowlist,
    CacheStatus,
    CrossOriginPolicy,
    DictionaryUse,
    EmbedderPolicyValue,
    IntegrityPolicy,
    Keyword,
    LinkTemplate,
    MediaType,
    NoVarySearch,
    OpenerPolicyValue,
    Origin,
    PolicyEntry,
    ProxyStatus,
    StorageAccessActivation,
    Wildcard,
)
from ..headers.use_as_dictionary import REQUEST_DESTINATIONS
from ._common import FieldStrategies, S, lower_tokens, sample
from ._sf import keys, strings, token_texts
from ._structured import invalid_sf

_hosts = st.from_regex(r"[a-z][a-z0-9\-]{0,8}(\.[a-z]{2,6}){0,2}", fullmatch=True)
_paths = st.from_regex(r"(/[a-z0-9._~\-]{0,8}){0,3}", fullmatch=True)
_names = token_texts | strings  # a Token or a String: read as the same str



def _tuples(elements: S[Any], *, min_size: int = 0, max_size: int = 4) -> S[tuple[Any, ...]]:
    return st.lists(elements, min_size=min_size, max_size=max_size).map(tuple)


def _url(text: str) -> UriReference:
    return parse_uri_reference(text)


_https_urls = st.builds("https://{}{}".format, _hosts, _paths).map(_url)
_urls = _https_urls | _paths.filter(bool).map(_url)
_origins = st.builds(Origin, st.sampled_from(["https", "http"]), _hosts,
                     st.none() | st.integers(1, 65535).filter(lambda p: p not in (80, 443)))

# -- one value each ------------------------------------------------------------------------

_booleans = FieldStrategies(values=st.booleans(),
                            invalid=invalid_sf("1", "true", '"?1"', "?1, ?0", "?", item=True),
                            spellings=sample("?1;x", " ?0", "?1 "))


def _policy(values: type[EmbedderPolicyValue] | type[OpenerPolicyValue],
            *mistakes: str) -> FieldStrategies:
    return FieldStrategies(
        values=st.builds(CrossOriginPolicy, st.sampled_from(list(values)),
                         st.none() | strings),
        invalid=invalid_sf(*mistakes, "?1", "report-to", "unsafe-none, unsafe-none", item=True),
        spellings=st.sampled_from([v.value for v in values]).map(
            lambda v: f' {v};report-to="endpoint";x=1'))


_embedder = _policy(EmbedderPolicyValue, '"require-corp"', "require_corp", "requires-corp",
                    "credentialless;", "require-corp,credentialless")
_opener = _policy(OpenerPolicyValue, '"same-origin"', "same-origin-allow-popup",
                  "same_origin", "same-origin report-to")
_storage_access = FieldStrategies(
    values=st.just(StorageAccessActivation(Activation.LOAD)) | st.builds(
        StorageAccessActivation, st.just(Activation.RETRY), _origins | st.just(Wildcard.ANY)),
    invalid=invalid_sf("retry", '"retry"', "reload", "retry;allowed-origin=foo",
                     'retry;allowed-origin="https://a.example/x"', "retry;allowed-origin=1",
                     "load, retry", item=True),
    spellings=sample("load;allowed-origin=*", ' retry;  allowed-origin="HTTPS://A.Example:443"',
                      "retry;allowed-origin=*;x"))
_deprecation = FieldStrategies(
    values=st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59),
                        timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0)),
    invalid=invalid_sf("true", "Sun, 06 Nov 1994 08:49:37 GMT", "1688169599", '"@1688169599"',
                     "@99999999999999", "2023-06-30", "@1688169599, @1", item=True),
    spellings=sample("@1688169599;x", " @0", "@-62135596800"))
_export = FieldStrategies(
    values=st.binary(min_size=48, max_size=48),
    invalid=invalid_sf(":QUJD:", '"VGhpcyBl"', "VGhpcyBl", ":" + "A" * 68 + ":", item=True),
    spellings=st.binary(min_size=48, max_size=48).map(
        lambda b: f" :{base64.b64encode(b).decode()}:;v=1"))

# -- lists ---------------------------------------------------------------------------------

_hint_names = st.sampled_from(sorted(HINTS)).map(lambda h: h.title().replace("Ch", "CH"))
_accept_ch = FieldStrategies(
    values=_tuples(_hint_names | token_texts, min_size=1),
    invalid=invalid_sf('"Sec-CH-UA"', 'Sec-CH-UA, "DPR"', "1", "(Sec-CH-UA)", "Sec-CH-UA,",
                     "Sec-CH-UA DPR"),
    spellings=sample("Sec-CH-UA-Model,Sec-CH-DPR", " DPR ,\tWidth", "sec-ch-ua;x=1"))
_media_types = st.builds(
    MediaType, lower_tokens, lower_tokens,
    st.dictionaries(keys, strings, max_size=2)).filter(
        lambda m: m.type != "*" or m.subtype == "*")
_accept_query = FieldStrategies(
    values=_tuples(_media_types, min_size=1),
    invalid=invalid_sf('"application"', "application/sql;charset=1", "*/json", "1",
                     '"a/b";q=0.5', "(a/b)", '"a b/c"'),
    spellings=sample(' "Application/SQL" ', 'application/jsonpath,"application/sql";x=Y'))
_groups = FieldStrategies(
    values=_tuples(strings, min_size=1),
    invalid=invalid_sf("scripts", '"a", b', '("a")', '"a",', "1", '"a" "b"'),
    spellings=sample('"a" ,\t"b";revalidate', '"ExampleJS";x=1'))


@st.composite
def _cache_statuses(draw: st.DrawFn) -> CacheStatus:
    def maybe(strategy: S[Any]) -> Any:
        return draw(st.none() | strategy)
    extensions: S[dict[str, Any]] = st.dictionaries(keys.filter(lambda k: k not in PARAMETERS),
                                 st.integers(0, 100) | strings, max_size=2)
    return CacheStatus(draw(_names), draw(st.booleans()), maybe(st.sampled_from(
        FORWARD_REASONS)), maybe(st.integers(100, 599)), maybe(st.integers(-10**6, 10**6)),
        maybe(st.booleans()), maybe(st.booleans()), maybe(strings), maybe(_names),
        draw(extensions))


_cache_status = FieldStrategies(
    values=_tuples(_cache_statuses(), min_size=1),
    invalid=invalid_sf("a;fwd=mis", "a;hit=1", "1", "a;ttl=1.5", 'a;fwd="miss"',
                     '"a";stored="yes"', "a;key=k"),
    spellings=sample('ExampleCache; hit; ttl=376, "CDN Company Edge";fwd=uri-miss',
                      "a;hit;fwd=miss", "a;x-ext=1;fwd-status=700"))


@st.composite
def _proxy_statuses(draw: st.DrawFn) -> ProxyStatus:
    def maybe(strategy: S[Any]) -> Any:
        return draw(st.none() | strategy)
    error = maybe(st.sampled_from(sorted(ERRORS)))
    own: dict[str, Any] = {}
    for name, types in ({} if error is None else ERRORS[error]).items():
        if draw(st.booleans()):
            own[name] = draw(st.integers(0, 999) if types == (int,) else strings)
    extensions = draw(st.dictionaries(
        keys.filter(lambda k: k not in PROXY_PARAMETERS and k not in BELONGS_TO),
        st.integers(0, 9), max_size=1))
    return ProxyStatus(draw(_names), error, maybe(_names),
                       maybe(st.sampled_from([b"h2", b"http/1.1", b"h3", b"\x00\xff"])),
                       maybe(st.integers(100, 599)), maybe(strings), own | extensions)


_proxy_status = FieldStrategies(
    values=_tuples(_proxy_statuses(), min_size=1),
    invalid=invalid_sf("a;error=dns_eror", 'a;error="dns_error"', 'a;received-status="200"',
                     "1", "a;details=x", "a;next-protocol=1", "a;error=timeout"),
    spellings=sample('ExampleCDN; error=connection_timeout, "revproxy1";received-status=200',
                      'a;error=dns_error;rcode="NXDOMAIN";body-size=1', "a;next-protocol=:aDI=:"))
_templates = st.lists(sample("/", "a", "-", ".", "~") | st.from_regex(
    r"\{[+#./;?&]?[a-z_][a-z0-9_]{0,4}(:[1-9][0-9]{0,2}|\*)?(,[a-z]{1,3})?\}", fullmatch=True),
    max_size=5).map("".join)
_link_params = st.fixed_dictionaries({}, optional={
    "rel": sample("item", "author", "next prev", "https://example.org/rel/x"),
    "anchor": _templates.map(lambda t: "#" + t), "var-base": sample("https://example.org/v/"),
    "title": strings})
_link_template = FieldStrategies(
    values=_tuples(st.builds(LinkTemplate, _templates, _link_params), min_size=1),
    invalid=invalid_sf('"/{x"', '"/{=x}"', "/x", '"/x";rel=item', '"/a b"', '"/x";anchor="{"',
                     '"/x";var-base="a b"', '"/{a..b}"', '"/%zz"'),
    spellings=sample('"/{username}";rel="item" , "/x"', '"/{?q,page}"; rel="search"'))
_speculation_rules = FieldStrategies(
    values=_tuples(_urls, min_size=1),
    invalid=invalid_sf('"/rules.json",', '"/a" "/b"', "(", '"/rules.json";'),
    spellings=sample('rules.json, "/a.json"', ' "/speculationrules.json" ', '"a b", "/c"'))

# -- dictionaries --------------------------------------------------------------------------

_seconds = st.fixed_dictionaries({}, optional={k: st.integers(0, 2**40) for k in SECONDS})
_flags = st.fixed_dictionaries({}, optional={k: st.just(True) for k in FLAGS})
_field_lists = st.fixed_dictionaries({}, optional={
    k: st.just(True) | _tuples(lower_tokens, max_size=3) for k in FIELD_LISTS})
_extensions = st.dictionaries(
    keys.filter(lambda k: k not in SECONDS | FLAGS | FIELD_LISTS),
    st.integers(-5, 5) | strings | token_texts.map(Token) | st.booleans(), max_size=2)
_cdn_cache_control = FieldStrategies(
    values=st.builds(lambda *parts: {k: v for p in parts for k, v in p.items()},
                     _seconds, _flags, _field_lists, _extensions),
    invalid=invalid_sf("max-age=?1", "max-age=-1", "no-store=?0", "Max-Age=60", 'max-age="60"',
                     'private="a b"', "public=1", "max-age=1.5", "s-maxage=(60)"),
    spellings=sample("max-age=600 ,  no-store", 'no-cache="Set-Cookie";x, foo',
                      *sorted(REQUEST_ONLY)))
_document_values: dict[str, S[Any]] = {
    **{f: st.booleans() for f in BOOLEAN},
    **{f: st.integers(0, 100) | st.decimals(0, 100, places=3) for f in NUMBER},
    DEFAULT_ENDPOINT: st.just(True)}
_document_policy = FieldStrategies(
    values=st.sampled_from(sorted(_document_values)).flatmap(
        lambda f: st.tuples(st.just(f), st.builds(PolicyEntry, _document_values[f],
                                                  st.none() | token_texts))).map(
        lambda pair: {pair[0]: pair[1]}) | st.just({}),
    invalid=invalid_sf("Oversized-Images=2.0", "oversized-images=2.0,", "a=(",
                     "unsized-media ?0", "oversized-images=2.0;"),
    spellings=sample("oversized-images=2.0 , unsized-media=?0, *;report-to=main",
                      "foo=1, sync-xhr=?0", 'document-write=?0;report-to="x"'))
_integrity_policy = FieldStrategies(
    values=st.builds(IntegrityPolicy,
                     st.none() | _tuples(sample("script", "style"), min_size=1),
                     st.none() | _tuples(st.just("inline")), st.none() | _tuples(token_texts)),
    invalid=invalid_sf("blocked-destinations=script", 'blocked-destinations=("script")',
                     "sources=inline", 'endpoints=("a")', "blocked-destinations=(1)"),
    spellings=sample("blocked-destinations=( script  style ), x=1",
                      "blocked-destinations=(script image)", "endpoints=(e)"))
_query_keys = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
_no_vary_search = FieldStrategies(
    values=st.booleans().flatmap(
        lambda key_order: st.one_of(
            st.just(NoVarySearch(key_order)),
            st.just(NoVarySearch(key_order, True)),
            _tuples(_query_keys).map(lambda k: NoVarySearch(key_order, True, k)),
            _tuples(_query_keys, min_size=1).map(lambda k: NoVarySearch(key_order, k)))),
    invalid=invalid_sf('key-order="x"', 'params="x"', "params=(a)", 'params=("a"), except=("x")',
                     "params=(), except=()", 'params=?0, except=("x")', "params, except=(x)",
                     'params, except="x"', 'except=("x")', "params, except=?1"),
    spellings=sample("params=?1", "key-order=?1", 'params, key-order, except=("x")',
                      "params=?0", "unknown-key", 'params=("%C3%A9+%E6%B0%97" "a%2Bb")'))
_allowlists = st.builds(
    Allowlist, _tuples(st.sampled_from(list(Keyword)) | _origins),
    st.none() | token_texts | strings)
_permissions_policy = FieldStrategies(
    values=st.dictionaries(st.sampled_from(sorted(PERMISSION_FEATURES)) | keys, _allowlists,
                           max_size=4),
    invalid=invalid_sf("geolocation 'self'", "Geolocation=()", "camera=(", "camera=(self,x)",
                     "fullscreen=*;", "geolocation=(self) camera=()"),
    spellings=sample("geolocation=self, camera=*", 'fullscreen=(self "https://a.example:443/p")',
                      "interest-cohort=()", 'geolocation="https://a.example"'))
_reporting_endpoints = FieldStrategies(
    values=st.dictionaries(keys, _urls, max_size=3),
    invalid=invalid_sf("default=", 'Default="https://a.example"', 'a="/x",', "a=(", "a b"),
    spellings=sample('default=https://a.example/r, b="/r"', 'a="http://example.com/r"',
                      'c="http://localhost:8080/r";x'))
_use_as_dictionary = FieldStrategies(
    values=st.builds(
        DictionaryUse, strings.filter(lambda s: "(" not in s),
        st.none() | _tuples(st.sampled_from(sorted(REQUEST_DESTINATIONS))),
        st.none() | strings, st.none() | st.just("raw") | token_texts),
    invalid=invalid_sf('match-dest=("document")', "match=/a", 'match="/a/(x)"', "match=1",
                     'match="/a", id=1', 'match="/a", type="raw"',
                     'match="/a", match-dest=document', 'match="/a", match-dest=(document)'),
    spellings=sample('match="/a" , type=raw', 'match="/a", match-dest=("empty"), foo=1',
                      'match="/app/*/main.js";x'))
_accept_signature = FieldStrategies(
    values=st.dictionaries(st.from_regex(r"sig[0-9a-z\-]{0,4}", fullmatch=True), st.builds(
        lambda names, params: InnerList(tuple(Item(n) for n in names), params),
        st.lists(sample("@method", "@authority", "@path", "@target-uri", "content-digest"),
                 max_size=4),
        st.fixed_dictionaries({}, optional={
            "created": st.just(True) | st.integers(0, 2**40), "keyid": strings,
            "alg": st.sampled_from(sorted(ALGORITHMS)), "nonce": strings, "tag": strings})),
        min_size=1, max_size=2),
    invalid=invalid_sf('sig1="@method"', "sig1=(@method)", 'sig1=("@method");created="1"',
                     'sig1=("@method");keyid=key', 'sig1=("@method" 1)'),
    spellings=sample('sig1=( "@method"  "@path" );created; keyid="k"',
                      'sig1=("@method");expires;tag="t"'))

SF_POLICIES: dict[str, FieldStrategies] = {
    "accept-ch": _accept_ch,
    "accept-query": _accept_query,
    "accept-signature": _accept_signature,
    "activate-storage-access": _storage_access,
    "cache-group-invalidation": _groups,
    "cache-groups": _groups,
    "cache-status": _cache_status,
    "capsule-protocol": _booleans,
    "cdn-cache-control": _cdn_cache_control,
    "concealed-auth-export": _export,
    "cross-origin-embedder-policy": _embedder,
    "cross-origin-embedder-policy-report-only": _embedder,
    "cross-origin-opener-policy": _opener,
    "cross-origin-opener-policy-report-only": _opener,
    "deprecation": _deprecation,
    "document-policy": _document_policy,
    "integrity-policy": _integrity_policy,
    "integrity-policy-report-only": _integrity_policy,
    "link-template": _link_template,
    "no-vary-search": _no_vary_search,
    "origin-agent-cluster": _booleans,
    "permissions-policy": _permissions_policy,
    "proxy-status": _proxy_status,
    "reporting-endpoints": _reporting_endpoints,
    "require-document-policy": _document_policy,
    "speculation-rules": _speculation_rules,
    "use-as-dictionary": _use_as_dictionary,
}
