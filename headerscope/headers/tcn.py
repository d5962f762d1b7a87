"""Transparent content negotiation's request and response fields: Accept-Features, Negotiate,
TCN and Variant-Vary (RFC 2295, 8.2, 8.4 to 8.6; an Experimental RFC whose fields IANA lists as
permanent). Alternates, the variant list (8.3), is in alternates.py.

    Accept-Features = "Accept-Features" ":"                               ; 8.2
                #( feature-expr *( ";" feature-extension ) )
    feature-expr = [ "!" ] ftag
                 | ftag ( "=" | "!=" ) tag-value
                 | ftag "=" "{" tag-value "}"
                 | "*"
    feature-extension = token [ "=" ( token | quoted-string ) ]
    ftag = token | quoted-string                                          ; 6.1
    tag-value = token | quoted-string                                     ; 6.1.1

    Negotiate = "Negotiate" ":" 1#negotiate-directive                     ; 8.4
    negotiate-directive = "trans" | "vlist" | "guess-small" | rvsa-version
                        | "*" | negotiate-extension
    negotiate-extension = token [ "=" token ]
    rvsa-version = major "." minor                                        ; 7.1
    major = 1*4DIGIT
    minor = 1*4DIGIT

    TCN = "TCN" ":" #( response-type | server-side-override-directive     ; 8.5
                     | tcn-extension )
    response-type = "list" | "choice" | "adhoc"
    server-side-override-directive = "re-choose" | "keep"
    tcn-extension = token [ "=" ( token | quoted-string ) ]

    Variant-Vary = "Variant-Vary" ":" ( "*" | 1#field-name )             ; 8.6

Read from verbatim quotations (8.2 and 8.4 in suikawiki-data's RFC 2295 notes; 8.5 and the rules
of 6 and 7.1 in a Prolog module quoting the ABNF, their sections named by a PEG transcription of
RFC 2295 that agrees with it; 8.6 in a Haskell module quoting it with its section, and the PEG
transcription agrees). The grammar is RFC 2616's: its literals are case-insensitive (the defined
names are lower-cased, extensions kept as sent), and white space is implied between elements
("paper = A4" is 8.2's own example), so OWS is read around ";", "=", "!=" and inside "{...}".
"!" is a token character, so `a!=b` is read as the tag "a", "!=", "b", as the examples mean, and
`!a` as "a" absent. An rvsa-version is also a token: Negotiate's members are all `token [ "="
token ]`.

Variant-Vary: field names are case-insensitive and lower-cased. "*" is also a token, so "*"
among other names reads as a field name: it gets a warning, as Vary's does.
"""


from __future__ import annotations

import enum
from collections.abc import Iterator

from ..grammar import Cursor, parse_list, quote, quote_string
from ._shared.content import (
    list_lint,
    token_list_field,
)
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

_TCN_NAMES = frozenset({"list", "choice", "adhoc", "re-choose", "keep"})
_NEGOTIATE_NAMES = frozenset({"trans", "vlist", "guess-small"})


@value_type
class TcnDirective:
    """`token [ "=" ( token | quoted-string ) ]`: a TCN or Negotiate member, or a feature
    extension; the names RFC 2295 defines are lower-cased, others kept as sent."""

    name: str
    value: str | None = None


class FeatureOp(enum.Enum):
    PRESENT = "present"  # ftag
    ABSENT = "absent"  # !ftag
    EQUALS = "equals"  # ftag=V: present with the value V
    NOT_EQUALS = "not-equals"  # ftag!=V: present, but not with V
    ONLY = "only"  # ftag={V}: present with V and no other value
    MORE = "more"  # "*": the header does not describe the whole feature set


@value_type
class FeatureExpr:
    op: FeatureOp
    tag: str = ""  # "" for MORE
    value: str | None = None  # for EQUALS, NOT_EQUALS and ONLY
    extensions: tuple[TcnDirective, ...] = ()


# -- the `token [ "=" ... ]` members -----------------------------------------------------------

def directive(cur: Cursor, defined: frozenset[str], *, quoted: bool) -> TcnDirective:
    name = cur.token("a directive (a token)")
    if name.lower() in defined:
        name = name.lower()
    if not cur.equals():
        return TcnDirective(name)
    if quoted:
        return TcnDirective(name, cur.token_or_quoted("a value (a token or a quoted-string)"))
    return TcnDirective(name, cur.token("a value (a token)"))


def write_directive(d: TcnDirective) -> str:
    if d.value is None:
        return d.name
    # proxy-rvsa's defined form is quoted: `"proxy-rvsa" "=" <"> 0#rvsa-version <">`
    return f"{d.name}={quote_string(d.value) if d.name == 'proxy-rvsa' else quote(d.value)}"


def parse_tcn(raw: str) -> tuple[TcnDirective, ...]:
    return parse_list(raw, lambda cur: directive(cur, _TCN_NAMES, quoted=True))


def parse_negotiate(raw: str) -> tuple[TcnDirective, ...]:
    return parse_list(raw, lambda cur: directive(cur, _NEGOTIATE_NAMES, quoted=False),
                      at_least_one=True, what="Negotiate")


def write_directives(value: tuple[TcnDirective, ...]) -> str:
    return ", ".join(write_directive(d) for d in value)


# -- Accept-Features ---------------------------------------------------------------------------

def ftag(cur: Cursor) -> tuple[str, bool]:
    """A feature tag, and whether it was quoted."""
    if cur.peek() == '"':
        return cur.quoted_string(), True
    start = cur.pos
    tag = cur.token("a feature tag (a token or a quoted-string)")
    if tag.endswith("!") and cur.peek() == "=":  # `tag!=value`: the "!" is the operator's
        tag, cur.pos = tag[:-1], cur.pos - 1
        if not tag:
            raise FieldError("expected a feature tag before '!='", start)
    return tag, False


def _feature(cur: Cursor) -> FeatureExpr:
    if cur.take("!"):
        expr = FeatureExpr(FeatureOp.ABSENT, ftag(cur)[0])
    else:
        tag, quoted = ftag(cur)
        save = cur.pos
        cur.skip_ows()
        if cur.take("!"):
            cur.expect("=")
            cur.skip_ows()
            expr = FeatureExpr(FeatureOp.NOT_EQUALS, tag, cur.token_or_quoted("a tag value"))
        elif cur.take("="):
            cur.skip_ows()
            if cur.take("{"):
                cur.skip_ows()
                value = cur.token_or_quoted("a tag value")
                cur.skip_ows()
                cur.expect("}")
                expr = FeatureExpr(FeatureOp.ONLY, tag, value)
            else:
                expr = FeatureExpr(FeatureOp.EQUALS, tag, cur.token_or_quoted("a tag value"))
        else:
            cur.pos = save
            more = tag == "*" and not quoted  # "*", not the tag spelled "\"*\""
            expr = FeatureExpr(FeatureOp.MORE) if more else FeatureExpr(FeatureOp.PRESENT, tag)
    extensions: list[TcnDirective] = []
    while cur.parameter():
        extensions.append(directive(cur, frozenset(), quoted=True))
    if extensions:
        return FeatureExpr(expr.op, expr.tag, expr.value, tuple(extensions))
    return expr


def parse_accept_features(raw: str) -> tuple[FeatureExpr, ...]:
    return parse_list(raw, _feature)


def _write_tag(tag: str) -> str:
    # "*", and a tag that starts or ends with "!", is quoted: bare, it would read back as "*",
    # as "!tag" (absent) or as "tag" and "!="
    odd = tag == "*" or tag.startswith("!") or tag.endswith("!")
    return quote_string(tag) if odd else quote(tag)


_OPS = {FeatureOp.EQUALS: "=", FeatureOp.NOT_EQUALS: "!="}


def _write_feature(e: FeatureExpr) -> str:
    if e.op is FeatureOp.MORE:
        text = "*"
    elif e.op is FeatureOp.ABSENT:
        text = "!" + _write_tag(e.tag)
    elif e.op is FeatureOp.PRESENT or e.value is None:
        text = _write_tag(e.tag)
    elif e.op is FeatureOp.ONLY:
        text = f"{_write_tag(e.tag)}={{{quote(e.value)}}}"
    else:
        text = f"{_write_tag(e.tag)}{_OPS[e.op]}{quote(e.value)}"
    return text + "".join(";" + write_directive(d) for d in e.extensions)


def write_accept_features(value: tuple[FeatureExpr, ...]) -> str:
    return ", ".join(_write_feature(e) for e in value)


ACCEPT_FEATURES = FieldSpec(
    "Accept-Features", parse_accept_features, write_accept_features, "RFC 2295, 8.2",
    kind=Kind.LIST, value_type="tuple[FeatureExpr, ...]", lint=list_lint(),
    example='blex, !blebber, colordepth={5}, !screenwidth, paper = A4, paper!="A2", '
            "x-version=104, *")
NEGOTIATE = FieldSpec("Negotiate", parse_negotiate, write_directives, "RFC 2295, 8.4",
                      kind=Kind.LIST, value_type="tuple[TcnDirective, ...]", lint=list_lint(),
                      example="1.0, 2.5")
TCN = FieldSpec("TCN", parse_tcn, write_directives, "RFC 2295, 8.5", kind=Kind.LIST,
                value_type="tuple[TcnDirective, ...]", lint=list_lint(), example="list, re-choose")


def lint_variant_vary(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    if "*" in value and len(value) > 1:
        yield Diagnostic("'*' stands alone (\"*\" | 1#field-name): beside other names it reads "
                         "as a field name, and '*' alone already says the variant varies on "
                         "anything", raw.find("*"))


VARIANT_VARY = token_list_field("Variant-Vary", "RFC 2295, 8.6", lower=True, at_least_one=True,
                                lint=lint_variant_vary, example="Accept-Language")
