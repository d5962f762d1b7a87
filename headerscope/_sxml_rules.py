"""What HTML allows, for headerscope.sxml: tag and attribute names, parsing contexts,
escaping, character references, comments, and where in a tree an error was.

The renderer (headerscope/sxml.py) walks the tree; everything here decides whether a name or a
text may appear where the tree puts it, and writes it when it may. An error raises `Fail`,
which the renderer turns into a TypeError or ValueError naming the place (see `where`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from html.entities import html5
from typing import TypeAlias

Context: TypeAlias = "dict[str, Entry]"  # tag -> what it means in one parsing context
Entry: TypeAlias = "tuple[str, str, str, Context, int]"  # <tag>, <tag, </tag>, inner, kind
Write: TypeAlias = Callable[[str], object]
NORMAL, VOID, RAW, SPECIAL = 0, 1, 2, 3


class Fail(Exception):
    """An error met on the way down; each element it passes on the way up adds itself."""

    def __init__(self, kind: type[Exception], message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message
        self.trail: list[tuple[object, ...]] = []  # innermost first

    def located(self, root: object) -> Exception:
        return self.kind(f"{self.message} (at {where(root, self.trail[::-1])})")


def escape(text: str) -> str:
    """Text for the page, or for a double-quoted attribute value."""
    check_characters(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text


def check_characters(text: str) -> None:
    """Pages make NUL and lone surrogates visible before they build the tree; here they fail."""
    if "\0" in text:
        raise Fail(ValueError, f"text contains NUL (U+0000): {text!r}")
    if not text.isascii():
        surrogate = _SURROGATE(text)
        if surrogate:
            code = ord(surrogate.group())
            raise Fail(ValueError, f"text contains a lone surrogate U+{code:04X}: {text!r}")


_SURROGATE = re.compile("[\ud800-\udfff]").search


def number(number: int | float) -> str:
    try:  # int.__repr__, not str(): a subclass's __str__ could return markup
        return int.__repr__(number) if isinstance(number, int) else float.__repr__(number)
    except ValueError as error:  # more digits than sys.get_int_max_str_digits()
        raise Fail(ValueError, str(error)) from None


def describe(value: object) -> str:
    text = repr(value)
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiouAEIOU' else 'a'} {name} " + (
        text if len(text) <= 60 else text[:57] + "...")


def split_element(element: tuple[object, ...]) -> tuple[object, tuple[object, ...]]:
    """(attributes or None, children), as `_nodes` tells them apart."""
    second = element[1] if len(element) > 1 else None
    if type(second) is dict or (type(second) is tuple and second and second[0] == "@"):
        return second, element[2:]
    return None, element[1:]


# -- tags and parsing contexts --------------------------------------------------------------------

HTML: Context = {}  # ordinary HTML
OPAQUE: Context = {}  # inside an element whose content the parser may read as plain text
FOREIGN: Context = {}  # inside svg or math: entities decoded and tags parsed, even in <style>
_CACHE_LIMIT = 4096  # names can come from requests: bound what they make us remember

_TAG = re.compile("[A-Za-z][A-Za-z0-9-]*").fullmatch
# HTML, 13.1.2: "Void elements: area, base, br, col, embed, hr, img, input, link, meta, source,
# track, wbr"; "Void elements only have a start tag; end tags must not be specified".
_VOIDS = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "source", "track", "wbr"])
# HTML, 13.1.2.6: "The text in raw text and escapable raw text elements must not contain any
# occurrences of the string "</" (U+003C LESS-THAN SIGN, U+002F SOLIDUS) followed by characters
# that case-insensitively match the tag name of the element". These are read as text up to that
# end tag (noscript too, when scripting is on), so nothing unescaped inside may hold a "</".
_OPAQUES = frozenset(["textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
                      "plaintext"])
_SPECIALS = frozenset(["*TOP*", "*DOCTYPE*", "*COMMENT*", "*ENTITY*"])
# HTML, 4.12.1.3: "The easiest and safest way to avoid the rather strange restrictions described
# in this section is to always escape an ASCII case-insensitive match for "<!--" [...] and
# "</script"". Text is not ours to rewrite, so both are refused (and with no "<!--", "<script"
# is harmless); so is "</style", which would end a style element.
RAW_FORBIDDEN = re.compile("</(?:script|style)|<!--", re.ASCII | re.IGNORECASE).search
OPAQUE_FORBIDDEN = re.compile("</|<!--").search


def learn(element: tuple[object, ...], ctx: Context) -> Entry:
    if not element:
        raise Fail(ValueError, "an empty tuple is not an element: (tag, [attributes], *children)")
    tag = element[0]
    if not isinstance(tag, str):
        raise Fail(TypeError, f"an element's tag must be a str, not {describe(tag)}")
    tag = str.__str__(tag)
    entry = ctx.get(tag)
    if entry is not None:
        return entry
    if tag in _SPECIALS:
        entry = (tag, tag, "", ctx, SPECIAL)
    elif tag == "@":
        raise Fail(ValueError, "invalid tag name '@': an ('@', ...) attribute node must come "
                    "right after the tag")
    elif not _TAG(tag):
        raise Fail(ValueError, f"invalid tag name {tag!r}: a tag is ASCII letters, digits and "
                    "hyphens, starting with a letter")
    else:
        low = tag.lower()
        foreign = ctx is FOREIGN
        inner = (FOREIGN if foreign or low in ("svg", "math")
                 else OPAQUE if ctx is OPAQUE or low in _OPAQUES else HTML)
        if low in _VOIDS:  # in svg, "<input>" would stay open: close it the XML way there
            entry = (f"<{tag}/>" if foreign else f"<{tag}>", f"<{tag}", "", inner, VOID)
        else:
            kind = RAW if low in ("script", "style") and not foreign else NORMAL
            entry = (f"<{tag}>", f"<{tag}", f"</{tag}>", inner, kind)
    if len(ctx) >= _CACHE_LIMIT:
        ctx.clear()
    ctx[tag] = entry
    return entry


def comment_problem(text: str, *, nested: bool) -> str | None:
    # HTML, 13.1.6: "the text must not start with the string ">", nor start with the string
    # "->", nor contain the strings "<!--", "-->", or "--!>", nor end with the string "<!-"."
    if text.startswith((">", "->")):
        return "start with '>' or '->'"
    for bad in ("<!--", "-->", "--!>"):
        if bad in text:
            return f"contain {bad!r}"
    if text.endswith("<!-"):
        return "end with '<!-'"
    if nested and "</" in text:  # in textarea, noscript, svg...: could end the outer element
        return "contain '</' inside svg, math or an element read as text"
    return None


_NUMERIC_REFERENCE = re.compile("#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})").fullmatch


def entity(name: str) -> str:
    if _NUMERIC_REFERENCE(name):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        # HTML, 13.2.5.80: a reference to NUL, a surrogate, a noncharacter or a control that
        # is not whitespace is a parse error (and 0x80-0x9F are remapped to Windows-1252).
        control = (code < 0x20 and code not in (0x09, 0x0A, 0x0C)) or 0x7F <= code < 0xA0
        if (control or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF
                or code & 0xFFFE == 0xFFFE):
            raise Fail(ValueError, f"character reference {name!r} is not allowed in HTML")
        return name
    if name.isascii() and name.isalnum() and name + ";" in html5:
        return name
    raise Fail(ValueError, f"unknown character reference name {name!r}")


# -- attributes -----------------------------------------------------------------------------------

_ATTRIBUTES: dict[object, str] = {}  # name -> ' name="'; looked up with whatever the tree has
# HTML, 13.1.2.3: "Attribute names must consist of one or more characters other than controls,
# U+0020 SPACE, U+0022 ("), U+0027 ('), U+003E (>), U+002F (/), U+003D (=), and noncharacters."
# We refuse "<" too: the tokenizer calls it unexpected-character-in-attribute-name.
_ATTRIBUTE = re.compile(
    "[^\x00-\x20\x7f-\x9f\"'<>/=\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]+").fullmatch


def write_attributes(attributes: object, append: Write) -> None:
    pairs = attributes.items() if type(attributes) is dict else _at_pairs(attributes)
    for name, value in pairs:
        try:
            prefix = _ATTRIBUTES[name]
        except (KeyError, TypeError):
            prefix = _attribute_name(name)
        if type(value) is str:
            if ("&" in value or "<" in value or ">" in value or '"' in value or "'" in value
                    or "\0" in value or not value.isascii()):
                value = _attribute_text(name, value)
            append(prefix)
            append(value)
            append('"')
        elif value is True:
            append(prefix[:-2])
        elif value is not None and value is not False:
            append(prefix)
            append(_attribute_value(name, value))
            append('"')


def _attribute_name(name: object) -> str:
    if not isinstance(name, str):
        raise Fail(TypeError, f"an attribute name must be a str, not {describe(name)}")
    name = str.__str__(name)
    if not _ATTRIBUTE(name) or any(ord(c) & 0xFFFE == 0xFFFE for c in name):
        raise Fail(ValueError, f"invalid attribute name {name!r}: HTML does not allow controls, "
                    "whitespace, noncharacters or any of \"'<>/= in one")
    prefix = f' {name}="'
    if len(_ATTRIBUTES) >= _CACHE_LIMIT:
        _ATTRIBUTES.clear()
    _ATTRIBUTES[name] = prefix
    return prefix


def _at_pairs(node: object) -> list[tuple[object, object]]:
    assert type(node) is tuple  # split_element and _nodes only pass a dict or an ("@", ...) node
    pairs: list[tuple[object, object]] = []
    for item in node[1:]:
        if type(item) is not tuple or not 1 <= len(item) <= 2:
            raise Fail(ValueError, "an attribute in an ('@', ...) node is (name,) or "
                        f"(name, value), not {describe(item)}")
        pairs.append((item[0], item[1] if len(item) == 2 else True))
    return pairs


def _attribute_text(name: object, value: str) -> str:
    try:
        return escape(value)
    except Fail as fail:
        fail.message = f"attribute {name!r}: {fail.message}"
        raise


def _attribute_value(name: object, value: object) -> str:
    """Numbers and lists (space-joined, None and False left out), escaped once; never markup."""
    if type(value) is list or type(value) is tuple:
        for item in value:
            if type(item) is not str:  # None, False, numbers, markup: the careful way
                text = " ".join(_attribute_item(name, item) for item in value
                                if item is not None and item is not False)
                break
        else:
            text = " ".join(value)
    else:
        text = _attribute_item(name, value)
    if ("&" in text or "<" in text or ">" in text or '"' in text or "'" in text or "\0" in text
            or not text.isascii()):
        text = _attribute_text(name, text)
    return text


def _attribute_item(name: object, item: object) -> str:
    """The unescaped text of one value or list item."""
    if getattr(type(item), "__html__", None) is not None:
        raise Fail(TypeError, f"attribute {name!r}: markup ({describe(item)}) is never "
                    "allowed in an attribute value")
    if isinstance(item, str):
        return str.__str__(item)
    if isinstance(item, int | float) and not isinstance(item, bool):
        return number(item)
    raise Fail(TypeError, f"attribute {name!r} cannot hold {describe(item)}: a value is a str, "
                "int, float, True/False/None or a list of str and numbers")


# -- where an error was ---------------------------------------------------------------------------

def where(root: object, trail: list[tuple[object, ...]]) -> str:
    """`html > body > table > tr[3] > td[1]`: the index counts same-tag siblings, from 1."""
    steps: list[str] = []
    siblings = list(_spliced((root,)))
    for element in trail:
        tag = str(element[0])
        if tag == "*TOP*":  # its children are spliced among its own siblings
            continue
        same = [s for s in siblings if s is not None and s[0] == tag]
        index = next((i for i, s in enumerate(same, 1) if s is element), None)
        counted = None not in siblings  # an iterator already consumed cannot be counted again
        steps.append(f"{tag}[{index}]" if counted and index and len(same) > 1 else tag)
        siblings = list(_spliced(split_element(element)[1]))
    return " > ".join(steps) or "the root"


def _spliced(nodes: Iterable[object]) -> Iterator[tuple[object, ...] | None]:
    """The elements a run of nodes puts side by side; None for an iterator already consumed."""
    for node in nodes:
        if type(node) is tuple and node:
            if node[0] == "*TOP*":
                yield from _spliced(node[1:])
            elif isinstance(node[0], str) and not node[0].startswith("*"):
                yield node
        elif type(node) is list:
            yield from _spliced(node)
        elif isinstance(node, Iterator):
            yield None

