"""headerscope.sxml: one table per rule of the serializer (issue 2), hostile input included."""

from __future__ import annotations

import enum
from collections import OrderedDict, deque
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from headerscope.sxml import Node, Raw, iter_render, render, render_document, render_to


class Markup:
    """Any object with __html__ is trusted markup (markupsafe.Markup, htpy elements...)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __html__(self) -> str:
        return self.html


class SneakyStr(str):
    """A str subclass whose methods lie: escaping must not rely on them."""

    def replace(self, *args: Any, **kwargs: Any) -> str:
        return str(self)

    def __contains__(self, item: object) -> bool:
        return False

    def __str__(self) -> str:
        return "<script>alert(1)</script>"


class SneakyInt(int):
    def __str__(self) -> str:
        return "<b>"

    __repr__ = __str__


class Level(enum.IntEnum):
    HIGH = 3


class Point(NamedTuple):
    tag: str
    text: str


def gen(*nodes: Node) -> Iterator[Node]:
    yield from nodes


# -- nodes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("node", "expected"), [
    # a str is text, always escaped: & < > " ' (issue 2, "Escaping")
    ("plain text", "plain text"),
    ("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("&amp; stays visible", "&amp;amp; stays visible"),
    ("héllo wörld ☃ 😀", "héllo wörld ☃ 😀"),
    ("é<", "é&lt;"),
    ("", ""),
    (SneakyStr("<i>"), "&lt;i&gt;"),
    # numbers are text; None, False and True render nothing
    (0, "0"), (-12, "-12"), (1.5, "1.5"), (1e100, "1e+100"), (float("inf"), "inf"),
    (SneakyInt(7), "7"), (Level.HIGH, "3"),
    (None, ""), (False, ""), (True, ""),
    # fragments: a list, generator or other iterable is spliced in
    (["a", ("b", "c"), None, 1, ["d", ["e"]]], "a<b>c</b>1de"),
    (gen("x", ("i", "y")), "x<i>y</i>"),
    (range(3), "012"),
    (deque(["q", "r"]), "qr"),
    ({"a": 1}.values(), "1"),
    ([], ""),
    # trusted markup: Raw, or anything with __html__, written unchanged
    (Raw("<b>bold</b>"), "<b>bold</b>"),
    (Markup("<i>it</i>"), "<i>it</i>"),
    (["<", Raw("<hr>")], "&lt;<hr>"),
])
def test_nodes(node: Node, expected: str) -> None:
    assert render(node) == expected


@pytest.mark.parametrize(("char", "escaped"), [
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")])
def test_each_special_character_alone_on_every_path(char: str, escaped: str) -> None:
    text = f"a{char}b"
    want = f"a{escaped}b"
    assert render(text) == want  # text as a node
    assert render(("p", text)) == f"<p>{want}</p>"  # the (tag, "text") shortcut
    assert render(("p", "", text)) == f"<p>{want}</p>"  # text among other children
    assert render(("p", {"id": "i"}, text)) == f'<p id="i">{want}</p>'  # (tag, {...}, "text")
    assert render(("p", {"id": "i"}, text, "")) == f'<p id="i">{want}</p>'
    assert render(("p", {"title": text})) == f'<p title="{want}"></p>'
    assert render(("p", {"title": [text]})) == f'<p title="{want}"></p>'
    assert render(("p", ("@", ("title", text)))) == f'<p title="{want}"></p>'
    assert render(("br", {"title": text})) == f'<br title="{want}">'


@pytest.mark.parametrize(("node", "expected"), [
    (("div",), "<div></div>"),  # every non-void element gets its end tag, never <div />
    (("p", "a", "b", 1), "<p>ab1</p>"),
    (("ul", [("li", "1"), ("li", "2")]), "<ul><li>1</li><li>2</li></ul>"),
    (("div", ("span", ("b", "deep"))), "<div><span><b>deep</b></span></div>"),
    (("my-element", "x"), "<my-element>x</my-element>"),
    (("h1", "t"), "<h1>t</h1>"),
    (("linearGradient",), "<linearGradient></linearGradient>"),  # case kept, SVG needs it
    (Point("code", "<x>"), "<code>&lt;x&gt;</code>"),  # a tuple subclass is a tuple
    (("div", ("*TOP*", "a", ("b",)), "c"), "<div>a<b></b>c</div>"),
])
def test_elements(node: Node, expected: str) -> None:
    assert render(node) == expected


@pytest.mark.parametrize("tag", ["area", "base", "br", "col", "embed", "hr", "img", "input",
                                 "link", "meta", "source", "track", "wbr", "BR", "Img"])
def test_void_elements_have_no_end_tag(tag: str) -> None:
    assert render((tag,)) == f"<{tag}>"
    assert render((tag, {"id": "x"})) == f'<{tag} id="x">'


@pytest.mark.parametrize("children", [("x",), (None,), ([],), (("b",),), ("", "")])
def test_void_elements_refuse_children(children: tuple[Node, ...]) -> None:
    with pytest.raises(ValueError, match=r"<br> is a void element and cannot have children"):
        render(("br", *children))


# -- attributes ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("attributes", "expected"), [
    ({"href": "/a?b=1&c=2"}, ' href="/a?b=1&amp;c=2"'),
    ({"title": "\"quoted\" 'single' <tag>"},
     ' title="&quot;quoted&quot; &#39;single&#39; &lt;tag&gt;"'),
    ({"title": "\" onmouseover=\"alert(1)"}, ' title="&quot; onmouseover=&quot;alert(1)"'),
    ({"download": True}, " download"),
    ({"hidden": False, "id": None}, ""),
    ({"class": ["x", "y"]}, ' class="x y"'),
    ({"class": ["a&b", None, False, 2, 1.5, "<c>"]}, ' class="a&amp;b 2 1.5 &lt;c&gt;"'),
    ({"class": ("t", "u")}, ' class="t u"'),
    ({"class": []}, ' class=""'),
    ({"value": ""}, ' value=""'),
    ({"width": 10, "ratio": 0.5, "n": Level.HIGH}, ' width="10" ratio="0.5" n="3"'),
    ({"data-x": SneakyStr("<")}, ' data-x="&lt;"'),
    ({"@click": "go()", "x:y": "1", "data-é": "v", "a&b": "c"},
     ' @click="go()" x:y="1" data-é="v" a&b="c"'),
    ({"viewBox": "0 0 1 1"}, ' viewBox="0 0 1 1"'),  # case kept
    (("@", ("href", "/u"), ("download",)), ' href="/u" download'),  # the Guile/SXML form
    (("@", ("title", "<&>"), ("hidden", False), ("n", 2)), ' title="&lt;&amp;&gt;" n="2"'),
    (("@",), ""),
])
def test_attributes(attributes: Any, expected: str) -> None:
    assert render(("a", attributes, "x")) == f"<a{expected}>x</a>"


@pytest.mark.parametrize("name", [
    "", " ", "a b", "a\tb", "a\nb", "a\x0cb", "a\rb", 'a"', "a'", "a>", "a/", "a=b", "a<",
    "\x00", "a\x01", "a\x7f", "a\x85", "a\x9f", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe",
    "\U0010ffff", "a\ud800", "x onclick=alert(1)", '"><script>',
])
def test_attribute_names_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="invalid attribute name") as info:
        render(("p", {name: "v"}))
    assert repr(name) in str(info.value)


@pytest.mark.parametrize(("attributes", "error", "fragment"), [
    ({1: "v"}, TypeError, "an attribute name must be a str, not an int"),
    ({"x": {"a": 1}}, TypeError, "attribute 'x' cannot hold a dict"),
    ({"x": {1, 2}}, TypeError, "attribute 'x' cannot hold a set"),
    ({"x": b"raw"}, TypeError, "attribute 'x' cannot hold a bytes"),
    ({"x": Raw("<b>")}, TypeError, "attribute 'x': markup (a Raw Raw('<b>')) is never allowed"),
    ({"x": Markup("<b>")}, TypeError, "is never allowed in an attribute value"),
    ({"x": ["a", Raw("b")]}, TypeError, "is never allowed in an attribute value"),
    ({"x": ["a", True]}, TypeError, "attribute 'x' cannot hold a bool"),
    ({"x": ["a", ["b"]]}, TypeError, "attribute 'x' cannot hold a list"),
    ({"x": "a\0b"}, ValueError, "attribute 'x': text contains NUL"),
    ({"x": ["a\0"]}, ValueError, "attribute 'x': text contains NUL"),
    ({"x": "\udc80"}, ValueError, "attribute 'x': text contains a lone surrogate U+DC80"),
    (("@", "href"), ValueError, "an attribute in an ('@', ...) node is (name,) or (name, value)"),
    (("@", ("a", "b", "c")), ValueError, "is (name,) or (name, value)"),
    (("@", ()), ValueError, "is (name,) or (name, value)"),
    (("@", ("a b", "c")), ValueError, "invalid attribute name 'a b'"),
])
def test_attribute_errors(attributes: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        render(("div", ("p", attributes)))
    assert fragment in str(info.value)
    assert str(info.value).endswith("(at div > p)")


# -- names ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", [
    "", "1a", "-a", "a b", "a>", "a/", "<script>", "a\0", "é", "a_b", "a:b", "a.b", "*x*",
    "div\n", " div", "scrïpt", "\uff41",  # a fullwidth a
])
def test_tag_names_rejected(tag: str) -> None:
    with pytest.raises(ValueError, match="invalid tag name") as info:
        render(("div", (tag, "x")))
    assert repr(tag) in str(info.value)


@pytest.mark.parametrize(("node", "error", "fragment"), [
    ((), ValueError, "an empty tuple is not an element"),
    ((1, "x"), TypeError, "an element's tag must be a str, not an int"),
    ((["div"], "x"), TypeError, "an element's tag must be a str, not a list"),
    ((None,), TypeError, "an element's tag must be a str, not a NoneType"),
    (("@", ("a", "b")), ValueError, "an ('@', ...) attribute node must come right after the tag"),
    (("*FOO*",), ValueError, "invalid tag name '*FOO*'"),
])
def test_element_errors(node: Node, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        render(("div", "text first", node))
    assert fragment in str(info.value)


def test_a_name_seen_once_is_still_checked_in_every_context() -> None:
    assert render(("p", {"title": "x"})) == '<p title="x"></p>'
    for bad in ("p q", "p>"):
        with pytest.raises(ValueError, match="invalid"):
            render(("svg", (bad,)))


# -- what is not a node -------------------------------------------------------------------------

@pytest.mark.parametrize(("child", "fragment"), [
    ({"a": 1}, "cannot render a dict {'a': 1}"),
    (OrderedDict(a=1), "cannot render an OrderedDict"),
    ({1, 2}, "cannot render a set"),
    (frozenset(), "cannot render a frozenset"),
    ({"a": 1}.keys(), "cannot render a dict_keys"),
    ({"a": 1}.items(), "cannot render a dict_items"),
    (b"<b>", "cannot render a bytes"),
    (bytearray(b"x"), "cannot render a bytearray"),
    (memoryview(b"x"), "cannot render a memoryview"),
    (object(), "cannot render an object"),
    (Decimal("1.5"), "cannot render a Decimal"),
    (1j, "cannot render a complex"),
    (Raw, "cannot render a type"),  # the class, not an instance
])
def test_not_a_node(child: Any, fragment: str) -> None:
    with pytest.raises(TypeError) as info:
        render(("div", "ok", child))
    assert fragment in str(info.value)
    assert str(info.value).endswith("(at div)")


def test_html_must_return_str() -> None:
    with pytest.raises(TypeError, match="did not return a str"):
        render(Markup(b"<b>"))  # type: ignore[arg-type]


def test_raw_takes_str() -> None:
    with pytest.raises(TypeError, match="Raw\\(\\) takes a str, not bytes"):
        Raw(b"<b>")  # type: ignore[arg-type]
    assert repr(Raw("<b>")) == "Raw('<b>')"


@pytest.mark.parametrize(("text", "fragment"), [
    ("a\0b", "text contains NUL (U+0000)"),
    ("\ud800", "text contains a lone surrogate U+D800"),
    ("ok \udfff", "text contains a lone surrogate U+DFFF"),
])
def test_text_with_nul_or_lone_surrogate(text: str, fragment: str) -> None:
    for node in (text, ("p", text), ("p", "x", text), ("p", {"title": text}), ("script", text),
                 ("*COMMENT*", text)):
        with pytest.raises(ValueError) as info:
            render(node)
        assert fragment in str(info.value)


def test_huge_int() -> None:
    with pytest.raises(ValueError, match="Exceeds the limit"):
        render(10 ** 5000)


# -- script and style ---------------------------------------------------------------------------

@pytest.mark.parametrize(("node", "expected"), [
    (("script", "if (a < b && c > d) { s = '\"'; }"),
     "<script>if (a < b && c > d) { s = '\"'; }</script>"),
    (("style", "a > b { content: '&'; }"), "<style>a > b { content: '&'; }</style>"),
    (("SCRIPT", "1<2"), "<SCRIPT>1<2</SCRIPT>"),
    (("script", {"type": "module", "async": True}, "x<y"),
     '<script type="module" async>x<y</script>'),
    (("script", "a", ["<", 1], None, Raw("b")), "<script>a<1b</script>"),
    (("script",), "<script></script>"),
    (("script", "</scrip", "x"), "<script></scripx</script>"),
    (("style", "</styl"), "<style></styl</style>"),
    (("script", "<script>"), "<script><script></script>"),  # harmless without <!--
    # inside svg or math the parser decodes entities and sees tags: text is escaped there
    (("svg", ("style", "a>b<c")), "<svg><style>a&gt;b&lt;c</style></svg>"),
    (("math", ("mi", ("script", "<x>"))), "<math><mi><script>&lt;x&gt;</script></mi></math>"),
    (("svg", ("input",), ("br", {"a": "b"})), '<svg><input/><br a="b"/></svg>'),
    # inside an element the parser reads as text, no "</" can end it early
    (("textarea", ("style", "a>b")), "<textarea><style>a>b</style></textarea>"),
    (("noscript", ("style", ".js{display:none}")),
     "<noscript><style>.js{display:none}</style></noscript>"),
])
def test_raw_text(node: Node, expected: str) -> None:
    assert render(node) == expected


@pytest.mark.parametrize(("node", "fragment"), [
    (("script", "</script>"), "<script> text must not contain '</script'"),
    (("script", "x</SCRIPT >"), "must not contain '</SCRIPT'"),
    (("script", "</ScRiPt"), "must not contain '</ScRiPt'"),
    (("script", "</style>"), "must not contain '</style'"),
    (("script", "<!--"), "must not contain '<!--'"),
    (("style", "</style>"), "<style> text must not contain '</style'"),
    (("style", "</STYLE"), "must not contain '</STYLE'"),
    (("style", "a{}<!--"), "must not contain '<!--'"),
    (("script", "<", "/script>"), "must not contain '</script'"),  # the seam of two strings
    (("script", ["</", ["scr", "ipt"]]), "must not contain '</script'"),
    (("script", Raw("</script>")), "must not contain '</script'"),
    (("script", ("b", "x")), "script and style hold text only, not a tuple"),
    (("style", ("*COMMENT*", "x")), "script and style hold text only"),
    (("style", {"a": 1}, {"b": 2}), "cannot render a dict"),
    (("textarea", ("style", "</textarea><img src=x onerror=alert(1)>")),
     "<style> text must not contain '</'"),
    (("noscript", ("p", ("script", "a</b"))), "<script> text must not contain '</'"),
    (("title", ("script", "<!--")), "must not contain '<!--'"),
])
def test_raw_text_rejected(node: Node, fragment: str) -> None:
    with pytest.raises((ValueError, TypeError)) as info:
        render(("div", node))
    assert fragment in str(info.value)


# -- special nodes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("node", "expected"), [
    (("*TOP*", ("*DOCTYPE*", "html"), ("html",)), "<!DOCTYPE html><html></html>"),
    (("*TOP*",), ""),
    (("*COMMENT*", " note "), "<!-- note -->"),
    (("*COMMENT*", ""), "<!---->"),
    (("*COMMENT*", "a--b - c-"), "<!--a--b - c--->"),
    (("*COMMENT*", "<b> & </b>"), "<!--<b> & </b>-->"),
    (("*ENTITY*", "nbsp"), "&nbsp;"),
    (("*ENTITY*", "NotEqualTilde"), "&NotEqualTilde;"),
    (("*ENTITY*", "#65"), "&#65;"),
    (("*ENTITY*", "#x1F600"), "&#x1F600;"),
    (("*ENTITY*", "#10"), "&#10;"),
])
def test_special_nodes(node: Node, expected: str) -> None:
    assert render(node) == expected


@pytest.mark.parametrize(("node", "fragment"), [
    (("*COMMENT*", ">x"), "comment text must not start with '>' or '->'"),
    (("*COMMENT*", "->x"), "must not start with '>' or '->'"),
    (("*COMMENT*", "a<!--b"), "must not contain '<!--'"),
    (("*COMMENT*", "a-->b"), "must not contain '-->'"),
    (("*COMMENT*", "-->"), "must not contain '-->'"),
    (("*COMMENT*", "a--!>b"), "must not contain '--!>'"),
    (("*COMMENT*", "a<!-"), "must not end with '<!-'"),
    (("*COMMENT*", "a", "b"), "*COMMENT* takes exactly one str"),
    (("*COMMENT*", 1), "*COMMENT* takes exactly one str"),
    (("*COMMENT*",), "*COMMENT* takes exactly one str"),
    (("textarea", ("*COMMENT*", "</textarea><script>")), "must not contain '</' inside"),
    (("svg", ("*COMMENT*", "</svg>")), "must not contain '</' inside"),
    (("*ENTITY*", "foo"), "unknown character reference name 'foo'"),
    (("*ENTITY*", "amp;"), "unknown character reference name 'amp;'"),
    (("*ENTITY*", "<b>"), "unknown character reference name '<b>'"),
    (("*ENTITY*", ""), "unknown character reference name ''"),
    (("*ENTITY*", "#0"), "character reference '#0' is not allowed"),
    (("*ENTITY*", "#xD800"), "is not allowed"),
    (("*ENTITY*", "#x110000"), "is not allowed"),
    (("*ENTITY*", "#128"), "is not allowed"),  # 0x80-0x9F: remapped to Windows-1252
    (("*ENTITY*", "#x1"), "is not allowed"),
    (("*ENTITY*", "#xFFFE"), "is not allowed"),
    (("*ENTITY*", "#x"), "unknown character reference name '#x'"),
    (("*DOCTYPE*", "xhtml"), "only ('*DOCTYPE*', 'html') is written"),
    (("*DOCTYPE*",), "*DOCTYPE* takes exactly one str"),
])
def test_special_nodes_rejected(node: Node, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        render(("div", node))
    assert fragment in str(info.value)


# -- the API ------------------------------------------------------------------------------------

PAGE: Node = ("html", {"lang": "en"},
              ("head", ("meta", {"charset": "utf-8"}), ("title", "t<")),
              ("body", ("table", [("tr", ("td", str(i)), ("td", {"class": ["n"]}, i))
                                  for i in range(3000)])))


def test_render_document() -> None:
    assert render_document(("html",)) == "<!DOCTYPE html><html></html>"


def test_render_to_and_iter_render_agree_with_render() -> None:
    pieces: list[str] = []
    render_to(PAGE, pieces.append)
    chunks = list(iter_render(PAGE))
    assert "".join(pieces) == "".join(chunks) == render(PAGE)
    assert len(chunks) > 3 and all(chunks)
    assert list(iter_render("")) == list(iter_render([None, []])) == []  # no empty chunks


def test_iter_render_streams_a_generator() -> None:
    consumed = []

    def rows() -> Iterator[Node]:
        for i in range(100_000):
            consumed.append(i)
            yield ("tr", ("td", i))

    chunks = iter_render(("html", ("body", ("table", rows()))))
    first = next(chunks)
    assert first.startswith("<html><body><table><tr><td>0</td></tr>")
    assert 0 < len(consumed) < 10_000  # the rest is read only when asked for
    assert "".join(chunks).endswith("<tr><td>99999</td></tr></table></body></html>")


def test_iter_render_reports_errors_like_render() -> None:
    tree = ("html", ("body", [("p", "x")] * 5000, ("p", {"a": object()})))
    message = r"cannot hold an object.*\(at html > body > p\[5001\]\)$"
    with pytest.raises(TypeError, match=message):
        render(tree)
    with pytest.raises(TypeError, match=message):
        list(iter_render(tree))


def test_trees_are_reusable_and_rendering_is_stable() -> None:
    tree = ("div", ["a", ("b", "c")])
    assert render(tree) == render(tree) == "<div>a<b>c</b></div>"


# -- where an error was -------------------------------------------------------------------------

def table(bad: Node) -> Node:
    rows: list[Node] = [("tr", ("td", "a"), ("td", "b")) for _ in range(2)]
    rows.append(("tr", ("td", "a", bad), ("td", "b")))
    return ("html", ("head", ("title", "t")), ("body", ("h1", "x"), ("table", rows)))


@pytest.mark.parametrize(("tree", "error", "path"), [
    (table({"a": 1}), TypeError, "html > body > table > tr[3] > td[1]"),
    (table(("p", {"x": object()})), TypeError, "html > body > table > tr[3] > td[1] > p"),
    (table("\0"), ValueError, "html > body > table > tr[3] > td[1]"),
    (table(("br", "x")), ValueError, "html > body > table > tr[3] > td[1] > br"),
    (table(("b c",)), ValueError, "html > body > table > tr[3] > td[1]"),
    (table(("script", "</script>")), ValueError, "html > body > table > tr[3] > td[1] > script"),
    (table(("*COMMENT*", "-->")), ValueError, "html > body > table > tr[3] > td[1] > *COMMENT*"),
    ({"a": 1}, TypeError, "the root"),
    ([("p",), ("p", {1: 1})], TypeError, "p[2]"),
    (("*TOP*", ("p",), ("div", ("*TOP*", ("p", "\0")))), ValueError, "div > p"),
    (("div", ("p",), ("*TOP*", ("p", "\0"))), ValueError, "div > p[2]"),
    (("div", gen(("p",), ("p", "\0"))), ValueError, "div > p"),  # consumed: cannot count
    (("div", ("p",), gen(("p", "\0"))), ValueError, "div > p"),
    (("ul", [("li", "a"), [("li", "b"), ("li", 1j)]]), TypeError, "ul > li[3]"),
])
def test_errors_say_where(tree: Node, error: type[Exception], path: str) -> None:
    with pytest.raises(error) as info:
        render(tree)
    assert str(info.value).endswith(f" (at {path})")
