"""The field cache's bound (issue 18): the server's memory over 1,000,000 varied requests.

    .venv/bin/python benchmarks/memory.py                    # 1,000,000 requests
    .venv/bin/python benchmarks/memory.py --requests 3000    # a smoke run, a few seconds

Issue 18's target: "RSS growth under 10 MB over 1,000,000 requests of the varied profile with
the cache on (the bound works)". Under the varied profile (bench/profiles.py) every field line
but three is new on every request, so the cache misses and stores on every line and evicts as
often: without its bound in entries and bytes it would grow by every line it ever saw.

The server is `headerscope serve` as users run it, with the defaults that matter here: the
field cache on, the capture store in memory keeping the last 1000 requests (64 MiB at most;
full after the first 1000 requests, so within the warm-up). Three options, from
bench/target.py's headerscope_command: `--workers 1` (one process, whose RSS is the figure),
`--max-requests 1000000000` (the keep-alive connections last the run; the default closes one
every 1000 requests, which costs a reconnect and nothing in memory), `--no-access-log` (the
log line per request goes to a file the benchmark would have to keep). The server runs pinned
to CPU 0, started with HEADERSCOPE_CACHE_STATS so that SIGUSR2 makes it write its cache's
entries and bytes at each sample (pages/fieldcache.py).

The load is our asyncio generator (bench/loadgen.py; wrk cannot stop at a request count) on
CPU 1, over a few keep-alive connections, in runs that continue one another's request numbers
(0 to N - 1, no value sent twice). VmRSS (from /proc/PID/status) is read after a warm-up of
20,000 requests and then every 100,000; growth is counted from the warm-up sample, and the
verdict takes the largest growth seen (MB: 10^6 bytes). Exit status 1 when the target is
missed, a response was not a 2xx, or fewer requests were answered than sent.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from headerscope.bench import procstat  # noqa: E402
from headerscope.bench.loadgen import LoadGenerator  # noqa: E402
from headerscope.bench.profiles import PROFILES, request_bytes  # noqa: E402
from headerscope.bench.target import Target, cpu_list, free_port, headerscope_command  # noqa: E402
from headerscope.pages.fieldcache import STATS_ENV, collect_stats  # noqa: E402

TARGET_MB = 10.0  # issue 18: RSS growth under 10 MB ...
TARGET_REQUESTS = 1_000_000  # ... over 1,000,000 requests of the varied profile
MB = 1_000_000


def _mb(kib: int) -> float:
    return kib * 1024 / MB


def _load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=TARGET_REQUESTS,
                        help="requests to send (default: %(default)s)")
    parser.add_argument("--warmup", type=int, default=20_000,
                        help="requests before the first sample (default: %(default)s; at most "
                             "a tenth of --requests)")
    parser.add_argument("--every", type=int, default=100_000,
                        help="requests between samples (default: %(default)s; at most a "
                             "quarter of what follows the warm-up)")
    parser.add_argument("-c", "--connections", type=int, default=4,
                        help="keep-alive connections (default: %(default)s)")
    parser.add_argument("--path", default="/",
                        help="request target (default: %(default)s, the inspector: every "
                             "field through the cache and its row drawn)")
    parser.add_argument("--server-cpus", default="0")
    parser.add_argument("--client-cpus", default="1")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.connections < 1:
        parser.error("--requests and --connections must be at least 1")
    warmup = max(1, min(args.warmup, args.requests // 10))
    every = max(1, min(args.every, (args.requests - warmup) // 4))
    port = free_port()
    command = headerscope_command(port, workers=1)
    shown = " ".join(command[command.index("serve"):]).replace(f"--port {port}", "--port P")
    with tempfile.TemporaryDirectory(prefix="headerscope-memory-") as folder:
        stats_file = str(Path(folder) / "cache.json")
        try:
            target = Target(command, "127.0.0.1", port, cpus=args.server_cpus,
                            env={STATS_ENV: stats_file})
        except RuntimeError as error:
            print(f"memory: could not start the server: {error}", file=sys.stderr)
            return 1
        with target:
            return _run(args, target, stats_file, warmup, every, shown)


def _run(args: argparse.Namespace, target: Target, stats_file: str, warmup: int, every: int,
         shown: str) -> int:
    make = request_bytes(PROFILES["varied"], f"127.0.0.1:{target.port}", args.path,
                         close=False)
    generator = LoadGenerator("127.0.0.1", target.port, make, connections=args.connections,
                              close=False)
    cpus = cpu_list(args.client_cpus)
    print(f"memory: {shown} (field cache on; capture store at its default, in memory) on CPU "
          f"{args.server_cpus}; load: our asyncio generator, {args.connections} keep-alive "
          f"connections on CPU {args.client_cpus}; varied profile, {args.requests:,} requests "
          f"to {args.path}; load average {_load_average()}")
    print("\n| requests | RSS MB | growth since warm-up MB | cache entries | cache KiB | "
          "req/s |")
    print("|---:|---:|---:|---:|---:|---:|")
    answered = errors = 0
    base_kib = 0
    growths: list[tuple[float, int]] = []
    started = time.perf_counter()
    while answered < args.requests:
        chunk = min(warmup if answered == 0 else every, args.requests - answered)
        result = generator.run(3600, requests=chunk, cpus=cpus, first=generator.sent)
        answered += result.requests
        errors += result.errors
        if result.requests < chunk:
            print(f"\nmemory: only {result.requests} of {chunk} requests were answered "
                  "within the hour", file=sys.stderr)
            break
        kib = procstat.rss_kib(target.pid)
        if not growths:
            base_kib = kib
        growth = _mb(kib - base_kib)
        growths.append((growth, answered))
        stats = collect_stats(stats_file, procstat.process_tree(target.pid))
        entries, size = ((str(stats["entries"]), f"{stats['bytes'] / 1024:.1f}")
                         if stats is not None else ("n/a", "n/a"))
        print(f"| {answered:,} | {_mb(kib):.1f} | {growth:+.2f} | {entries} | {size} | "
              f"{result.rps:.0f} |", flush=True)
    elapsed = time.perf_counter() - started
    print(f"\n{answered:,} requests in {elapsed:.0f} s ({answered / elapsed:.0f} req/s), "
          f"{errors} errors; load average {_load_average()}")
    stats = collect_stats(stats_file, procstat.process_tree(target.pid))
    if stats is not None:
        lookups = stats["hits"] + stats["misses"] + stats["skipped"]
        print(f"field cache at the end: {stats['entries']} entries, "
              f"{stats['bytes'] / 1024:.1f} KiB of names and values; {lookups:,} lines parsed "
              f"through it ({lookups / max(1, answered):.1f} per request): "
              f"{stats['hits']:,} hits, {stats['misses']:,} misses, "
              f"{stats['skipped']:,} skipped")
    worst, at = max(growths, default=(0.0, 0))
    last = growths[-1][0] if growths else 0.0
    met = worst < TARGET_MB
    scale = ("" if args.requests >= TARGET_REQUESTS
             else f" (this run: {args.requests:,} requests, fewer than the target's)")
    print(f"target: RSS growth under {TARGET_MB:g} MB over {TARGET_REQUESTS:,} requests of the "
          f"varied profile with the cache on{scale}: {last:+.2f} MB at the end, at most "
          f"{worst:+.2f} MB (at {at:,}): {'met' if met else 'MISSED'}")
    complete = answered == args.requests and errors == 0
    return 0 if met and complete else 1


if __name__ == "__main__":
    sys.exit(main())
