"""Alternates: a transparently negotiated resource's variant list (RFC 2295, 8.3; an
Experimental RFC whose fields IANA lists as permanent). The other fields of transparent
content negotiation, Accept-Features, Negotiate, TCN and Variant-Vary, are in tcn.py.

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

    rvsa-version = major "." minor                                        ; 7.1

Read from verbatim quotations (8.3 and the rules of 3, 5.1, 6 and 7.1 in a Prolog module
quoting the ABNF, their sections named by a PEG transcription of RFC 2295 that agrees with it).
The grammar is RFC 2616's: its literals are case-insensitive (the defined names are
lower-cased, extensions kept as sent), and white space is implied between elements, so OWS is
read around "=" and inside "{...}". ftag and tag-value are tcn.py's (6.1).

Alternates: a variant's URI is kept as written (checked as a URI-reference), its attributes as
their names (the defined ones lower-cased) and their checked text. In a feature-list, white
space separates the elements (`1%`), so none is read inside a predicate. `proxy-rvsa="x"` also
matches extension-list-directive, so it parses; it gets a warning when its value is not a list
of rvsa-versions. Empty list elements get list_lint's warning, found by the list walk told of
braces (`members(raw, braces=True)`): a comma inside a variant (in its URI, in an attribute)
separates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..grammar import Cursor, parse_list
from ._shared.content import (
    empty_element_note,
    parse_media_type_name,
    parse_parameters,
    qvalue,
)
from ._shared.json import decimal_text
from ._shared.rfc8187 import LANGUAGE_TAG_RE, language_error
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.uri import parse_uri_reference
from ._shared.value import value_type
from .tcn import TcnDirective, directive, ftag, write_directive

_ATTRIBUTES = frozenset({"type", "charset", "language", "length", "features", "description"})
_QVALUE_TEXT_RE = re.compile(r"[0-9.]+")
_RANGE_RE = re.compile(r"[0-9]*-[0-9]*")
_SHORT_FLOAT_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{0,3})?")
_RVSA_LIST_RE = re.compile(r"[ \t,]*(?:[0-9]{1,4}\.[0-9]{1,4}(?:[ \t]*,[ \t,]*|[ \t]*$))*")
# extension-value: tchar, LWS and the tspecials but <"> and "}" (quoted-strings aside)
_EXTENSION_RUN_RE = re.compile(r"[!#-|~ \t]*")


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


# -- Alternates -------------------------------------------------------------------------------

def _skip_lws(cur: Cursor) -> bool:
    start = cur.pos
    cur.skip_ows()
    return cur.pos > start


def _fpred(cur: Cursor) -> None:
    if cur.take("!"):
        ftag(cur)
        return
    ftag(cur)
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
    return directive(cur, frozenset({"proxy-rvsa"}), quoted=True)


def parse_alternates(raw: str) -> tuple[Variant | TcnDirective, ...]:
    return parse_list(raw, _alternate, at_least_one=True, what="Alternates")


def _write_attribute(a: VariantAttribute) -> str:
    return f"{{{a.name} {a.value}}}" if a.value else f"{{{a.name}}}"


def _write_alternate(v: Variant | TcnDirective) -> str:
    if isinstance(v, TcnDirective):
        return write_directive(v)
    if v.quality is None:
        return f'{{"{v.uri}"}}'
    attributes = "".join(" " + _write_attribute(a) for a in v.attributes)
    return f'{{"{v.uri}" {decimal_text(v.quality)}{attributes}}}'


def write_alternates(value: tuple[Variant | TcnDirective, ...]) -> str:
    return ", ".join(_write_alternate(v) for v in value)


def lint_alternates(value: tuple[Variant | TcnDirective, ...], raw: str) -> Iterator[Diagnostic]:
    note = empty_element_note(raw, braces=True)
    if note is not None:
        yield note
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
