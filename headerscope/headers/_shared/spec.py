"""FieldSpec, the registry, and the one boundary where parse failures become data.

Strategy: every field unit exports one `FieldSpec` naming its parse and write functions. Parsers
are pure and raise only `FieldError(reason, position)`. `Registry.parse` is the single place
that catches it and returns a `ParsedField`, so nothing above this module ever sees an
exception from a header value, and a page can put a caret under the bad character.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Generic, NamedTuple, TypeVar

from ...grammar import core, errors
from .value import value_type
from .where import module_path

T = TypeVar("T")
# Defined with the grammar (grammar/errors.py), named here as ever. (core.FAST_PATHS, the
# switch the tests use to compare every fast path with the reference grammar, is read at each
# call.)
FieldError = errors.FieldError
SLOW: Any = errors.SLOW


@value_type
class Diagnostic:
    """An error or a warning about one field line, fit to print with a caret."""

    reason: str
    position: int | None = None


class Kind(enum.Enum):
    """How a field behaves when it repeats (RFC 9110, section 5.3)."""

    SINGLETON = "singleton"  # one value; a repeat is reported and the first line is used
    LIST = "list"  # `#rule` list: lines combine in order, as if joined with ", "
    COOKIE = "cookie"  # Cookie: lines combine as if joined with "; " (RFC 9113, 8.2.3)
    MULTI = "multi"  # never combined (Set-Cookie): each line stands alone
    SF_ITEM = "sf-item"  # Structured Field Item: a singleton
    SF_LIST = "sf-list"  # Structured Field List: lines combine like a list
    SF_DICT = "sf-dict"  # Structured Field Dictionary: later keys override earlier ones

    @property
    def combines(self) -> bool:
        return self in _COMBINING

    @property
    def singleton(self) -> bool:
        return self is Kind.SINGLETON or self is Kind.SF_ITEM


_COMBINING = frozenset({Kind.LIST, Kind.COOKIE, Kind.SF_LIST, Kind.SF_DICT})


Lint = Callable[[Any, str], Iterable[Diagnostic]]
# parse and lint in one pass, for a family whose warnings fall out of parsing
Analyse = Callable[[str], tuple[Any, Iterable[Diagnostic]]]
# raw -> the value of a common spelling, or SLOW for anything else (see FieldSpec.fast)
Fast = Callable[[str], Any]


@value_type
class FieldSpec(Generic[T]):
    """One registered field: its grammar (parse) and its inverse (write), side by side.

    - `parse(raw)` takes the value with surrounding whitespace removed and returns a native
      value or raises `FieldError`; `write(value)` returns canonical text, and
      `parse(write(v)) == v` holds for every value the spec's strategy draws.
    - `analyse(raw)`, when given, does both at once and returns (value, warnings): the
      registry uses it instead of parse and lint where a family would otherwise parse twice.
    - `lint(value, raw)` optionally reports warnings about a value that parsed (an obsolete
      date form, an unknown directive); it never raises.
    - `value_type` names the native type for `headerscope fields` and the JSON docs.
    - `deprecated` is a warning shown on every use of an obsolete field.
    - `fast(raw)`, when given, reads the spellings clients commonly send with one fullmatch,
      straight to the value, and returns SLOW for everything else. It returns a value only
      where `parse` returns the same one and `analyse` would warn of nothing (`lint` still
      runs). `parse` stays the reference grammar; a test holds every fast path to it.
    """

    name: str
    parse: Callable[[str], T]
    write: Callable[[T], str]
    ref: str
    kind: Kind = Kind.SINGLETON
    value_type: str = ""
    lint: Lint | None = None
    analyse: Analyse | None = None
    deprecated: str | None = None
    example: str = ""
    fast: Fast | None = None

    @property
    def module(self) -> str:
        """Where the spec is defined, as a path from the repository's root (where.py)."""
        return module_path(self.name)

    @property
    def key(self) -> str:
        return self.name.lower()


class ParsedField(NamedTuple):
    """One field line, parsed: never an exception, always data.

    A NamedTuple rather than a frozen dataclass: one is built for every field of every
    request, and a frozen dataclass costs several times as much to construct.
    """

    name: str  # lower-case, the registry key
    wire_name: str  # as sent
    raw: str  # the value, surrounding whitespace removed, bytes decoded as ISO-8859-1
    value: Any  # native value, None when `error` is set
    error: Diagnostic | None = None
    warnings: tuple[Diagnostic, ...] = ()
    spec: FieldSpec[Any] | None = None

    @property
    def known(self) -> bool:
        return self.spec is not None

    @property
    def ok(self) -> bool:
        return self.error is None


class Registry:
    """The table of supported fields, keyed by lower-case name."""

    def __init__(self, specs: Sequence[FieldSpec[Any]]) -> None:
        self._specs: dict[str, FieldSpec[Any]] = {}
        # Each spec under the two spellings clients use (as registered, and lower case, as
        # HTTP/2 and the Sec-CH-* fields send it), with its key: no lower() per line for them.
        self._spellings: dict[str, tuple[str, FieldSpec[Any]]] = {}
        for spec in specs:
            if spec.key in self._specs:
                raise ValueError(f"field {spec.name!r} is registered twice")
            self._specs[spec.key] = spec
            self._spellings[spec.name] = self._spellings[spec.key] = (spec.key, spec)

    def __len__(self) -> int:
        return len(self._specs)

    def __iter__(self) -> Iterator[FieldSpec[Any]]:
        return iter(self._specs.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._specs

    def get(self, name: str) -> FieldSpec[Any] | None:
        return self._specs.get(name.lower())

    def parse(self, wire_name: str, raw: str) -> ParsedField:
        """Parse one field line. Never raises: a bad value comes back as `error`."""
        raw = raw.strip(" \t")
        known = self._spellings.get(wire_name)
        if known is not None:
            return parse_with(known[1], wire_name, raw, known[0])
        name = wire_name.lower()
        spec = self._specs.get(name)
        if spec is None:
            return _new(ParsedField, (name, wire_name, raw, raw, None, (), None))
        return parse_with(spec, wire_name, raw, name)


# At most this many warnings per field line (then one that says how many more there were):
# enough to show every kind of problem a real value has, few enough for any page to show.
MAX_WARNINGS = 16

_new = tuple.__new__  # ParsedField(...) runs a Python-level __new__; this builds the same tuple


def parse_with(spec: FieldSpec[Any], wire_name: str, raw: str,
               name: str | None = None) -> ParsedField:
    """Run one spec over one stripped value and turn every outcome into a ParsedField."""
    if name is None:
        name = spec.key
    kept: list[Diagnostic] | None = None  # made only when there is something to say
    more = 0  # warnings past MAX_WARNINGS: counted, not kept
    try:
        fast = spec.fast
        value = SLOW if fast is None or not core.FAST_PATHS else fast(raw)
        if value is not SLOW:
            pass
        elif spec.analyse is not None:
            value, found = spec.analyse(raw)
            if found:
                kept = []
                more = _keep(found, kept)
        else:
            value = spec.parse(raw)
    except FieldError as exc:
        error = Diagnostic(exc.reason, exc.position)
        return ParsedField(name, wire_name, raw, None, error, _deprecation(spec), spec)
    except Exception as exc:  # a parser bug must not take the server down; tests forbid it
        reason = f"internal parser error ({type(exc).__name__}); please report it"
        return ParsedField(name, wire_name, raw, None, Diagnostic(reason), _deprecation(spec),
                           spec)
    lint = spec.lint
    if lint is not None:
        try:
            found = lint(value, raw)  # an empty tuple or list when there is nothing to say
            if found:
                if kept is None:
                    kept = []
                more += _keep(found, kept)
        except Exception as exc:  # same reasoning as above
            if kept is None:
                kept = []
            kept.append(Diagnostic(f"internal lint error ({type(exc).__name__})"))
    warnings: tuple[Diagnostic, ...] = ()
    if kept:
        if more:
            kept.append(Diagnostic(f"... and {more} more warning{'s' if more > 1 else ''} "
                                   "like these"))
        warnings = tuple(kept)
    if spec.deprecated:
        warnings = (Diagnostic(spec.deprecated), *warnings)
    return _new(ParsedField, (name, wire_name, raw, value, None, warnings, spec))


def _keep(found: Iterable[Diagnostic], kept: list[Diagnostic]) -> int:
    """Add the warnings of `found` to `kept` up to MAX_WARNINGS; return how many did not fit.

    A value of 8000 bad members would otherwise carry 8000 warnings, and every view of the
    page would repeat each one: output many times the size of the request. The rest are still
    walked, to count them: a lint costs time linear in the value, like the parse before it.
    """
    room = max(MAX_WARNINGS - len(kept), 0)
    if isinstance(found, list | tuple):  # what most lints return: no iterator to drive
        kept.extend(found[:room])
        return max(len(found) - room, 0)
    it = iter(found)
    kept.extend(islice(it, room))
    return sum(1 for _ in it)


def _deprecation(spec: FieldSpec[Any]) -> tuple[Diagnostic, ...]:
    return (Diagnostic(spec.deprecated),) if spec.deprecated else ()

