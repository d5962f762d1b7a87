"""RFC 8187 extended parameter values: `title*=UTF-8'en'%e2%82%ac%20rates` -> "€ rates".

    ext-value     = charset  "'" [ language ] "'" value-chars
    charset       = "UTF-8" / "ISO-8859-1" / mime-charset
    language      = <Language-Tag, see [RFC5646], Section 2.1>
    value-chars   = *( pct-encoded / attr-char )
    pct-encoded   = "%" HEXDIG HEXDIG
    attr-char     = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`"
                    / "|" / "~"

"Recipients are required to support the UTF-8 and ISO-8859-1 charsets" (3.2.1); other charsets
are optional, and headerscope reports them as an error rather than guess at a decoder.
"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes, unquote_to_bytes

from ._spec import FieldError
from ._syntax import describe
from ._value import value_type

# RFC 5646 tag shape (and RFC 4647 basic range shape): subtags of 1 to 8 letters or digits.
LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_VALUE_CHARS_RE = re.compile(r"(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9!#$&+\-.^_`|~])*")
_ATTR_SAFE = b"!#$&+^`|"  # attr-chars beyond the letters, digits and "-._~" quote() keeps
_CHARSETS = {"UTF-8": "UTF-8", "ISO-8859-1": "ISO-8859-1"}  # upper-cased name -> canonical


@value_type
class ExtValue:
    """A decoded RFC 8187 value: the text, the charset it was sent in, its language tag."""

    text: str
    charset: str = "UTF-8"  # "UTF-8" or "ISO-8859-1"
    language: str = ""  # an RFC 5646 tag, or "" when the sender gave none


def language_error(tag: str, offset: int, what: str = "language tag") -> FieldError:
    """The error for a tag that does not have the RFC 5646 shape, at its first bad character."""
    m = LANGUAGE_TAG_RE.match(tag)
    bad = m.end() if m else 0
    if bad < len(tag) and tag[bad] == "-" and m:
        bad += 1  # the subtag after the dash is the problem
    return FieldError(f"{tag!r} is not a {what}: subtags are 1 to 8 letters or digits "
                      "separated by '-', the first one letters only", offset + bad)


def parse_ext_value(text: str, offset: int) -> ExtValue:
    """Decode one ext-value; `offset` is where `text` starts in the raw field value."""
    first = text.find("'")
    second = text.find("'", first + 1) if first >= 0 else -1
    if second < 0:
        raise FieldError("an RFC 8187 value has the form charset'language'value, "
                         "e.g. UTF-8''%e2%82%ac", offset + len(text))
    charset = _CHARSETS.get(text[:first].upper())
    if charset is None:
        raise FieldError(f"charset {text[:first]!r} is not supported: RFC 8187 recipients "
                         "decode UTF-8 and ISO-8859-1", offset)
    language = text[first + 1:second]
    if language and LANGUAGE_TAG_RE.fullmatch(language) is None:
        raise language_error(language, offset + first + 1)
    chars = text[second + 1:]
    start = offset + second + 1
    good = _VALUE_CHARS_RE.match(chars)
    assert good is not None  # the pattern matches the empty string
    if good.end() < len(chars):
        bad = good.end()
        if chars[bad] == "%":
            raise FieldError("bad percent-encoding: '%' must be followed by two hex digits",
                             start + bad)
        raise FieldError(f"{describe(chars[bad])} must be percent-encoded in an RFC 8187 value",
                         start + bad)
    octets = unquote_to_bytes(chars)
    try:
        decoded = octets.decode(charset)
    except UnicodeDecodeError as exc:
        raise FieldError(f"the percent-encoded octets are not valid {charset}",
                         start + _char_index(chars, exc.start)) from None
    return ExtValue(decoded, charset, language)


def write_ext_value(value: ExtValue) -> str:
    octets = value.text.encode(value.charset)
    return f"{value.charset}'{value.language}'{quote_from_bytes(octets, _ATTR_SAFE)}"


def _char_index(chars: str, octet: int) -> int:
    """Where the `octet`-th decoded byte of `chars` starts (a %XX triple counts as one)."""
    i = 0
    for _ in range(octet):
        i += 3 if chars[i] == "%" else 1
    return i
