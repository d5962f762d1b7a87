"""Link: typed links from the response's context to other resources (RFC 8288, 3).

    Link       = #link-value
    link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )
    link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
    rel        = relation-type / DQUOTE relation-type *( 1*SP relation-type ) DQUOTE
    relation-type = reg-rel-type / ext-rel-type       ; a name, or an absolute URI
    title*     = ext-value                            ; RFC 8187, 3.2
    ext-value  = charset "'" [ language ] "'" value-chars

Every parameter is kept in order (names lower-cased); `rel`, `anchor` and `title` read the
first occurrence, since "occurrences after the first MUST be ignored by parsers" (3.3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list, quote
from ._shared.content import list_lint
from ._shared.json import JSON, to_json
from ._shared.rfc8187 import ExtValue, charset_note, parse_ext_value, write_ext_value
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.uri import Uri, UriReference, parse_uri_reference, write_uri_reference
from ._shared.value import value_type

_REG_REL_TYPE_RE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")
_SINGLE = ("rel", "anchor", "title", "title*", "type", "media")


@value_type
class LinkParam:
    name: str  # lower-cased
    value: str | ExtValue | None  # None for a bare name; ExtValue for a name ending in "*"


@value_type
class Link:
    target: UriReference
    params: tuple[LinkParam, ...] = ()

    def _first(self, name: str) -> str | ExtValue | None:
        return next((p.value for p in self.params if p.name == name), None)

    @property
    def rel(self) -> tuple[str, ...]:
        # relation types "MUST be compared ... in a case-insensitive fashion" (2.1)
        value = self._first("rel")
        return tuple(value.lower().split()) if isinstance(value, str) else ()

    @property
    def anchor(self) -> UriReference | None:
        value = self._first("anchor")
        return parse_uri_reference(value) if isinstance(value, str) else None

    @property
    def title(self) -> str | None:
        star, plain = self._first("title*"), self._first("title")
        # "processors SHOULD use the "title*" parameter's value in preference to the
        # "title" parameter's value" (3.4.1)
        if isinstance(star, ExtValue) and (star.decoded or not isinstance(plain, str)):
            return star.text  # a charset not decoded here leaves "title" preferred, if sent
        return plain if isinstance(plain, str) else None

    def __json__(self) -> JSON:
        return {"target": to_json(self.target), "rel": list(self.rel),
                "anchor": to_json(self.anchor), "title": self.title,
                "params": to_json(self.params)}


def _is_relation_type(rel: str) -> bool:
    if _REG_REL_TYPE_RE.fullmatch(rel):
        return True
    try:
        return isinstance(parse_uri_reference(rel), Uri)
    except FieldError:
        return False


def _check(name: str, text: str) -> None:
    """Validate a known parameter's value; positions are offsets into `text`."""
    if name == "anchor":
        parse_uri_reference(text)
    elif name == "rel":
        if not text.strip(" "):
            raise FieldError("rel needs at least one relation type", 0)
        for m in re.finditer(r"[^ ]+", text):
            if not _is_relation_type(m.group()):
                raise FieldError(f"relation type {m.group()!r} is neither a name nor an "
                                 "absolute URI", m.start())


def _param(cur: Cursor) -> LinkParam:
    name = cur.token("a link parameter name such as 'rel'").lower()
    if not cur.equals():
        return LinkParam(name, None)
    start = cur.pos
    if name.endswith("*"):
        if cur.peek() == '"':
            raise cur.error(f"the value of {name} is an RFC 8187 ext-value and is not quoted")
        text = cur.token(f"an RFC 8187 value for {name}")
        return LinkParam(name, parse_ext_value(text, start))
    quoted = cur.peek() == '"'
    text = cur.token_or_quoted(f"a value for {name}")
    try:
        _check(name, text)
    except FieldError as exc:
        # an offset into `text` is one into raw unless a quoted-pair moved the characters
        exact = cur.pos - start - 2 * quoted == len(text) and exc.position is not None
        pos = start + quoted + (exc.position or 0) if exact else start
        raise FieldError(exc.reason, pos) from None
    return LinkParam(name, text)


def _link_value(cur: Cursor) -> Link:
    opened, close = cur.bracketed()
    target = parse_uri_reference(cur.text, opened, close)
    params: list[LinkParam] = []
    while cur.parameter():
        params.append(_param(cur))
    return Link(target, tuple(params))


def parse(raw: str) -> tuple[Link, ...]:
    return parse_list(raw, _link_value, at_least_one=False)


def _write_param(p: LinkParam) -> str:
    if p.value is None:
        return f"; {p.name}"
    text = write_ext_value(p.value) if isinstance(p.value, ExtValue) else quote(p.value)
    return f"; {p.name}={text}"


def write(value: tuple[Link, ...]) -> str:
    return ", ".join(f"<{write_uri_reference(link.target)}>" +
                     "".join(_write_param(p) for p in link.params) for link in value)


def lint(value: tuple[Link, ...], raw: str) -> Iterator[Diagnostic]:
    for link in value:
        names = [p.name for p in link.params]
        for name in _SINGLE:
            if names.count(name) > 1:
                yield Diagnostic(f"<{write_uri_reference(link.target)}>: {name!r} appears "
                                 f"{names.count(name)} times; only the first counts")
        if "rel" not in names:
            yield Diagnostic(f"<{write_uri_reference(link.target)}> has no 'rel': its "
                             "relation type is unknown")
        for p in link.params:  # RFC 8187, 3.2.1: "Producers MUST use the "UTF-8" ..."
            note = charset_note(p.value) if isinstance(p.value, ExtValue) else None
            if note is not None:
                yield Diagnostic(f"<{write_uri_reference(link.target)}>: {p.name}: {note}")


LINK = FieldSpec("Link", parse, write, "RFC 8288, 3", kind=Kind.LIST,
                 value_type="tuple[Link, ...]", lint=list_lint(lint, angles=True),
                 example='</style.css>; rel=preload; as=style, <https://example.com/>; '
                         'rel="canonical"')
