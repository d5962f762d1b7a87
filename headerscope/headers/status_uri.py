"""Status-URI: the status of each resource a long-running WebDAV method has reached, sent with
102 (Processing) (RFC 2518, 9.7).

    Status-URI = "Status-URI" ":" *(Status-Code Coded-URL) ; Status-Code is defined in 6.1.1
                                                          ; of [RFC2068]
    Coded-URL  = "<" absoluteURI ">"                                        ; 9.4
    Status-Code = 3DIGIT                  ; RFC 2068, 6.1.1 (extension-code = 3DIGIT)

RFC 2518 writes its grammar in RFC 2068's notation, whose "implied *LWS" lets whitespace stand
between any two words: between a code and its Coded-URL, and between one pair and the next,
whitespace is optional. An empty value (no pair) matches `*( ... )`. RFC 4918, which obsoletes
RFC 2518, dropped Status-URI (and the 102 status it went with), so the field is flagged as
obsolete.

Source of the grammar: RFC 2518's own text could not be read here; the production is quoted,
with its section, by a third-party header library (a Haskell module,
Network.HTTP.Headers.StatusURI), and without it, identically, in a Java WebDAV server's
comments. Coded-URL is read as webdav.py reads RFC 4918's (an absolute URI, no fragment).
"""

from __future__ import annotations

from ..grammar import Cursor
from ._shared.spec import FieldError, FieldSpec
from ._shared.value import value_type
from .webdav import CodedUrl, parse_coded_url


@value_type
class StatusUriEntry:
    """One pair: the status a resource reached, and the resource (a Coded-URL)."""

    status: int  # the three digits' value, 0 to 999 (3DIGIT: written back with three)
    url: CodedUrl


def parse(raw: str) -> tuple[StatusUriEntry, ...]:
    cur = Cursor(raw)
    entries: list[StatusUriEntry] = []
    cur.skip_ows()
    while not cur.at_end():
        start = cur.pos
        code = cur.digits("a three-digit status code")
        if len(code) != 3:
            raise FieldError(f"a status code has three digits, not {len(code)}", start)
        cur.skip_ows()
        if cur.peek() != "<":
            raise cur.unexpected(f"'<' and the URL of the resource that has status {code}")
        entries.append(StatusUriEntry(int(code), parse_coded_url(cur)))
        cur.skip_ows()
    return tuple(entries)


def write(value: tuple[StatusUriEntry, ...]) -> str:
    return " ".join(f"{e.status:03d} {e.url}" for e in value)


STATUS_URI = FieldSpec(
    "Status-URI", parse, write, "RFC 2518, 9.7", value_type="tuple[StatusUriEntry, ...]",
    example="200 <http://www.example.com/a.html> 423 <http://www.example.com/b.html>",
    deprecated="Status-URI is obsolete: RFC 4918, which obsoletes RFC 2518, dropped it (and "
               "the 102 Processing status it was sent with); nothing replaces it")
