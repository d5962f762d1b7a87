"""Strategies for the security group's fields: authentication, cookies, response security
policies, CORS, privacy signals and the WebSocket handshake."""

from __future__ import annotations

import base64
import string
from datetime import UTC, datetime

from hypothesis import strategies as st

from ..headers.cors import Wildcard
from ..headers.referrer_policy import POLICIES
from ..headers.types import (
    AllowFrom,
    BasicCredentials,
    Challenge,
    CookieAttribute,
    CookiePair,
    Credentials,
    FrameOption,
    OpaqueOrigin,
    Origin,
    Policy,
    SameSite,
    SetCookie,
    StrictTransportSecurity,
    TrackingPreference,
    WebSocketExtension,
)
from ._common import (
    TCHARS,
    FieldStrategies,
    lower_tokens,
    ows,
    quoted_contents,
    sample,
    tokens,
    unique_params,
)

_ALNUM = string.ascii_letters + string.digits
_LOWER_ALNUM = string.ascii_lowercase + string.digits



def _with_control(valid: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A valid text with a control character (not HTAB) put inside it."""
    controls = st.sampled_from([chr(c) for c in (*range(0x09), *range(0x0A, 0x20), 0x7F)])
    return st.builds(lambda text, ch, i: text[:i] + ch + text[i:], valid, controls,
                     st.integers(0, 4))


# -- authentication --------------------------------------------------------------------------

_token68 = st.builds(lambda body, pad: body + "=" * pad,
                     st.text(_ALNUM + "-._~+/", min_size=1, max_size=24), st.integers(0, 2))
_schemes = lower_tokens.filter(lambda s: s not in ("basic", "bearer"))
_auth_params = st.dictionaries(lower_tokens, quoted_contents, max_size=4)
# names that end up in an error's reason: fixed, so no drawn name reads like "internal"
_param_names = st.sampled_from(["realm", "nonce", "qop", "a", "x-y"])
_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_credentials = st.one_of(
    st.builds(BasicCredentials, _text.filter(lambda s: ":" not in s), _text),
    st.builds(Credentials, st.just("bearer"), _token68),
    st.builds(Credentials, _schemes, _token68),
    st.builds(Credentials, _schemes, st.none(), _auth_params),
)
_challenge = st.one_of(
    st.builds(Challenge, lower_tokens, _token68),
    st.builds(Challenge, lower_tokens, st.none(), _auth_params),
)
_credential_spellings = st.one_of(
    sample("basic YTpi", "BEARER abc.def-ghi", "Digest  realm = r , nonce=n", "Digest , a=b",
            "negotiate", "Basic    YTpi"),
    # user-id:password in ISO-8859-1, as older clients send it
    st.builds(lambda user, password: "Basic " + base64.b64encode(
        f"{user}:{password}".encode("latin-1")).decode("ascii"),
        st.text("abc\xe9\xff:", max_size=6).filter(lambda u: ":" not in u),
        st.text("abc\xe9\xff:", max_size=6)),
)
_credentials_invalid = st.one_of(
    sample("", "Basic", "Basic realm=x", "Basic YWJj", "Basic YWJjZA", "Basic YW-j",
            "Basic a===", "Bearer", "Bearer a b", "Bearer abc, x=y", "Digest realm=a, realm=b",
            "Digest realm=@", 'Digest realm="x', "Basic\tYTpi", "Negotiate abc def",
            "realm=x", "Basic  ,", "Digest a=b c"),
    # base64 of a text without the colon between user-id and password
    st.text(_ALNUM, max_size=12).map(
        lambda s: "Basic " + base64.b64encode(s.encode()).decode("ascii")).filter(
        lambda s: s != "Basic "),
    st.builds(lambda scheme, name: f"{scheme} {name}=1, {name}=2", _schemes, _param_names),
)
_challenges_invalid = st.one_of(
    sample('Basic realm="x', "realm=x", 'Basic realm="a", realm="b"', "Basic realm=;",
            "Basic a b", "Basic\trealm=x", 'Basic realm="a" b', "Negotiate abc, realm=x",
            "Basic, =", "Basic realm=x;", '"Basic"', "Basic realm=@"),
    st.builds(lambda scheme, name: f"{scheme} {name}=1, {name}=2", _schemes, _param_names),
)
_challenge_spellings = sample(
    'basic Realm="x"', 'Basic , realm="x"', ', Basic realm = "x" ,, Bearer', "NEGOTIATE",
    'Digest realm="r", nonce="n", qop="auth, auth-int", Basic realm=r', "Bearer abc==, Basic")


# -- cookies ---------------------------------------------------------------------------------

_OCTETS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '",;\\')
_cookie_names = st.text(TCHARS + "[]@:?",
                        min_size=1, max_size=10)
# what browsers send back: the strict cookie-octets, and spaces, commas, quotes, backslashes
# and non-ASCII (as ISO-8859-1 characters) inside a value
_cookie_values = st.one_of(
    st.text(_OCTETS, max_size=12),
    st.text(_OCTETS, max_size=12).map(lambda v: f'"{v}"'),
    st.text(_OCTETS + ' ,"\\\xe9\xff', max_size=12).filter(lambda v: v == v.strip(" ")),
)
_pairs = st.one_of(st.builds(CookiePair, _cookie_names, _cookie_values),
                   st.builds(CookiePair, st.just(""), _cookie_values))
_strict_pairs = st.builds(lambda n, v: f"{n}={v}", tokens, st.text(_OCTETS, max_size=8))
_cookie_spellings = st.one_of(
    st.builds(lambda pairs, sep: sep.join(pairs), st.lists(_strict_pairs, min_size=1, max_size=4),
              sample(";", ";  ", ";\t", " ; ")),
    sample("a=1;", "a = 1", 'a="x y"', "a=1; ; b=2", "$Version=1; a=b", "a=1; a=2", "tok"),
)
_cookie_invalid = st.one_of(
    sample("", ";", "; ;", "a=\x00", "a=1\r\nb=2", "a=\x7f", "a\x01=b"),
    _with_control(st.lists(_strict_pairs, min_size=1, max_size=3).map("; ".join)),
)

_KNOWN_ATTRIBUTES = {"expires", "max-age", "domain", "path", "secure", "httponly", "samesite",
                     "partitioned"}
_domains = st.lists(st.text(_LOWER_ALNUM + "-", min_size=1, max_size=8), min_size=1,
                    max_size=3).map(".".join)
_paths = st.text("".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != ";"),
                 max_size=10).map(lambda p: "/" + p)
_attribute_values = st.text("".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != ";"),
                            max_size=10).filter(lambda v: v == v.strip(" "))
_set_cookies = st.builds(
    SetCookie,
    name=_cookie_names,
    value=_cookie_values,
    expires=st.none() | st.datetimes(min_value=datetime(1601, 1, 1),
                                      max_value=datetime(9999, 12, 31),
                                      timezones=st.just(UTC)).map(
        lambda d: d.replace(microsecond=0)),
    max_age=st.none() | st.integers(-10**6, 10**12),
    domain=st.none() | _domains,
    path=st.none() | _paths,
    secure=st.booleans(),
    http_only=st.booleans(),
    same_site=st.none() | st.sampled_from(SameSite),
    partitioned=st.booleans(),
    extensions=st.lists(st.builds(CookieAttribute,
                                  tokens.filter(lambda n: n.lower() not in _KNOWN_ATTRIBUTES),
                                  st.none() | _attribute_values), max_size=3).map(tuple),
)
_set_cookie_spellings = sample(
    "a=b;path=/;secure", "a=b; max-age=10 ; HttpOnly", "a=b; Expires=Thu, 01-Jan-1970 00:00:01 GMT",
    "a = b", "a=b; SameSite=lax; samesite=Strict", "a=b; Domain=.Example.COM", "a=b; Max-Age=x1",
    "a=b; Secure=yes", "a=b; Path=relative", "a=b; Expires=never", "__Host-x=1; Path=/a",
    "a=b; Priority=High; Partitioned", "a=b;;", "nameless")
_set_cookie_invalid = st.one_of(
    sample("", "=", "; Path=/", "=; Secure", ";", "a=b\x00", "a\nb=c", "a=b; Path=/\x7f"),
    _with_control(_strict_pairs),
)


# -- response security policies ---------------------------------------------------------------

_CSP_VALUE_CHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in ";,")
_directive_names = st.sampled_from(["default-src", "script-src", "img-src", "frame-ancestors",
                                    "upgrade-insecure-requests", "report-to", "sandbox"]) | \
    st.text(_LOWER_ALNUM + "-", min_size=1, max_size=12)
_source_values = st.sampled_from(["'self'", "'none'", "'unsafe-inline'", "https:", "data:",
                                  "*.example.com", "https://cdn.example.com:443/js/",
                                  "'nonce-r4nd0m'", "self"]) | \
    st.text(_CSP_VALUE_CHARS, min_size=1, max_size=10)
_policies = st.lists(
    st.builds(Policy, st.dictionaries(_directive_names,
                                      st.lists(_source_values, max_size=4).map(tuple),
                                      min_size=1, max_size=4)),
    min_size=1, max_size=3).map(tuple)
_csp_spellings = sample(
    "DEFAULT-SRC 'self'", "default-src 'self' ;; img-src *", "default-src 'self' ,  , img-src *",
    "default-src  'self'\t'unsafe-inline'", "default-src 'self'; default-src *",
    "script-src 'self';", "upgrade-insecure-requests")
_csp_invalid = sample("", ";", ",", " , ; ", "script_src 'self'", "default-src 'self' \x80",
                       "img-src \x00", "a:b c", "d\xe9fault-src *", "default-src 'self'\x7f",
                       "default-src 'self', img.src *")

_hsts_extensions = st.dictionaries(
    lower_tokens.filter(lambda n: n not in ("max-age", "includesubdomains", "preload")),
    st.none() | quoted_contents, max_size=3)
_hsts = st.builds(StrictTransportSecurity, st.integers(0, 10**12), st.booleans(), st.booleans(),
                  _hsts_extensions)
_hsts_spellings = sample('MAX-AGE="31536000" ; INCLUDESUBDOMAINS', ";max-age=0;",
                          "max-age = 10; preload", "includeSubDomains; max-age=1",
                          "max-age=" + "0" * 25 + "60", "max-age=" + "9" * 30)
_hsts_invalid = sample(
    "", "max-age", "max-age=", "max-age=-1", "max-age=1.5", "max-age=abc", "includeSubDomains",
    "max-age=1; max-age=2", "max-age=1; includeSubDomains=yes", "max-age=1;; preload=1",
    "max-age=1 includeSubDomains", 'max-age="1', "MAX-AGE=1; Max-Age=2", 'max-age=""',
    "max-age=" + "9" * 20 + "x", "max-age=1, includeSubDomains")

_origins = st.builds(
    Origin,
    st.sampled_from(["https", "http", "wss", "chrome-extension"]) |
    st.text(string.ascii_lowercase, min_size=1, max_size=6),
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,7}", fullmatch=True), min_size=1,
             max_size=3).map(".".join),
    st.none() | st.integers(0, 65535),
)
_frame_options = st.sampled_from(FrameOption) | st.builds(AllowFrom, _origins)
_frame_invalid = sample("", "ALLOWALL", "deny;", "SAMEORIGIN, SAMEORIGIN", "ALLOW-FROM",
                         "ALLOW-FROM https://a.com/", "ALLOW-FROMhttps://a.com", "DENY x",
                         "allow from x", "ALLOW-FROM a.com")

_policy_tokens = st.sampled_from(sorted(POLICIES)) | \
    st.text(string.ascii_lowercase + "-", min_size=1, max_size=12)
_referrer_policies = st.lists(_policy_tokens, min_size=1, max_size=4).map(tuple)
_referrer_invalid = sample("", ",", "no-referrer;", "origin 2", "unsafe_url",
                            "no-referrer, strict-origin2", '"origin"', " , ,")


# -- CORS, privacy signals, WebSocket ------------------------------------------------------

_allow_origins = st.sampled_from([Wildcard.ANY, OpaqueOrigin.NULL]) | _origins
_allow_origin_invalid = sample(
    "", "https://a.com/", "https://a.com, https://b.com", "https://a.com https://b.com", "NULL",
    "**", "a.com", "https://", "https://a.com:99999", "https://a.com:x", "*, null")
_one_invalid = sample("", "0", "true", "1 1", "yes", "11", "on", "1;")
_dnt = st.builds(TrackingPreference, st.booleans(),
                 st.text("".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '",\\'),
                         max_size=8))
_versions = st.lists(st.integers(0, 255), min_size=1, max_size=3).map(tuple)
_extensions = st.lists(
    # RFC 6455, 9.1 gives no case rule for parameter names; the parser refuses a repeated one,
    # so a drawn extension never repeats a name in any case
    st.builds(WebSocketExtension, tokens, unique_params(tokens, st.none() | tokens, max_size=3)),
    min_size=1, max_size=3).map(tuple)


def _lists(element: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A `#list` spelled with OWS and empty elements."""
    return st.builds(lambda items, sep: sep.join(items), st.lists(element, min_size=1,
                                                                  max_size=4),
                     st.builds(lambda a, b: f"{a},{b}", ows, ows) | st.just(",,"))


SECURITY: dict[str, FieldStrategies] = {
    "authorization": FieldStrategies(values=_credentials, invalid=_credentials_invalid,
                                     spellings=_credential_spellings),
    "proxy-authorization": FieldStrategies(values=_credentials, invalid=_credentials_invalid,
                                           spellings=_credential_spellings),
    "www-authenticate": FieldStrategies(
        values=st.lists(_challenge, max_size=4).map(tuple), invalid=_challenges_invalid,
        spellings=_challenge_spellings),
    "proxy-authenticate": FieldStrategies(
        values=st.lists(_challenge, max_size=4).map(tuple), invalid=_challenges_invalid,
        spellings=_challenge_spellings),
    "cookie": FieldStrategies(values=st.lists(_pairs, min_size=1, max_size=5).map(tuple),
                              invalid=_cookie_invalid, spellings=_cookie_spellings),
    "set-cookie": FieldStrategies(values=_set_cookies, invalid=_set_cookie_invalid,
                                  spellings=_set_cookie_spellings),
    "content-security-policy": FieldStrategies(values=_policies, invalid=_csp_invalid,
                                               spellings=_csp_spellings),
    "strict-transport-security": FieldStrategies(values=_hsts, invalid=_hsts_invalid,
                                                 spellings=_hsts_spellings),
    "x-content-type-options": FieldStrategies(
        values=st.just(("nosniff",)) | st.lists(lower_tokens, min_size=1, max_size=3).map(tuple),
        invalid=sample("", "nosniff;", '"nosniff"', "no sniff", ",", "nosniff; mode=block"),
        spellings=sample("NoSniff", "nosniff, nosniff", "nosniff ,")),
    "x-frame-options": FieldStrategies(
        values=_frame_options, invalid=_frame_invalid,
        spellings=sample("deny", "SameOrigin", "allow-from  HTTPS://Example.com")),
    "referrer-policy": FieldStrategies(
        values=_referrer_policies, invalid=_referrer_invalid,
        spellings=sample("No-Referrer", "origin,,  unsafe-url", ", strict-origin")),
    "access-control-allow-origin": FieldStrategies(
        values=_allow_origins, invalid=_allow_origin_invalid,
        spellings=sample("HTTPS://Example.COM", "https://example.com:443")),
    "access-control-request-headers": FieldStrategies(
        values=st.lists(lower_tokens, min_size=1, max_size=4).map(tuple),
        invalid=sample("", "content type", "a;b", '"x"', "a, b c", ","),
        spellings=_lists(tokens)),
    "access-control-request-method": FieldStrategies(
        values=tokens, invalid=sample("", "GET POST", "GET,POST", "G\xe9T", "(GET)", "GET;")),
    "upgrade-insecure-requests": FieldStrategies(values=st.just(1), invalid=_one_invalid),
    "sec-gpc": FieldStrategies(values=st.just(1), invalid=_one_invalid),
    "dnt": FieldStrategies(
        values=_dnt, invalid=sample("", "2", "yes", "1 x", "1,", '1"', "1\\", "x1", "1\xe9")),
    "sec-websocket-key": FieldStrategies(
        values=st.binary(min_size=16, max_size=16),
        invalid=st.one_of(
            sample("", "abc", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ==x",
                    "dGhl-HNhbXBsZSBub25jZQ==", "a===", "dGhlIHNhbXBsZSBub25jZQ==\t;"),
            st.binary(max_size=40).filter(lambda b: len(b) != 16).map(
                lambda b: base64.b64encode(b).decode("ascii")))),
    "sec-websocket-version": FieldStrategies(
        values=_versions, invalid=sample("", "013", "256", "1.0", "13 8", "-1", "thirteen", ","),
        spellings=sample("13,8", "13 , ,8", "7, 8, 13")),
    "sec-websocket-protocol": FieldStrategies(
        values=st.lists(tokens, min_size=1, max_size=4).map(tuple),
        invalid=sample("", "chat superchat", "chat;v=1", '"chat"', "chat,, /"),
        spellings=_lists(tokens)),
    "sec-websocket-extensions": FieldStrategies(
        values=_extensions,
        invalid=sample("", "permessage-deflate;", "a; b=", 'a; b="c d"', "a; b=1; b=2", "a b",
                        ";a", "a; =1"),
        spellings=sample('permessage-deflate ; client_max_window_bits = "15"', "a,,b",
                          "x-webkit-deflate-frame, permessage-deflate;server_no_context_takeover")),
}
