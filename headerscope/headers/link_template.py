"""Link-Template: links whose targets are URI Templates (RFC 9652, 2).

"Its value is a List of Strings. Each String is a URI Template, and Parameters on it carry
associated metadata", the target attributes of a Link (RFC 8288, 3.4):

    Link-Template = sf-list   ; "/{username}"; rel="item", "/books/{id}"; anchor="#{id}"
    rel      = sf-string      ; the relation types, separated by spaces
    anchor   = sf-string      ; the link context, itself a URI Template
    var-base = sf-string      ; a URI-reference that makes variable names URIs (2.1)

A member that is not a String, or not a URI Template (RFC 6570, 2), is an error; so is a rel,
anchor or var-base that is not a String, or an anchor that is not a template. A link without
rel is a warning, as in Link: its relation is unknown. Every parameter is kept, in order.

    URI-Template = *( literals / expression )               ; RFC 6570, 2
    expression   = "{" [ operator ] varspec *( "," varspec ) "}"
    varspec      = varname [ ":" max-length / "*" ]
"""

import re
from collections.abc import Iterator

from ._shared.frozen import EMPTY
from ._shared.sf_family import Issue, error, expect, sf_list_field, warning
from ._shared.spec import FieldError
from ._shared.uri import parse_uri_reference
from ._shared.value import value_type
from .sf import Item, List, Params

_VARCHAR = r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})"
_VARSPEC = rf"{_VARCHAR}(?:\.?{_VARCHAR})*(?::[1-9][0-9]{{0,3}}|\*)?"
_EXPRESSION = rf"\{{[+#./;?&]?{_VARSPEC}(?:,{_VARSPEC})*\}}"
# literals: any character but CTL, SP, DQUOTE, "'", "%" (except pct-encoded), "<", ">", "\",
# "^", "`", "{", "|" and "}"; a String holds only printable ASCII
_PIECE_RE = re.compile(rf"[!#$&(-;=?-\[\]_a-z~]+|%[0-9A-Fa-f]{{2}}|{_EXPRESSION}")
_RESERVED_OPERATORS = "=,!@|"
STRING_PARAMS = ("rel", "anchor", "var-base")


def template_error(template: str) -> str | None:
    """Why `template` is not a URI Template (RFC 6570, 2), or None if it is one."""
    pos = 0
    while pos < len(template):
        m = _PIECE_RE.match(template, pos)
        if m is None:
            ch = template[pos]
            if ch == "{" and template[pos + 1:pos + 2] in tuple(_RESERVED_OPERATORS):
                return (f"the operator {template[pos + 1]!r} at {pos + 1} is reserved for "
                        "future extensions (RFC 6570, 2.2)")
            if ch == "{":
                return f"malformed expression at {pos}: {{[operator]name[,name...]}}"
            if ch == "%":
                return f"'%' at {pos} must start a percent-encoding: '%' and two hex digits"
            return f"{ch!r} at {pos} is not allowed in a URI Template; percent-encode it"
        pos = m.end()
    return None


@value_type
class LinkTemplate:
    template: str  # a URI Template
    params: Params = EMPTY  # target attributes: rel, anchor, ...

    @property
    def rel(self) -> tuple[str, ...]:
        # relation types "MUST be compared ... in a case-insensitive fashion" (RFC 8288, 2.1)
        rel = self.params.get("rel")
        return tuple(rel.lower().split()) if isinstance(rel, str) else ()


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (str,), "each link template", i):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, str):
            yield from _link(i, member.value, member.params)


def _link(i: int, template: str, params: Params) -> Iterator[Issue]:
    if reason := template_error(template):
        yield error(f"{template!r} is not a URI Template: {reason}", i)
    for name in STRING_PARAMS:
        value = params.get(name)
        if value is None:
            continue
        if problem := expect(value, (str,), name, i, ";" + name):
            yield problem
        elif name == "anchor" and (reason := template_error(str(value))):
            yield error(f"anchor is not a URI Template: {reason}", i, ";anchor")
        elif name == "var-base":
            try:
                parse_uri_reference(str(value))
            except FieldError as exc:
                yield error(f"var-base is not a URI reference: {exc.reason}", i, ";var-base")
    if "rel" not in params:
        yield warning("a link template without rel: its relation type is unknown", i)


def _view(members: List) -> tuple[LinkTemplate, ...]:
    return tuple(LinkTemplate(m.value, m.params) for m in members
                 if isinstance(m, Item) and isinstance(m.value, str))


def _unview(links: tuple[LinkTemplate, ...]) -> List:
    return tuple(Item(link.template, link.params) for link in links)


LINK_TEMPLATE = sf_list_field(
    "Link-Template", "RFC 9652, 2", check=_check, view=_view, unview=_unview,
    value_type="tuple[LinkTemplate, ...]",
    example='"/{username}"; rel="item", "/books/{book_id}/author"; rel="author"')
