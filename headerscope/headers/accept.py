"""Accept: the media types the user agent prefers in the response (RFC 9110, 12.5.1).

    Accept      = #( media-range [ weight ] )
    media-range = ( "*/*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters
    weight      = OWS ";" OWS "q=" qvalue
    accept-ext  = OWS ";" OWS token [ "=" ( token / quoted-string ) ]   ; RFC 7231, after q

"Senders using weights SHOULD send "q" last (after all media-range parameters). Recipients
SHOULD process any parameter named "q" as weight, regardless of parameter ordering." So the
first q splits a member: parameters before it are the range's, any after it are kept apart as
`extensions` (RFC 7231's accept-ext, which RFC 9110 dropped) and reported.
"""

import re

from ..grammar import SEP, Cursor, Fast, parse_list
from ..grammar.rules import QVALUE, TOKEN, WEIGHT
from ._shared.content import (
    ElementOffsets,
    fast_q,
    list_lint,
    parse_media_type_name,
    parse_parameters,
    parse_weight,
    write_parameters,
)
from ._shared.frozen import EMPTY, FrozenDict
from ._shared.json import decimal_text
from ._shared.spec import SLOW, Diagnostic, FieldSpec, Kind
from ._shared.types import Q_ONE, MediaRange, Params


def _media_range(cur: Cursor) -> MediaRange:
    m = parse_media_type_name(cur)
    params = parse_parameters(cur, stop_at_q=True)
    before = cur.pos
    q = parse_weight(cur)
    extensions = parse_parameters(cur) if cur.pos != before else EMPTY
    return MediaRange(m.group(1).lower(), m.group(2).lower(), params, q, extensions)


def _simple_range(m: re.Match[str]) -> MediaRange:
    kind, subtype, block, q = m.groups()
    if not block:
        return MediaRange(kind.lower(), subtype.lower(), EMPTY, fast_q(q), EMPTY)
    pairs = _TOKEN_PARAM_RE.findall(block)
    params: Params = FrozenDict([(name.lower(), value) for name, value in pairs])
    if len(params) < len(pairs):  # a repeated parameter: the cursor walk reports it
        return _media_range(Cursor(m.string, m.start()))
    return MediaRange(kind.lower(), subtype.lower(), params, fast_q(q), EMPTY)


# The common member, `type/subtype` with token parameters (no q) and at most a weight, and its
# separator, in one match. A name ending in "*" is a token like any other here: Accept does not
# adopt RFC 8187 (see parse_parameters).
_NAME = TOKEN
_PARAMS = rf"(?:[ \t]*;[ \t]*(?![qQ]=){_NAME}={TOKEN})*"
_TOKEN_PARAM_RE = re.compile(rf"({_NAME})=({TOKEN})")
_FAST: Fast[MediaRange] = (re.compile(f"({TOKEN})/({TOKEN})({_PARAMS}){WEIGHT}{SEP}"),
                           _simple_range)


def parse(raw: str) -> tuple[MediaRange, ...]:
    return parse_list(raw, _media_range, fast=_FAST)


def write(value: tuple[MediaRange, ...]) -> str:
    return ", ".join(_write_range(r) for r in value)


def _write_range(r: MediaRange) -> str:
    text = f"{r.type}/{r.subtype}{write_parameters(r.params)}"
    if r.q != Q_ONE or r.extensions:
        text += f";q={decimal_text(r.q)}{write_parameters(r.extensions)}"
    return text


# What browsers send: `type/subtype` members, some with one token parameter (Chromium's
# `application/signed-exchange;v=b3`) and some with a weight, separated by bare commas. Such
# a value is checked with one fullmatch and cut with str methods; anything else (OWS, more
# parameters, accept-ext) is left to parse.
_PLAIN = rf"{TOKEN}/{TOKEN}(?:;(?![qQ]=){_NAME}={TOKEN})?(?:;q=(?:{QVALUE}))?"
_PLAIN_RE = re.compile(rf"{_PLAIN}(?:,{_PLAIN})*")


def fast(raw: str) -> object:
    if _PLAIN_RE.fullmatch(raw) is None:
        return SLOW
    ranges = []
    for member in raw.split(","):  # tokens hold no "," or ";": the cuts are the grammar's
        # The expression allows a weight only last and as a lower-case "q=", and a parameter
        # name never starts with "q=", so ";q=" is where the weight starts.
        media, _, weight = member.partition(";q=")
        params: Params = EMPTY
        if ";" in media:  # at most one parameter: no repeat to report
            media, _, param = media.partition(";")
            name, _, text = param.partition("=")
            params = FrozenDict({name.lower(): text})
        kind, _, subtype = media.lower().partition("/")
        ranges.append(MediaRange(kind, subtype, params, fast_q(weight) if weight else Q_ONE,
                                 EMPTY))
    return tuple(ranges)


def lint(value: tuple[MediaRange, ...], raw: str) -> list[Diagnostic]:
    notes: list[Diagnostic] = []
    where: ElementOffsets | None = None  # made on the first warning: Accept is on the hot path
    for i, r in enumerate(value):
        wild = r.type == "*" and r.subtype != "*"
        if not (wild or r.extensions):
            continue
        where = where or ElementOffsets(raw)  # one walk for all the members
        at = where(i)
        if wild:
            notes.append(Diagnostic(f"'*/{r.subtype}' matches nothing useful: only '*/*' may "
                                    "have a '*' type", at))
        if r.extensions:
            notes.append(Diagnostic("parameters after q: RFC 9110 senders SHOULD send q last; "
                                    "they are kept as accept-ext, not as media-range "
                                    "parameters", at))
    return notes


ACCEPT = FieldSpec(
    "Accept", parse, write, "RFC 9110, 12.5.1", kind=Kind.LIST, lint=list_lint(lint),
    value_type="tuple[MediaRange, ...]",
    example="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", fast=fast,
)
