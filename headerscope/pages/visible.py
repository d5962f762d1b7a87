"""Make invisible and deceptive characters visible before they reach a page.

A header value can carry NUL, other controls, bidi overrides and zero-width characters. Shown
as they are, they would hide text, reorder it, or (NUL) be refused by the serializer. Each is
replaced by a visible escape such as `\\x00` or `<U+202E>`, and `columns` maps a character
offset in the original to a column in the shown text, so a caret still points at the right
character.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL; bidi controls; zero-width and other invisible format
# characters; lone surrogates, which a JSON body can spell ("\ud800") and UTF-8 cannot encode.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """The text with every invisible or deceptive character replaced by a visible escape."""
    if text.isascii() and text.isprintable():  # most values: two C scans, no regex
        return text
    if _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub(lambda m: _escape(m.group()), text)


def has_invisible(text: str) -> bool:
    return _INVISIBLE.search(text) is not None


def column(text: str, offset: int) -> int:
    """The column in `visible(text)` where the character at `offset` of `text` is shown."""
    prefix = text[:offset]
    return len(visible(prefix))


def utf8_hint(text: str) -> str | None:
    """Field bytes are decoded as ISO-8859-1; when they are really UTF-8, say what they read as."""
    if text.isascii():
        return None
    try:
        decoded = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return decoded if decoded != text else None
