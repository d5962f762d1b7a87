"""Instructions per request under valgrind's callgrind: the number to track between commits.

    .venv/bin/python benchmarks/callgrind.py                  # the inspector and /hello
    .venv/bin/python benchmarks/callgrind.py --path / -n 300 --request chromium
    .venv/bin/python benchmarks/callgrind.py --phases        # the inspector, phase by phase
    .venv/bin/python benchmarks/callgrind.py --phases --request varied --no-cache

Instruction counts do not depend on the machine's load, so unlike timings they are stable on
a shared machine. The server runs under callgrind twice, serving N and then 3N requests over
one keep-alive connection (reconnecting when the server closes it); start-up, imports and
shutdown cost the same in both runs, so (total(3N) - total(N)) / 2N is the cost of one
request alone. The same difference of the calls to the allocator, in a second pair of runs
with PYTHONMALLOC=malloc, gives the allocations per request (the article's "allocation
within VM ... calls per request").
Valgrind counts user-space instructions only: system calls are not in these numbers.

`--phases` counts the phases of an inspector request the same way (N and 3N runs), each
looped in-process by benchmarks/_phase_loop.py: the article's instructions-per-request
breakdown, stable enough to compare between commits where `headerscope bench --phases`
timings are not. Both runs cycle through the same pool of 3N requests of the profile, so
under "varied" no request repeats and under "browser" Chromium's and Firefox's alternate.
`--no-cache` runs the server, or the phases, without the field cache.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from headerscope.bench.loadgen import LoadGenerator  # noqa: E402
from headerscope.bench.profiles import PROFILES, request_bytes  # noqa: E402
from headerscope.bench.target import Target, free_port, headerscope_command  # noqa: E402

# Allocations are counted in a second pair of runs with PYTHONMALLOC=malloc, where every
# allocation of the interpreter (objects and raw memory) is a call into the C library's
# allocator. Counting calls to CPython's own entry points instead (PyObject_Malloc, ...) is
# exact only on builds without link-time optimisation: an LTO build (Debian's, say) inlines
# them into their callers, where no call is left to count (99 "calls" per inspector
# request there, against 751 on a build without LTO). Calls into libc.so cannot be inlined.
LIBC_ALLOCATORS = ("malloc", "calloc", "realloc")


def parse_output(path: Path) -> tuple[int, Counter[str]]:
    """(total instructions, calls per called function name) from a callgrind.out file."""
    names: dict[str, str] = {}
    calls: Counter[str] = Counter()
    total = 0
    callee = ""
    with path.open(errors="replace") as lines:
        for line in lines:
            if line.startswith(("summary:", "totals:")):
                total = max(total, int(line.split()[1]))
            elif line.startswith("cfn="):
                match = re.match(r"cfn=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if match:
                    if match.group(2):
                        names[match.group(1)] = match.group(2)
                    callee = names.get(match.group(1), "")
                else:
                    callee = line[4:].strip()
            elif line.startswith("fn="):
                match = re.match(r"fn=\((\d+)\) (.*)", line.rstrip("\n"))
                if match:
                    names[match.group(1)] = match.group(2)
            elif line.startswith("calls="):
                calls[callee] += int(line[6:].split()[0])
    return total, calls


def one_run(path: str, requests: int, profile: str, folder: Path,
            malloc: bool = False, cache: bool = True) -> tuple[int, Counter[str]]:
    port = free_port()
    suffix = ".malloc" if malloc else ""
    out = folder / f"callgrind.{path.strip('/') or 'root'}.{requests}{suffix}"
    extra = () if cache else ("--no-cache",)
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
               *headerscope_command(port, extra=extra)]
    env = {"PYTHONMALLOC": "malloc"} if malloc else None
    with Target(command, "127.0.0.1", port, startup=600, env=env) as target:
        make = request_bytes(PROFILES[profile], f"127.0.0.1:{port}", path, close=False)
        result = LoadGenerator("127.0.0.1", port, make, connections=1, close=False,
                               timeout=120).run(3600, requests)
        if result.requests != requests or result.errors:
            raise RuntimeError(f"{result.requests} responses, {result.errors} errors")
        status = target.stop(grace=300)
        if status != 0:
            raise RuntimeError(f"the server exited with {status}: {target.output()[-1000:]}")
    return parse_output(out)


def phase_run(phase: str, n: int, profile: str, folder: Path, pool: int, cache: bool) -> int:
    out = folder / f"callgrind.phase.{phase}.{n}"
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
               str(REPO / "benchmarks" / "_phase_loop.py"), phase, str(n), profile, str(pool),
               *(() if cache else ("--no-cache",))]
    result = subprocess.run(command, capture_output=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{phase}: {result.stderr.decode(errors='replace')[-1000:]}")
    return parse_output(out)[0]


def print_phases(n: int, profile: str, folder: Path, cache: bool) -> None:
    from _phase_loop import PHASES

    label = profile if cache else f"{profile}, --no-cache"
    print(f"| phase ({label}) | instructions per request | what it covers |\n|---|---:|---|")
    for phase, covers in PHASES.items():
        small = phase_run(phase, n, profile, folder, 3 * n, cache)
        large = phase_run(phase, 3 * n, profile, folder, 3 * n, cache)
        print(f"| {phase} | {(large - small) / (2 * n):,.0f} | {covers} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", action="append", help="request target, repeatable "
                        "(default: / and /hello)")
    parser.add_argument("-n", "--requests", type=int, default=200,
                        help="N: the runs serve N and 3N requests (default: %(default)s)")
    parser.add_argument("--request", choices=sorted(PROFILES), default="firefox")
    parser.add_argument("--phases", action="store_true",
                        help="count the phases of an inspector request instead")
    parser.add_argument("--no-cache", action="store_true",
                        help="without the field cache (the server's --no-cache)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (benchmarks/install-peers.sh installs it)",
              file=sys.stderr)
        return 1
    n = args.requests
    if args.phases:
        with tempfile.TemporaryDirectory(prefix="headerscope-callgrind-") as folder:
            print_phases(n, args.request, Path(folder), not args.no_cache)
        return 0
    print("| target | instructions per request | allocations per request | N |\n"
          "|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="headerscope-callgrind-") as folder:
        for path in args.path or ["/", "/hello"]:
            cache = not args.no_cache
            small, _ = one_run(path, n, args.request, Path(folder), cache=cache)
            large, _ = one_run(path, 3 * n, args.request, Path(folder), cache=cache)
            per_request = (large - small) / (2 * n)
            _, small_calls = one_run(path, n, args.request, Path(folder), True, cache)
            _, large_calls = one_run(path, 3 * n, args.request, Path(folder), True, cache)
            allocations = sum(large_calls[a] - small_calls[a] for a in LIBC_ALLOCATORS) / (2 * n)
            label = args.request if cache else f"{args.request}, --no-cache"
            print(f"| {path} ({label}) | {per_request:,.0f} | {allocations:,.0f} | {n} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
