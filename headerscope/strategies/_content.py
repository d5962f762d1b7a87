"""Strategies for the representation, negotiation, conditional, range and caching fields.

Each `invalid` strategy draws from texts that a field's grammar rejects for a known reason (the
typical mistakes: a missing quote, a weight above 1, a weak tag where a strong one is needed),
and from valid values followed by an element that cannot parse. `spellings` are valid but not
canonical: other separators and OWS, upper-case names, obsolete date forms, quoted arguments.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ..grammar.rules import ATTR_CHAR
from ..headers._shared.types import ANY
from ..headers.cache_control import MAX_DELTA
from ..headers.types import (
    ByteRange,
    ContentDisposition,
    ContentRange,
    Directive,
    EntityTag,
    Expectation,
    ExtValue,
    MediaRange,
    MediaType,
    OtherRange,
    QualityItem,
    Ranges,
    SuffixRange,
    TCoding,
    TransferCoding,
    UnsatisfiedRange,
    WarningValue,
)
from ..headers.warning import AGENT_RE
from ._common import (
    BAD_DATES,
    FieldStrategies,
    S,
    date_field,
    date_spellings,
    delay_seconds,
    http_dates,
    invalid,
    joined,
    lower_tokens,
    quoted_contents,
    tokens,
    tuples,
)

# -- building blocks -------------------------------------------------------------------------

q_values = st.integers(0, 1000).map(lambda n: Decimal(n).scaleb(-3))
language_tags = st.from_regex(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,3}", fullmatch=True)
param_names = lower_tokens.filter(lambda s: s != "q" and not s.endswith("*"))
param_values = tokens | quoted_contents
# RFC 8187 value-chars as sent: a charset headerscope does not decode keeps them (upper-cased
# names: charset names are case-insensitive, and read upper-cased)
undecoded_chars = st.from_regex(rf"(?:%[0-9A-Fa-f]{{2}}|[{ATTR_CHAR}]){{0,12}}",
                                fullmatch=True)
undecoded_charsets = st.sampled_from(["KOI8-R", "SHIFT_JIS", "WINDOWS-1252", "X-USER-1"])
ext_values = st.one_of(
    st.builds(ExtValue, st.text(max_size=12), st.just("UTF-8"), st.just("") | language_tags),
    st.builds(ExtValue, st.text(st.characters(codec="latin-1"), max_size=12),
              st.just("ISO-8859-1"), st.just("") | language_tags),
    st.builds(ExtValue, undecoded_chars, undecoded_charsets, st.just("") | language_tags),
)
plain_params = st.dictionaries(param_names, param_values, max_size=3)
# RFC 9110 parameters (Content-Type, Accept, ...): a name ending in "*" is a plain token, its
# value a plain token or quoted-string; only fields adopting RFC 8187 decode it (ext_params)
starred_params = st.dictionaries(param_names.map(lambda s: s + "*"), param_values, max_size=1)
ext_params = st.dictionaries(param_names.map(lambda s: s + "*"), ext_values, max_size=1)
params: S[dict[str, Any]] = st.builds(lambda a, b: {**a, **b}, plain_params, starred_params)
etagc = st.characters(min_codepoint=0x21, max_codepoint=0xFF).filter(lambda c: c not in '"\x7f')
entity_tags = st.builds(EntityTag, st.text(etagc, max_size=12), st.booleans())
seconds = st.integers(0, MAX_DELTA)


# -- values of the richer fields --------------------------------------------------------------

media_ranges = st.builds(
    MediaRange, lower_tokens, lower_tokens, params, q_values,
    st.dictionaries(param_names, param_values, max_size=2),
)
BAD_RANGE_MEMBERS = ["text", "text/", "/html", "text/html;q=2", "text/html;q=0.5000",
                     "text/html;q", "text/html;charset", 'text/html;a="open', "text/ht ml",
                     "text/html;q=1.1", "text/html;q=.5", "text/html;t*=UTF-8'' x",
                     "text/html;t*=\"UTF-8''x", "\u00fc/x", "text/html;q=0.5;x", "a/b c/d"]
# The media-range parameters are spelled in title case, so their names must differ
# case-insensitively: the parser rejects "a=1;A=2" (one name twice). param_names holds no "q",
# so no "Q" is drawn among them either: "q" is the weight that ends the media-range parameters
# (RFC 9110, 12.5.1), and the weight follows them here.
_spelled_params = st.lists(
    st.tuples(param_names, tokens, st.sampled_from(["", " ", "\t"])), max_size=2,
    unique_by=lambda p: p[0].lower(),
).map(lambda ps: "".join(f"{sp};{sp}{n.title()}={v}" for n, v, sp in ps))
media_range_spellings = st.builds(
    lambda t, s, p, sp, q: f"{t.upper()}/{s.title()}{p}{sp};Q={q}", lower_tokens, lower_tokens,
    _spelled_params, st.sampled_from(["", " ", "\t"]),
    st.sampled_from(["0", "0.5", "1", "1.000", "0.25"]))

directives = st.one_of(
    st.builds(Directive, st.sampled_from(["max-age", "s-maxage", "min-fresh",
                                          "stale-while-revalidate", "stale-if-error"]),
              seconds),
    st.builds(Directive, st.just("max-stale"), st.none() | seconds),
    st.builds(Directive, st.sampled_from(["no-cache", "private"]),
              st.none() | tuples(lower_tokens)),
    st.builds(Directive, st.sampled_from(["no-store", "no-transform", "only-if-cached",
                                          "must-revalidate", "proxy-revalidate",
                                          "must-understand", "public", "immutable"])),
    st.builds(Directive, lower_tokens.filter(lambda n: n.startswith("x-")) | st.just("ext"),
              st.none() | param_values),
)
cache_spellings = st.sampled_from([
    "Max-Age=60", 'max-age="60"', "NO-CACHE", "no-cache=Set-Cookie",
    'private="Set-Cookie,  X-Foo"', "max-stale, ,public", "max-age=99999999999999999999",
    'no-cache=""', "s-maxage=00010",
])

dispositions = st.builds(
    ContentDisposition, lower_tokens, st.none() | ext_values, st.none() | quoted_contents,
    st.builds(lambda a, b: {**a, **b},
              st.dictionaries(param_names.filter(lambda n: n != "filename"), param_values,
                              max_size=2),
              st.dictionaries(param_names.filter(lambda n: n != "filename")
                              .map(lambda s: s + "*"), ext_values, max_size=1)),
)

byte_ranges = st.one_of(
    st.builds(lambda a, b: ByteRange(min(a, b), max(a, b)), st.integers(0, 10**12),
              st.integers(0, 10**12)),
    st.builds(ByteRange, st.integers(0, 10**12)),
    st.builds(SuffixRange, st.integers(0, 10**12)),
)
other_ranges = st.builds(OtherRange, st.text(st.characters(min_codepoint=0x21,
                                                           max_codepoint=0x7E,
                                                           exclude_characters=","),
                                             min_size=1, max_size=10))
ranges = st.one_of(
    st.builds(Ranges, st.just("bytes"), tuples(byte_ranges, min_size=1)),
    st.builds(Ranges, lower_tokens.filter(lambda u: u != "bytes"),
              tuples(other_ranges, min_size=1)),
)


def _content_range(unit: str, a: int, b: int, extra: int | None) -> ContentRange:
    first, last = min(a, b), max(a, b)
    return ContentRange(unit, first, last, None if extra is None else last + 1 + extra)


content_ranges = st.one_of(
    st.builds(_content_range, st.just("bytes") | lower_tokens, st.integers(0, 10**12),
              st.integers(0, 10**12), st.none() | st.integers(0, 10**12)),
    st.builds(UnsatisfiedRange, st.just("bytes") | lower_tokens, st.integers(0, 10**12)),
)

transfer_params = st.dictionaries(param_names, param_values, max_size=2)
warnings = st.builds(WarningValue, st.integers(0, 999), st.from_regex(AGENT_RE, fullmatch=True),
                     quoted_contents, st.none() | http_dates)
expectations = st.one_of(
    st.builds(Expectation, lower_tokens),
    st.builds(Expectation, lower_tokens, param_values, plain_params),
)

# -- the table ---------------------------------------------------------------------------------

_TOKEN_LIST_BAD = ["a b", "a;b", '"a"', "a/b", "a:", "=", "a, b c", "\u00e9"]
_WEIGHT_BAD = ["x;q=2", "x;q=0.5000", "x;q=", "x;q", "x;level=1", "x q=0.5", "x;q=1.5",
               "x;q=0.5;q=0.3", "x;", 'x;q="0.5"']


def _weighted(items: S[str]) -> FieldStrategies:
    values = tuples(st.builds(QualityItem, items, q_values))
    spell = joined(st.builds(lambda v, q, sp: f"{v}{sp};{sp}q={q}", items,
                             st.sampled_from(["0", "0.5", "1.0", "0.001", "1."]),
                             st.sampled_from(["", " ", "\t"])))
    return FieldStrategies(values=values, invalid=invalid(_WEIGHT_BAD, spell, _WEIGHT_BAD),
                           spellings=spell)


def _token_list(items: S[str], *, min_size: int = 0) -> FieldStrategies:
    text = joined(items)
    return FieldStrategies(values=tuples(items, min_size=min_size),
                           invalid=invalid(_TOKEN_LIST_BAD, text, _TOKEN_LIST_BAD),
                           spellings=text)


CONTENT: dict[str, FieldStrategies] = {
    "accept": FieldStrategies(
        values=tuples(media_ranges),
        invalid=invalid(BAD_RANGE_MEMBERS, joined(media_range_spellings), BAD_RANGE_MEMBERS),
        spellings=joined(media_range_spellings),
    ),
    "accept-charset": _weighted(lower_tokens),
    "accept-encoding": _weighted(lower_tokens),
    "accept-language": FieldStrategies(
        values=tuples(st.builds(QualityItem, language_tags | st.just("*"), q_values)),
        invalid=invalid(["en_US", "en-", "-en", "english-abcdefghi", "en--us", "12", "en;q=2",
                         "en, de;q=0.5000", "x-toolongsubtag", "en-US;level=1", "*-US"]),
        spellings=joined(language_tags),
    ),
    "accept-ranges": _token_list(lower_tokens, min_size=1),
    "age": FieldStrategies(
        values=delay_seconds,
        invalid=st.sampled_from(["", "-1", "1.5", "0x10", "1 2", "+3", "1e3"]),
        spellings=st.integers(0, 999).map(lambda n: f"{n:05d}")
        | st.integers(0, 999).map(lambda n: f"{n:030d}") | st.just("9" * 30),
    ),
    "allow": _token_list(tokens),
    "cache-control": FieldStrategies(
        values=tuples(directives),
        invalid=invalid(["max-age", "max-age=", "max-age=-1", "max-age=1.5", "no-store=1",
                         'max-age="abc"', 'no-cache="a b"', "public private", 'x="open',
                         "max-age=1 2", ";", "max-age=0;", "=3", "s-maxage=\u00b2"],
                        joined(cache_spellings), ["max-age", "public=yes", "a b"]),
        spellings=joined(cache_spellings),
    ),
    "content-disposition": FieldStrategies(
        values=dispositions,
        invalid=invalid(["", "attachment; filename", 'attachment; filename="x',
                         "attachment; filename*=\"UTF-8''x\"", "attachment; filename*=UTF-8''%zz",
                         "attachment; filename*=KOI8@R''x", "attachment; filename=a b",
                         "attachment; filename=x; filename=y", "inline attachment",
                         '"attachment"', "attachment; filename*=UTF-8''%ff",
                         "attachment; filename*=UTF-8'en_US'x", "attachment, inline"]),
        spellings=st.sampled_from(["Attachment; FileName=x.txt", "inline ;filename=\"a b\"",
                                   "attachment;;filename*=utf-8'EN'%41", "form-data; name=f"]),
    ),
    "content-encoding": _token_list(lower_tokens),
    "content-language": FieldStrategies(
        values=tuples(language_tags),
        invalid=invalid(["en_US", "en-", "123", "en--us", "x-toolongsubtag", "en;q=1", "*"],
                        joined(language_tags), ["de_DE", "-"]),
        spellings=joined(language_tags),
    ),
    "content-length": FieldStrategies(
        values=st.integers(0, 10**18),
        invalid=st.sampled_from(["", "-1", "1.0", "0x10", "42, 43", "42 42", "+1", "1e3",
                                 "9" * 20 + ", " + "9" * 19 + "8", ",", "42;",
                                 "\u0664\u0662"]),
        # a number is a magnitude: leading zeros, and numbers past 2^63 - 1 (read as that)
        spellings=st.integers(0, 10**6).flatmap(
            lambda n: st.sampled_from([f"{n}, {n}", f"{n:08d}", f"{n},{n},,{n}",
                                       f"{n:030d}", f"{n:030d}, {n}", "9" * 30])),
    ),
    "content-md5": FieldStrategies(
        values=st.binary(min_size=16, max_size=16),
        invalid=st.sampled_from(["", "abc", "AAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAA==",
                                 "AAAAAAAAAAAAAAAAAAA!AA==", "d41d8cd98f00b204e9800998ecf8427e",
                                 "AAAAAAAAAAAAAAAAAAAAAA==A", "AAAAAAAAAAAAAAAAAAAAAAA=",
                                 "AAAAAAAAAA==AAAAAAAAAA=="]),
    ),
    "content-range": FieldStrategies(
        values=content_ranges,
        invalid=st.sampled_from(["bytes 0-499", "bytes 500-0/1000", "bytes 0-499/400",
                                 "bytes=0-499/1234", "bytes */*", "bytes 0-499/12x",
                                 "bytes  0-1/2", "0-1/2", "bytes 0-1/1", "bytes -1/2",
                                 "bytes 1-2/3, bytes 4-5/6", ""]),
        spellings=st.sampled_from(["BYTES 0-0/1", "bytes 007-8/*", "bytes 0-1/" + "9" * 30,
                                   "bytes */" + "0" * 25 + "7"]),
    ),
    "content-type": FieldStrategies(
        values=st.builds(MediaType, lower_tokens, lower_tokens, params),
        invalid=st.sampled_from(["", "text", "text/", "/html", "text/html; charset",
                                 "text/html;charset=a b", 'text/html;charset="x',
                                 "text/html, text/plain", "text html", "text/html;;=x",
                                 "text/html;a=1;a=2", "text/html;title*=UTF-8'' x",
                                 "text/html;title*=\"x"]),
        spellings=st.sampled_from(["TEXT/HTML; Charset=utf-8", "text/html ; charset=utf-8",
                                   "text/html;;a=b;", "Multipart/Form-Data; boundary=\"x y\"",
                                   "text/plain;title*=ISO-8859-1'en'%A3%20rates"]),
    ),
    "date": date_field(),
    "etag": FieldStrategies(
        values=entity_tags,
        invalid=st.sampled_from(["", "xyzzy", '"xyz', 'w/"x"', '"a b"', '"a"b', '"x", "y"',
                                 'W/ "x"', "W/", "*", '"\x7f"']),
    ),
    "expect": FieldStrategies(
        values=tuples(expectations),
        invalid=invalid(["100-continue;a=b", "100-continue=", "a b", "=x", 'a="b', "a=b c"],
                        joined(st.just("100-continue")), ["a=", "b c"]),
        spellings=joined(st.sampled_from(["100-Continue", "x=y;a=b", 'x="y" ; a=b'])),
    ),
    "expires": FieldStrategies(
        values=http_dates, invalid=invalid([*BAD_DATES, "-1"]), spellings=date_spellings),
    "if-match": FieldStrategies(
        values=st.just((ANY,)) | tuples(entity_tags),
        invalid=invalid(["*, *", "xyzzy", '"a" "b"', '"a", *', "W/x", '"a",b', "**"]),
        spellings=joined(entity_tags.map(lambda t: ('W/"' if t.weak else '"') + t.opaque + '"')),
    ),
    "if-modified-since": date_field(),
    "if-none-match": FieldStrategies(
        values=st.just((ANY,)) | tuples(entity_tags),
        invalid=invalid(["*, *", "xyzzy", '"a" "b"', '"a", *', "W/x", '"a",b', "**"]),
    ),
    "if-range": FieldStrategies(
        values=st.one_of(entity_tags, http_dates),  # a weak tag is read, with a warning
        invalid=st.sampled_from(["xyzzy", '"a", "b"', "0", "", "Sunday", '"a']),
        spellings=date_spellings,
    ),
    "if-unmodified-since": date_field(),
    "last-modified": date_field(),
    "max-forwards": FieldStrategies(
        values=delay_seconds,
        invalid=st.sampled_from(["", "-1", "1.5", "ten", "1 2", "+3", "9" * 30 + "x"]),
        spellings=st.integers(0, 99).map(lambda n: f"{n:025d}") | st.just("9" * 30),
    ),
    "pragma": FieldStrategies(
        values=tuples(st.builds(Directive, lower_tokens, st.none() | param_values)),
        invalid=invalid(["no-cache no-store", "no-cache=", "=x", 'a="b', "no-cache;"]),
        spellings=joined(st.sampled_from(["No-Cache", 'x="y"', "x=y"])),
    ),
    "range": FieldStrategies(
        values=ranges,
        invalid=st.sampled_from(["", "bytes=", "bytes=5-1", "bytes=a-b", "bytes 0-1", "=0-1",
                                 "bytes=0-1;", "bytes=--1", "bytes=-", "bytes=0-1 2-3",
                                 "items=", "bytes=0-99999999999999999999x", "bytes=1"]),
        spellings=st.sampled_from(["Bytes=0-1, ,2-", "bytes=0-1 ,\t-5", "bytes=,0-0",
                                   "items=a, b", "bytes=0007-0009, -" + "0" * 25 + "5",
                                   "bytes=0-" + "9" * 30]),
    ),
    "retry-after": FieldStrategies(
        values=st.one_of(delay_seconds, http_dates),
        invalid=st.sampled_from(["-1", "1.5", "soon", "", "0x", "120 s",
                                 "Fri, 31 Dec 1999 23:59:59 UTC"]),
        spellings=date_spellings | st.sampled_from(["0120", "0" * 30 + "5", "9" * 30]),
    ),
    "te": FieldStrategies(
        values=tuples(st.builds(TCoding, lower_tokens, transfer_params, q_values)),
        invalid=invalid(["gzip;q=2", "gzip;", "gzip;level", "gzip q=0.5",
                         "gzip;q=0.5;level=1", 'gzip;a="b', "gzip;q =0.5"]),
        spellings=joined(st.sampled_from(["Trailers", "gzip ; level = 1", 'x;a="b";Q=0.1'])),
    ),
    "trailer": _token_list(lower_tokens),
    "transfer-encoding": FieldStrategies(
        # chunked takes no parameters (RFC 9112, 7): a draw of chunked keeps none
        values=tuples(st.builds(TransferCoding, lower_tokens, transfer_params).map(
            lambda c: TransferCoding(c.name) if c.name == "chunked" else c)),
        invalid=invalid(["chunked;", "chunked gzip", '"chunked"', "chunked;a", 'chunked;a="x',
                         "chunked/1", "chunked;a=b", "gzip, Chunked ; x = y"]),
        spellings=joined(st.sampled_from(["Chunked", "gzip ;level= 9", "x;A=b"])),
    ),
    "vary": _token_list(lower_tokens),
    "warning": FieldStrategies(
        values=tuples(warnings, min_size=1),
        invalid=st.sampled_from(["", "110", '1100 agent "x"', "110 agent x",
                                 '110 agent "x" "bad date"', '110  agent "x"', '110 agent "x',
                                 '11 a "b"', '110 a "b" "Sun, 06 Nov 1994 08:49:37 GMT']),
    ),
}
