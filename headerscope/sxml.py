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
and its `<tag>`, `</tag>` and kind cached in that context's dict (the names, contexts, escaping
and attribute rules live in headerscope/_sxml_rules.py; this module walks the tree). The
contexts exist because
the unescaped text of script and style is safe only where the parser really switches to their
raw-text state: inside svg/math it decodes entities and sees tags there (so we escape), and
inside an element it reads as text (textarea, noscript, ...) a `</` could end that outer
element early (so we refuse it). `iter_render` walks the top levels as a generator and hands
each subtree below them to `_nodes`. Errors raise the private `Fail`; every element on the way
up adds itself, and the public entry points turn it into a TypeError or ValueError that names
the place (`html > body > table > tr[3] > td[1]`), which is only worked out then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Protocol, TypeAlias

from ._sxml_rules import (
    HTML,
    NORMAL,
    OPAQUE_FORBIDDEN,
    RAW,
    RAW_FORBIDDEN,
    SPECIAL,
    VOID,
    Context,
    Entry,
    Fail,
    Write,
    check_characters,
    comment_problem,
    describe,
    entity,
    escape,
    learn,
    number,
    split_element,
    write_attributes,
)

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
        _nodes((node,), write, HTML)
    except Fail as fail:
        raise fail.located(node) from None


def iter_render(node: Node) -> Iterator[str]:
    """The HTML in chunks cut at element boundaries, a generator child read only when reached."""
    out: list[str] = []
    try:
        yield from _stream((node,), out, HTML, 0)
    except Fail as fail:
        raise fail.located(node) from None
    rest = "".join(out)
    if rest:
        yield rest


# -- the renderer ---------------------------------------------------------------------------------

def _nodes(nodes: Iterable[object], append: Write, ctx: Context) -> None:  # noqa: C901, PLR0912
    # The serializer's hot loop, one type test per child, inlined: benchmarks/sxml_bench.py.
    for child in nodes:
        if type(child) is str:
            if ("&" in child or "<" in child or ">" in child or '"' in child or "'" in child
                    or "\0" in child or not child.isascii()):
                child = escape(child)
            append(child)
        elif type(child) is tuple:
            try:
                entry = ctx[child[0]]
            except (LookupError, TypeError):  # not seen yet, (), or an unhashable tag
                entry = learn(child, ctx)
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
                            text = escape(text)
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
                    write_attributes(second, append)
                    append(">")
                    if size == 3 and type(child[2]) is str:  # (tag, {...}, "text"): no call
                        text = child[2]
                        if ("&" in text or "<" in text or ">" in text or '"' in text
                                or "'" in text or "\0" in text or not text.isascii()):
                            text = escape(text)
                        append(text)
                    elif size > 2:
                        _nodes(child[2:], append, inner)
                else:
                    append(start)
                    _nodes(child[1:], append, inner)
                append(close)
            except Fail as fail:
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


def _other(child: object, append: Write) -> Iterator[object] | None:
    """Anything but an exact str, tuple or list: write it, or return the nodes it stands for."""
    markup = getattr(type(child), "__html__", None)
    if markup is not None:
        html = markup(child)
        if not isinstance(html, str):
            raise Fail(TypeError, f"__html__() of {describe(child)} did not return a str")
        append(html)
        return None
    if isinstance(child, tuple):  # a NamedTuple, say: render the plain tuple it is
        return iter((tuple(child),))
    if isinstance(child, str):  # a str subclass may override the methods that escaping uses
        return iter((str.__str__(child),))
    if child is None or child is True or child is False:
        return None
    if isinstance(child, int | float):
        append(number(child))
        return None
    if isinstance(child, Mapping):
        raise Fail(TypeError, f"cannot render {describe(child)}: attributes are a plain dict "
                    "right after the tag, and a mapping is never a child")
    if not isinstance(child, AbstractSet | bytes | bytearray | memoryview):
        try:
            return iter(child)  # type: ignore[call-overload, no-any-return]
        except TypeError:
            pass
    raise Fail(TypeError, f"cannot render {describe(child)}: a node is an element tuple, "
                "str, int, float, None, bool, markup (__html__) or an iterable of nodes")


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
                start, opening, close, inner, kind = ctx.get(child[0]) or learn(child, ctx)
                if kind == NORMAL:
                    try:
                        attributes, children = split_element(child)
                        if attributes is None:
                            out.append(start)
                        else:
                            out.append(opening)
                            write_attributes(attributes, out.append)
                            out.append(">")
                        yield from _stream(children, out, inner, depth + 1)
                    except Fail as fail:
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


def _other_element(element: tuple[object, ...], entry: Entry, ctx: Context,
                   append: Write) -> None:
    """Void, raw-text (script and style) and special elements."""
    start, opening, close, _, kind = entry
    if kind == SPECIAL:
        _special(element, start, ctx, append)
        return
    attributes, children = split_element(element)
    if kind == VOID and children:
        raise Fail(ValueError, f"<{element[0]}> is a void element and cannot have children")
    text = ""
    if kind == RAW:
        pieces: list[str] = []
        _raw_text(children, pieces.append)
        text = "".join(pieces)
        bad = (RAW_FORBIDDEN if ctx is HTML else OPAQUE_FORBIDDEN)(text)
        if bad:
            raise Fail(ValueError, f"<{element[0]}> text must not contain {bad.group()!r}")
    if attributes is None:
        append(start)
    else:
        append(opening)
        write_attributes(attributes, append)
        append(start[len(opening):])
    append(text)
    append(close)


def _raw_text(items: Iterable[object], append: Write) -> None:
    """The children of script and style: text written unescaped, so it is checked whole."""
    for item in items:
        if type(item) is str:
            check_characters(item)
            append(item)
        elif type(item) is tuple:
            raise Fail(ValueError, f"script and style hold text only, not {describe(item)}")
        else:
            more = _other(item, append)
            if more is not None:
                _raw_text(more, append)


def _special(element: tuple[object, ...], tag: str, ctx: Context, append: Write) -> None:
    if tag == "*TOP*":
        _nodes(element[1:], append, ctx)
        return
    if len(element) != 2 or not isinstance(element[1], str):
        raise Fail(ValueError, f"{tag} takes exactly one str, not {describe(element[1:])}")
    text = str.__str__(element[1])
    if tag == "*DOCTYPE*":
        if text != "html":
            raise Fail(ValueError, f"only ('*DOCTYPE*', 'html') is written, not {text!r}")
        append("<!DOCTYPE html>")
    elif tag == "*ENTITY*":
        append(f"&{entity(text)};")
    else:
        check_characters(text)
        bad = comment_problem(text, nested=ctx is not HTML)
        if bad:
            raise Fail(ValueError, f"comment text must not {bad}: {text!r}")
        append(f"<!--{text}-->")
