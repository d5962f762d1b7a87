"""Make invisible and deceptive characters visible before they reach a page.

A header value can carry NUL, other controls, bidi overrides and zero-width characters. Shown
as they are, they would hide text, reorder it, drive the terminal that shows the text view
(ESC, and the C1 CSI U+009B on some terminals), or (NUL) be refused by the serializer. Each is
replaced by a visible escape such as `\\x00`, `<U+202E>` or `<U+E0069>`, and `column` maps a
character offset in the original to a column in the shown text, so a caret still points at
the right character.

The set, `INVISIBLE`: every character of general category Cc (C0, DEL, C1), Cf (format:
the bidi controls, zero-width characters, tags, ...), Zl and Zp (line and paragraph
separators), Cs (lone surrogates, which a JSON body can spell as "\\ud800" and UTF-8 cannot
encode), Zs other than SPACE (spaces that read as SPACE: NO-BREAK SPACE, EN SPACE, ...), and
Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt: the Hangul fillers, the
variation selectors, the combining grapheme joiner, the tag block), as of Unicode 15.1.
tests/pages/test_inert.py holds the set to `unicodedata` over every code point.

Three guards make a finished response inert whatever path built it, each one linear scan:
`inert_text` (the text and raw views: every character of the set but LF, escaped as above),
`inert_html` (the same escapes, written so they cannot become markup) and `json_escape`
(the JSON view: `\\uXXXX`, so the JSON value is unchanged).
"""

from __future__ import annotations

import re

# Code point ranges, each with the reason it is in the set; C0 apart, since the guards keep LF.
_C0 = "\x00-\x1f"  # TAB, CR and LF too: spelled out, as the raw view does
_REST = (
    "\x7f-\x9f"  # Cc: DEL, C1
    "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # Zs but SPACE: spaces that read as SPACE
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"  # Cf and Default_Ignorable
    "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"  # Cf: prepended concatenation marks
    "\u200b-\u200f"  # zero width space, joiners, LRM, RLM
    "\u2028-\u202e"  # Zl, Zp; bidi embeddings and overrides
    "\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated formats
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"  # Hangul filler, VS1-16, BOM, ...
    "\ud800-\udfff"  # Cs: lone surrogates
    "\U000110bd\U000110cd\U00013430-\U0001343f"  # Cf: Kaithi, Egyptian format controls
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"  # Cf: shorthand format, musical beams
    "\U000e0000-\U000e0fff"  # tags (U+E0001, U+E0020-E007F), VS17-256, reserved ignorables
)
INVISIBLE = re.compile(f"[{_C0}{_REST}]")
# What the text and raw views may still hold after the guard: LF, their line break.
_TERMINAL = re.compile(f"[\x00-\x09\x0b-\x1f{_REST}]")
# What json.dumps(ensure_ascii=False) leaves raw: it escapes C0 in strings itself, and LF
# outside strings is the indentation, which must stay.
_JSON = re.compile(f"[{_REST}]")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """The text with every invisible or deceptive character replaced by a visible escape."""
    if text.isascii() and text.isprintable():  # most values: two C scans, no regex
        return text
    if INVISIBLE.search(text) is None:
        return text
    return INVISIBLE.sub(lambda m: _escape(m.group()), text)


def column(text: str, offset: int) -> int:
    """The column in `visible(text)` where the character at `offset` of `text` is shown."""
    prefix = text[:offset]
    return len(visible(prefix))


def utf8_hint(text: str) -> str | None:
    """Field bytes are decoded as ISO-8859-1; when they are really UTF-8, say what they read
    as (made visible: what UTF-8 decodes to can be a C1 control or a bidi override)."""
    if text.isascii():
        return None
    try:
        decoded = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return visible(decoded) if decoded != text else None


# -- the guards on a finished response ---------------------------------------------------------
# A page is thousands of characters, almost all printable ASCII and LF: one scan of the
# regular expression would cost more than drawing the page. So the guards first delete
# those (bytes.translate, a table lookup per byte in C) and only search what is left: the
# ASCII controls and the non-ASCII characters, whose UTF-8 bytes the deletion leaves whole.
_PLAIN = bytes(range(0x20, 0x7F)) + b"\n"


def _suspects(text: str) -> str:
    """The characters of `text` that are not printable ASCII or LF, in order."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN)
    return rest.decode("utf-8", "surrogatepass") if rest else ""


def inert_text(text: str) -> str:
    """A text or raw view, with every character of the set but LF escaped as `visible` does.

    The pages make each piece visible where it is drawn; this is the one last pass that makes
    sure no path (a new one, a forgotten one) lets a control or a bidi override reach the
    terminal that reads the response.
    """
    if _TERMINAL.search(_suspects(text)) is None:
        return text
    return _TERMINAL.sub(lambda m: _escape(m.group()), text)


def _html_escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"&lt;U+{code:04X}&gt;"


def inert_html(html: str) -> str:
    """A rendered HTML page, with every character of the set but LF escaped as `visible`
    does. The escapes are text in any context a page has (element text, a quoted attribute,
    <title>): `<U+202E>` is written `&lt;U+202E&gt;`, so it cannot open a tag."""
    if _TERMINAL.search(_suspects(html)) is None:
        return html
    return _TERMINAL.sub(lambda m: _html_escape(m.group()), html)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a surrogate pair, as JSON spells a character beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_escape(text: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with every character of the set
    that it leaves raw written as `\\uXXXX`: the same JSON value, but nothing in the text
    that a terminal or a browser would act on. (Such characters only occur inside strings.)"""
    if _JSON.search(_suspects(text)) is None:
        return text
    return _JSON.sub(lambda m: _json_escape(m.group()), text)
