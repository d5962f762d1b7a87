"""Cache-Control: directives for caches along the request/response chain (RFC 9111, 5.2).

    Cache-Control   = #cache-directive
    cache-directive = token [ "=" ( token / quoted-string ) ]

Directive names are case-insensitive (lower-cased). The registered directives get typed
arguments: delta-seconds -> int; max-stale -> int or None; no-cache and private -> a tuple of
(lower-cased) field names or None; the rest take no argument. Extension directives keep their
argument as text, and are reported, as are repeated directives and a quoted int argument.
"""

import re

from ..grammar import SEP, Fast, over_ceiling, parse_list, quote, quote_string, read_count
from ..grammar.rules import DIRECTIVE, LIST_SEP, QDTEXT, TOKEN
from ._shared.content import element_offsets, list_lint, parse_directive, unquote
from ._shared.families import MAX_DELTA
from ._shared.spec import SLOW, Diagnostic, FieldError, FieldSpec, Kind
from ._shared.types import Directive

_SECONDS = frozenset({"max-age", "s-maxage", "min-fresh", "stale-while-revalidate",
                      "stale-if-error"})
_FIELD_LISTS = frozenset({"no-cache", "private"})
_FLAGS = frozenset({"no-store", "no-transform", "only-if-cached", "must-revalidate",
                    "proxy-revalidate", "must-understand", "public", "immutable"})
_DIGITS = frozenset("0123456789")
_NUMBER_RE = re.compile("[0-9]*")
_KNOWN = _SECONDS | _FIELD_LISTS | _FLAGS | {"max-stale"}
__all__ = ["CACHE_CONTROL", "MAX_DELTA"]  # MAX_DELTA: the ceiling of a delta-seconds (1.2.2)


def _directive(m: re.Match[str]) -> Directive:
    """The typed directive from a `DIRECTIVE` match (its groups: name, token, quoted)."""
    name = m.group(1).lower()
    token, quoted = m.group(2), m.group(3)
    arg = token if token is not None else (None if quoted is None else unquote(quoted))
    at = m.start(2) if token is not None else m.start(3) if quoted is not None else m.end(1)
    if name in _FLAGS:
        if arg is not None:
            raise FieldError(f"{name} takes no argument", m.end(1))
        return Directive(name)
    if name in _SECONDS or (name == "max-stale" and arg is not None):
        if arg is None:
            raise FieldError(f"{name} needs a number of seconds, e.g. {name}=3600", m.end(1))
        if not (arg.isascii() and arg.isdigit()):
            bad = next((i for i, ch in enumerate(arg) if ch not in _DIGITS), 0)
            raise FieldError(f"{name} takes delta-seconds (1*DIGIT), not {arg!r}", at + bad)
        # A magnitude ("max-age=0060" is 60); past 2^31 read as 2^31 (MAX_DELTA), as caches
        # must (1.2.2)
        return Directive(name, read_count(arg, MAX_DELTA))
    if name in _FIELD_LISTS and arg is not None:
        return Directive(name, _field_names(arg, at))
    return Directive(name, arg)


def _field_names(text: str, offset: int) -> tuple[str, ...]:
    try:
        return parse_list(text, lambda cur: cur.token("a field name").lower())
    except FieldError as exc:
        raise FieldError(exc.reason, offset + (exc.position or 0)) from None


_FAST: Fast[Directive] = (re.compile(DIRECTIVE + SEP), _directive)


def parse(raw: str) -> tuple[Directive, ...]:
    return parse_list(raw, lambda cur: _directive(parse_directive(cur)), fast=_FAST)


def write(value: tuple[Directive, ...]) -> str:
    return ", ".join(_write_directive(d) for d in value)


def _write_directive(d: Directive) -> str:
    arg = d.argument
    if arg is None:
        return d.name
    if isinstance(arg, int):
        return f"{d.name}={arg}"
    if isinstance(arg, tuple):  # "the qualified form ... uses the quoted-string form"
        return f"{d.name}={quote_string(', '.join(arg))}"
    return f"{d.name}={quote(arg)}"


# The whole list at once when it is directives and commas only: one fullmatch, then the
# directives in order (an argument that does not suit its directive is left to parse).
_ONE = f'{TOKEN}(?:=(?:{TOKEN}|"{QDTEXT}"))?'
_WHOLE_RE = re.compile(f"{_ONE}(?:{LIST_SEP}{_ONE})*")
_DIRECTIVE_RE = re.compile(DIRECTIVE)


def fast(raw: str) -> object:
    if _WHOLE_RE.fullmatch(raw) is None:
        return SLOW
    try:
        return tuple([_directive(m) for m in _DIRECTIVE_RE.finditer(raw)])
    except FieldError:
        return SLOW


def lint(value: tuple[Directive, ...], raw: str) -> list[Diagnostic]:
    names = [d.name for d in value]
    if (len(set(names)) == len(names) and _KNOWN.issuperset(names) and '"' not in raw
            and not any(isinstance(d.argument, tuple) or d.argument == MAX_DELTA
                        for d in value)):
        return []  # the common case: known directives, each once, nothing to say
    notes: list[Diagnostic] = []
    seen: set[str] = set()
    for d, at in zip(value, element_offsets(raw), strict=False):
        arg_at = at + len(d.name) + 1
        if d.name not in _KNOWN:  # "A cache MUST ignore unrecognized cache directives"
            notes.append(Diagnostic(f"unknown directive {d.name!r}: caches ignore it", at))
        elif isinstance(d.argument, int) and raw[arg_at:arg_at + 1] == '"':
            # "This directive uses the token form of the argument syntax"
            notes.append(Diagnostic(f"quoted argument: {d.name} uses the token form; senders "
                                    f"should not quote it ({d.name}={d.argument})", arg_at))
        elif isinstance(d.argument, tuple) and raw[arg_at:arg_at + 1] != '"':
            # "A sender SHOULD NOT generate the token form (even if quoting appears not to be
            # needed for single-entry lists)."
            notes.append(Diagnostic(f"token form of {d.name}: senders SHOULD use the "
                                    "quoted-string form, even for a single field name", arg_at))
        if d.argument == MAX_DELTA and isinstance(d.argument, int):
            spelled = _NUMBER_RE.match(raw, arg_at + (raw[arg_at:arg_at + 1] == '"'))
            if spelled is not None and over_ceiling(spelled.group(), MAX_DELTA):
                notes.append(Diagnostic(f"{d.name} is more than 2^31: read as 2147483648, the "
                                        "largest delta-seconds a cache must count (1.2.2)",
                                        arg_at))
        if d.name in seen:
            notes.append(Diagnostic(f"repeated directive {d.name!r}: a cache may use the first "
                                    "one or treat the response as stale (RFC 9111, 4.2.1)", at))
        seen.add(d.name)
    return notes


CACHE_CONTROL = FieldSpec(
    "Cache-Control", parse, write, "RFC 9111, 5.2", kind=Kind.LIST, lint=list_lint(lint),
    value_type="tuple[Directive, ...]", example="max-age=0", fast=fast,
)
