"""Values that make a parser or a view work hard, and a clock that says whether cost is linear.

Shared by tests/headers/test_linear_cost.py (2 KB against 16 KB, every registered field) and
benchmarks/stress/linear.py (8 KB against 64 KB).

A value is a `Shape` (head, unit, tail) with the unit repeated to the size asked for:

- generic units: separators, list members, parameters, quotes, backslashes, spaces, brackets,
  and the members of every family of grammar the registry has (SF items, inner lists, byte
  sequences, entity tags, weights);
- counted units, where "{i}" becomes 0, 1, 2, ...: members that differ from each other, for
  code that keeps what it has seen (a repeated name is an error, an unknown one a warning);
- each field's own element shapes, from its `spec.example`: the example repeated as a list,
  its first member repeated, and the inside of each of its brackets and quoted strings
  repeated (the endpoints of one Report-To group, the items of one SF inner list).

Strategy for the clock: the CPU time of this thread (`time.thread_time`), so that time the
scheduler gives to another process on a shared machine is not counted; the minimum of a few
runs; the garbage collector paused while a run is timed (its pauses depend on the whole heap
of the test process, not on the value). A pair that fails is measured again, with more runs,
before it is called a failure: a noisy machine makes a pair slower, never faster.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from headerscope.headers import REGISTRY, FieldSpec
from headerscope.http import App, ConnectionInfo
from headerscope.pages.app import make_app
from headerscope.pages.options import PageOptions
from tests.pages.helpers import make_request

# The larger value is SCALE times the smaller: a linear parser costs about SCALE times as much
# on it, a quadratic one SCALE**2. RATIO sits between the two: 3 times linear, because on this
# shared machine one run can take twice as long as the next whenever the other core is busy
# (the times of one value fall in two groups, one twice the other), and the least of a few
# runs of the larger value may all be slow ones (a linear parser measured x2.5 at twice the
# size in CI, against a bound of x2.5); a quadratic parser stays over it by 2.7 times even so.
SCALE = 8
RATIO = 3 * SCALE  # time(SCALE n) <= RATIO * time(n)
LIMIT = 0.050  # seconds: no value of the larger size may cost more than this
FLOOR = 0.0005  # seconds: under this at the larger size the clock cannot tell a ratio
VIEWS = ("html", "json", "text", "raw")
INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)

GENERIC_UNITS = (
    ",", ", ", " ,", "a,", "a, ", "1,", "a", "1", "-", ".", "/", ":", "%", "'", "*", "=",
    ";", " ", "\t", "\\", '"', "(", ")", "<", ">", "[", "]", "{", "}", "@", "?", "!",
    ";a=b", ";a", "a;", "a;b,", "a=b,", "a=1;", 'a="b",', 'a;b="c",', "a=(b c);d,",
    '"a",', '"a\\"",', '\\"', '"\\', '"a', 'a="', "W/\"x\",", '"x", ', "*;q=0.5,",
    "a/b,", "a/b;q=0.5, ", "?1;a", "?1,", ":YQ==:,", ":YQ==:", '("a" "b"),', "(a b) ",
    "(a", "((", "<a>,", "<a>; rel=x, ", "a b", "%2", "%20", "a.", "1.", "1.5,", "@1,",
    '%"a",', "a:1,", "[::1],", "1.2.3.4, ", "a (b) ", "(b)", "a/1 ", "x-", "\x80",
)
COUNTED_UNITS = (  # "{i}" is the member's number
    "p{i}, ", "p{i}=1, ", ";p{i}=1", '"p{i}", ', "p{i}=(a b);c, ", "p{i};q=0.5, ",
    "a/p{i}, ", '{"p{i}":1}, ',
)


@dataclass(frozen=True)
class Shape:
    """A value: `head`, then `unit` as many times as the size asks, then `tail`."""

    unit: str
    head: str = ""
    tail: str = ""
    family: str = "generic"  # "generic", "counted" or "own"

    def value(self, size: int) -> str:
        if "{i}" in self.unit:
            return self.head + _counted(self.unit, size - len(self.head) - len(self.tail)) \
                + self.tail
        count = max(1, (size - len(self.head) - len(self.tail)) // len(self.unit))
        return self.head + self.unit * count + self.tail

    def __str__(self) -> str:
        inner = repr(self.unit)
        return inner if not (self.head or self.tail) else f"{self.head!r} + {inner}... + " \
            f"{self.tail!r}"


def _counted(unit: str, size: int) -> str:
    pieces: list[str] = []
    total = 0
    for i in itertools.count():
        piece = unit.replace("{i}", str(i))
        if total + len(piece) > size and pieces:
            return "".join(pieces)
        pieces.append(piece)
        total += len(piece)
    raise AssertionError("unreachable")


def shapes(spec: FieldSpec[Any]) -> list[Shape]:
    """Every shape for one field: the generic and counted units, then the field's own."""
    found = [Shape(u) for u in GENERIC_UNITS] + [Shape(u, family="counted")
                                                 for u in COUNTED_UNITS]
    seen = {(s.head, s.unit, s.tail) for s in found}
    for shape in own_shapes(spec.example):
        if (shape.head, shape.unit, shape.tail) not in seen:
            found.append(shape)
            seen.add((shape.head, shape.unit, shape.tail))
    return found


def own_shapes(example: str) -> Iterator[Shape]:
    """The example's element shapes: as a list, its first member, and each bracket's inside."""
    for sep in (", ", ","):
        yield Shape(example + sep, family="own")
    first = _first_member(example)
    if first != example:
        yield Shape(first + ", ", family="own")
    if ";" in first:  # a member's parameters, repeated after it
        head, _, params = first.partition(";")
        yield Shape(";" + params, head=head, family="own")
    for opening, closing in ("()", "[]", "{}", "<>", '""'):
        span = _inside(example, opening, closing)
        if span is None:
            continue
        start, end = span
        inner = example[start:end]
        head, tail = example[:end], example[end:]
        if inner:
            for sep in (", ", " ", ","):
                yield Shape(sep + inner, head=head, tail=tail, family="own")
        if opening == '"':  # a long quoted string: its text repeated, with no separator
            yield Shape(inner or "a", head=head, tail=tail, family="own")
        elif opening == "{":  # an object of many members, each of another name
            yield Shape(',"p{i}":1' if inner else '"p{i}":1,', head=head, tail=tail,
                        family="own")
        else:  # a list of many members, each another one
            yield Shape(" p{i}" if opening == "(" else ",p{i}", head=head, tail=tail,
                        family="own")


def _first_member(example: str) -> str:
    """The text up to the first top-level comma (outside quotes and brackets)."""
    depth, quoted, i = 0, False, 0
    while i < len(example):
        ch = example[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
        elif ch == "," and depth == 0:
            return example[:i].strip()
        i += 1
    return example


def _inside(example: str, opening: str, closing: str) -> tuple[int, int] | None:
    """(start, end) of the text inside the first `opening`...`closing` pair, innermost first
    for nested brackets of one kind (the endpoint object inside Report-To's array)."""
    start = example.find(opening)
    if start < 0:
        return None
    if opening == closing:
        end = example.find(closing, start + 1)
        return None if end < 0 else (start + 1, end)
    depth, best = 0, None
    for i in range(start, len(example)):
        if example[i] == opening:
            depth += 1
            open_at = i
        elif example[i] == closing:
            depth -= 1
            if best is None:  # the first closing ends the innermost pair opened before it
                best = (open_at + 1, i)
            if depth == 0:
                break
    return best


# -- the clock ---------------------------------------------------------------------------------

def cpu(fn: Callable[[Any], object], arg: Any, runs: int, *, collector: bool = False) -> float:
    """The least CPU time (seconds) of `runs` calls of fn(arg), the collector paused (or, with
    `collector`, running as it does in the server)."""
    best = float("inf")
    enabled = gc.isenabled()
    if not collector:
        gc.disable()
    try:
        for _ in range(runs):
            began = time.thread_time()
            fn(arg)
            best = min(best, time.thread_time() - began)
    finally:
        if enabled:
            gc.enable()
    return best


@dataclass(frozen=True)
class Cost:
    """The CPU time of one function on a value of some size and on one SCALE times that size."""

    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else float("inf")

    @property
    def linear(self) -> bool:
        return self.large <= FLOOR or self.large <= RATIO * self.small

    def within(self, limit: float = LIMIT) -> bool:
        return self.large <= limit

    def __str__(self) -> str:
        return (f"{self.small * 1000:.2f} ms -> {self.large * 1000:.2f} ms "
                f"(x{self.ratio:.2f})")


RETRY_RUNS = (2, 4, 8, 12, 20)  # runs of each size in each new measure of a failing pair


def measure(fn: Callable[[Any], object], small: Any, large: Any, *, runs: int = 1,
            limit: float = LIMIT, retries: int = len(RETRY_RUNS)) -> Cost:
    """Cost of fn on `small` and on `large`, the runs of the two interleaved (so that a busy
    spell of the machine slows both); a pair that fails is measured again, with more runs
    each time (RETRY_RUNS), up to `retries` times, before the failing figures are returned.
    A parser that really is super-linear fails every time, and pays for the retries; noise
    on a shared machine rarely survives the first (about one pair in 16,000 did the third).

    When `large` alone is under FLOOR, `small` is not timed: neither bound can fail there.
    """
    large_t = cpu(fn, large, 1)
    if large_t <= FLOOR:
        return Cost(large_t, large_t)
    cost = _pair(fn, small, large, runs, Cost(float("inf"), large_t))
    for attempt in range(retries):
        if cost.linear and cost.within(limit):
            return cost
        gc.collect()
        time.sleep(0.05 * (attempt + 1))  # let a burst of another process pass
        cost = _pair(fn, small, large, RETRY_RUNS[min(attempt, len(RETRY_RUNS) - 1)], cost)
    return cost


def _pair(fn: Callable[[Any], object], small: Any, large: Any, runs: int, best: Cost) -> Cost:
    small_t, large_t = best.small, best.large
    for _ in range(runs):
        small_t = min(small_t, cpu(fn, small, 1))
        large_t = min(large_t, cpu(fn, large, 1))
    return Cost(small_t, large_t)


# -- what is timed -----------------------------------------------------------------------------

def parser(name: str) -> Callable[[str], object]:
    """REGISTRY.parse for one field: what the server does with each field line."""
    return lambda raw: REGISTRY.parse(name, raw)


def uncached_app() -> App:
    """The inspector without its field cache: a value is timed as the first request that
    carries it is answered (what a client sending a new value each time costs), not as a
    repeat, which the cache answers without parsing when the value is short."""
    return make_app(PageOptions(cache=False))


def page(name: str, view: str, app: App | None = None) -> Callable[[str], object]:
    """One request carrying the field, through the inspector's `view` (parse, then render)."""
    app = app or uncached_app()

    def answer(raw: str) -> object:
        return app(make_request([("Host", "example.com"), (name, raw)],
                                target=f"/?format={view}"), INFO)

    return answer


def worst(costs: dict[str, Cost], count: int = 5) -> list[tuple[str, Cost]]:
    """The `count` pairs with the highest time at the larger size."""
    return sorted(costs.items(), key=lambda kv: -kv[1].large)[:count]


def slowest(size: int, runs: int = 1) -> list[tuple[float, FieldSpec[Any], Shape]]:
    """Each field's costliest shape at `size` (REGISTRY.parse, CPU seconds), costliest first."""
    found = []
    for spec in REGISTRY:
        fn = parser(spec.name)
        found.append(max(((cpu(fn, shape.value(size), runs), spec, shape)
                          for shape in shapes(spec)), key=lambda t: t[0]))
    return sorted(found, key=lambda t: -t[0])
