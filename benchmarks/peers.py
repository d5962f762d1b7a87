"""headerscope against its peers, side by side, in one run: server CPU time per request.

    benchmarks/install-peers.sh                      # once, as root: apt and pip
    .venv/bin/python benchmarks/peers.py             # 3 rounds, 5 s each, Firefox's 13 fields
    .venv/bin/python benchmarks/peers.py --rounds 5 --mode close --report peers.html

Every contender runs on 127.0.0.1 as one server process (its master and one worker where the
server insists on one) pinned to CPU 0, the load generator (wrk when installed, else our
asyncio one) on CPU 1, with the same request bytes. Contenders are interleaved A B C ... in
each round, the order reversed every other round, so that a noisy neighbour hits all alike;
the table gives medians over the rounds and ratios from this run only. The primary figure is
the server's CPU time per request (utime + stime of its processes, from /proc), because on a
shared machine requests/s swings with other load while CPU per request stays put.

A peer whose software is missing is skipped with a message saying what to install.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from headerscope.bench import report  # noqa: E402
from headerscope.bench.measure import LoadSpec, measure  # noqa: E402
from headerscope.bench.profiles import PROFILES  # noqa: E402
from headerscope.bench.results import Measurement, fmt_us, median  # noqa: E402
from headerscope.bench.target import Target, free_port, headerscope_command  # noqa: E402
from headerscope.bench.wrk import version as wrk_version  # noqa: E402
from headerscope.sxml import Node  # noqa: E402

GUILE_EXAMPLES = Path("/usr/share/doc/guile-3.0-dev/examples/web")
# Figures quoted in issue 5 (CPU µs per request, 13 browser-like fields, wrk -c10).
REFERENCE = {"guile debug-sxml.scm": 190, "guile hello.scm": 53,
             "werkzeug inspector, bare asyncio": 92, "httpbin /headers, gunicorn": 300,
             "nginx static 13 bytes": 7}
# Guile's examples call (run-server handler) on port 8080; this rebinds run-server first, so
# that they listen on 127.0.0.1 and the port we give, and loads the example unchanged.
GUILE_PRELUDE = """
(use-modules (web server))
(let ((original run-server)
      (port (string->number (cadr (command-line)))))
  (module-set! (resolve-module '(web server)) 'run-server
    (lambda* (handler #:optional (impl 'http) (open-params '()) . state)
      (apply original handler impl
             (append (list #:addr INADDR_LOOPBACK #:port port) open-params) state))))
(load (caddr (command-line)))
"""
NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp;
    server {{
        listen 127.0.0.1:{port};
        location / {{ root {dir}/www; }}
    }}
}}
"""


@dataclass(frozen=True)
class Peer:
    name: str
    path: str
    # (port, scratch folder) -> the command, or a reason why this peer cannot run here
    command: Callable[[int, Path], list[str] | str]


def _guile(example: str) -> Callable[[int, Path], list[str] | str]:
    def command(port: int, folder: Path) -> list[str] | str:
        guile = shutil.which("guile-3.0") or shutil.which("guile")
        source = GUILE_EXAMPLES / example
        if guile is None:
            return "guile 3.0 is not installed (apt-get install guile-3.0-dev)"
        if not source.exists() and source.with_suffix(".scm.gz").exists():
            (folder / example).write_bytes(gzip.decompress(
                source.with_suffix(".scm.gz").read_bytes()))
            source = folder / example
        if not source.exists():
            return f"{source} is missing (apt-get install guile-3.0-dev)"
        prelude = folder / "prelude.scm"
        prelude.write_text(GUILE_PRELUDE)
        return [guile, str(prelude), str(port), str(source)]

    return command


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _werkzeug(server: str) -> Callable[[int, Path], list[str] | str]:
    def command(port: int, folder: Path) -> list[str] | str:
        for module in ("werkzeug", *((server,) if server == "uvicorn" else ())):
            if not _installed(module):
                return f"{module} is not installed (.venv/bin/pip install {module})"
        return [sys.executable, str(REPO / "benchmarks" / "werkzeug_inspector.py"), server,
                str(port)]

    return command


def _httpbin(port: int, folder: Path) -> list[str] | str:
    for module in ("httpbin", "gunicorn"):
        if not _installed(module):
            return f"{module} is not installed (.venv/bin/pip install {module})"
    return [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}",
            "--log-level", "warning", "httpbin:app"]


def _nginx(port: int, folder: Path) -> list[str] | str:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx")
                                      else None)
    if nginx is None:
        return "nginx is not installed (apt-get install nginx)"
    (folder / "www").mkdir(exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    (folder / "www" / "hello.txt").write_text("Hello, World!")  # 13 bytes, as Guile's
    for path in (folder, folder / "www", folder / "www" / "hello.txt"):
        path.chmod(0o755)  # nginx's worker drops root for an unprivileged user
    (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, port=port))
    return [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")]


def _headerscope(port: int, folder: Path) -> list[str]:
    return headerscope_command(port)


PEERS = (
    Peer("headerscope inspector", "/", _headerscope),
    Peer("guile debug-sxml.scm", "/", _guile("debug-sxml.scm")),
    Peer("werkzeug inspector, bare asyncio", "/", _werkzeug("asyncio")),
    Peer("werkzeug inspector, uvicorn", "/", _werkzeug("uvicorn")),
    Peer("httpbin /headers, gunicorn", "/headers", _httpbin),
    Peer("headerscope /hello", "/hello", _headerscope),
    Peer("guile hello.scm", "/", _guile("hello.scm")),
    Peer("nginx static 13 bytes", "/hello.txt", _nginx),
)


def _floor(how: str) -> Callable[[int, Path], list[str] | str]:
    def command(port: int, folder: Path) -> list[str]:
        return [sys.executable, str(REPO / "benchmarks" / "floor.py"), how, str(port)]

    return command


# `--floors`: what the server costs before any field is parsed (benchmarks/floor.py).
FLOORS = (
    Peer("floor: bare asyncio, constant answer", "/", _floor("asyncio")),
    Peer("floor: headerscope server, constant app", "/", _floor("headerscope")),
)


def start(peer: Peer, folder: Path, cpus: str) -> Target | None:
    scratch = folder / peer.name.replace(" ", "_").replace("/", "").replace(",", "")
    scratch.mkdir()
    port = free_port()
    command = peer.command(port, scratch)
    if isinstance(command, str):
        print(f"skipping {peer.name}: {command}", file=sys.stderr)
        return None
    try:
        return Target(command, "127.0.0.1", port, cpus=cpus, cwd=str(REPO))
    except RuntimeError as error:
        print(f"skipping {peer.name}: it did not start: {error}", file=sys.stderr)
        return None


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "n/a"


def table(results: dict[str, list[Measurement]], generator: str) -> str:
    """The Markdown table: medians, and ratios against headerscope's inspector."""
    cpu = {name: median([m.cpu_us for m in runs if m.cpu_us is not None])
           for name, runs in results.items()}
    ours = cpu.get("headerscope inspector")
    lines = ["| contender | CPU µs/req (median) | min–max | req/s | p99 µs | errors | "
             "÷ inspector | reference µs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, runs in results.items():
        values = [m.cpu_us for m in runs if m.cpu_us is not None]
        lines.append(
            f"| {name} | {fmt_us(cpu[name])} | {fmt_us(min(values, default=None))}–"
            f"{fmt_us(max(values, default=None))} | {median([m.load.rps for m in runs]):.0f} | "
            f"{median([m.load.p99 for m in runs]):.0f} | {sum(m.load.errors for m in runs)} | "
            f"{ratio(cpu[name], ours)} | {REFERENCE.get(name, '')} |")
    lines.append(f"\nload: {generator}; {len(next(iter(results.values())))} rounds")
    lines.append("\ntargets (issue 5), from this run's medians (CPU per request):")
    for text, a, b, limit in (
        ("inspector ÷ guile debug-sxml.scm (target ≤ 0.33)", "headerscope inspector",
         "guile debug-sxml.scm", 1 / 3),
        ("inspector ÷ werkzeug bare asyncio (target ≤ 0.77)", "headerscope inspector",
         "werkzeug inspector, bare asyncio", 1 / 1.3),
        ("/hello ÷ guile hello.scm (target ≤ 0.67, stretch 0.5)", "headerscope /hello",
         "guile hello.scm", 1 / 1.5),
        ("inspector ÷ httpbin /headers (target ≤ 0.2)", "headerscope inspector",
         "httpbin /headers, gunicorn", 1 / 5),
        ("inspector ÷ nginx static (distance to the ceiling)", "headerscope inspector",
         "nginx static 13 bytes", None),
        ("/hello ÷ nginx static", "headerscope /hello", "nginx static 13 bytes", None),
    ):
        x, y = cpu.get(a), cpu.get(b)
        verdict = "" if limit is None or not (x and y) else (
            "  met" if x / y <= limit else "  MISSED")
        lines.append(f"- {text}: {ratio(x, y)}{verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default: %(default)s)")
    parser.add_argument("-d", "--duration", type=float, default=5.0,
                        help="measured seconds per contender per round (default: %(default)s)")
    parser.add_argument("--warmup", type=float, default=1.0,
                        help="unmeasured seconds before each (default: %(default)s)")
    parser.add_argument("-c", "--connections", type=int, default=10)
    parser.add_argument("--request", choices=sorted(PROFILES), default="firefox",
                        help="request profile (default: %(default)s, 13 fields)")
    parser.add_argument("--mode", choices=("keepalive", "close"), default="keepalive")
    parser.add_argument("--generator", choices=("auto", "wrk", "asyncio"), default="auto")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="only contenders whose name contains TEXT (repeatable)")
    parser.add_argument("--server-cpus", default="0")
    parser.add_argument("--client-cpus", default="1")
    parser.add_argument("--report", metavar="FILE.html", help="also write a page with charts")
    parser.add_argument("--floors", action="store_true",
                        help="also measure the two floors of benchmarks/floor.py")
    args = parser.parse_args(argv)
    contenders = (*PEERS, *(FLOORS if args.floors else ()))
    peers = [p for p in contenders if not args.only or any(t in p.name for t in args.only)]
    with tempfile.TemporaryDirectory(prefix="headerscope-peers-") as folder:
        os.chmod(folder, 0o755)
        targets: dict[str, Target] = {}
        try:
            for peer in peers:
                target = start(peer, Path(folder), args.server_cpus)
                if target is not None:
                    targets[peer.name] = target
            if not targets:
                print("no contender could start", file=sys.stderr)
                return 1
            running = [p for p in peers if p.name in targets]
            results: dict[str, list[Measurement]] = {p.name: [] for p in running}
            spec = LoadSpec(PROFILES[args.request], close=args.mode == "close",
                            connections=args.connections, seconds=args.duration,
                            warmup=args.warmup, generator=args.generator,
                            client_cpus=args.client_cpus)
            generator = (f"{wrk_version()} -t1 -c{args.connections}" if spec.use_wrk
                         else f"our asyncio generator, {args.connections} connections")
            generator += f", {spec.mode}, {args.request} request, {args.duration:g} s per run"
            print(f"peers: {generator}", file=sys.stderr)
            for round_ in range(args.rounds):
                order = running if round_ % 2 == 0 else running[::-1]
                for peer in order:
                    target = targets[peer.name]
                    one = LoadSpec(spec.profile, peer.path, spec.close, spec.connections,
                                   spec.seconds, spec.warmup, spec.generator, spec.client_cpus)
                    m = measure(peer.name, one, "127.0.0.1", target.port, target.pid)
                    results[peer.name].append(m)
                    print(f"round {round_ + 1}: {peer.name}: {fmt_us(m.cpu_us)} µs CPU/req, "
                          f"{m.load.rps:.0f} req/s, {m.load.errors} errors", file=sys.stderr)
        finally:
            for target in targets.values():
                target.__exit__(None, None, None)
    text = table(results, generator)
    print(text)
    if args.report:
        _report(args.report, results, generator)
    return 0


def _report(path: str, results: dict[str, list[Measurement]], generator: str) -> None:
    cpu = [(n, median([m.cpu_us for m in r if m.cpu_us is not None])) for n, r in results.items()]
    rps = [(n, median([m.load.rps for m in r])) for n, r in results.items()]
    rows = [(n, fmt_us(c), f"{dict(rps)[n]:.0f}") for n, c in cpu]
    sections: list[tuple[str, Node]] = [
        ("Server CPU time per request (median)", report.bar_chart(cpu, "µs")),
        ("Requests per second (median)", report.bar_chart(rps, "req/s")),
        ("Table", report.table(("contender", "CPU µs/req", "req/s"), rows)),
    ]
    sections += [(f"Latency: {n}", report.histogram(r[len(r) // 2].load.latencies))
                 for n, r in results.items()]
    report.write(path, "headerscope and its peers", [("load", generator), *report.machine()],
                 sections)


if __name__ == "__main__":
    sys.exit(main())
