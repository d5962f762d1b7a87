"""Productions shared by the content group's fields: lists, weights, parameters, directives.

    #element           = [ element ] *( OWS "," OWS [ element ] )       ; RFC 9110, 5.6.1.2
    weight             = OWS ";" OWS "q=" qvalue                        ; RFC 9110, 12.4.2
    qvalue             = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    parameters         = *( OWS ";" OWS [ parameter ] )                 ; RFC 9110, 5.6.6
    parameter          = parameter-name "=" parameter-value             ; name* = RFC 8187
                                                  ; only where the field adopts it
    transfer-parameter = token BWS "=" BWS ( token / quoted-string )    ; RFC 9110, 10.1.4
    cache-directive    = token [ "=" ( token / quoted-string ) ]        ; RFC 9111, 5.2

Strategy: each production is one compiled expression matched at the cursor's position, and
when it does not match, the cursor walks the same production to name the first bad character.
`parse_list` (in _syntax) takes an optional fast path: one expression for a whole common
member *and* the separator after it (`text/html;q=0.9,`), so that a typical browser value costs one
`re.match` per member. Anything it does not match goes through the element's cursor walk,
which is the reference grammar; tests run every field with `FAST_PATHS = False` as well and
compare. q-values are exact `Decimal`s, cached by their spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar

from ...grammar import SEP, TOKEN_RE, Cursor, Fast, fast_token_list, parse_list, quote
from ...grammar.rules import DIRECTIVE, LIST_SEP, QDTEXT, QVALUE, TOKEN, WEIGHT
from .frozen import FrozenDict, frozen
from .json import decimal_text
from .rfc8187 import ExtValue, parse_ext_value, write_ext_value
from .spec import SLOW, Diagnostic, FieldError, FieldSpec, Kind, Lint
from .types import Q_ONE, Params, QualityItem

T = TypeVar("T")

_WEIGHT_RE = re.compile(r"[ \t]*;[ \t]*[qQ]=([0-9.]*)")
_QVALUE_RE = re.compile(QVALUE)
_Q_CACHE: dict[str, Decimal] = {}  # at most ~1100 spellings of a valid q-value
_PARAM_RE = re.compile(rf'[ \t]*;[ \t]*(?:({TOKEN})=(?:({TOKEN})|"({QDTEXT})"))?')
_QUOTED_PAIR_RE = re.compile(r"\\(.)", re.S)
_MEDIA_RE = re.compile(rf"({TOKEN})/({TOKEN})")
_DIRECTIVE_RE = re.compile(DIRECTIVE)
_TPARAM_RE = re.compile(rf'[ \t]*;[ \t]*({TOKEN})[ \t]*=[ \t]*(?:({TOKEN})|"({QDTEXT})")')


# -- lists -----------------------------------------------------------------------------------

class ElementOffsets:
    """Where the `index`-th non-empty member of a list that parsed starts, for a warning.

    One per value, asked for any number of members in any order: it walks the value once, as
    far as the furthest member asked for. (Walking from the start again for each member made
    a lint of n members cost n times the value: 10 s for a 16 KB `Expect: 1,1,1,...`.)
    """

    __slots__ = ("_found", "_raw", "_walk")

    def __init__(self, raw: str) -> None:
        self._raw = raw  # nothing walked yet: most lints find nothing to say
        self._walk: Iterator[int] | None = None
        self._found: list[int] = []

    def __call__(self, index: int) -> int | None:
        found = self._found
        if len(found) <= index:
            if self._walk is None:
                self._walk = element_offsets(self._raw)
            found.extend(islice(self._walk, index + 1 - len(found)))
            if len(found) <= index:
                return None
        return found[index]


def members(raw: str, *, comments: bool = False, angles: bool = False,
            braces: bool = False) -> Iterator[tuple[int, int]]:
    """(start, end) of each member of a `#` list that parsed: `start` is where its first
    character is (-1 for an empty member), `end` where the comma after it is (len(raw) for
    the last one).

    The one walk of a list's top-level commas: commas inside a quoted-string do not separate
    members, nor (with `comments`) inside a comment, as in Via, nor (with `angles`) inside
    `<...>`, as in Link's URI-references, nor (with `braces`) inside `{...}`, nested and
    holding quoted-strings, as in Alternates' variant descriptions. A per-character walk:
    callers make it only once a warning is certain, or likely.
    """
    depth, braced, quoted, angled, start = 0, 0, False, False, -1
    i, end = 0, len(raw)
    while i < end:
        ch = raw[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif depth:
            if ch == "\\":
                i += 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
        elif braced:
            quoted = ch == '"'  # a quoted-string inside the braces; back to them after it
            braced += (ch == "{") - (ch == "}")
        elif angled:
            angled = ch != ">"
        elif ch == ",":
            yield start, i
            start = -1
        elif ch not in " \t":
            if start < 0:
                start = i
            quoted = ch == '"'
            depth = 1 if comments and ch == "(" else 0
            braced = 1 if braces and ch == "{" else 0
            angled = angles and ch == "<"
        i += 1
    yield start, end


def element_offsets(raw: str) -> Iterator[int]:
    """Where each non-empty member of a list that parsed starts."""
    return (start for start, _ in members(raw) if start >= 0)


_MAYBE_EMPTY_RE = re.compile(r"\A[ \t]*,|,[ \t]*(?:,|\Z)")  # no match: no empty element
EMPTY_ELEMENTS = ("a sender MUST NOT generate empty list elements\" (RFC 9110, 5.6.1.1); a "
                  "recipient ignores them")


def empty_elements(raw: str, *, comments: bool = False, angles: bool = False,
                   braces: bool = False) -> list[int]:
    """Where the empty elements of a `#` list that parsed are: the comma beside each one (the
    comma before it, for an empty last member). `members` walks the value only when a cheap
    search says there may be an empty element."""
    if _MAYBE_EMPTY_RE.search(raw) is None:
        return []
    found: list[int] = []
    last_comma = -1
    for start, comma in members(raw, comments=comments, angles=angles, braces=braces):
        if start < 0 and comma < len(raw):
            found.append(comma)
        elif start < 0 and last_comma >= 0 and (not found or found[-1] != last_comma):
            found.append(last_comma)  # a trailing comma
        last_comma = comma
    return found


def empty_element_note(raw: str, *, comments: bool = False, angles: bool = False,
                       braces: bool = False) -> Diagnostic | None:
    """One warning for all the empty elements of a list value, at the first one, or None."""
    found = empty_elements(raw, comments=comments, angles=angles, braces=braces)
    if not found:
        return None
    count = f"{len(found)} empty list elements" if len(found) > 1 else "an empty list element"
    return Diagnostic(f"{count}: \"{EMPTY_ELEMENTS}", found[0])


def list_lint(lint: Lint | None = None, *, comments: bool = False,
              angles: bool = False) -> Lint:
    """`lint` (if any) with a warning for empty elements in front: the lint of a `#` list.

    "In any production that uses the list construct, a sender MUST NOT generate empty list
    elements" (RFC 9110, 5.6.1.1), while "a recipient MUST parse and ignore a reasonable
    number of empty list elements" (5.6.1.2): the value is valid, and the sender is told.
    """

    def checked(value: Any, raw: str) -> Iterable[Diagnostic]:
        note = empty_element_note(raw, comments=comments, angles=angles) if "," in raw else None
        if lint is None:
            return () if note is None else (note,)
        found = lint(value, raw)
        return found if note is None else (note, *found)

    return checked


# -- weights ---------------------------------------------------------------------------------

def qvalue(text: str, pos: int) -> Decimal:
    """An exact q-value from its spelling; `pos` is where `text` starts in the raw value."""
    q = _Q_CACHE.get(text)
    if q is None:
        if _QVALUE_RE.fullmatch(text) is None:
            m = _QVALUE_RE.match(text)
            raise FieldError("a weight is a q-value from 0 to 1 with at most three decimals, "
                             "e.g. q=0.8", pos + (m.end() if m else 0))
        q = _Q_CACHE[text] = Decimal(text)
    return q


def fast_q(text: str | None) -> Decimal:
    """The q-value of a `WEIGHT` group that matched (so it is valid), or Q_ONE."""
    if text is None:
        return Q_ONE
    q = _Q_CACHE.get(text)
    return q if q is not None else qvalue(text, 0)


def parse_weight(cur: Cursor) -> Decimal:
    """An optional `;q=` weight after a member; Q_ONE when there is none."""
    m = _WEIGHT_RE.match(cur.text, cur.pos)
    if m is not None:
        cur.pos = m.end()
        return qvalue(m.group(1), m.start(1))
    save = cur.pos
    cur.skip_ows()
    if cur.take(";"):
        cur.skip_ows()
        name = TOKEN_RE.match(cur.text, cur.pos)
        if name is not None and name.group() in ("q", "Q"):
            cur.pos = name.end()
            raise cur.unexpected("'=' right after 'q'")
        raise cur.unexpected("a weight 'q=...' (no other parameter is allowed here)")
    cur.pos = save
    return Q_ONE


def write_weight(q: Decimal) -> str:
    return "" if q == Q_ONE else f";q={decimal_text(q)}"


def weighted_list_field(name: str, ref: str, value: Callable[[Cursor], str], pattern: str, *,
                        lower: bool, example: str) -> FieldSpec[tuple[QualityItem, ...]]:
    """`#( value [ weight ] )`: Accept-Charset, -Encoding and -Language.

    `value` walks one value with the cursor; `pattern` is the same production as an
    expression, for the fast path. Each list may be empty: "An Accept-Encoding header field
    with a field value that is empty implies that the user agent does not want any content
    coding in response" (RFC 9110, 12.5.3).
    """

    def element(cur: Cursor) -> QualityItem:
        item = value(cur)
        return QualityItem(item, parse_weight(cur))

    def build(m: re.Match[str]) -> QualityItem:
        item, q = m.groups()
        return QualityItem(item, Q_ONE if q is None else fast_q(q))

    def build_lower(m: re.Match[str]) -> QualityItem:
        item, q = m.groups()
        return QualityItem(item.lower(), Q_ONE if q is None else fast_q(q))

    fast: Fast[QualityItem] = (re.compile(f"({pattern}){WEIGHT}{SEP}"),
                               build_lower if lower else build)

    def parse(raw: str) -> tuple[QualityItem, ...]:
        return parse_list(raw, element, fast=fast)

    def write(items: tuple[QualityItem, ...]) -> str:
        return ", ".join(item.value + write_weight(item.q) for item in items)

    # A plain list (members with at most a bare weight, commas with OWS) is checked with one
    # fullmatch and cut with str methods; anything else is left to parse.
    member = f"(?:{pattern})(?:;[qQ]=(?:{QVALUE}))?"
    whole = re.compile(f"{member}(?:{LIST_SEP}{member})*").fullmatch

    def fast_whole(raw: str) -> object:
        if whole(raw) is None:
            return SLOW
        items = []
        for text in (raw.lower() if lower else raw).split(","):  # no "," or ";" in a value
            item, _, q = text.strip(" \t").partition(";")
            items.append(QualityItem(item, Q_ONE if not q else fast_q(q[2:])))
        return tuple(items)

    return FieldSpec(name, parse, write, ref, kind=Kind.LIST, lint=list_lint(),
                     value_type="tuple[QualityItem, ...]", example=example, fast=fast_whole)


def token_list_field(name: str, ref: str, *, lower: bool, at_least_one: bool = False,
                     lint: Lint | None = None, example: str) -> FieldSpec[tuple[str, ...]]:
    """`#token` (or `1#token`); case-insensitive tokens are lower-cased (`lower`). Empty
    elements are warned of (`list_lint`), before what `lint` says."""

    def element(cur: Cursor) -> str:
        token = cur.token()
        return token.lower() if lower else token

    fast: Fast[str] = (re.compile(f"({TOKEN}){SEP}"),
                       (lambda m: m.group(1).lower()) if lower else (lambda m: m.group(1)))

    def parse(raw: str) -> tuple[str, ...]:
        return parse_list(raw, element, fast=fast, at_least_one=at_least_one)

    def write(value: tuple[str, ...]) -> str:
        return ", ".join(value)

    return FieldSpec(name, parse, write, ref, kind=Kind.LIST, value_type="tuple[str, ...]",
                     lint=list_lint(lint), example=example, fast=fast_token_list(lower))


# -- parameters --------------------------------------------------------------------------------

def parse_parameters(cur: Cursor, *, stop_at_q: bool = False,
                     ext_values: bool = False) -> Params:
    """`parameters`, names lower-cased.

    With `ext_values`, a `name*` value is an RFC 8187 ext-value, decoded. Only a field whose
    specification adopts RFC 8187 turns it on (Content-Disposition: `disp-ext-parm = token
    "=" value / ext-token "=" ext-value`, RFC 6266, 4.1); in RFC 9110's `parameters` a name
    ending in "*" is a token like any other, and its value a plain token or quoted-string
    (`charset*=x` is a parameter named "charset*").

    With `stop_at_q`, stop before a parameter named q, leaving it for `parse_weight`: "The
    first "q" parameter (if any) separates the media-range parameter(s) from the
    accept-params" (RFC 7231, 5.3.2).
    """
    params: dict[str, str | ExtValue] = {}  # frozen when done: values are immutable
    text = cur.text
    while True:
        m = _PARAM_RE.match(text, cur.pos)
        if m is None:
            return frozen(params)
        name = m.group(1)
        if name is None:  # an empty parameter: only ";", "," or the end may follow
            nxt = m.end()
            if nxt < cur.end and text[nxt] not in ",;":
                raise _parameter_error(cur, nxt)
            cur.pos = nxt
            continue
        name = name.lower()
        if stop_at_q and name == "q":
            return frozen(params)
        if name in params:
            raise FieldError(f"parameter {name!r} is repeated", m.start(1))
        token = m.group(2)
        if ext_values and name[-1] == "*":
            if token is None:
                raise FieldError(f"the RFC 8187 value of {name!r} must not be quoted",
                                 m.start(3) - 1)
            params[name] = parse_ext_value(token, m.start(2))
        elif token is not None:
            params[name] = token
        else:
            params[name] = unquote(m.group(3))
        cur.pos = m.end()


def _parameter_error(cur: Cursor, pos: int) -> FieldError:
    """Walk a parameter that `_PARAM_RE` refused, so that the error names its bad character."""
    cur.pos = pos
    cur.token("a parameter name")
    cur.expect("=")
    cur.token_or_quoted("a parameter value")
    return FieldError("malformed parameter", pos)  # not reached: one of the above raises


def write_parameters(params: Params) -> str:
    return "".join(f";{name}={write_ext_value(v) if isinstance(v, ExtValue) else quote(v)}"
                   for name, v in params.items())


def unquote(text: str) -> str:
    """The content of a quoted-string match group, with quoted-pairs undone."""
    return _QUOTED_PAIR_RE.sub(r"\1", text) if "\\" in text else text


def parse_transfer_parameters(cur: Cursor, *,
                              stop_at_q: bool = False) -> FrozenDict[str, str]:
    """`*( OWS ";" OWS transfer-parameter )`; with `stop_at_q`, stop before TE's weight."""
    params: dict[str, str] = {}  # frozen when done: values are immutable
    while True:
        m = _TPARAM_RE.match(cur.text, cur.pos)
        if m is None:
            save = cur.pos
            cur.skip_ows()
            if cur.take(";"):  # a parameter the expression refused: find its bad character
                cur.skip_ows()
                cur.token("a parameter name")
                cur.skip_ows()
                cur.expect("=")
                cur.skip_ows()
                cur.token_or_quoted("a parameter value")
            cur.pos = save
            return frozen(params)
        name = m.group(1).lower()
        if stop_at_q and name == "q":
            return frozen(params)
        if name in params:
            raise FieldError(f"parameter {name!r} is repeated", m.start(1))
        token = m.group(2)
        params[name] = token if token is not None else unquote(m.group(3))
        cur.pos = m.end()


def write_transfer_parameters(params: Mapping[str, str]) -> str:
    return "".join(f";{name}={quote(value)}" for name, value in params.items())


# -- media types and directives ----------------------------------------------------------------

def parse_media_type_name(cur: Cursor) -> re.Match[str]:
    """`type "/" subtype`: group 1 is the type, group 2 the subtype, as sent."""
    m = _MEDIA_RE.match(cur.text, cur.pos)
    if m is None:
        cur.token("a media type such as text/html")
        cur.expect("/")
        cur.token("a subtype after '/'")
        raise cur.unexpected("a media type")  # not reached: one of the above raises
    cur.pos = m.end()
    return m


def parse_directive(cur: Cursor) -> re.Match[str]:
    """`DIRECTIVE`: group 1 the name, group 2 a token argument, group 3 a quoted one."""
    m = _DIRECTIVE_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a directive name")
    cur.pos = m.end()
    if m.lastindex == 1 and cur.take("="):  # "=" with no valid argument after it
        cur.token_or_quoted("an argument (a token or a quoted-string)")
    return m
