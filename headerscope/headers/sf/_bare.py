"""Parsing bare items (RFC 9651, sections 4.2.3.1 to 4.2.10), one character at a time.

The exact parser (_parse.py) calls `parse_bare` for an item the common-form expression
did not take: an escaped String, a Date, a Display String, a Byte Sequence without its
padding, a number at a length limit, and every invalid item. Each function follows the
RFC's steps and raises FieldError at the character the algorithm rejects, naming it.
"""

from __future__ import annotations

import binascii
import re
from decimal import Decimal
from urllib.parse import unquote_to_bytes

from ...grammar import describe
from ...grammar.rules import SF_TOKEN
from .._shared.spec import FieldError
from ._lex import make_token
from ._types import BareItem, Date, DisplayString

_TOKEN_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*")
_NUMBER_START = frozenset("-0123456789")
_TOKEN_RE = re.compile(SF_TOKEN)
# An Integer (at most 15 digits) or a Decimal (12.3 digits) that the slow path would accept
# unchanged; the look-aheads send "1234567890123456", "12." and "1.2345" to the slow path.
_NUMBER_RE = re.compile(r"-?(?:([0-9]{1,12}\.[0-9]{1,3})(?![0-9])|[0-9]{1,15}(?![0-9.]))")
_STRING_RE = re.compile(r'"([ !#-\[\]-~]*(?:\\["\\][ !#-\[\]-~]*)*)"')
_BASE64_RE = re.compile(r"[A-Za-z0-9+/=]*")
_DISPLAY_RE = re.compile(r'([ !#$&-~]*(?:%[0-9a-f]{2}[ !#$&-~]*)*)"')


def parse_bare(text: str, pos: int, end: int) -> tuple[BareItem, int]:  # noqa: C901
    # One branch per bare item type, in RFC 9651 4.2.3.1's order: the algorithm, as written.
    if pos >= end:
        raise FieldError("expected an item, found the end of the value", pos)
    ch = text[pos]
    if ch in _TOKEN_START:
        m = _TOKEN_RE.match(text, pos)
        assert m is not None  # the first character is a token start
        return make_token(m.group()), m.end()
    if ch in _NUMBER_START:
        m = _NUMBER_RE.match(text, pos)
        if m is None:
            return _number_slow(text, pos, end)
        return (int(m.group()) if m.group(1) is None else Decimal(m.group())), m.end()
    if ch == '"':
        m = _STRING_RE.match(text, pos)
        if m is None:
            raise _string_error(text, pos, end)
        s = m.group(1)
        if "\\" in s:  # the expression let through only \" and \\, so two replaces undo them
            s = s.replace("\\\\", "\\").replace('\\"', '"')
        return s, m.end()
    if ch == "?":
        # "If the first character of input_string matches "1" ... true"; "0" ... false
        if pos + 1 < end and text[pos + 1] in "01":
            return text[pos + 1] == "1", pos + 2
        found = describe(text[pos + 1]) if pos + 1 < end else "the end of the value"
        raise FieldError(f"expected 0 or 1 after '?' (a Boolean), found {found}", pos + 1)
    if ch == ":":
        return _byte_sequence(text, pos, end)
    if ch == "@":
        if pos + 1 >= end or text[pos + 1] not in _NUMBER_START:
            found = describe(text[pos + 1]) if pos + 1 < end else "the end of the value"
            raise FieldError(f"expected the seconds of a Date after '@', found {found}", pos + 1)
        value, after = _number_slow(text, pos + 1, end)
        if isinstance(value, Decimal):  # "If output_date is a Decimal, fail parsing."
            raise FieldError("a Date is a whole number of seconds; found a Decimal",
                             text.index(".", pos))
        return Date(value), after
    if ch == "%":
        return _display_string(text, pos, end)
    if ch == "(":
        raise FieldError("an inner list is not allowed here (only as a list or dictionary "
                         "member)", pos)
    if ch == "'":
        raise FieldError("Strings are quoted with '\"', not \"'\"", pos)
    raise FieldError(f"expected an item (a number, \"string\", token, :bytes:, ?boolean, "
                     f"@date or %\"display string\"), found {describe(ch)}", pos)


def _number_slow(text: str, pos: int, end: int) -> tuple[int | Decimal, int]:
    """Section 4.2.4 step by step, for the inputs the fast expression does not take."""
    start = pos
    if text[pos] == "-":
        pos += 1
    if pos >= end or not "0" <= text[pos] <= "9":
        found = describe(text[pos]) if pos < end else "the end of the value"
        raise FieldError(f"expected a digit, found {found}", pos)
    digits = pos
    dot = -1
    while pos < end:
        ch = text[pos]
        if ch == "." and dot < 0:
            if pos - digits > 12:  # "If input_number contains more than 12 characters"
                raise FieldError("a Decimal has at most 12 digits before the '.'", pos)
            dot = pos
        elif not "0" <= ch <= "9":
            break
        pos += 1
        if dot < 0 and pos - digits > 15:
            raise FieldError("an Integer has at most 15 digits", pos - 1)
        if dot >= 0 and pos - digits > 16:
            raise FieldError("a Decimal has at most 3 digits after the '.'", dot + 4)
    if dot < 0:
        return int(text[start:pos]), pos
    if dot == pos - 1:  # "If the final character of input_number is ".", fail parsing."
        found = describe(text[pos]) if pos < end else "the end of the value"
        raise FieldError(f"expected a digit after the '.' of a Decimal, found {found}", pos)
    if pos - dot - 1 > 3:
        raise FieldError("a Decimal has at most 3 digits after the '.'", dot + 4)
    return Decimal(text[start:pos]), pos


def _string_error(text: str, start: int, end: int) -> FieldError:
    pos = start + 1
    while pos < end:
        ch = text[pos]
        if ch == "\\":
            if pos + 1 >= end:
                return FieldError("the String ends with a lone backslash", pos)
            if text[pos + 1] not in '"\\':  # "If next_char is not DQUOTE or "\", fail"
                return FieldError('only \'"\' and \'\\\' may follow a backslash in a String, '
                                  f"found {describe(text[pos + 1])}", pos + 1)
            pos += 2
            continue
        if not " " <= ch <= "~":
            return FieldError(f"{describe(ch)} is not allowed in a String (only printable "
                              "ASCII and space)", pos)
        pos += 1
    return FieldError("String is not closed with '\"'", start)


def _byte_sequence(text: str, start: int, end: int) -> tuple[bytes, int]:
    close = text.find(":", start + 1)
    if close < 0:
        raise FieldError("Byte Sequence is not closed with ':'", start)
    body = start + 1
    m = _BASE64_RE.match(text, body)
    assert m is not None  # the expression matches the empty string
    if m.end() != close:
        raise FieldError(f"{describe(text[m.end()])} is not allowed in a Byte Sequence "
                         "(base64: letters, digits, '+', '/' and '=')", m.end())
    content = text[body:close]
    data = content.rstrip("=")
    inner = data.find("=")
    if inner >= 0:
        raise FieldError("'=' padding may only end a Byte Sequence", body + inner)
    if len(data) % 4 == 1:
        raise FieldError("a base64 Byte Sequence cannot have 4n+1 characters", close)
    # "synthesizing padding if necessary": missing or short "=" padding is completed, but
    # padding beyond what the length needs cannot come from any encoder.
    need = -len(data) % 4
    if len(content) - len(data) > need:
        raise FieldError("too much '=' padding for the length of the Byte Sequence",
                         body + len(data) + need)
    try:
        return binascii.a2b_base64(data + "=" * need), close + 1
    except binascii.Error:  # pragma: no cover - the checks above leave nothing to reject
        raise FieldError("Byte Sequence is not valid base64", body) from None


def _display_string(text: str, start: int, end: int) -> tuple[DisplayString, int]:
    if start + 1 >= end or text[start + 1] != '"':
        found = describe(text[start + 1]) if start + 1 < end else "the end of the value"
        raise FieldError(f"expected '\"' after '%' (a Display String), found {found}",
                         start + 1)
    m = _DISPLAY_RE.match(text, start + 2)
    if m is None:
        raise _display_error(text, start, end)
    content = m.group(1)
    if "%" not in content:
        return DisplayString(content), m.end()
    octets = unquote_to_bytes(content)
    try:
        return DisplayString(octets.decode("utf-8")), m.end()
    except UnicodeDecodeError as exc:
        raise FieldError("the percent-encoded bytes of a Display String are not valid UTF-8",
                         _octet_position(content, octets, exc, start + 2)) from None


def _display_error(text: str, start: int, end: int) -> FieldError:
    pos = start + 2
    while pos < end:
        ch = text[pos]
        if ch == '"':  # pragma: no cover - a closed, valid string matched the expression
            break
        if not " " <= ch <= "~":
            return FieldError(f"{describe(ch)} is not allowed in a Display String "
                              "(percent-encode it)", pos)
        if ch == "%":
            for i in (pos + 1, pos + 2):
                if i >= end or text[i] not in "0123456789abcdef":
                    found = describe(text[i]) if i < end else "the end of the value"
                    return FieldError("'%' in a Display String takes two lower-case hex "
                                      f"digits, found {found}", i)
            pos += 3
            continue
        pos += 1
    return FieldError("Display String is not closed with '\"'", start)


def _octet_position(content: str, octets: bytes, exc: UnicodeDecodeError, base: int) -> int:
    """Map the decoder's first rejected byte back to a character of the field value."""
    bad = exc.start
    if 0xC2 <= octets[bad] <= 0xF4:  # a good lead byte: the byte after it is at fault
        bad = exc.end
    pos = 0
    for _ in range(bad):
        pos += 3 if content[pos] == "%" else 1
    return base + pos  # at the closing '"' when the sequence was cut short
