"""Obsoleted and deprecated IANA fields: recognised, and flagged with what replaces them
(issue 17: "obsoleted ones are recognised and flagged as such with their replacement").

Strategy: one table, `TABLE`, says for each field its IANA status, its specification, why it is
obsolete, what replaces it (or None) and how its value is read; every FieldSpec here is made
from its row (Digest's and Want-Digest's in digest_legacy.py), so the `deprecated=` warning on
each use names the status and the replacement, as Expect-CT's does. A field is read with its
old grammar where the old specification gives a simple one that could be read (quoted below);
every other field is text only: its value is checked as `field-content` (RFC 9110, 5.5) and
kept as sent, so a control character is an error at its position:

    field-value   = *field-content                          ; RFC 9110, 5.5
    field-content = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
    field-vchar   = VCHAR / obs-text

Text-only fields are Kind.MULTI: with no grammar known, joining two lines with ", " could
change what they say, so each line is shown on its own.

The grammars read, from copies of the specifications: RFC 2068's and RFC 2310's from mirrors
of the RFC text (Public's from a page quoting 14.35 with its example), Cookie2's from a module
and a book's notes that quote RFC 2965 (3.3.5 for `cookie2`; the copies agree):

    Public          = "Public" ":" 1#method                  ; RFC 2068, 14.35
    Method          = ... | extension-method                 ; RFC 2068, 5.1.1
    extension-method = token
    Content-Base    = "Content-Base" ":" absoluteURI         ; RFC 2068, 14.11
    Content-Version = "Content-Version" ":" quoted-string    ; RFC 2068, 19.6.2.2
    Derived-From    = "Derived-From" ":" quoted-string       ; RFC 2068, 19.6.2.3
    Safe            = "Safe" ":" safe-nature                 ; RFC 2310, 4
    safe-nature     = "yes" | "no"
    cookie2         = "Cookie2:" cookie-version              ; RFC 2965, 3.3.5
    cookie-version  = "$Version" "=" value                   ; RFC 2965, the Cookie grammar
    value           = token | quoted-string                  ; RFC 2965 (as in RFC 2109)

RFC 2068's "method" is case-sensitive, so methods are kept as sent. Its BNF allows implied
linear white space between words (RFC 2068, 2.1): Cookie2 accepts OWS around "=". Digest and
Want-Digest (RFC 3230) are in digest_legacy.py. URI (RFC 2068, 19.6.2.5) is text only: its
production was not found in a copy of RFC 2068 (only HTTP 1992's `URI: <uri> [ ; vary = ...
]`, a different, older field).

The statuses are the IANA HTTP Field Name Registry's: "obsoleted" or "deprecated". The
examples of text-only fields show the shape of a value, not a specification's own example:
where the specification gives one it is used (Public, Content-Version, Derived-From, Safe,
Cookie2); Ext and C-Ext are sent empty, and the registry wants a non-empty example.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from ..grammar import Cursor, expect_run, quote_string
from ..grammar.rules import FIELD_CONTENT_RE
from ._shared.content import token_list_field
from ._shared.spec import FieldError, FieldSpec, Kind
from .webdav import check_absolute

T = TypeVar("T")


class ObsoleteField(NamedTuple):
    """One row of TABLE: an obsoleted or deprecated IANA field and what became of it."""

    name: str
    status: str  # the IANA status: "obsoleted" or "deprecated"
    ref: str  # the specification that defined it
    why: str  # why it is obsolete
    replacement: str | None  # what to send instead, if anything
    grammar: str  # "text" (field-content only) or the production it is read with


_W3C_AC = "W3C Access Control for Cross-site Requests"
_AC_WHY = "the W3C draft it belongs to was replaced by CORS, now part of Fetch"
_MANDATORY = "RFC 2774 (HTTP Extension Framework, Historic)"
_MAN_WHY = "the HTTP Extension Framework was moved to Historic and never deployed"
_PEP = "W3C PEP - an Extension Mechanism for HTTP (Note)"
_PEP_WHY = "PEP was superseded by the HTTP Extension Framework and never deployed"
_DRP = "W3C HTTP Distribution and Replication Protocol (Note)"
_DRP_WHY = "the Distribution and Replication Protocol was never taken up"
_HTML4 = "HTML 4.01 Specification"
_HTML4_WHY = "HTML 4.01 is superseded by the HTML Living Standard, which does not use it"
_OPS = "W3C Implementation of OPS Over HTTP (Note)"
_OPS_WHY = "the Open Profiling Standard was never deployed"
_PICS = "W3C PICS Label Distribution Label Syntax and Communication Protocols"
_PICS_WHY = "PICS labels were never widely deployed and are no longer read"
_JEPI = "W3C White Paper: Joint Electronic Payment Initiative"
_JEPI_WHY = "JEPI, a payment negotiation experiment, was never taken up"
_PROXY = "W3C Notification for Proxy Caches (Note)"
_PROXY_WHY = "the proxy notification proposal was never taken up"
_DIGEST_WHY = "RFC 9530 (Digest Fields) replaced RFC 3230's instance digests"
_RFC2068_WHY = ("defined in RFC 2068 but dropped from RFC 2616 as \"not commonly "
                "implemented\" (RFC 2616, 19.6.3)")

TABLE: tuple[ObsoleteField, ...] = (
    ObsoleteField("Access-Control", "obsoleted", _W3C_AC, _AC_WHY,
                  "Access-Control-Allow-Origin", "text"),
    ObsoleteField("Method-Check", "obsoleted", _W3C_AC, _AC_WHY,
                  "Access-Control-Request-Method", "text"),
    ObsoleteField("Method-Check-Expires", "obsoleted", _W3C_AC, _AC_WHY,
                  "Access-Control-Max-Age", "text"),
    ObsoleteField("Referer-Root", "obsoleted", _W3C_AC, _AC_WHY, "Origin", "text"),
    ObsoleteField("C-Ext", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("C-Man", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("C-Opt", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("Ext", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("Man", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("Opt", "obsoleted", _MANDATORY, _MAN_WHY, None, "text"),
    ObsoleteField("C-PEP", "obsoleted", _PEP, _PEP_WHY, None, "text"),
    ObsoleteField("C-PEP-Info", "deprecated", _PEP, _PEP_WHY, None, "text"),
    ObsoleteField("PEP", "obsoleted", _PEP, _PEP_WHY, None, "text"),
    ObsoleteField("PEP-Info", "obsoleted", _PEP, _PEP_WHY, None, "text"),
    ObsoleteField("Content-Base", "obsoleted", "RFC 2068, 14.11", _RFC2068_WHY,
                  "Content-Location", "absoluteURI"),
    ObsoleteField("Content-Version", "obsoleted", "RFC 2068, 19.6.2.2", _RFC2068_WHY, None,
                  "quoted-string"),
    ObsoleteField("Derived-From", "obsoleted", "RFC 2068, 19.6.2.3", _RFC2068_WHY, None,
                  "quoted-string"),
    ObsoleteField("Public", "obsoleted", "RFC 2068, 14.35", _RFC2068_WHY, "Allow",
                  "1#method"),
    ObsoleteField("URI", "obsoleted", "RFC 2068, 19.6.2.5", _RFC2068_WHY,
                  "Location, Content-Location and Vary", "text"),
    ObsoleteField("Content-ID", "deprecated", _DRP, _DRP_WHY, None, "text"),
    ObsoleteField("Differential-ID", "deprecated", _DRP, _DRP_WHY, None, "text"),
    ObsoleteField("Content-Script-Type", "obsoleted", _HTML4, _HTML4_WHY, None, "text"),
    ObsoleteField("Content-Style-Type", "obsoleted", _HTML4, _HTML4_WHY, None, "text"),
    ObsoleteField("Default-Style", "obsoleted", _HTML4, _HTML4_WHY, None, "text"),
    ObsoleteField("Cookie2", "obsoleted", "RFC 2965, 3.3.5",
                  "RFC 6265 obsoleted RFC 2965 and deprecated Cookie2", "Cookie",
                  "cookie-version"),
    ObsoleteField("Set-Cookie2", "obsoleted", "RFC 2965, 3.2.2",
                  "RFC 6265 obsoleted RFC 2965 and deprecated Set-Cookie2", "Set-Cookie",
                  "text"),
    ObsoleteField("GetProfile", "obsoleted", _OPS, _OPS_WHY, None, "text"),
    ObsoleteField("ProfileObject", "obsoleted", _OPS, _OPS_WHY, None, "text"),
    ObsoleteField("SetProfile", "obsoleted", _OPS, _OPS_WHY, None, "text"),
    ObsoleteField("P3P", "obsoleted", "W3C The Platform for Privacy Preferences 1.0 (P3P1.0)",
                  "the W3C retired P3P and browsers no longer read it", None, "text"),
    ObsoleteField("PICS-Label", "obsoleted", _PICS, _PICS_WHY, None, "text"),
    ObsoleteField("Protocol", "obsoleted", _PICS, _PICS_WHY, None, "text"),
    ObsoleteField("Protocol-Request", "obsoleted", _PICS, _PICS_WHY, None, "text"),
    ObsoleteField("Protocol-Info", "deprecated", _JEPI, _JEPI_WHY, None, "text"),
    ObsoleteField("Protocol-Query", "deprecated", _JEPI, _JEPI_WHY, None, "text"),
    ObsoleteField("Proxy-Features", "obsoleted", _PROXY, _PROXY_WHY, None, "text"),
    ObsoleteField("Proxy-Instruction", "obsoleted", _PROXY, _PROXY_WHY, None, "text"),
    ObsoleteField("Safe", "obsoleted", "RFC 2310, 4",
                  "RFC 2310 is Historic; RFC 9110 defines which methods are safe", None,
                  "safe-nature"),
    ObsoleteField("Security-Scheme", "obsoleted", "RFC 2660 (S-HTTP, Historic)",
                  "S-HTTP was moved to Historic; HTTPS replaced it", "https", "text"),
    # read with their old grammars in digest_legacy.py, which takes its notices from here
    ObsoleteField("Digest", "obsoleted", "RFC 3230, 4.3.2", _DIGEST_WHY,
                  "Repr-Digest or Content-Digest", "#instance-digest"),
    ObsoleteField("Want-Digest", "obsoleted", "RFC 3230, 4.3.1", _DIGEST_WHY,
                  "Want-Repr-Digest or Want-Content-Digest", "#(digest-algorithm [ weight ])"),
)
ROWS = {row.name: row for row in TABLE}


def notice(row: ObsoleteField) -> str:
    """The warning shown on every use of the field: its status, why, and its replacement."""
    instead = (f"use {row.replacement} instead" if row.replacement is not None
               else "nothing replaces it: remove it")
    return f"{row.name} is {row.status} (IANA): {row.why}; {instead}"


def check_text(raw: str) -> str:
    """`*field-content`: visible characters, SP, HTAB and obs-text; kept as sent."""
    expect_run(raw, FIELD_CONTENT_RE, "is not allowed in a field value: only visible "
               "characters, SP, HTAB and obs-text are (RFC 9110, 5.5)")
    return raw


def _same(value: str) -> str:
    return value


def _text(name: str, example: str) -> FieldSpec[str]:
    row = ROWS[name]
    return FieldSpec(name, check_text, _same, row.ref, kind=Kind.MULTI, value_type="str",
                     example=example, deprecated=notice(row))


def _quoted(raw: str) -> str:
    cur = Cursor(raw)
    value = cur.quoted_string()
    cur.expect_end()
    return value


def _absolute(raw: str) -> str:
    check_absolute(raw, 0, len(raw))
    return raw


def _safe(raw: str) -> bool:
    if raw.lower() not in ("yes", "no"):  # BNF literals are case-insensitive (RFC 2068, 2.1)
        raise FieldError("expected 'yes' or 'no' (safe-nature, RFC 2310, 4)", 0)
    return raw.lower() == "yes"


def _cookie_version(raw: str) -> str:
    cur = Cursor(raw)
    name = cur.token("'$Version'")
    if name.lower() != "$version":
        raise FieldError("expected '$Version' (cookie-version, RFC 2965, 3.3.4)", 0)
    cur.skip_ows()
    cur.expect("=")
    cur.skip_ows()
    version = cur.token_or_quoted("the version, a token or a quoted-string")
    cur.expect_end()
    return version


def _spec(name: str, parse: Callable[[str], T], write: Callable[[T], str], value_type: str,
          example: str) -> FieldSpec[T]:
    row = ROWS[name]
    return FieldSpec(name, parse, write, row.ref, value_type=value_type, example=example,
                     deprecated=notice(row))


ACCESS_CONTROL = _text("Access-Control", "allow <*.example.com>")
METHOD_CHECK = _text("Method-Check", "PUT")
METHOD_CHECK_EXPIRES = _text("Method-Check-Expires", "Tue, 15 Nov 1994 08:12:31 GMT")
REFERER_ROOT = _text("Referer-Root", "http://example.org")
C_EXT = _text("C-Ext", "-")
C_MAN = _text("C-Man", '"http://www.example.com/ext"; ns=16')
C_OPT = _text("C-Opt", '"http://www.example.com/ext"; ns=16')
EXT = _text("Ext", "-")
MAN = _text("Man", '"http://www.example.com/ext"; ns=16')
OPT = _text("Opt", '"http://www.example.com/ext"; ns=16')
C_PEP = _text("C-PEP", '{map "http://www.example.com/pep" 16-}')
C_PEP_INFO = _text("C-PEP-Info", '{for /images {"http://www.example.com/pep"}}')
PEP = _text("PEP", '{map "http://www.example.com/pep" 16-}')
PEP_INFO = _text("PEP-Info", '{for /images {"http://www.example.com/pep"}}')
CONTENT_BASE = _spec("Content-Base", _absolute, _same, "str (an absolute URI)",
                     "http://www.example.com/docs/")
CONTENT_VERSION = _spec("Content-Version", _quoted, quote_string, "str",
                        '"2.1.2"')
DERIVED_FROM = _spec("Derived-From", _quoted, quote_string, "str", '"2.1.1"')
PUBLIC = dataclasses.replace(
    token_list_field("Public", ROWS["Public"].ref, lower=False, at_least_one=True,
                     example="OPTIONS, MGET, MHEAD, GET, HEAD"),
    deprecated=notice(ROWS["Public"]))
URI = _text("URI", "<http://www.example.com/doc>")
CONTENT_ID = _text("Content-ID", '"<1234@example.com>"')
DIFFERENTIAL_ID = _text("Differential-ID", '"<1234@example.com>"')
CONTENT_SCRIPT_TYPE = _text("Content-Script-Type", "text/javascript")
CONTENT_STYLE_TYPE = _text("Content-Style-Type", "text/css")
DEFAULT_STYLE = _text("Default-Style", "compact")
COOKIE2 = _spec("Cookie2", _cookie_version, lambda v: f"$Version={quote_string(v)}", "str",
                '$Version="1"')
SET_COOKIE2 = _text("Set-Cookie2", 'Part_Number="Rocket_Launcher_0001"; Version="1"; '
                                   'Path="/acme"')
GETPROFILE = _text("GetProfile", "name")
PROFILEOBJECT = _text("ProfileObject", "name")
SETPROFILE = _text("SetProfile", "name")
P3P = _text("P3P", 'CP="NOI DSP COR NID"')
PICS_LABEL = _text("PICS-Label", '(PICS-1.1 "http://www.example.org/ratings" l r (s 0))')
PROTOCOL = _text("Protocol", '{PICS-1.1 {headers PICS-Label}}')
PROTOCOL_REQUEST = _text("Protocol-Request", '{PICS-1.1 {params minimal}}')
PROTOCOL_INFO = _text("Protocol-Info", '{http://www.example.com/pay {for /}}')
PROTOCOL_QUERY = _text("Protocol-Query", '{http://www.example.com/pay}')
PROXY_FEATURES = _text("Proxy-Features", "notify")
PROXY_INSTRUCTION = _text("Proxy-Instruction", "notify")
SAFE = _spec("Safe", _safe, lambda v: "yes" if v else "no", "bool", "yes")
SECURITY_SCHEME = _text("Security-Scheme", "S-HTTP/1.4")

OBSOLETE_FIELDS: tuple[FieldSpec[Any], ...] = (
    ACCESS_CONTROL, METHOD_CHECK, METHOD_CHECK_EXPIRES, REFERER_ROOT, C_EXT, C_MAN, C_OPT, EXT,
    MAN, OPT, C_PEP, C_PEP_INFO, PEP, PEP_INFO, CONTENT_BASE, CONTENT_VERSION, DERIVED_FROM,
    PUBLIC, URI, CONTENT_ID, DIFFERENTIAL_ID, CONTENT_SCRIPT_TYPE, CONTENT_STYLE_TYPE,
    DEFAULT_STYLE, COOKIE2, SET_COOKIE2, GETPROFILE, PROFILEOBJECT, SETPROFILE, P3P, PICS_LABEL,
    PROTOCOL, PROTOCOL_REQUEST, PROTOCOL_INFO, PROTOCOL_QUERY, PROXY_FEATURES,
    PROXY_INSTRUCTION, SAFE, SECURITY_SCHEME,
)
