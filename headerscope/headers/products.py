"""User-Agent and Server: the software of the client or the origin server, as products and
comments (RFC 9110, 10.1.5 and 10.2.4).

    User-Agent      = product *( RWS ( product / comment ) )
    Server          = product *( RWS ( product / comment ) )
    product         = token [ "/" product-version ]
    product-version = token
    comment         = "(" *( ctext / quoted-pair / comment ) ")"

A comment's text has its quoted-pairs undone; nested comments stay in it with their
parentheses, so "(a (b) c)" reads "a (b) c".
"""

from __future__ import annotations

import re

from ..grammar import TOKEN_RE, Cursor
from ._shared.spec import FieldSpec
from ._shared.value import value_type

_FLAT_COMMENT_RE = re.compile(r"\(([\t !-'*-\[\]-~\x80-\xff]*)\)")  # no nesting, no escapes
_QUOTED_PAIR_RE = re.compile(r"\\(.)", re.S)
_PRODUCT_RE = re.compile(rf"({TOKEN_RE.pattern})(?:/({TOKEN_RE.pattern}))?")
_NEXT_ITEM_RE = re.compile(rf"[ \t]+(?:{_PRODUCT_RE.pattern}|{_FLAT_COMMENT_RE.pattern})(?![/(])")


@value_type
class Product:
    name: str
    version: str | None = None

    def __str__(self) -> str:
        return self.name if self.version is None else f"{self.name}/{self.version}"


@value_type
class Comment:
    text: str  # quoted-pairs undone; nested comments kept with their parentheses

    def __str__(self) -> str:
        return write_comment(self)


def parse_comment(cur: Cursor) -> Comment:
    m = _FLAT_COMMENT_RE.match(cur.text, cur.pos)
    if m is not None:
        cur.pos = m.end()
        return Comment(m.group(1))
    inner = cur.comment()[1:-1]
    return Comment(_QUOTED_PAIR_RE.sub(r"\1", inner) if "\\" in inner else inner)


def write_comment(value: Comment) -> str:
    """Escape backslashes and unbalanced parentheses; balanced ones become nested comments."""
    text = value.text
    if "\\" not in text and "(" not in text and ")" not in text:
        return f"({text})"
    opened: list[int] = []
    escape: set[int] = set()
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")":
            if opened:
                opened.pop()
            else:
                escape.add(i)
        elif ch == "\\":
            escape.add(i)
    escape.update(opened)
    return "(" + "".join("\\" + ch if i in escape else ch for i, ch in enumerate(text)) + ")"


def _product(cur: Cursor) -> Product:
    m = _PRODUCT_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a product name")
    cur.pos = m.end()
    if m.group(2) is None and cur.peek() == "/":
        cur.pos += 1
        raise cur.unexpected("a product version after '/'")
    return Product(m.group(1), m.group(2))


def parse(raw: str) -> tuple[Product | Comment, ...]:
    """Fast path: one regex per item; nested or escaped comments and errors take the cursor."""
    m = _PRODUCT_RE.match(raw)
    if m is None or raw[m.end():m.end() + 1] == "/":
        return _parse_with_cursor(raw)
    items: list[Product | Comment] = [Product(m.group(1), m.group(2))]
    pos, end, match = m.end(), len(raw), _NEXT_ITEM_RE.match
    while pos < end:
        m = match(raw, pos)
        if m is None:
            return _parse_with_cursor(raw)
        name, version, comment = m.groups()  # one call, not two group() calls
        items.append(Comment(comment) if name is None else Product(name, version))
        pos = m.end()
    return tuple(items)


def _parse_with_cursor(raw: str) -> tuple[Product | Comment, ...]:
    cur = Cursor(raw)
    items: list[Product | Comment] = [_product(cur)]
    while not cur.at_end():
        if cur.peek() not in " \t":
            raise cur.unexpected("whitespace before the next product or comment")
        cur.skip_ows()
        items.append(parse_comment(cur) if cur.peek() == "(" else _product(cur))
    return tuple(items)


def write(value: tuple[Product | Comment, ...]) -> str:
    return " ".join(str(item) for item in value)


USER_AGENT = FieldSpec(
    "User-Agent", parse, write, "RFC 9110, 10.1.5", value_type="tuple[Product | Comment, ...]",
    example="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
SERVER = FieldSpec("Server", parse, write, "RFC 9110, 10.2.4",
                   value_type="tuple[Product | Comment, ...]",
                   example="Apache/2.4.62 (Debian) OpenSSL/3.0.15")
