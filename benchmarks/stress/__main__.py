"""`python -m benchmarks.stress`: run the parts, print one table of the figures of issue 6.

Every part is bounded: sizes are flags, the long ones also stop at a time limit (and say how
far they got). Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable

from ._common import Figure

PARTS = ("corpus", "smuggling", "fuzz", "slow", "conns", "pipeline", "faults", "soak",
         "safety", "linear", "hold", "h2")
FULL = {"slow": 1000, "conns": 10_000, "pipeline": "100x100", "flooders": 4,
        "soak": 1_000_000, "fuzz": 1_000_000, "atheris_runs": 300_000, "safety": 3000,
        "smuggling": 0, "fault_scale": 5, "burst": 1000, "linear": 64 * 1024, "hold": 30.0,
        "h2": 20_000, "h2_seconds": 1800.0, "h2_flood": 5.0, "h2_stall": 40.0}
QUICK = {"slow": 200, "conns": 2000, "pipeline": "20x50", "flooders": 4, "soak": 20_000,
         "fuzz": 20_000, "atheris_runs": 20_000, "safety": 200, "smuggling": 1500,
         "fault_scale": 1, "burst": 400, "linear": 16 * 1024, "hold": 5.0,
         "h2": 2000, "h2_seconds": 300.0, "h2_flood": 3.0, "h2_stall": 3.0}


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stress", description=__doc__)
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: all of {', '.join(PARTS)})")
    parser.add_argument("--quick", action="store_true", help="CI-like sizes: a few minutes")
    parser.add_argument("--slow", type=int, help="slowloris and slow-body connections, each")
    parser.add_argument("--conns", type=int, help="idle keep-alive connections")
    parser.add_argument("--pipeline", help="CONNECTIONSxDEPTH pipelined requests")
    parser.add_argument("--flooders", type=int, help="clients that pipeline and never read")
    parser.add_argument("--soak", type=int, help="requests in the soak")
    parser.add_argument("--soak-seconds", type=float, default=3600.0,
                        help="time limit of the soak (default: %(default)s)")
    parser.add_argument("--fuzz", type=int, help="fuzzing inputs of the mutation engine")
    parser.add_argument("--fuzz-seconds", type=float, default=1800.0,
                        help="time limit of the mutation engine (default: %(default)s)")
    parser.add_argument("--atheris-runs", type=int, help="atheris inputs (0: skip)")
    parser.add_argument("--safety", type=int, help="hostile requests through every page")
    parser.add_argument("--smuggling", type=int, help="smuggling variants sent (0: all)")
    parser.add_argument("--fault-scale", type=int, help="multiplies the faulty clients")
    parser.add_argument("--burst", type=int, help="connections at once against ulimit -n 128")
    parser.add_argument("--linear", type=int,
                        help="value size of the linear-cost walk, against half of it (octets)")
    parser.add_argument("--hold", type=float,
                        help="seconds of maximal requests pipelined while /hello is timed")
    parser.add_argument("--h2", type=int, help="fuzzed HTTP/2 connections")
    parser.add_argument("--h2-seconds", type=float, help="time limit of the HTTP/2 fuzzing")
    parser.add_argument("--h2-flood", type=float, help="seconds of each HTTP/2 flood")
    parser.add_argument("--h2-stall", type=float,
                        help="seconds of the zero-window stall (the server's limit: 30)")
    ns = parser.parse_args(argv)
    defaults = QUICK if ns.quick else FULL
    for key, value in defaults.items():
        if getattr(ns, key) is None:
            setattr(ns, key, value)
    unknown = set(ns.only.split(",")) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return ns


def plan(ns: argparse.Namespace) -> dict[str, Callable[[], list[Figure]]]:
    from . import (
        conns,
        corpus,
        faults,
        fuzz,
        h2,
        linear,
        pipeline,
        safety,
        slow,
        smuggling,
        soak,
    )

    connections, depth = (int(n) for n in ns.pipeline.lower().split("x"))
    return {
        "corpus": corpus.run,
        "smuggling": lambda: smuggling.run(ns.smuggling),
        "fuzz": lambda: fuzz.run(ns.fuzz, ns.fuzz_seconds, ns.atheris_runs),
        "slow": lambda: slow.run(ns.slow),
        "conns": lambda: conns.run(ns.conns),
        "pipeline": lambda: pipeline.run(connections, depth, ns.flooders),
        "faults": lambda: faults.run(ns.fault_scale, ns.burst),
        "soak": lambda: soak.run(ns.soak, ns.soak_seconds),
        "safety": lambda: safety.run(ns.safety),
        "linear": lambda: linear.run(ns.linear),
        "hold": lambda: linear.run_hold(ns.hold),
        "h2": lambda: h2.run(ns.h2, ns.h2_seconds, ns.h2_flood, ns.h2_stall),
    }


def table(figures: list[Figure]) -> str:
    rows = [("item", "figure", "value", "target", "")]
    rows += [(f.item, f.what, f.value, f.target,
              "" if f.ok is None else ("ok" if f.ok else "MISS")) for f in figures]
    widths = [min(60, max(len(r[i]) for r in rows)) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
        lines.append(" | ".join(cells).rstrip())
        if number == 0:
            lines.append("-+-".join("-" * w for w in [*widths, 4]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ns = arguments(argv)
    runs = plan(ns)
    figures: list[Figure] = []
    for name in [p for p in PARTS if p in ns.only.split(",")]:
        began = time.monotonic()
        print(f"== {name} ...", file=sys.stderr, flush=True)
        try:
            found = runs[name]()
        except Exception:
            traceback.print_exc()
            found = [Figure(name, "part crashed", "see the traceback above", ok=False)]
        took = time.monotonic() - began
        print(f"== {name}: {took:.0f} s", file=sys.stderr, flush=True)
        figures += found
        figures.append(Figure(found[0].item if found else name, "part wall time", f"{took:.0f} s"))
    print(table(figures))
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
