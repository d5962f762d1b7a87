"""headerscope against its peers, side by side, in one run: server CPU time per request.

    benchmarks/install-peers.sh                      # once, as root: apt and pip
    .venv/bin/python benchmarks/peers.py             # 3 rounds, 5 s each, Firefox's 13 fields
    .venv/bin/python benchmarks/peers.py --rounds 5 --mode close --report peers.html
    .venv/bin/python benchmarks/peers.py --protocols http1,h2c,h2   # HTTP/2 too (issue 14)

Every contender runs on 127.0.0.1 as one server process (its master and one worker where the
server insists on one) pinned to CPU 0, the load generator (wrk when installed, else our
asyncio one) on CPU 1, with the same request bytes. Contenders are interleaved A B C ... in
each round, the order reversed every other round, so that a noisy neighbour hits all alike;
the table gives medians over the rounds and ratios from this run only. The primary figure is
the server's CPU time per request (utime + stime of its processes, from /proc), because on a
shared machine requests/s swings with other load while CPU per request stays put.

With `--protocols` (or `--protocol`, repeatable) every contender is measured over every
protocol given that it serves: http1; h2c, HTTP/2 with prior knowledge on a plain port; h2,
HTTP/2 on TLS by ALPN with a throwaway certificate. HTTP/2 is loaded by h2load (Debian's
nghttp2-client) through the same `measure()` as `headerscope bench --protocol`. Each
(contender, protocol) is a server process of its own and a row of its own, interleaved in the
rounds like the contenders, and the table adds each contender's HTTP/2 cost ÷ its HTTP/1.1 cost.

A peer whose software is missing, or that cannot serve a protocol, is skipped with a message.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from headerscope.bench import report  # noqa: E402
from headerscope.bench.command import certificate  # noqa: E402
from headerscope.bench.h2load import h2load_path  # noqa: E402
from headerscope.bench.h2load import version as h2load_version  # noqa: E402
from headerscope.bench.measure import LoadSpec, interleaved, measure, progress  # noqa: E402
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
        listen 127.0.0.1:{port}{listen};{tls}{requests}
        location / {{ root {dir}/www; }}
    }}
}}
"""
# nginx 1.22 (Debian 12): `http2` on a plain listen speaks HTTP/2 with prior knowledge only;
# with `ssl` beside it, h2 (or HTTP/1.1) by ALPN.
NGINX_LISTEN = {"http1": "", "h2c": " http2", "h2": " ssl http2"}
# h2load opens no new connection when a server ends one (GOAWAY), and headerscope, hypercorn
# and nginx each end an HTTP/2 connection after 1000 requests by default, so a run would stop
# after 1000 x connections requests: over HTTP/2 each is told to keep its connections open.
# wrk reconnects, so over HTTP/1.1 every server keeps its defaults.
ENDLESS = 1_000_000_000
HTTP1 = ("http1",)
PROTOCOLS = ("http1", "h2c", "h2")  # https is `headerscope bench`'s alone: issue 14 asks h2
INSPECTOR = "headerscope inspector"


@dataclass(frozen=True)
class Listen:
    """What a contender's command is made from: where it listens, over what, its folder."""

    port: int
    folder: Path  # its own scratch folder
    protocol: str = "http1"  # "http1", "h2c" (prior knowledge) or "h2" (TLS and ALPN)
    tls: tuple[str, ...] = ()  # for h2: --certfile CERT --keyfile KEY, from bench's certificate()

    def tls_file(self, flag: str) -> str:
        return self.tls[self.tls.index(flag) + 1]


@dataclass(frozen=True)
class Peer:
    name: str
    path: str
    # how it should listen -> the command, or a reason why this peer cannot run here
    command: Callable[[Listen], list[str] | str]
    protocols: tuple[str, ...] = HTTP1  # what it can serve


@dataclass(frozen=True)
class Run:
    """A row of the table: one contender over one protocol."""

    name: str
    protocol: str = "http1"


def _guile(example: str) -> Callable[[Listen], list[str] | str]:
    def command(listen: Listen) -> list[str] | str:
        port, folder = listen.port, listen.folder
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


def _werkzeug(server: str) -> Callable[[Listen], list[str] | str]:
    def command(listen: Listen) -> list[str] | str:
        for module in ("werkzeug", *((server,) if server != "asyncio" else ())):
            if not _installed(module):
                return f"{module} is not installed (.venv/bin/pip install {module})"
        return [sys.executable, str(REPO / "benchmarks" / "werkzeug_inspector.py"), server,
                str(listen.port), *listen.tls, *(
                    ("--max-requests", str(ENDLESS)) if listen.protocol != "http1" else ())]

    return command


def _httpbin(listen: Listen) -> list[str] | str:
    for module in ("httpbin", "gunicorn"):
        if not _installed(module):
            return f"{module} is not installed (.venv/bin/pip install {module})"
    return [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind",
            f"127.0.0.1:{listen.port}", "--log-level", "warning", "httpbin:app"]


def _nginx(listen: Listen) -> list[str] | str:
    folder = listen.folder
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx")
                                      else None)
    if nginx is None:
        return "nginx is not installed (apt-get install nginx)"
    (folder / "www").mkdir(exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    (folder / "www" / "hello.txt").write_text("Hello, World!")  # 13 bytes, as Guile's
    for path in (folder, folder / "www", folder / "www" / "hello.txt"):
        path.chmod(0o755)  # nginx's worker drops root for an unprivileged user
    tls = (f"\n        ssl_certificate {listen.tls_file('--certfile')};"
           f"\n        ssl_certificate_key {listen.tls_file('--keyfile')};" if listen.tls else "")
    requests = "" if listen.protocol == "http1" else f"\n        keepalive_requests {ENDLESS};"
    (folder / "nginx.conf").write_text(NGINX_CONF.format(
        dir=folder, port=listen.port, listen=NGINX_LISTEN[listen.protocol], tls=tls,
        requests=requests))
    return [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")]


def _headerscope(listen: Listen) -> list[str]:
    # One plain port answers HTTP/1.1 and h2c alike; a certificate adds h2 by ALPN. The
    # command keeps connections open over every protocol (bench/target.py).
    return headerscope_command(listen.port, extra=list(listen.tls))


PEERS = (
    Peer(INSPECTOR, "/", _headerscope, PROTOCOLS),
    Peer("guile debug-sxml.scm", "/", _guile("debug-sxml.scm")),
    Peer("werkzeug inspector, bare asyncio", "/", _werkzeug("asyncio")),
    Peer("werkzeug inspector, uvicorn", "/", _werkzeug("uvicorn")),
    Peer("werkzeug inspector, hypercorn", "/", _werkzeug("hypercorn"), PROTOCOLS),
    Peer("httpbin /headers, gunicorn", "/headers", _httpbin),
    Peer("headerscope /hello", "/hello", _headerscope, PROTOCOLS),
    Peer("guile hello.scm", "/", _guile("hello.scm")),
    Peer("nginx static 13 bytes", "/hello.txt", _nginx, PROTOCOLS),
)


def _floor(how: str) -> Callable[[Listen], list[str] | str]:
    def command(listen: Listen) -> list[str]:
        return [sys.executable, str(REPO / "benchmarks" / "floor.py"), how, str(listen.port)]

    return command


# `--floors`: what the server costs before any field is parsed (benchmarks/floor.py).
FLOORS = (
    Peer("floor: bare asyncio, constant answer", "/", _floor("asyncio")),
    Peer("floor: headerscope server, constant app", "/", _floor("headerscope")),
)


def label(run: Run, mixed: bool) -> str:
    """A run's name in messages and the report: the protocol is named once there are several
    (or another than HTTP/1.1)."""
    return f"{run.name} over {run.protocol}" if mixed else run.name


def start(peer: Peer, protocol: str, folder: Path, cpus: str, tls: tuple[str, ...] = (), *,
          mixed: bool = False) -> Target | None:
    name = label(Run(peer.name, protocol), mixed)
    if protocol not in peer.protocols:
        print(f"skipping {name}: it serves {', '.join(peer.protocols)} only", file=sys.stderr)
        return None
    slug = peer.name.replace(" ", "_").replace("/", "").replace(",", "")
    scratch = folder / (slug if protocol == "http1" else f"{slug}_{protocol}")
    scratch.mkdir()
    port = free_port()
    command = peer.command(Listen(port, scratch, protocol, tls if protocol == "h2" else ()))
    if isinstance(command, str):
        print(f"skipping {name}: {command}", file=sys.stderr)
        return None
    try:
        return Target(command, "127.0.0.1", port, cpus=cpus, cwd=str(REPO))
    except RuntimeError as error:
        print(f"skipping {name}: it did not start: {error}", file=sys.stderr)
        return None


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "n/a"


@dataclass(frozen=True)
class Goal:
    """A target: contender a's CPU per request ÷ contender b's over the same protocol, at most
    `limit` (None: shown for context, no verdict)."""

    text: str
    a: str
    b: str
    limit: float | None = None


_HTTP2_GOALS = (
    Goal("inspector ÷ werkzeug inspector, hypercorn (target ≤ 0.5)", INSPECTOR,
         "werkzeug inspector, hypercorn", 1 / 2),
    Goal("inspector ÷ nginx static (distance to the ceiling)", INSPECTOR,
         "nginx static 13 bytes"),
    Goal("/hello ÷ nginx static", "headerscope /hello", "nginx static 13 bytes"),
)
# Issue 5's targets over HTTP/1.1; issue 14's over HTTP/2: "at most 1/2 of hypercorn's".
GOALS: dict[str, tuple[Goal, ...]] = {
    "http1": (
        Goal("inspector ÷ guile debug-sxml.scm (target ≤ 0.33)", INSPECTOR,
             "guile debug-sxml.scm", 1 / 3),
        Goal("inspector ÷ werkzeug bare asyncio (target ≤ 0.77)", INSPECTOR,
             "werkzeug inspector, bare asyncio", 1 / 1.3),
        Goal("/hello ÷ guile hello.scm (target ≤ 0.67, stretch 0.5)", "headerscope /hello",
             "guile hello.scm", 1 / 1.5),
        Goal("inspector ÷ httpbin /headers (target ≤ 0.2)", INSPECTOR,
             "httpbin /headers, gunicorn", 1 / 5),
        Goal("inspector ÷ nginx static (distance to the ceiling)", INSPECTOR,
             "nginx static 13 bytes"),
        Goal("/hello ÷ nginx static", "headerscope /hello", "nginx static 13 bytes"),
    ),
    "h2c": _HTTP2_GOALS,
    "h2": _HTTP2_GOALS,
}
ISSUE = {"http1": 5, "h2c": 14, "h2": 14}
# Issue 14: "an h2c inspector request costs at most 1.2x an HTTP/1.1 one". The other
# contenders' HTTP/2 ÷ HTTP/1.1 are context; h2 adds TLS, so it gets no target against plain.
ACROSS = {Run(INSPECTOR, "h2c"): 1.2}


def _verdict(text: str, x: float | None, y: float | None, limit: float | None) -> str:
    verdict = "" if limit is None or not (x and y) else (
        "  met" if x / y <= limit else "  MISSED")
    return f"- {text}: {ratio(x, y)}{verdict}"


def table(results: Mapping[Run, list[Measurement]] | Mapping[str, list[Measurement]],
          generator: str) -> str:
    """The Markdown table: medians, ratios against headerscope's inspector over the same
    protocol, the targets, and each contender's HTTP/2 ÷ HTTP/1.1 cost. A name alone as a key
    stands for HTTP/1.1, and a run over HTTP/1.1 alone gives the table without a protocol
    column that peers.py printed before it knew protocols."""
    runs = {(key if isinstance(key, Run) else Run(key)): ms for key, ms in results.items()}
    cpu = {run: median([m.cpu_us for m in ms if m.cpu_us is not None])
           for run, ms in runs.items()}
    protocols = list(dict.fromkeys(run.protocol for run in runs))
    plain = protocols == list(HTTP1)
    lines = [f"| contender |{'' if plain else ' protocol |'} CPU µs/req (median) | min–max | "
             "req/s | p99 µs | errors | ÷ inspector | reference µs |",
             f"|---|{'' if plain else '---|'}---:|---:|---:|---:|---:|---:|---:|"]
    for run, ms in runs.items():
        values = [m.cpu_us for m in ms if m.cpu_us is not None]
        # Issue 5's reference figures were measured over HTTP/1.1.
        reference = REFERENCE.get(run.name, "") if run.protocol == "http1" else ""
        lines.append(
            f"| {run.name} |{'' if plain else f' {run.protocol} |'} {fmt_us(cpu[run])} | "
            f"{fmt_us(min(values, default=None))}–{fmt_us(max(values, default=None))} | "
            f"{median([m.load.rps for m in ms]):.0f} | {median([m.load.p99 for m in ms]):.0f} | "
            f"{sum(m.load.errors for m in ms)} | "
            f"{ratio(cpu[run], cpu.get(Run(INSPECTOR, run.protocol)))} | {reference} |")
    lines.append(f"\nload: {generator}; {len(next(iter(runs.values())))} rounds")
    for protocol in protocols:
        lines.append(f"\ntargets (issue {ISSUE[protocol]}{'' if plain else f', {protocol}'}), "
                     "from this run's medians (CPU per request):")
        lines += [_verdict(goal.text, cpu.get(Run(goal.a, protocol)),
                           cpu.get(Run(goal.b, protocol)), goal.limit)
                  for goal in GOALS[protocol]]
    across = [run for run in runs if run.protocol != "http1" and Run(run.name) in cpu]
    if across:
        lines.append("\nacross protocols (issue 14), a contender's CPU per request over HTTP/2 "
                     "÷ over HTTP/1.1:")
        for run in across:
            limit = ACROSS.get(run)
            text = f"{run.name} {run.protocol} ÷ http1" + (
                f" (target ≤ {limit:g})" if limit else "")
            lines.append(_verdict(text, cpu[run], cpu[Run(run.name)], limit))
    return "\n".join(lines)


def _protocols(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names or any(name not in PROTOCOLS for name in names):
        raise argparse.ArgumentTypeError(
            f"{text!r}: give one or more of {', '.join(PROTOCOLS)}, comma-separated")
    return names


def _http2_problem(protocols: list[str], mode: str, request: str) -> str | None:
    """Why HTTP/2 cannot be loaded as asked: h2load's limits, as in `headerscope bench`."""
    if protocols == list(HTTP1):
        return None
    if h2load_path() is None:
        return "h2load is not installed (Debian: apt-get install nghttp2-client)"
    if mode != "keepalive" or PROFILES[request].varies:
        return ("over HTTP/2 only keep-alive and profiles that do not vary (h2load repeats "
                "one request)")
    return None


def _generator(spec: LoadSpec, protocols: list[str], connections: int, request: str) -> str:
    """The load line: each generator with the protocols it loads, the mode and the request."""
    parts = []
    http2 = [p for p in protocols if p != "http1"]
    if "http1" in protocols:
        parts.append((f"{wrk_version()} -t1 -c{connections}" if spec.use_wrk
                      else f"our asyncio generator, {connections} connections")
                     + (" for http1" if http2 else ""))
    seconds = f"{spec.seconds:g} s per run"
    if http2:
        parts.append(f"{h2load_version()} -t1 -m1 -c{connections} for {' and '.join(http2)}")
        whole = max(1, round(spec.seconds))  # h2load's -D counts whole seconds
        if whole != spec.seconds:
            seconds += f" ({whole} s for h2load, which counts whole seconds)"
    return ", ".join([*parts, spec.mode, f"{request} request", seconds])


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
    parser.add_argument("--protocol", "--protocols", dest="protocols", action="append",
                        type=_protocols, metavar="P[,P...]",
                        help="http1; h2c (HTTP/2, prior knowledge) or h2 (TLS, ALPN), both "
                             "loaded by h2load; repeatable or comma-separated: every contender "
                             "is measured over each it serves (default: http1)")
    parser.add_argument("--generator", choices=("auto", "wrk", "asyncio"), default="auto",
                        help="HTTP/1.1 load generator (default: %(default)s)")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="only contenders whose name contains TEXT (repeatable)")
    parser.add_argument("--server-cpus", default="0")
    parser.add_argument("--client-cpus", default="1")
    parser.add_argument("--report", metavar="FILE.html", help="also write a page with charts")
    parser.add_argument("--floors", action="store_true",
                        help="also measure the two floors of benchmarks/floor.py")
    args = parser.parse_args(argv)
    protocols = list(dict.fromkeys(p for group in args.protocols or [HTTP1] for p in group))
    mixed = protocols != list(HTTP1)
    problem = _http2_problem(protocols, args.mode, args.request)
    if problem:
        print(f"peers: {problem}", file=sys.stderr)
        return 2
    contenders = (*PEERS, *(FLOORS if args.floors else ()))
    peers = {p.name: p for p in contenders
             if not args.only or any(t in p.name for t in args.only)}
    with tempfile.TemporaryDirectory(prefix="headerscope-peers-") as folder:
        os.chmod(folder, 0o755)
        tls: tuple[str, ...] = ()
        if "h2" in protocols:
            try:
                tls = tuple(certificate(Path(folder)))
            except (OSError, subprocess.CalledProcessError) as error:
                print(f"peers: could not make a certificate with openssl: {error}",
                      file=sys.stderr)
                return 1
        targets: dict[Run, Target] = {}
        try:
            for peer in peers.values():
                for protocol in protocols:
                    target = start(peer, protocol, Path(folder), args.server_cpus, tls,
                                   mixed=mixed)
                    if target is not None:
                        targets[Run(peer.name, protocol)] = target
            if not targets:
                print("no contender could start", file=sys.stderr)
                return 1
            running = list(targets)
            results: dict[Run, list[Measurement]] = {run: [] for run in running}
            spec = LoadSpec(PROFILES[args.request], close=args.mode == "close",
                            connections=args.connections, seconds=args.duration,
                            warmup=args.warmup, generator=args.generator,
                            client_cpus=args.client_cpus)
            generator = _generator(spec, protocols, args.connections, args.request)
            print(f"peers: {generator}", file=sys.stderr)
            for round_, run in interleaved(running, args.rounds):
                target = targets[run]
                one = dataclasses.replace(spec, path=peers[run.name].path, protocol=run.protocol)
                m = measure(label(run, mixed), one, "127.0.0.1", target.port, target.pid)
                results[run].append(m)
                print(progress(round_, label(run, mixed), m), file=sys.stderr)
        finally:
            for target in targets.values():
                target.__exit__(None, None, None)
    text = table(results, generator)
    print(text)
    if args.report:
        _report(args.report, {label(run, mixed): ms for run, ms in results.items()}, generator)
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
