"""Structured Field parsing: headerscope.headers.sf against http-sf, on the suite's inputs.

Every valid parse input of the RFC 9651 community suite (../shared/data/sf-tests; must_fail
cases excluded, can_fail cases included when both parsers accept them) is parsed by both
implementations, interleaved: each round times ours over the whole corpus, then http-sf over
the same corpus, so machine noise hits both alike; times are process CPU time. The report
gives the median time per round of each and the ratio (http-sf / ours: above 1 means ours is
faster). Target: at least 2x.

    .venv/bin/python benchmarks/sf_bench.py [--rounds 15] [--suite PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import http_sf

from headerscope.headers import FieldError, sf

DEFAULT_SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sf-tests"
TYPES = {"item": "item", "list": "list", "dictionary": "dictionary"}


def corpus(suite: Path) -> list[tuple[str, sf.FieldType]]:
    """(raw, type) of every case both parsers accept, in suite order."""
    inputs: list[tuple[str, sf.FieldType]] = []
    for path in sorted(suite.glob("*.json")):
        for case in json.loads(path.read_text()):
            if case.get("must_fail") or "raw" not in case:
                continue
            raw = ", ".join(case["raw"])
            kind: sf.FieldType = case["header_type"]
            try:
                sf.parse(raw, kind)
                http_sf.parse(raw.encode("latin-1"), tltype=kind)
            except (FieldError, http_sf.StructuredFieldError):
                continue
            inputs.append((raw, kind))
    return inputs


def ours(inputs: list[tuple[str, sf.FieldType]]) -> None:
    parsers = {"item": sf.parse_item, "list": sf.parse_list, "dictionary": sf.parse_dictionary}
    for raw, kind in inputs:
        parsers[kind](raw)


def theirs(inputs: list[tuple[bytes, sf.FieldType]]) -> None:
    parse = http_sf.parse
    for raw, kind in inputs:
        parse(raw, tltype=kind)


def timed(fn: Callable[[Any], None], arg: Any) -> float:
    # CPU time of this process: the machine is shared, and time spent waiting for a core
    # while another process runs is not time spent parsing
    start = time.process_time()
    fn(arg)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--suite", type=Path, default=DEFAULT_SUITE)
    args = parser.parse_args(argv)
    if not args.suite.is_dir():
        print(f"the test suite is not at {args.suite}", file=sys.stderr)
        return 2
    inputs = corpus(args.suite)
    encoded = [(raw.encode("latin-1"), kind) for raw, kind in inputs]  # http-sf takes bytes
    ours(inputs)  # warm both up once
    theirs(encoded)
    mine: list[float] = []
    other: list[float] = []
    for _ in range(args.rounds):
        mine.append(timed(ours, inputs))
        other.append(timed(theirs, encoded))
    m, o = statistics.median(mine), statistics.median(other)
    print(f"{len(inputs)} valid inputs of the RFC 9651 suite, {args.rounds} interleaved rounds")
    print(f"  headerscope.headers.sf  median {m * 1e3:8.2f} ms/round")
    print(f"  http-sf {http_sf.__version__:>6}          median {o * 1e3:8.2f} ms/round")
    print(f"  ratio http-sf / ours    {o / m:8.2f}x  (target >= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
