"""Transparent content negotiation's request and response fields: Accept-Features, Alternates,
Negotiate, TCN and Variant-Vary (RFC 2295, 8.2 to 8.6; an Experimental RFC whose fields IANA
lists as permanent).

    Accept-Features = "Accept-Features" ":"                               ; 8.2
                #( feature-expr *( ";" feature-extension ) )
    feature-expr = [ "!" ] ftag
                 | ftag ( "=" | "!=" ) tag-value
                 | ftag "=" "{" tag-value "}"
                 | "*"
    feature-extension = token [ "=" ( token | quoted-string ) ]
    ftag = token | quoted-string                                          ; 6.1
    tag-value = token | quoted-string                                     ; 6.1.1

    Alternates = "Alternates" ":" variant-list                           ; 8.3
    variant-list = 1#( variant-description | fallback-variant | list-directive )
    fallback-variant = "{" <"> URI <"> "}"
    list-directive = ( "proxy-rvsa" "=" <"> 0#rvsa-version <"> )
                   | extension-list-directive
    extension-list-directive = token [ "=" ( token | quoted-string ) ]
    variant-description =                                                 ; 5.1
            "{" <"> URI <"> source-quality *variant-attribute"}"
    source-quality = qvalue
    variant-attribute = "{" "type" media-type "}"
                      | "{" "charset" charset "}"
                      | "{" "language"  1#language-tag "}"
                      | "{" "length" 1*DIGIT "}"
                      | "{" "features" feature-list "}"
                      | "{" "description" quoted-string [ language-tag ] "}"
                      | extension-attribute
    extension-attribute = "{" extension-name extension-value "}"
    extension-name = token
    extension-value = *( token | quoted-string | LWS | extension-specials )
    extension-specials = <any element of tspecials except <"> and "}">
    fpred = [ "!" ] ftag                                                  ; 6.3
          | ftag ( "=" | "!=" ) tag-value
          | ftag "=" "[" numeric-range "]"
    numeric-range = [ number ] "-" [ number ]
    number = 1*DIGIT
    feature-list = 1%feature-list-element                                 ; 6.4
    feature-list-element = ( fpred | fpred-bag )
                           [ ";" [ "+" true-improvement  ]
                                 [ "-" false-degradation ]
                           ]
    fpred-bag = "[" 1%fpred "]"
    true-improvement = short-float
    false-degradation = short-float
    short-float = 1*3DIGIT [ "." 0*3DIGIT ]                               ; 3
    1%rule = rule *( 1*LWS rule )

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

Read from verbatim quotations (8.2 and 8.4 in suikawiki-data's RFC 2295 notes; 8.3, 8.5 and
the rules of 3, 5.1, 6 and 7.1 in a Prolog module quoting the ABNF, their sections named by a
PEG transcription of RFC 2295 that agrees with it; 8.6 in a Haskell module quoting it with its
section, and the PEG transcription agrees). The
grammar is RFC 2616's: its literals are case-insensitive (the defined names are lower-cased,
extensions kept as sent), and white space is implied between elements ("paper = A4" is 8.2's
own example), so OWS is read around ";", "=", "!=" and inside "{...}". "!" is a token
character, so `a!=b` is read as the tag "a", "!=", "b", as the examples mean, and `!a` as "a"
absent. An rvsa-version is also a token: Negotiate's members are all `token [ "=" token ]`.

Alternates: a variant's URI is kept as written (checked as a URI-reference), its attributes as
their names (the defined ones lower-cased) and their checked text. In a feature-list, white
space separates the elements (`1%`), so none is read inside a predicate. `proxy-rvsa="x"` also
matches extension-list-directive, so it parses; it gets a warning when its value is not a list
of rvsa-versions. Empty list elements get list_lint's warning, found by a walk that knows
braces and quoted-strings: a comma inside a variant (in its URI, in an attribute) separates
nothing.

Variant-Vary: field names are case-insensitive and lower-cased. "*" is also a token, so "*"
among other names reads as a field name: it gets a warning, as Vary's does.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from decimal import Decimal

from ..grammar import Cursor, parse_list, quote, quote_string
from ._shared.content import (
    EMPTY_ELEMENTS,
    list_lint,
    parse_media_type_name,
    parse_parameters,
    qvalue,
    token_list_field,
)
from ._shared.json import decimal_text
from ._shared.rfc8187 import LANGUAGE_TAG_RE, language_error
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.uri import parse_uri_reference
from ._shared.value import value_type

_TCN_NAMES = frozenset({"list", "choice", "adhoc", "re-choose", "keep"})
_NEGOTIATE_NAMES = frozenset({"trans", "vlist", "guess-small"})
_ATTRIBUTES = frozenset({"type", "charset", "language", "length", "features", "description"})
_QVALUE_TEXT_RE = re.compile(r"[0-9.]+")
_RANGE_RE = re.compile(r"[0-9]*-[0-9]*")
_SHORT_FLOAT_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{0,3})?")
_RVSA_LIST_RE = re.compile(r"[ \t,]*(?:[0-9]{1,4}\.[0-9]{1,4}(?:[ \t]*,[ \t,]*|[ \t]*$))*")
# extension-value: tchar, LWS and the tspecials but <"> and "}" (quoted-strings aside)
_EXTENSION_RUN_RE = re.compile(r"[!#-|~ \t]*")


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


@value_type
class VariantAttribute:
    name: str  # type, charset, language, length, features, description, or an extension's
    value: str = ""  # its text, checked, without the surrounding white space


@value_type
class Variant:
    """A variant-description, or (with no quality) a fallback-variant."""

    uri: str  # as written, between the quotes
    quality: Decimal | None = None  # source-quality; None for the fallback variant
    attributes: tuple[VariantAttribute, ...] = ()


# -- the `token [ "=" ... ]` members -----------------------------------------------------------

def _directive(cur: Cursor, defined: frozenset[str], *, quoted: bool) -> TcnDirective:
    name = cur.token("a directive (a token)")
    if name.lower() in defined:
        name = name.lower()
    save = cur.pos
    cur.skip_ows()
    if not cur.take("="):
        cur.pos = save
        return TcnDirective(name)
    cur.skip_ows()
    if quoted:
        return TcnDirective(name, cur.token_or_quoted("a value (a token or a quoted-string)"))
    return TcnDirective(name, cur.token("a value (a token)"))


def _write_directive(d: TcnDirective) -> str:
    if d.value is None:
        return d.name
    # proxy-rvsa's defined form is quoted: `"proxy-rvsa" "=" <"> 0#rvsa-version <">`
    return f"{d.name}={quote_string(d.value) if d.name == 'proxy-rvsa' else quote(d.value)}"


def parse_tcn(raw: str) -> tuple[TcnDirective, ...]:
    return parse_list(raw, lambda cur: _directive(cur, _TCN_NAMES, quoted=True))


def parse_negotiate(raw: str) -> tuple[TcnDirective, ...]:
    return parse_list(raw, lambda cur: _directive(cur, _NEGOTIATE_NAMES, quoted=False),
                      at_least_one=True, what="Negotiate")


def write_directives(value: tuple[TcnDirective, ...]) -> str:
    return ", ".join(_write_directive(d) for d in value)


# -- Accept-Features ---------------------------------------------------------------------------

def _ftag(cur: Cursor) -> tuple[str, bool]:
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
        expr = FeatureExpr(FeatureOp.ABSENT, _ftag(cur)[0])
    else:
        tag, quoted = _ftag(cur)
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
        extensions.append(_directive(cur, frozenset(), quoted=True))
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
    return text + "".join(";" + _write_directive(d) for d in e.extensions)


def write_accept_features(value: tuple[FeatureExpr, ...]) -> str:
    return ", ".join(_write_feature(e) for e in value)


# -- Alternates -------------------------------------------------------------------------------

def _skip_lws(cur: Cursor) -> bool:
    start = cur.pos
    cur.skip_ows()
    return cur.pos > start


def _fpred(cur: Cursor) -> None:
    if cur.take("!"):
        _ftag(cur)
        return
    _ftag(cur)
    if cur.take("!"):
        cur.expect("=")
        cur.token_or_quoted("a tag value")
    elif cur.take("="):
        if cur.take("["):
            m = _RANGE_RE.match(cur.text, cur.pos)
            if m is None:
                raise cur.unexpected("a numeric range such as 4-6")
            cur.pos = m.end()
            cur.expect("]")
        else:
            cur.token_or_quoted("a tag value or '[' and a numeric range")


def _short_float(cur: Cursor, what: str) -> None:
    m = _SHORT_FLOAT_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected(what)
    cur.pos = m.end()


def _feature_list(cur: Cursor) -> None:
    """`1%feature-list-element`, up to the closing "}"."""
    while True:
        if cur.take("["):
            _fpred(cur)
            while _skip_lws(cur) and cur.peek() != "]":
                _fpred(cur)
            cur.expect("]")
        else:
            _fpred(cur)
        if cur.take(";"):
            if cur.take("+"):
                _short_float(cur, "a true-improvement such as 1.5")
            if cur.take("-"):
                _short_float(cur, "a false-degradation such as 0.5")
        if not _skip_lws(cur) or cur.peek() == "}":
            return


def _language_tags(cur: Cursor) -> None:
    while True:
        start = cur.pos
        tag = cur.token("a language tag such as en-US")
        if LANGUAGE_TAG_RE.fullmatch(tag) is None:
            raise language_error(tag, start)
        cur.skip_ows()
        if not cur.take(","):
            return
        cur.skip_ows()


def _attribute_value(cur: Cursor, name: str) -> None:
    if name == "type":
        parse_media_type_name(cur)
        parse_parameters(cur)
    elif name == "charset":
        cur.token("a charset")
    elif name == "language":
        _language_tags(cur)
    elif name == "length":
        cur.digits("a length in octets")
    elif name == "features":
        _feature_list(cur)
    elif name == "description":
        cur.quoted_string()
        if _skip_lws(cur) and cur.peek() != "}":
            _language_tags(cur)
    else:  # extension-value: anything but <"> and "}" outside quoted-strings
        while True:
            m = _EXTENSION_RUN_RE.match(cur.text, cur.pos)
            cur.pos = cur.pos if m is None else m.end()
            if cur.peek() != '"':
                return
            cur.quoted_string()


def _attribute(cur: Cursor) -> VariantAttribute:
    cur.expect("{")
    cur.skip_ows()
    name = cur.token("an attribute name such as type or language")
    if name.lower() in _ATTRIBUTES:
        name = name.lower()
        if not _skip_lws(cur):
            raise cur.unexpected(f"white space, then the {name} value")
    else:
        cur.skip_ows()
    start = cur.pos
    _attribute_value(cur, name)
    end = cur.pos
    cur.skip_ows()
    cur.expect("}")
    return VariantAttribute(name, cur.text[start:end].rstrip(" \t"))


def _variant(cur: Cursor) -> Variant:
    cur.expect("{")
    cur.skip_ows()
    if cur.peek() != '"':
        raise cur.unexpected("'\"' and the variant's URI")
    start = cur.pos + 1
    close = cur.text.find('"', start)
    if close < 0:
        raise cur.error("the URI's '\"' is not closed", start - 1)
    parse_uri_reference(cur.text, start, close)
    uri, cur.pos = cur.text[start:close], close + 1
    cur.skip_ows()
    if cur.take("}"):
        return Variant(uri)
    m = _QVALUE_TEXT_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("the source quality (a q-value such as 0.9) or '}'")
    quality, cur.pos = qvalue(m.group(), m.start()), m.end()
    attributes: list[VariantAttribute] = []
    while True:
        cur.skip_ows()
        if cur.take("}"):
            return Variant(uri, quality, tuple(attributes))
        if cur.peek() != "{":
            raise cur.unexpected("an attribute '{...}' or '}'")
        attributes.append(_attribute(cur))


def _alternate(cur: Cursor) -> Variant | TcnDirective:
    if cur.peek() == "{":
        return _variant(cur)
    return _directive(cur, frozenset({"proxy-rvsa"}), quoted=True)


def parse_alternates(raw: str) -> tuple[Variant | TcnDirective, ...]:
    return parse_list(raw, _alternate, at_least_one=True, what="Alternates")


def _write_attribute(a: VariantAttribute) -> str:
    return f"{{{a.name} {a.value}}}" if a.value else f"{{{a.name}}}"


def _write_alternate(v: Variant | TcnDirective) -> str:
    if isinstance(v, TcnDirective):
        return _write_directive(v)
    if v.quality is None:
        return f'{{"{v.uri}"}}'
    attributes = "".join(" " + _write_attribute(a) for a in v.attributes)
    return f'{{"{v.uri}" {decimal_text(v.quality)}{attributes}}}'


def write_alternates(value: tuple[Variant | TcnDirective, ...]) -> str:
    return ", ".join(_write_alternate(v) for v in value)


def _empty_alternates(raw: str) -> list[int]:
    """Where the empty elements are (the comma beside each), as `empty_elements` reports them,
    counting only the commas outside braces and quoted-strings."""
    found: list[int] = []
    depth, quoted, escaped, seen, last_comma = 0, False, False, False, -1
    for i, ch in enumerate(raw):
        if quoted:
            quoted, escaped = escaped or ch != '"', not escaped and ch == "\\"
        elif ch == '"':
            quoted, seen = True, True
        elif ch in "{}":
            depth += 1 if ch == "{" else -1
            seen = True
        elif ch == "," and depth == 0:
            if not seen:
                found.append(i)
            seen, last_comma = False, i
        elif ch not in " \t":
            seen = True
    if not seen and last_comma >= 0 and (not found or found[-1] != last_comma):
        found.append(last_comma)  # a trailing comma
    return found


def lint_alternates(value: tuple[Variant | TcnDirective, ...], raw: str) -> Iterator[Diagnostic]:
    empty = _empty_alternates(raw) if "," in raw else []
    if empty:
        count = f"{len(empty)} empty list elements" if len(empty) > 1 else "an empty list element"
        yield Diagnostic(f"{count}: \"{EMPTY_ELEMENTS}", empty[0])
    low, at = raw.lower(), -1  # each search starts after the last: one walk in all
    for v in value:
        if isinstance(v, TcnDirective) and v.name == "proxy-rvsa":
            found = low.find("proxy-rvsa", at + 1)
            at = found if found >= 0 else len(raw)
            if v.value is None or _RVSA_LIST_RE.fullmatch(v.value) is None:
                yield Diagnostic("proxy-rvsa's value is a quoted list of rvsa-versions such as "
                                 '"1.0, 2.5" (RFC 2295, 8.3)', found if found >= 0 else None)


ALTERNATES = FieldSpec(
    "Alternates", parse_alternates, write_alternates, "RFC 2295, 8.3", kind=Kind.LIST,
    value_type="tuple[Variant | TcnDirective, ...]", lint=lint_alternates,
    example='{"paper.1" 0.9 {type text/html} {language en}}, '
            '{"paper.2" 0.7 {type text/html} {language fr}}, proxy-rvsa="1.0, 2.5"')
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
