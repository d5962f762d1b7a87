"""`headerscope bench`: the command line, the runs, and the tables they print.

By default it starts `headerscope serve` (one process, pinned to CPU 0), drives it from CPU 1
with wrk when installed (else our asyncio generator), and prints, per request profile and
mode: requests/s, latency percentiles, errors, and the primary figure, the server's CPU time
per request from /proc. Then memory: the server's RSS before and after, and the allocation
cost of a request measured in-process (see `alloc`). `--phases` adds where the server's time
goes; `--report FILE.html` writes it all as a page with charts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .. import phases
from ..server._loops import LOOPS
from ..sxml import Node
from . import alloc, procstat, report
from .h2load import h2load_path
from .h2load import version as h2load_version
from .measure import LoadSpec, measure
from .profiles import PROFILES, Profile, request_bytes
from .results import Allocation, Measurement, fmt_us
from .target import Target, free_port, headerscope_command
from .wrk import version as wrk_version
from .wrk import wrk_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_argument_group("what to load")
    what.add_argument("--url", help="load a running server instead of starting one, e.g. "
                                    "http://127.0.0.1:8080/ (its CPU: --pid, else the process "
                                    "listening on the port)")
    what.add_argument("--pid", type=int, help="with --url: the server process to account")
    what.add_argument("--path", default="/",
                      help="request target: / (the inspector) or /hello (default: %(default)s)")
    what.add_argument("--request", action="append", choices=sorted(PROFILES), metavar="PROFILE",
                      help="request profile, repeatable: " + "; ".join(
                          f"{p.name}: {p.description}" for p in PROFILES.values())
                      + " (default: firefox)")
    what.add_argument("--mode", choices=("keepalive", "close", "both"), default="keepalive",
                      help="keepalive: N persistent connections; close: the article's mode, "
                           "HTTP/1.0 and a new connection per request (default: %(default)s)")
    what.add_argument("--workers", type=int, default=1, help="server processes (default: 1)")
    what.add_argument("--loop", choices=LOOPS, default="asyncio",
                      help="the server's event loop (uvloop needs the extra; default: "
                           "%(default)s)")
    what.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                      help="pass ARG to the started `headerscope serve` (repeatable), e.g. "
                           "--server-arg=--no-store")
    what.add_argument("--server-profile", metavar="FILE",
                      help="run the server with --profile FILE (cProfile, read with pstats)")
    how = parser.add_argument_group("how")
    how.add_argument("-c", "--connections", type=int, default=10,
                     help="concurrent connections (default: %(default)s)")
    how.add_argument("-d", "--duration", type=float, default=5.0,
                     help="seconds of measured load per run (default: %(default)s)")
    how.add_argument("--warmup", type=float, default=1.0,
                     help="seconds of unmeasured load first (default: %(default)s)")
    how.add_argument("--rounds", type=int, default=1,
                     help="runs per profile and mode; the median is shown (default: 1)")
    how.add_argument("--protocol", choices=PROTOCOLS, default="http1",
                     help="http1; https (HTTP/1.1 on TLS, wrk); h2c (HTTP/2 with prior "
                          "knowledge) or h2 (TLS, ALPN), both loaded by h2load; the server "
                          "gets a throwaway certificate for TLS (default: %(default)s)")
    how.add_argument("--generator", choices=("auto", "wrk", "asyncio"), default="auto",
                     help="load generator; auto: wrk when installed (default: %(default)s)")
    how.add_argument("--server-cpus", default="0", help="taskset CPUs for the server")
    how.add_argument("--client-cpus", default="1", help="taskset CPUs for the load generator")
    out = parser.add_argument_group("what to report")
    out.add_argument("--phases", action="store_true",
                     help="time each phase of a request in the server (µs per request)")
    out.add_argument("--no-alloc", dest="alloc", action="store_false",
                     help="skip the in-process allocation measurement")
    out.add_argument("--report", metavar="FILE.html", help="also write the results as a page")


PROTOCOLS = ("http1", "https", "h2c", "h2")


def certificate(folder: Path) -> list[str]:
    """A throwaway self-signed certificate for 127.0.0.1: the server's TLS arguments."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return ["--certfile", str(cert), "--keyfile", str(key)]


def run(args: argparse.Namespace) -> int:
    profiles = [PROFILES[name] for name in args.request or ["firefox"]]
    modes = [False, True] if args.mode == "both" else [args.mode == "close"]
    if args.protocol in ("h2c", "h2") and h2load_path() is None:
        print("headerscope bench: h2load is not installed (Debian: apt-get install "
              "nghttp2-client)", file=sys.stderr)
        return 2
    if args.protocol in ("h2c", "h2") and (args.mode != "keepalive" or any(
            p.varies for p in profiles)):
        print("headerscope bench: over HTTP/2 only keep-alive and profiles that do not vary "
              "(h2load repeats one request)", file=sys.stderr)
        return 2
    if (args.generator == "wrk" or args.protocol == "https") and wrk_path() is None:
        print("headerscope bench: wrk is not installed (benchmarks/install-peers.sh installs "
              "it); use --generator asyncio", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="headerscope-bench-") as folder:
        phases_file = str(Path(folder) / "phases.json") if args.phases else None
        if args.url:
            parts = urlsplit(args.url)
            host, port = parts.hostname or "127.0.0.1", parts.port or 80
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            pid = args.pid or procstat.listener_pid(port)
            if pid is None:
                print("headerscope bench: cannot find the server's process (give --pid); "
                      "its CPU time per request will be missing", file=sys.stderr)
            if args.phases and pid is not None:
                print("headerscope bench: --phases needs the server started with "
                      f"{phases.ENV}=FILE; with --url, start it that way yourself",
                      file=sys.stderr)
                phases_file = None
            return _bench(args, None, host, port, path, pid, profiles, modes, phases_file)
        port = free_port()
        extra = ["--loop", args.loop]
        if args.protocol in ("https", "h2"):
            try:
                extra += certificate(Path(folder))
            except (OSError, subprocess.CalledProcessError) as error:
                print(f"headerscope bench: could not make a certificate with openssl: {error}",
                      file=sys.stderr)
                return 1
        if args.server_profile:
            extra += ["--profile", args.server_profile]
        extra += args.server_arg
        env = {phases.ENV: phases_file} if phases_file else {}
        # The field cache's counts, read by signal around each load (pages/fieldcache.py).
        from ..pages.fieldcache import STATS_ENV

        cache_file = str(Path(folder) / "cache.json")
        env[STATS_ENV] = cache_file
        try:
            target = Target(headerscope_command(port, workers=args.workers, extra=extra),
                            "127.0.0.1", port, cpus=args.server_cpus, env=env)
        except RuntimeError as error:
            print(f"headerscope bench: could not start the server: {error}", file=sys.stderr)
            return 1
        with target:
            return _bench(args, target, "127.0.0.1", port, args.path, target.pid, profiles,
                          modes, phases_file, cache_file)


def _bench(args: argparse.Namespace, target: Target | None, host: str, port: int, path: str,
           pid: int | None, profiles: list[Profile], modes: list[bool],
           phases_file: str | None, cache_file: str | None = None) -> int:
    spec0 = LoadSpec(PROFILES["firefox"], generator=args.generator, client_cpus=args.client_cpus,
                     protocol=args.protocol)
    generator = (f"{h2load_version()} -t1 -m1" if spec0.use_h2load
                 else f"{wrk_version()} -t1" if spec0.use_wrk else "our asyncio generator")
    passed = "".join(f" {arg}" for arg in args.server_arg)
    server = (f"headerscope serve --loop {args.loop}{passed}, {args.workers} process(es) on CPU "
              f"{args.server_cpus}"
              if target else f"pid {pid}" if pid else "unknown process")
    print(f"headerscope bench: {spec0.scheme}://{host}:{port}{path} ({server}) over "
          f"{args.protocol}; load: {generator} "
          f"on CPU {args.client_cpus}; {args.duration:g} s per run after {args.warmup:g} s "
          "of warm-up")
    results: list[Measurement] = []
    for profile in profiles:
        for close in modes:
            spec = LoadSpec(profile, path, close, args.connections, args.duration, args.warmup,
                            args.generator, args.client_cpus, args.protocol)
            runs = [measure(f"{profile.name}, {spec.mode}", spec, host, port, pid,
                            phases_file=phases_file, cache_file=cache_file)
                    for _ in range(args.rounds)]
            runs.sort(key=lambda m: m.cpu_us if m.cpu_us is not None else m.load.rps)
            results.append(runs[len(runs) // 2])
    _print_table(results)
    _print_cache(results)
    first, last = results[0], results[-1]
    if first.rss_before_kib is not None and last.rss_after_kib is not None:
        total = sum(m.load.requests for m in results)
        print(f"\nserver RSS: {first.rss_before_kib / 1024:.1f} MiB before, "
              f"{last.rss_after_kib / 1024:.1f} MiB after {total:,} requests "
              f"(+{(last.rss_after_kib - first.rss_before_kib) / 1024:.1f} MiB, warm-up "
              "included)")
    allocations: list[tuple[str, Allocation]] = []
    if args.alloc and target is not None:
        from ..pages.app import make_app

        one = alloc.serve_bytes(make_app())
        for profile in profiles:
            make = request_bytes(profile, f"{host}:{port}", path, close=False)
            allocations.append((profile.name, alloc.measure(one, make)))
        _print_allocations(allocations)
    if phases_file:
        for m in results:
            _print_phases(m)
    if args.report:
        _write_report(args.report, f"http://{host}:{port}{path}", server, generator, results,
                      allocations)
        print(f"\nreport written to {args.report}")
    return 0 if all(m.load.errors == 0 for m in results) else 1


def _print_table(results: list[Measurement]) -> None:
    print(f"\n{'profile, mode':<32}{'requests':>9}{'req/s':>8}{'CPU µs/req':>11}"
          f"{'p50 µs':>9}{'p90':>8}{'p99':>8}{'max':>8}{'errors':>7}")
    for m in results:
        r = m.load
        print(f"{m.name:<32}{r.requests:>9}{r.rps:>8.0f}{fmt_us(m.cpu_us):>11}"
              f"{r.p50:>9.0f}{r.p90:>8.0f}{r.p99:>8.0f}{r.max:>8.0f}{r.errors:>7}")


def _print_cache(results: list[Measurement]) -> None:
    """The server's field cache during each load (median run): hits, misses, hit rate."""
    known = [m for m in results if m.cache is not None]
    if not known:
        return
    print("\nfield cache (server, during the load): lines parsed through it, hits, misses "
          "(stored), skipped (never stored: credentials, --redact, long values)")
    print(f"  {'profile, mode':<30}{'hits':>10}{'misses':>9}{'skipped':>9}{'hit rate':>10}"
          f"{'entries':>9}{'KiB':>7}")
    for m in known:
        c = m.cache or {}
        rate = m.hit_rate
        print(f"  {m.name:<30}{c['hits']:>10}{c['misses']:>9}{c['skipped']:>9}"
              f"{'n/a' if rate is None else f'{100 * rate:.1f} %':>10}{c['entries']:>9}"
              f"{c['bytes'] / 1024:>7.1f}")
    if all(m.cache is not None and not any(m.cache.values()) for m in known):
        print("(all zero: the server runs without the cache, e.g. --server-arg=--no-cache)")


def _print_allocations(allocations: list[tuple[str, Allocation]]) -> None:
    print("\nallocation per request (in-process, same code path: reader, app, encoding):")
    print(f"{'profile':<12}{'tracemalloc peak':>18}{'max':>10}{'net blocks':>12}"
          f"{'gc per 100k: gen0':>19}{'gen1':>7}{'gen2':>7}")
    for name, a in allocations:
        print(f"{name:<12}{a.peak_bytes / 1024:>15.1f} KiB{a.peak_bytes_max / 1024:>6.1f} KiB"
              f"{a.net_blocks:>12.2f}{a.gc_per_100k[0]:>19.0f}{a.gc_per_100k[1]:>7.0f}"
              f"{a.gc_per_100k[2]:>7.0f}")


def phase_rows(m: Measurement) -> list[tuple[str, float]]:
    """(phase, µs per request), the remainder of the server's CPU time last."""
    count = m.phase_requests or m.load.requests
    if not m.phases_ns or not count:
        return []
    share = m.running_share  # wall time in a phase -> the CPU time it stands for
    rows = [(label, m.phases_ns.get(key, 0) * share / 1000 / count) for key, label in
            phases.PHASES.items()]
    if m.cpu_us is not None:
        rows.append((phases.REST, max(0.0, m.cpu_us - sum(v for _, v in rows))))
    return rows


def _print_phases(m: Measurement) -> None:
    rows = phase_rows(m)
    if not rows:
        print(f"\nphases ({m.name}): no timings came back from the server")
        return
    total = m.cpu_us or sum(v for _, v in rows)
    print(f"\nphases, µs per request ({m.name}; timers on, CPU {fmt_us(m.cpu_us)} µs/req; "
          f"the server ran {100 * m.running_share:.0f} % of the time it was ready):")
    for label, value in rows:
        print(f"  {value:>8.1f}  {100 * value / total:>5.1f} %  {label}")
    if m.running_share < 0.5:
        print("  (a busy machine: the server waited for a core more than it ran, so these are "
              "wall times scaled by that share, rough estimates; prefer a quiet machine)")


def _write_report(path: str, url: str, server: str, generator: str,
                  results: list[Measurement], allocations: list[tuple[str, Allocation]]) -> None:
    rows = [(m.name, m.load.requests, f"{m.load.rps:.0f}", fmt_us(m.cpu_us),
             f"{m.load.p50:.0f}", f"{m.load.p90:.0f}", f"{m.load.p99:.0f}",
             f"{m.load.max:.0f}", m.load.errors) for m in results]
    sections: list[tuple[str, Node]] = [
        ("Results", report.table(("profile, mode", "requests", "req/s", "CPU µs/req", "p50 µs",
                                  "p90 µs", "p99 µs", "max µs", "errors"), rows)),
        ("Server CPU time per request", report.bar_chart(
            [(m.name, m.cpu_us) for m in results if m.cpu_us is not None], "µs")),
        ("Requests per second", report.bar_chart([(m.name, m.load.rps) for m in results],
                                                 "req/s")),
    ]
    sections += [(f"Latency: {m.name}", report.histogram(m.load.latencies)) for m in results]
    if allocations:
        sections.append(("Allocation per request", report.table(
            ("profile", "tracemalloc peak KiB", "max KiB", "net blocks", "gc gen0 /100k",
             "gen1 /100k", "gen2 /100k"),
            [(n, f"{a.peak_bytes / 1024:.1f}", f"{a.peak_bytes_max / 1024:.1f}",
              f"{a.net_blocks:.2f}", *(f"{g:.0f}" for g in a.gc_per_100k))
             for n, a in allocations])))
    for m in results:
        rows_p = phase_rows(m)
        if rows_p:
            sections.append((f"Phases: {m.name}", report.bar_chart(rows_p, "µs")))
    meta = [("target", url), ("server", server), ("load", generator), *report.machine()]
    report.write(path, "headerscope bench", meta, sections)
