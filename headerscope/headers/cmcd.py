"""CMCD-Object, CMCD-Request, CMCD-Session, CMCD-Status: Common Media Client Data (CTA-5004).

A media player sends its state with each request as four Structured Field Dictionaries
(RFC 9651), one per "header shard". CTA-5004 does not write an ABNF; its rules for the
payload, as quoted by implementations that copy them verbatim (and cite cta-5004-final.pdf):

    1. All information in the payload MUST be represented as <key>=<value> pairs.
    2. The key and value MUST be separated by an equals sign Unicode 0x3D. If the value type
       is BOOLEAN and the value is TRUE, then the equals sign and the value MUST be omitted.
    3. Successive key/value pairs MUST be delimited by a comma Unicode 0x2C.
    4. The key names described in this specification are reserved. Custom key names may be
       used, but they MUST carry a hyphenated prefix [...]
    5. If headers are used for data transmission, then custom keys SHOULD be allocated to one
       of the four defined header names based upon their expected level of variability:
       CMCD-Request: keys whose values vary with each request. CMCD-Object: keys whose values
       vary with the object being requested. CMCD-Status: keys whose values do not vary with
       every request or object. CMCD-Session: keys whose values are expected to be invariant
       over the life of the session.
    6. All key names are case-sensitive.
    7. Any value of type String MUST be enclosed by opening and closing double quotes [...]
       Any value of type Token does not require quoting.
    8. All keys are OPTIONAL.
    9. Key-value pairs SHOULD be sequenced in alphabetical order of the key name [...]
    11. The data payload syntax is intended to be compliant with Structured Field Values.

The reserved keys, their header and their type (CTA-5004's key table, version 1, as the SVTA
common-media-library copies it: CmcdHeaderMap.ts for the headers, Cmcd.ts for the types):

    CMCD-Object   br Integer kbps, d Integer ms, ot Token, tb Integer kbps
    CMCD-Request  bl Integer ms, dl Integer ms, mtp Integer kbps, nor String, nrr String,
                  su Boolean
    CMCD-Session  cid String, pr Decimal, sf Token, sid String, st Token, v Integer
    CMCD-Status   bs Boolean, rtp Integer kbps

    ot: m a v av i c tt k o;  sf: d h s o;  st: v l

Everything past the SF syntax is a sender's rule that a CDN can still read, so a warning: a
reserved key in another shard, a value of the wrong type, a custom key without a hyphen,
keys out of alphabetical order, a Boolean sent as false ("This key MUST NOT be sent if..."),
an unknown token, a negative number (no Integer key can be one), bl/dl/mtp/rtp not "rounded
to the nearest 100", cid/sid over "Maximum length is 64 characters", v=1 ("Client SHOULD
omit this field if the version is 1"), pr=1 ("SHOULD only be sent if not equal to 1"), an
nrr that is none of "<range-start>-", "<range-start>-<range-end>", "-<suffix-length>", a nor
that is not URL-encoded ("This string MUST be URLEncoded"). CTA-5004-A (version 2) adds keys
that this table does not hold: with v=2 they are reported as unknown. The value is the
parsed Dictionary itself: custom keys may carry any SF value, and parameters are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from ._shared.sf_family import Issue, expect, sf_dict_field, warning
from ._shared.spec import FieldSpec
from .sf import BareItem, Dictionary, Item, Member, Token

OBJECT, REQUEST, SESSION, STATUS = "CMCD-Object", "CMCD-Request", "CMCD-Session", "CMCD-Status"
# key -> the header CTA-5004 assigns it to
HEADERS: dict[str, str] = {
    **dict.fromkeys(("br", "d", "ot", "tb"), OBJECT),
    **dict.fromkeys(("bl", "dl", "mtp", "nor", "nrr", "su"), REQUEST),
    **dict.fromkeys(("cid", "pr", "sf", "sid", "st", "v"), SESSION),
    **dict.fromkeys(("bs", "rtp"), STATUS),
}
# key -> the SF type of its value
TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(("br", "d", "tb", "bl", "dl", "mtp", "v", "rtp"), (int,)),
    **dict.fromkeys(("nor", "nrr", "cid", "sid"), (str,)),
    **dict.fromkeys(("ot", "sf", "st"), (Token,)),
    **dict.fromkeys(("su", "bs"), (bool,)),
    "pr": (Decimal, int),  # a Decimal; "1" and "2" are the spec's own examples of it
}
OBJECT_TYPES = frozenset({"m", "a", "v", "av", "i", "c", "tt", "k", "o"})
STREAMING_FORMATS = frozenset({"d", "h", "s", "o"})
STREAM_TYPES = frozenset({"v", "l"})
TOKENS = {"ot": OBJECT_TYPES, "sf": STREAMING_FORMATS, "st": STREAM_TYPES}
ROUNDED = frozenset({"bl", "dl", "mtp", "rtp"})  # "MUST be rounded to the nearest 100"
MAX_64 = frozenset({"cid", "sid"})  # "Maximum length is 64 characters"
_RANGE_RE = re.compile(r"[0-9]+-[0-9]*|-[0-9]+")
# a URL-encoded relative path: unreserved, sub-delims, ":", "@", "/" and %XX escapes
_URL_ENCODED_RE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")


def value_issues(key: str, member: Member | BareItem, types: Mapping[str, tuple[type, ...]],
                 *at: object) -> Iterator[Issue]:
    """Warnings about the value of a reserved key (CTA-5004's rules, shared with CTA-5006):
    a member of a Dictionary, or the bare value of a parameter."""
    wrong = expect(member, types[key], key, *at)
    if wrong is not None:
        yield warning(wrong.reason, *wrong.at)
        return
    value = member.value if isinstance(member, Item) else member  # (expect: no InnerList)
    if value is False:
        yield warning(f"{key}=?0: a Boolean key is sent only when true ('This key MUST NOT be "
                      "sent if it is FALSE'), as the bare key", *at)
    elif isinstance(value, Token) and key in TOKENS and value.value not in TOKENS[key]:
        yield warning(f"{key}={value.value} is not a defined value "
                      f"({', '.join(sorted(TOKENS[key]))})", *at)
    elif type(value) is int and value < 0:
        yield warning(f"{key}={value}: a negative {key} means nothing", *at)
    elif type(value) is int and key in ROUNDED and value % 100:
        yield warning(f"{key}={value} is not rounded to the nearest 100, as CTA-5004 "
                      "requires", *at)
    elif key == "v" and value == 1:
        yield warning("v=1: 'Client SHOULD omit this field if the version is 1'", *at)
    elif key == "pr" and value == 1:
        yield warning("pr=1: the playback rate 'SHOULD only be sent if not equal to 1'", *at)
    elif isinstance(value, str):
        yield from _string_issues(key, value, *at)


def _string_issues(key: str, value: str, *at: object) -> Iterator[Issue]:
    if key in MAX_64 and len(value) > 64:
        yield warning(f"{key} has {len(value)} characters: the maximum length is 64", *at)
    elif key == "nrr" and not _RANGE_RE.fullmatch(value):
        yield warning(f'nrr="{value}" is none of "<start>-", "<start>-<end>", "-<suffix>" '
                      "(one byte range, without 'bytes=')", *at)
    elif key == "nor" and not _URL_ENCODED_RE.fullmatch(value):
        yield warning("nor is not URL-encoded: the next object's relative path 'MUST be "
                      "URLEncoded'", *at)


def custom_key_issue(key: str, spec: str, *at: object) -> Issue | None:
    if "-" in key:
        return None
    return warning(f"{key!r} is not a key of {spec}; custom keys 'MUST carry a hyphenated "
                   "prefix' (a reverse-DNS one, as in com.example-key)", *at)


def _check_for(header: str) -> Callable[[Dictionary], Iterator[Issue]]:
    def check(members: Dictionary) -> Iterator[Issue]:
        previous, ordered = "", True
        for key, member in members.items():
            if ordered and key < previous:  # said once, at the first key out of order
                ordered = False
                yield warning(f"{key} comes after {previous}: keys SHOULD be in alphabetical "
                              "order, to reduce fingerprinting (CTA-5004)", key)
            previous = key
            if key not in HEADERS:
                if (problem := custom_key_issue(key, "CTA-5004 (version 1)", key)) is not None:
                    yield problem
                continue
            if HEADERS[key] != header:
                yield warning(f"{key} belongs in {HEADERS[key]}, not {header} (CTA-5004's key "
                              "table)", key)
            # (key, "="): the value, after its "=" (a bare Boolean falls back to the key)
            yield from value_issues(key, member, TYPES, key, "=")
    return check


def _spec(header: str, example: str) -> FieldSpec[Dictionary]:
    return sf_dict_field(header, "CTA-5004 (CMCD), reserved keys", check=_check_for(header),
                         value_type="sf.Dictionary (key -> Item)", example=example)


CMCD_OBJECT = _spec(OBJECT, "br=3200,d=4004,ot=v,tb=6000")
CMCD_REQUEST = _spec(REQUEST, 'bl=21300,dl=18500,mtp=48100,nor="..%2F300kbps%2Ftrack.m4v",'
                              'nrr="12323-48763",su')
CMCD_SESSION = _spec(SESSION, 'cid="faec5fc2-ac30-11ea-bb37-0242ac130002",pr=1.08,sf=d,'
                              'sid="6e2fb550-c457-11e9-bb97-0800200c9a66",st=v')
CMCD_STATUS = _spec(STATUS, "bs,rtp=12000")
