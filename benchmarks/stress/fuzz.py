"""Item 3: the long fuzzing run. The mutation engine of tests/reliability/_fuzz.py on a
million inputs (framer and every field parser; one request input in 200 is also served by
the real pages), and, if atheris is installed, a coverage-guided run of the same checks."""

from __future__ import annotations

import collections
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from headerscope.pages.app import make_app
from tests.http._corpus import load
from tests.reliability._fuzz import (
    FIELD_PIECES,
    REQUEST_PIECES,
    SPECS,
    fuzz_one,
    mutate,
    request_seeds,
)

from ._common import Figure

ITEM = "3 fuzzing"


def run(inputs: int, seconds: float, atheris_runs: int) -> list[Figure]:
    seeds = request_seeds([case.raw for case in load()])
    app = make_app()
    kinds: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    began = time.monotonic()
    for number in range(inputs):
        if number % 1000 == 0 and time.monotonic() - began > seconds:
            break
        rng = random.Random(number)
        try:
            kinds[fuzz_one(rng, seeds, app if number % 200 == 0 else None)] += 1
        except Exception as error:  # what the fuzzer looks for: record, go on
            kinds["failed"] += 1
            if len(failures) < 5:
                failures.append(f"seed {number}: {type(error).__name__}: {error}"[:120])
    tried = sum(kinds.values())
    figures = [
        Figure(ITEM, "inputs tried (mutation engine)",
               f"{tried:,} in {time.monotonic() - began:.0f} s "
               f"({kinds['request']:,} requests, {kinds['field']:,} fields)",
               f"{inputs:,}", tried >= inputs),
        Figure(ITEM, "inputs giving anything but a request, HTTPError or FieldError",
               str(kinds["failed"]) + (f" ({'; '.join(failures)})" if failures else ""), "0",
               kinds["failed"] == 0),
    ]
    return figures + run_atheris(atheris_runs)


def write_engine_corpus(folder: Path, count: int) -> None:
    """Inputs of the mutation engine in the target's format (see _atheris_target.py)."""
    seeds = request_seeds([case.raw for case in load()])
    field_pieces = [p.encode("latin-1", "replace") for p in FIELD_PIECES]
    for number in range(count):
        rng = random.Random(number)
        if number % 2 == 0:
            data = mutate(rng, rng.choice(seeds)[:4000], REQUEST_PIECES)
            entry = bytes((0, rng.randrange(256))) + data
        else:
            index = rng.randrange(len(SPECS))
            data = mutate(rng, SPECS[index].example.encode("latin-1", "replace"), field_pieces)
            entry = bytes((1, index)) + data
        (folder / f"engine{number}").write_bytes(entry)


def run_atheris(runs: int) -> list[Figure]:
    if importlib.util.find_spec("atheris") is None:
        return [Figure(ITEM, "atheris", "not installed: skipped (optional)")]
    if runs <= 0:
        return [Figure(ITEM, "atheris", "skipped (--atheris-runs 0)")]
    with tempfile.TemporaryDirectory() as corpus:
        # The seed corpus is what our own mutation engine produces, so atheris's coverage at
        # start is the engine's; what it adds on top is coverage the engine does not reach.
        write_engine_corpus(Path(corpus), 3000)
        command = [sys.executable, "-m", "benchmarks.stress._atheris_target",
                   f"-runs={runs}", "-max_len=4096", "-print_final_stats=1",
                   f"-artifact_prefix={corpus}/", corpus]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=1800,
                                  check=False)
        except subprocess.TimeoutExpired:
            return [Figure(ITEM, "atheris", "timed out after 30 min", ok=False)]
    log = done.stderr.splitlines()
    inited = next((line for line in log if "INITED" in line), "")
    final = [line for line in log if " cov: " in line]
    executed = next((line.split(":")[-1].strip() for line in log
                     if "number_of_executed_units" in line), "?")

    def cov(line: str) -> str:
        return line.split(" cov: ")[1].split(maxsplit=1)[0] if " cov: " in line else "?"

    crashed = done.returncode != 0
    return [
        Figure(ITEM, "atheris inputs executed", executed, f"{runs:,}", not crashed),
        Figure(ITEM, "atheris coverage (edges): engine's inputs -> after atheris",
               f"{cov(inited)} -> {cov(final[-1]) if final else '?'}"),
        Figure(ITEM, "atheris crashes", "1: " + "; ".join(log[-3:])[:200] if crashed else "0",
               "0", not crashed),
    ]
