"""RFC 8187 extended parameter values: `title*=UTF-8'en'%e2%82%ac%20rates` -> "€ rates".

    ext-value     = charset  "'" [ language ] "'" value-chars
    charset       = "UTF-8" / mime-charset
    mime-charset  = 1*mime-charsetc                                 ; RFC 2978, 2.3
    mime-charsetc = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "+" / "-" / "^" / "_" / "`"
                    / "{" / "}" / "~"
    language      = <Language-Tag, see [RFC5646], Section 2.1>
    value-chars   = *( pct-encoded / attr-char )
    pct-encoded   = "%" HEXDIG HEXDIG
    attr-char     = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`"
                    / "|" / "~"

A field adopts this syntax for its `name*` parameters only where its own specification says so
(Content-Disposition, RFC 6266, 4.3; Link, RFC 8288, 3): see `parse_parameters(ext_values=)`.

"Producers MUST use the "UTF-8" ([RFC3629]) character encoding. Extension character encodings
(mime-charset) are reserved for future use" (3.2.1). Any other charset is valid syntax, so it
is kept with a warning (`charset_note`), not refused: ISO-8859-1, which RFC 5987 required
recipients to support, is decoded; any other is kept as sent, percent-encoded, since headerscope
does not guess at a decoder.
"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes, unquote_to_bytes

from ...grammar import describe
from ...grammar.rules import ATTR_CHAR
from .spec import FieldError
from .value import value_type

# RFC 5646 tag shape (and RFC 4647 basic range shape): subtags of 1 to 8 letters or digits.
LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_VALUE_CHARS_RE = re.compile(f"(?:%[0-9A-Fa-f]{{2}}|[{ATTR_CHAR}])*")
_ATTR_SAFE = b"!#$&+^`|"  # attr-chars beyond the letters, digits and "-._~" quote() keeps
# "character encoding names ... are matched case-insensitively" (3.2.1): upper-cased here
DECODED = frozenset({"UTF-8", "ISO-8859-1"})
_CHARSET_RE = re.compile(r"[A-Za-z0-9!#$%&+\-^_`{}~]+")


@value_type
class ExtValue:
    """An RFC 8187 value: the text, the charset it was sent in (upper-cased), its language tag.

    `text` is the decoded text when the charset is one of DECODED; for any other charset it is
    the value-chars as sent, still percent-encoded (`decoded` is False).
    """

    text: str
    charset: str = "UTF-8"  # upper-cased; "UTF-8" or "ISO-8859-1" are decoded
    language: str = ""  # an RFC 5646 tag, or "" when the sender gave none

    @property
    def decoded(self) -> bool:
        return self.charset in DECODED


def charset_note(value: ExtValue) -> str | None:
    """The warning for a charset other than UTF-8, or None."""
    if value.charset == "UTF-8":
        return None
    what = ("decoded as ISO-8859-1" if value.decoded
            else "not decoded: the value is kept as sent, percent-encoded")
    return (f"charset {value.charset}: RFC 8187 producers must use UTF-8, other charsets are "
            f"reserved (3.2.1); {what}")


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
    if _CHARSET_RE.fullmatch(text, 0, first) is None:
        m = _CHARSET_RE.match(text, 0, first)
        bad = m.end() if m else 0
        raise FieldError(f"a charset name such as UTF-8, not {describe(text[bad])}",
                         offset + bad)
    charset = text[:first].upper()
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
    if charset not in DECODED:
        return ExtValue(chars, charset, language)  # kept as sent: see charset_note
    octets = unquote_to_bytes(chars)
    try:
        decoded = octets.decode(charset)
    except UnicodeDecodeError as exc:
        raise FieldError(f"the percent-encoded octets are not valid {charset}",
                         start + _char_index(chars, exc.start)) from None
    return ExtValue(decoded, charset, language)


def write_ext_value(value: ExtValue) -> str:
    if not value.decoded:  # the value-chars as they were sent
        return f"{value.charset}'{value.language}'{value.text}"
    octets = value.text.encode(value.charset)
    return f"{value.charset}'{value.language}'{quote_from_bytes(octets, _ATTR_SAFE)}"


def _char_index(chars: str, octet: int) -> int:
    """Where the `octet`-th decoded byte of `chars` starts (a %XX triple counts as one)."""
    i = 0
    for _ in range(octet):
        i += 3 if chars[i] == "%" else 1
    return i
