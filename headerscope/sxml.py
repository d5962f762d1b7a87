"""SXML -> HTML: pages written as Python data, rendered safely and fast.

    ("a", {"href": url, "class": ["x", "y"], "download": True}, "text", child, [more])
    ("a", ("@", ("href", url), ("download",)), "text")        # the Guile/SXML attribute form

A node is, checked in this order: an object with `__html__` (trusted markup, e.g. `Raw`); a
tuple, an element `(tag, [attributes], *children)`; a str, text that is always escaped; an
int or float, text; None, False or True, nothing; a list, generator or other iterable, a
fragment spliced into its parent. A dict, set, bytes or anything else raises TypeError, so a
list of values taken from a request can never turn into markup. Special elements:
`("*TOP*", ...)` (children only), `("*DOCTYPE*", "html")`, `("*COMMENT*", text)` and
`("*ENTITY*", name)`.

Strategy: `_nodes` renders recursively into one `append` (a list's, joined once) and tests
exact types first, a leaf element `(tag, "text")` without a further call. Strings are escaped
only when `in` tests find a special character. Each tag is validated once per parsing context
and its `<tag>`, `</tag>` and kind cached in that context's dict. The contexts exist because
the unescaped text of script and style is safe only where the parser really switches to their
raw-text state: inside svg/math it decodes entities and sees tags there (so we escape), and
inside an element it reads as text (textarea, noscript, ...) a `</` could end that outer
element early (so we refuse it). `iter_render` walks the top levels as a generator and hands
each subtree below them to `_nodes`. Errors raise a private `_Fail`; every element on the way
up adds itself, and the public entry points turn it into a TypeError or ValueError that names
the place (`html > body > table > tr[3] > td[1]`), which is only worked out then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from html.entities import html5
from typing import Protocol, TypeAlias

__all__ = ["Node", "Raw", "iter_render", "render", "render_document", "render_to"]


class HasHtml(Protocol):
    def __html__(self) -> str: ...


Scalar: TypeAlias = str | int | float | bool | None
Item: TypeAlias = str | int | float | None
AttrValue: TypeAlias = Scalar | list[Item] | tuple[Item, ...]  # lists are space-joined
Attributes: TypeAlias = (dict[str, AttrValue]  # or the SXML form ("@", (name, value), (name,))
                         | tuple[str, *tuple[tuple[str] | tuple[str, AttrValue], ...]])
Element: TypeAlias = "tuple[str, Attributes, *tuple[Node, ...]] | tuple[str, *tuple[Node, ...]]"
Node: TypeAlias = "Element | Scalar | HasHtml | Iterable[Node]"
"""A tree: (tag, [attributes], *children), text, numbers, None/bools, markup, fragments."""


class Raw:
    """Trusted markup, written out unchanged: never put request data in one."""

    __slots__ = ("html",)

    def __init__(self, html: str) -> None:
        if not isinstance(html, str):
            raise TypeError(f"Raw() takes a str, not {type(html).__name__}")
        self.html = str.__str__(html)

    def __html__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"Raw({self.html!r})"


def render(node: Node) -> str:
    """The HTML for a tree; TypeError or ValueError, naming the place, for a bad one."""
    out: list[str] = []
    render_to(node, out.append)
    return "".join(out)


def render_document(tree: Node) -> str:
    """A whole page: `<!DOCTYPE html>` and the tree (normally an html element)."""
    return "<!DOCTYPE html>" + render(tree)


def render_to(node: Node, write: Callable[[str], object]) -> None:
    """Call `write` with each of many small pieces: give it a list's append or a buffer.

    On an error, what was written before it stays written.
    """
    try:
        _nodes((node,), write, _HTML)
    except _Fail as fail:
        raise fail.located(node) from None


def iter_render(node: Node) -> Iterator[str]:
    """The HTML in chunks cut at element boundaries, a generator child read only when reached."""
    out: list[str] = []
    try:
        yield from _stream((node,), out, _HTML, 0)
    except _Fail as fail:
        raise fail.located(node) from None
    rest = "".join(out)
    if rest:
        yield rest


# -- the renderer ---------------------------------------------------------------------------------

Context: TypeAlias = "dict[str, Entry]"  # tag -> what it means in one parsing context
Entry: TypeAlias = "tuple[str, str, str, Context, int]"  # <tag>, <tag, </tag>, inner, kind
Write: TypeAlias = Callable[[str], object]
_NORMAL, _VOID, _RAW, _SPECIAL = 0, 1, 2, 3


class _Fail(Exception):
    """An error met on the way down; each element it passes on the way up adds itself."""

    def __init__(self, kind: type[Exception], message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message
        self.trail: list[tuple[object, ...]] = []  # innermost first

    def located(self, root: object) -> Exception:
        return self.kind(f"{self.message} (at {_where(root, self.trail[::-1])})")


def _nodes(nodes: Iterable[object], append: Write, ctx: Context) -> None:
    for child in nodes:
        if type(child) is str:
            if ("&" in child or "<" in child or ">" in child or '"' in child or "'" in child
                    or "\0" in child or not child.isascii()):
                child = _escape(child)
            append(child)
        elif type(child) is tuple:
            try:
                entry = ctx[child[0]]
            except (LookupError, TypeError):  # not seen yet, (), or an unhashable tag
                entry = _learn(child, ctx)
            start, opening, close, inner, kind = entry
            try:
                if kind:
                    _other_element(child, entry, ctx, append)
                    continue
                size = len(child)
                if size == 2:  # (tag, "text"), the commonest element: no call, no slice
                    text = child[1]
                    if type(text) is str:
                        if ("&" in text or "<" in text or ">" in text or '"' in text
                                or "'" in text or "\0" in text or not text.isascii()):
                            text = _escape(text)
                        append(start)
                        append(text)
                        append(close)
                        continue
                second = child[1] if size > 1 else None
                if size == 2 and type(second) is list:  # ("ul", [items]): one call, not two
                    append(start)
                    _nodes(second, append, inner)
                    append(close)
                    continue
                if type(second) is dict or (type(second) is tuple and second
                                            and second[0] == "@"):
                    append(opening)
                    _attributes(second, append)
                    append(">")
                    if size == 3 and type(child[2]) is str:  # (tag, {...}, "text"): no call
                        text = child[2]
                        if ("&" in text or "<" in text or ">" in text or '"' in text
                                or "'" in text or "\0" in text or not text.isascii()):
                            text = _escape(text)
                        append(text)
                    elif size > 2:
                        _nodes(child[2:], append, inner)
                else:
                    append(start)
                    _nodes(child[1:], append, inner)
                append(close)
            except _Fail as fail:
                fail.trail.append(child)
                raise
        elif type(child) is list:
            _nodes(child, append, ctx)
        elif type(child) is Raw:  # our own markup type: its constructor made `html` a str
            append(child.html)
        elif child is None:  # an absent part: `_other` would say so after a failed getattr
            continue
        else:
            more = _other(child, append)
            if more is not None:
                _nodes(more, append, ctx)


def _escape(text: str) -> str:
    """Text for the page, or for a double-quoted attribute value."""
    _check_characters(text)
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


def _check_characters(text: str) -> None:
    """Pages make NUL and lone surrogates visible before they build the tree; here they fail."""
    if "\0" in text:
        raise _Fail(ValueError, f"text contains NUL (U+0000): {text!r}")
    if not text.isascii():
        surrogate = _SURROGATE(text)
        if surrogate:
            code = ord(surrogate.group())
            raise _Fail(ValueError, f"text contains a lone surrogate U+{code:04X}: {text!r}")


_SURROGATE = re.compile("[\ud800-\udfff]").search


def _other(child: object, append: Write) -> Iterator[object] | None:
    """Anything but an exact str, tuple or list: write it, or return the nodes it stands for."""
    markup = getattr(type(child), "__html__", None)
    if markup is not None:
        html = markup(child)
        if not isinstance(html, str):
            raise _Fail(TypeError, f"__html__() of {_describe(child)} did not return a str")
        append(html)
        return None
    if isinstance(child, tuple):  # a NamedTuple, say: render the plain tuple it is
        return iter((tuple(child),))
    if isinstance(child, str):  # a str subclass may override the methods that escaping uses
        return iter((str.__str__(child),))
    if child is None or child is True or child is False:
        return None
    if isinstance(child, int | float):
        append(_number(child))
        return None
    if isinstance(child, Mapping):
        raise _Fail(TypeError, f"cannot render {_describe(child)}: attributes are a plain dict "
                    "right after the tag, and a mapping is never a child")
    if not isinstance(child, AbstractSet | bytes | bytearray | memoryview):
        try:
            return iter(child)  # type: ignore[call-overload, no-any-return]
        except TypeError:
            pass
    raise _Fail(TypeError, f"cannot render {_describe(child)}: a node is an element tuple, "
                "str, int, float, None, bool, markup (__html__) or an iterable of nodes")


def _number(number: int | float) -> str:
    try:  # int.__repr__, not str(): a subclass's __str__ could return markup
        return int.__repr__(number) if isinstance(number, int) else float.__repr__(number)
    except ValueError as error:  # more digits than sys.get_int_max_str_digits()
        raise _Fail(ValueError, str(error)) from None


def _describe(value: object) -> str:
    text = repr(value)
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiouAEIOU' else 'a'} {name} " + (
        text if len(text) <= 60 else text[:57] + "...")


def _stream(nodes: Iterable[object], out: list[str], ctx: Context, depth: int,
            ) -> Iterator[str]:
    """The top levels of the tree, as a generator; below _STREAM_DEPTH `_nodes` takes over."""
    for child in nodes:
        if depth < _STREAM_DEPTH:
            if type(child) is list or (isinstance(child, Iterator)
                                       and getattr(type(child), "__html__", None) is None):
                yield from _stream(child, out, ctx, depth)
                continue
            if type(child) is tuple and child and type(child[0]) is str:
                start, opening, close, inner, kind = ctx.get(child[0]) or _learn(child, ctx)
                if kind == _NORMAL:
                    try:
                        attributes, children = _split(child)
                        if attributes is None:
                            out.append(start)
                        else:
                            out.append(opening)
                            _attributes(attributes, out.append)
                            out.append(">")
                        yield from _stream(children, out, inner, depth + 1)
                    except _Fail as fail:
                        fail.trail.append(child)
                        raise
                    out.append(close)
                    continue
        _nodes((child,), out.append, ctx)
        if len(out) >= _CHUNK:
            yield "".join(out)
            out.clear()


_STREAM_DEPTH = 6  # element levels walked by the generator: html > body > main > table > tbody
_CHUNK = 2048  # pieces of HTML per chunk, about 20-60 kB


def _split(element: tuple[object, ...]) -> tuple[object, tuple[object, ...]]:
    """(attributes or None, children), as `_nodes` tells them apart."""
    second = element[1] if len(element) > 1 else None
    if type(second) is dict or (type(second) is tuple and second and second[0] == "@"):
        return second, element[2:]
    return None, element[1:]


# -- tags and parsing contexts --------------------------------------------------------------------

_HTML: Context = {}  # ordinary HTML
_OPAQUE: Context = {}  # inside an element whose content the parser may read as plain text
_FOREIGN: Context = {}  # inside svg or math: entities decoded and tags parsed, even in <style>
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
_RAW_FORBIDDEN = re.compile("</(?:script|style)|<!--", re.ASCII | re.IGNORECASE).search
_OPAQUE_FORBIDDEN = re.compile("</|<!--").search


def _learn(element: tuple[object, ...], ctx: Context) -> Entry:
    if not element:
        raise _Fail(ValueError, "an empty tuple is not an element: (tag, [attributes], *children)")
    tag = element[0]
    if not isinstance(tag, str):
        raise _Fail(TypeError, f"an element's tag must be a str, not {_describe(tag)}")
    tag = str.__str__(tag)
    entry = ctx.get(tag)
    if entry is not None:
        return entry
    if tag in _SPECIALS:
        entry = (tag, tag, "", ctx, _SPECIAL)
    elif tag == "@":
        raise _Fail(ValueError, "invalid tag name '@': an ('@', ...) attribute node must come "
                    "right after the tag")
    elif not _TAG(tag):
        raise _Fail(ValueError, f"invalid tag name {tag!r}: a tag is ASCII letters, digits and "
                    "hyphens, starting with a letter")
    else:
        low = tag.lower()
        foreign = ctx is _FOREIGN
        inner = (_FOREIGN if foreign or low in ("svg", "math")
                 else _OPAQUE if ctx is _OPAQUE or low in _OPAQUES else _HTML)
        if low in _VOIDS:  # in svg, "<input>" would stay open: close it the XML way there
            entry = (f"<{tag}/>" if foreign else f"<{tag}>", f"<{tag}", "", inner, _VOID)
        else:
            kind = _RAW if low in ("script", "style") and not foreign else _NORMAL
            entry = (f"<{tag}>", f"<{tag}", f"</{tag}>", inner, kind)
    if len(ctx) >= _CACHE_LIMIT:
        ctx.clear()
    ctx[tag] = entry
    return entry


def _other_element(element: tuple[object, ...], entry: Entry, ctx: Context,
                   append: Write) -> None:
    """Void, raw-text (script and style) and special elements."""
    start, opening, close, _, kind = entry
    if kind == _SPECIAL:
        _special(element, start, ctx, append)
        return
    attributes, children = _split(element)
    if kind == _VOID and children:
        raise _Fail(ValueError, f"<{element[0]}> is a void element and cannot have children")
    text = ""
    if kind == _RAW:
        pieces: list[str] = []
        _raw_text(children, pieces.append)
        text = "".join(pieces)
        bad = (_RAW_FORBIDDEN if ctx is _HTML else _OPAQUE_FORBIDDEN)(text)
        if bad:
            raise _Fail(ValueError, f"<{element[0]}> text must not contain {bad.group()!r}")
    if attributes is None:
        append(start)
    else:
        append(opening)
        _attributes(attributes, append)
        append(start[len(opening):])
    append(text)
    append(close)


def _raw_text(items: Iterable[object], append: Write) -> None:
    """The children of script and style: text written unescaped, so it is checked whole."""
    for item in items:
        if type(item) is str:
            _check_characters(item)
            append(item)
        elif type(item) is tuple:
            raise _Fail(ValueError, f"script and style hold text only, not {_describe(item)}")
        else:
            more = _other(item, append)
            if more is not None:
                _raw_text(more, append)


def _special(element: tuple[object, ...], tag: str, ctx: Context, append: Write) -> None:
    if tag == "*TOP*":
        _nodes(element[1:], append, ctx)
        return
    if len(element) != 2 or not isinstance(element[1], str):
        raise _Fail(ValueError, f"{tag} takes exactly one str, not {_describe(element[1:])}")
    text = str.__str__(element[1])
    if tag == "*DOCTYPE*":
        if text != "html":
            raise _Fail(ValueError, f"only ('*DOCTYPE*', 'html') is written, not {text!r}")
        append("<!DOCTYPE html>")
    elif tag == "*ENTITY*":
        append(f"&{_entity(text)};")
    else:
        _check_characters(text)
        bad = _comment_problem(text, nested=ctx is not _HTML)
        if bad:
            raise _Fail(ValueError, f"comment text must not {bad}: {text!r}")
        append(f"<!--{text}-->")


def _comment_problem(text: str, *, nested: bool) -> str | None:
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


def _entity(name: str) -> str:
    if _NUMERIC_REFERENCE(name):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        # HTML, 13.2.5.80: a reference to NUL, a surrogate, a noncharacter or a control that
        # is not whitespace is a parse error (and 0x80-0x9F are remapped to Windows-1252).
        control = (code < 0x20 and code not in (0x09, 0x0A, 0x0C)) or 0x7F <= code < 0xA0
        if (control or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF
                or code & 0xFFFE == 0xFFFE):
            raise _Fail(ValueError, f"character reference {name!r} is not allowed in HTML")
        return name
    if name.isascii() and name.isalnum() and name + ";" in html5:
        return name
    raise _Fail(ValueError, f"unknown character reference name {name!r}")


# -- attributes -----------------------------------------------------------------------------------

_ATTRIBUTES: dict[object, str] = {}  # name -> ' name="'; looked up with whatever the tree has
# HTML, 13.1.2.3: "Attribute names must consist of one or more characters other than controls,
# U+0020 SPACE, U+0022 ("), U+0027 ('), U+003E (>), U+002F (/), U+003D (=), and noncharacters."
# We refuse "<" too: the tokenizer calls it unexpected-character-in-attribute-name.
_ATTRIBUTE = re.compile(
    "[^\x00-\x20\x7f-\x9f\"'<>/=\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]+").fullmatch


def _attributes(attributes: object, append: Write) -> None:
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
        raise _Fail(TypeError, f"an attribute name must be a str, not {_describe(name)}")
    name = str.__str__(name)
    if not _ATTRIBUTE(name) or any(ord(c) & 0xFFFE == 0xFFFE for c in name):
        raise _Fail(ValueError, f"invalid attribute name {name!r}: HTML does not allow controls, "
                    "whitespace, noncharacters or any of \"'<>/= in one")
    prefix = f' {name}="'
    if len(_ATTRIBUTES) >= _CACHE_LIMIT:
        _ATTRIBUTES.clear()
    _ATTRIBUTES[name] = prefix
    return prefix


def _at_pairs(node: object) -> list[tuple[object, object]]:
    assert type(node) is tuple  # _split and _nodes only pass a dict or an ("@", ...) node
    pairs: list[tuple[object, object]] = []
    for item in node[1:]:
        if type(item) is not tuple or not 1 <= len(item) <= 2:
            raise _Fail(ValueError, "an attribute in an ('@', ...) node is (name,) or "
                        f"(name, value), not {_describe(item)}")
        pairs.append((item[0], item[1] if len(item) == 2 else True))
    return pairs


def _attribute_text(name: object, value: str) -> str:
    try:
        return _escape(value)
    except _Fail as fail:
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
        raise _Fail(TypeError, f"attribute {name!r}: markup ({_describe(item)}) is never "
                    "allowed in an attribute value")
    if isinstance(item, str):
        return str.__str__(item)
    if isinstance(item, int | float) and not isinstance(item, bool):
        return _number(item)
    raise _Fail(TypeError, f"attribute {name!r} cannot hold {_describe(item)}: a value is a str, "
                "int, float, True/False/None or a list of str and numbers")


# -- where an error was ---------------------------------------------------------------------------

def _where(root: object, trail: list[tuple[object, ...]]) -> str:
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
        siblings = list(_spliced(_split(element)[1]))
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
