"""What changed between two captures of a request: "what did the proxy change".

Strategy: field lines are aligned by lower-case name and occurrence (the second Accept line of
A with the second of B), never by position, so one inserted line does not make every later
line look changed. For each name:

- lines only on one side are ADDED or REMOVED;
- when the counts differ but the lines combine to the same value, the name was JOINED or
  SPLIT (RFC 9110, 5.3: "A recipient MAY combine multiple field lines within a field section
  that have the same field name into one field line ... by appending each subsequent field
  line value to the initial field line value in order, separated by a comma (",") and
  optional whitespace"; Cookie combines with "; ", RFC 9113, 8.2.3);
- a pair whose value differs is CHANGED (both values parsed by the registry, side by side);
  one whose name differs only in case is CASE; one whose bytes differ only in the whitespace
  around the value is SPACING.

Then the paired lines are sorted by their position in A; a longest increasing run of their
positions in B is the order both share, and every pair outside it was REORDERED. That is a
longest increasing subsequence, O(n log n), and the rest is linear in the number of lines.
"""

from __future__ import annotations

import enum
import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..headers import REGISTRY, Kind, ParsedField
from ..pages.inspection import REDACTED
from ._wire import HeadLine, read_fields, read_head, split_lines
from .record import Capture, TLSFacts


class Change(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    CASE = "case changed"
    SPACING = "whitespace changed"


@dataclass(frozen=True, slots=True)
class Side:
    """One field line on one side: its 0-based position, as sent, and as parsed."""

    index: int
    wire_name: str
    value: str
    raw: bytes
    parsed: ParsedField


@dataclass(frozen=True, slots=True)
class FieldChange:
    kind: Change
    name: str  # lower case
    a: Side | None  # None for ADDED
    b: Side | None  # None for REMOVED


@dataclass(frozen=True, slots=True)
class Moved:
    """A field line whose position relative to the other lines changed."""

    name: str
    index_a: int
    index_b: int


@dataclass(frozen=True, slots=True)
class Regrouped:
    """Repeated lines joined into fewer, or one split into more, with the same combined value."""

    name: str
    lines_a: int
    lines_b: int
    combined: str
    allowed: bool | None  # RFC 9110, 5.3 lets a recipient combine it; None: unknown field


@dataclass(frozen=True, slots=True)
class FactChange:
    fact: str  # "method", "target", "client address", "tls version", ...
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class BodyChange:
    length_a: int
    length_b: int
    sha256_a: str  # of the stored content (see cut_a)
    sha256_b: str
    cut_a: bool
    cut_b: bool


@dataclass(frozen=True, slots=True)
class CaptureDiff:
    request_line: tuple[FactChange, ...]
    fields: tuple[FieldChange, ...]  # in the order of B's lines, then the removed ones
    reordered: tuple[Moved, ...]
    regrouped: tuple[Regrouped, ...]
    trailers: tuple[FieldChange, ...]
    body: BodyChange | None
    connection: tuple[FactChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.request_line or self.fields or self.reordered or self.regrouped
                    or self.trailers or self.body or self.connection)

    def names(self) -> set[str]:
        """The lower-case names of the fields this diff mentions."""
        return ({c.name for c in self.fields} | {m.name for m in self.reordered}
                | {r.name for r in self.regrouped} | {c.name for c in self.trailers})


def diff(a: Capture, b: Capture) -> CaptureDiff:
    ha, hb = read_head(a.head), read_head(b.head)
    line = [FactChange(what, x, y) for what, x, y in (
        ("method", ha.method, hb.method), ("target", ha.target, hb.target),
        ("version", ha.version, hb.version),
        ("line endings", _endings(ha.bare_lf), _endings(hb.bare_lf))) if x != y]
    fields, moved, regrouped = diff_fields(ha.fields, hb.fields)
    trailers, _, _ = diff_fields(read_fields(split_lines(a.trailers)),
                                 read_fields(split_lines(b.trailers)))
    return CaptureDiff(tuple(line), fields, moved, regrouped, trailers, _body(a, b),
                       tuple(_connection(a, b)))


def diff_fields(a: tuple[HeadLine, ...], b: tuple[HeadLine, ...]
                ) -> tuple[tuple[FieldChange, ...], tuple[Moved, ...], tuple[Regrouped, ...]]:
    by_a, by_b = _by_name(a), _by_name(b)
    changes: list[FieldChange] = []
    regrouped: list[Regrouped] = []
    pairs: list[tuple[int, int, str]] = []  # (index in a, index in b, name)
    for name in dict.fromkeys([*by_b, *by_a]):  # B's order first: the page reads like B
        la, lb = by_a.get(name, []), by_b.get(name, [])
        if la and lb and len(la) != len(lb) and (combined := _same_combined(name, la, lb)):
            spec = REGISTRY.get(name)
            regrouped.append(Regrouped(name, len(la), len(lb), combined,
                                       None if spec is None else spec.kind.combines))
            continue
        for i in range(max(len(la), len(lb))):
            x = _side(*la[i]) if i < len(la) else None
            y = _side(*lb[i]) if i < len(lb) else None
            if x is None or y is None:
                changes.append(FieldChange(Change.REMOVED if y is None else Change.ADDED,
                                           name, x, y))
                continue
            pairs.append((x.index, y.index, name))
            kind = (Change.CHANGED if x.value != y.value else Change.CASE
                    if x.wire_name != y.wire_name else Change.SPACING if x.raw != y.raw
                    else None)
            if kind is not None:
                changes.append(FieldChange(kind, name, x, y))
    return tuple(changes), _moved(pairs), tuple(regrouped)


def _by_name(lines: tuple[HeadLine, ...]) -> dict[str, list[tuple[int, HeadLine]]]:
    out: dict[str, list[tuple[int, HeadLine]]] = {}
    for i, f in enumerate(lines):
        out.setdefault(f.name.lower(), []).append((i, f))
    return out


def _side(index: int, f: HeadLine) -> Side:
    if f.value == REDACTED:  # shown as the inspector shows it: hidden, not an invalid value
        parsed = ParsedField(f.name.lower(), f.name, REDACTED, None)
    else:
        parsed = REGISTRY.parse(f.name, f.value)
    return Side(index, f.name, f.value, f.raw, parsed)


_AROUND_COMMA = re.compile(r"[ \t]*([,;])[ \t]*")


def _same_combined(name: str, la: list[tuple[int, HeadLine]],
                   lb: list[tuple[int, HeadLine]]) -> str | None:
    """The combined value when both sides combine to it (whitespace around the separators
    aside, which a list's grammar ignores: OWS in RFC 9110, 5.6.1), else None."""
    spec = REGISTRY.get(name)
    sep = "; " if spec is not None and spec.kind is Kind.COOKIE else ", "
    ca = sep.join(f.value for _, f in la if f.value)
    cb = sep.join(f.value for _, f in lb if f.value)
    if ca == cb or _AROUND_COMMA.sub(r"\1", ca) == _AROUND_COMMA.sub(r"\1", cb):
        return cb
    return None


def _moved(pairs: list[tuple[int, int, str]]) -> tuple[Moved, ...]:
    """Pairs outside a longest run whose B positions increase with their A positions."""
    pairs.sort()
    tails: list[int] = []  # tails[k]: the smallest B index ending an increasing run of k+1
    tail_at: list[int] = []  # the pair index holding that tail
    before = [-1] * len(pairs)  # the previous pair in the run ending at each pair
    for k, (_, ib, _) in enumerate(pairs):
        pos = bisect_left(tails, ib)
        before[k] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(ib)
            tail_at.append(k)
        else:
            tails[pos] = ib
            tail_at[pos] = k
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = before[k]
    return tuple(Moved(name, ia, ib) for k, (ia, ib, name) in enumerate(pairs) if k not in keep)


def _endings(bare_lf: bool) -> str:
    return "LF alone on some lines" if bare_lf else "CRLF"


def _body(a: Capture, b: Capture) -> BodyChange | None:
    if a.body == b.body and a.body_length == b.body_length:
        return None
    return BodyChange(a.body_length, b.body_length, hashlib.sha256(a.body).hexdigest(),
                      hashlib.sha256(b.body).hexdigest(), a.body_cut, b.body_cut)


def _tls(t: TLSFacts | None) -> list[tuple[str, str]]:
    if t is None:
        return [("tls", "none")]
    return [("tls", "yes"), ("tls version", str(t.version)), ("tls cipher", str(t.cipher)),
            ("tls alpn", str(t.alpn)), ("tls server name", str(t.server_name))]


def _connection(a: Capture, b: Capture) -> list[FactChange]:
    facts_a = [("client address", a.client[0]), ("client port", str(a.client[1])),
               ("server address", a.server[0]), ("server port", str(a.server[1])),
               ("protocol", a.protocol), ("status", str(a.status)), ("bin", str(a.bin))]
    facts_b = [("client address", b.client[0]), ("client port", str(b.client[1])),
               ("server address", b.server[0]), ("server port", str(b.server[1])),
               ("protocol", b.protocol), ("status", str(b.status)), ("bin", str(b.bin))]
    ta, tb = dict(_tls(a.tls)), dict(_tls(b.tls))
    out = [FactChange(what, x, y) for (what, x), (_, y) in zip(facts_a, facts_b, strict=True)
           if x != y]
    out += [FactChange(k, ta.get(k, "-"), tb.get(k, "-")) for k in dict.fromkeys([*ta, *tb])
            if ta.get(k, "-") != tb.get(k, "-")]
    return out
