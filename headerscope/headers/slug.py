"""SLUG: the client's suggestion for part of a new resource's URI (RFC 5023, 9.7.1).

    LWS      = <defined in Section 2.2 of [RFC2616]>
    slugtext = %x20-7E | LWS
    SLUG     = "Slug" ":" *slugtext

"The field value is the percent-encoded value of the UTF-8 encoding of the character sequence
to be included": the value is the decoded text. Percent-encoded octets that are not UTF-8 are
an error; a "%" that starts no octet is read as itself, with a warning. The writer encodes "%",
everything outside printable ASCII, and spaces at either end (a field value has none there).
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from ..grammar import expect_run
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_SLUGTEXT_RE = re.compile(r"[ -~\t]*")
_PCT_RE = re.compile(r"%[0-9A-Fa-f]{2}")
_LONE_PCT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def parse(raw: str) -> str:
    expect_run(raw, _SLUGTEXT_RE, "is not allowed in a Slug: percent-encode its UTF-8 octets")
    octets = unquote_to_bytes(raw)
    try:
        return octets.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FieldError("the percent-encoded octets are not UTF-8",
                         _raw_position(raw, exc.start)) from None


def _raw_position(raw: str, octet: int) -> int:
    """Where the `octet`-th decoded octet was written (a walk made only for an error)."""
    pos = 0
    while octet > 0 and pos < len(raw):
        pos += 3 if _PCT_RE.match(raw, pos) else 1
        octet -= 1
    return pos


def _encode(ch: str, edge: bool) -> str:
    if (" " < ch <= "~" and ch != "%") or (ch == " " and not edge):
        return ch
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))


def write(value: str) -> str:
    last = len(value) - 1
    return "".join(_encode(ch, i in (0, last)) for i, ch in enumerate(value))


def lint(value: str, raw: str) -> list[Diagnostic]:
    lone = _LONE_PCT_RE.search(raw)
    if lone is not None:
        return [Diagnostic("'%' starts no percent-encoded octet: write it as %25", lone.start())]
    return []


SLUG = FieldSpec("SLUG", parse, write, "RFC 5023, 9.7", value_type="str", lint=lint,
                 example="The Beach at S%C3%A8te")
