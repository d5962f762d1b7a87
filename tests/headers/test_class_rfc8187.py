"""Issue 17, RFC 8187 extended values: only where a field adopts them, and any charset.

A `name*` parameter is an RFC 8187 ext-value only in a field whose specification says so:
Content-Disposition (RFC 6266, 4.1: `disp-ext-parm = token "=" value / ext-token "=" ext-value`)
and Link (RFC 8288, 3.4.1: "The "title*" parameter can be used to encode this label in a
different character set and/or contain language information as per [RFC8187]"). Everywhere
else RFC 9110's `parameters` apply: a name ending in "*" is a token like any other, its value a
token or quoted-string, taken as sent.

RFC 8187, 3.2.1: "Producers MUST use the "UTF-8" ([RFC3629]) character encoding. Extension
character encodings (mime-charset) are reserved for future use." Another charset is therefore a
warning, not an error: ISO-8859-1 is decoded, any other kept as sent, percent-encoded.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from headerscope.grammar import Cursor
from headerscope.headers import REGISTRY
from headerscope.headers._shared.content import parse_parameters, write_parameters
from headerscope.headers._shared.rfc8187 import ExtValue, write_ext_value
from headerscope.headers.content_disposition import CONTENT_DISPOSITION
from headerscope.headers.link import LINK, LinkParam
from headerscope.strategies._content import ext_values


def _ext_values_in(value: Any) -> list[ExtValue]:
    """Every ExtValue anywhere in a parsed value (dataclasses, dicts, tuples)."""
    if isinstance(value, ExtValue):
        return [value]
    if isinstance(value, dict):
        return [e for v in value.values() for e in _ext_values_in(v)]
    if isinstance(value, tuple | list):
        return [e for v in value for e in _ext_values_in(v)]
    slots = getattr(type(value), "__slots__", ())
    return [e for name in slots for e in _ext_values_in(getattr(value, name, None))]


# Every registered field whose parameters go through parse_parameters or a parameter grammar of
# its own, with a starred parameter: none of them adopts RFC 8187
PLAIN = [
    ("Content-Type", "text/html; charset*=UTF-8''x", "UTF-8''x"),
    ("Content-Type", "text/html; charset*=UTF-8''%zz", "UTF-8''%zz"),  # was: bad encoding
    ("Content-Type", 'text/html; title*="a b"', "a b"),  # was: "must not be quoted"
    ("Accept", "text/html;charset*=KOI8-R''x;q=0.5", "KOI8-R''x"),  # was: bad charset
    ("Accept-Patch", "text/plain;a*=UTF-8'en'%e2%82%ac", "UTF-8'en'%e2%82%ac"),
    ("Accept-Post", "text/plain;a*=UTF-8''x", "UTF-8''x"),
    ("Expect", "x=y;a*=UTF-8''x", "UTF-8''x"),
    ("Prefer", "foo; a*=UTF-8''x", "UTF-8''x"),
    ("Forwarded", "for=192.0.2.1;ext*=UTF-8''x", "UTF-8''x"),
    ("Keep-Alive", "a*=UTF-8''x", "UTF-8''x"),
    ("Cache-Control", "ext*=UTF-8''x", "UTF-8''x"),
    ("Alt-Svc", "h2=\":443\"; ext*=UTF-8''x", "UTF-8''x"),
    ("Authorization", "Digest username*=UTF-8''x", "UTF-8''x"),
    ("WWW-Authenticate", "Basic realm=\"a\", title*=UTF-8''x", "UTF-8''x"),
]


@pytest.mark.parametrize(("name", "raw", "text"), PLAIN)
def test_a_starred_name_is_a_plain_parameter(name: str, raw: str, text: str) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, parsed.error
    assert _ext_values_in(parsed.value) == []
    assert text in repr(parsed.value)  # kept as sent
    spec = REGISTRY.get(name)
    assert spec is not None and spec.parse(spec.write(parsed.value)) == parsed.value


def test_parse_parameters_adopts_rfc_8187_only_when_asked() -> None:
    raw = ";title*=UTF-8'en'%e2%82%ac"
    assert parse_parameters(Cursor(raw)) == {"title*": "UTF-8'en'%e2%82%ac"}
    assert parse_parameters(Cursor(raw), ext_values=True) == {
        "title*": ExtValue("€", "UTF-8", "en")}
    assert write_parameters({"title*": "UTF-8''x"}) == ";title*=UTF-8''x"


@pytest.mark.parametrize(("raw", "expected"), [
    ("attachment; filename*=UTF-8''%e2%82%ac.txt", ExtValue("€.txt")),
    ("attachment; filename*=iso-8859-1'en'%A3.txt", ExtValue("£.txt", "ISO-8859-1", "en")),
    ("attachment; filename*=koi8-r''%C1%C2.txt", ExtValue("%C1%C2.txt", "KOI8-R")),
])
def test_content_disposition_decodes_ext_values(raw: str, expected: ExtValue) -> None:
    assert CONTENT_DISPOSITION.parse(raw).filename_ext == expected


@pytest.mark.parametrize(("name", "raw", "at", "fragment"), [
    ("Content-Disposition", "attachment; filename*=ISO-8859-1''%A3", 12, "decoded as ISO-8859-1"),
    ("Content-Disposition", "attachment; filename*=KOI8-R''%C1", 12, "not decoded"),
    ("Content-Disposition", "inline; x=1; title*=Shift_JIS'ja'%82%a0", 13, "SHIFT_JIS"),
    ("Link", "</a>; rel=next; title*=KOI8-R''%C1", None, "not decoded"),
    ("Link", "</a>; rel=next; title*=iso-8859-1''%A3", None, "decoded as ISO-8859-1"),
])
def test_other_charsets_are_a_warning(name: str, raw: str, at: int | None, fragment: str) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, parsed.error
    notes = [w for w in parsed.warnings if "must use UTF-8" in w.reason]
    assert len(notes) == 1 and fragment in notes[0].reason and notes[0].position == at


def test_utf_8_is_not_warned_about() -> None:
    for name, raw in [("Content-Disposition", "attachment; filename*=utf-8''a"),
                      ("Link", "</a>; rel=next; title*=UTF-8''a")]:
        assert not [w for w in REGISTRY.parse(name, raw).warnings if "UTF-8" in w.reason]


def test_a_charset_not_decoded_leaves_the_plain_name_preferred() -> None:
    both = CONTENT_DISPOSITION.parse("attachment; filename=a.txt; filename*=KOI8-R''%C1")
    assert both.preferred_filename == "a.txt"
    alone = CONTENT_DISPOSITION.parse("attachment; filename*=KOI8-R''%C1")
    assert alone.preferred_filename == "%C1"
    (link,) = LINK.parse("</a>; title=x; title*=KOI8-R''%C1")
    assert link.title == "x" and link.params[1] == LinkParam("title*", ExtValue("%C1", "KOI8-R"))


@pytest.mark.parametrize("raw", ["''x", "U@''x", "UTF-8''a b"])
def test_malformed_ext_values_stay_errors(raw: str) -> None:
    parsed = REGISTRY.parse("Content-Disposition", f"attachment; filename*={raw}")
    assert parsed.error is not None


@given(ext_values)
def test_every_charset_round_trips(value: ExtValue) -> None:
    text = f"attachment; filename*={write_ext_value(value)}"
    assert CONTENT_DISPOSITION.parse(text).filename_ext == value
