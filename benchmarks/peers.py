"""headerscope against its peers, side by side, in one run: server CPU time per request.

    benchmarks/install-peers.sh                      # once, as root: apt and pip
    .venv/bin/python benchmarks/peers.py             # 3 rounds, 5 s each, browser and varied
    .venv/bin/python benchmarks/peers.py --rounds 5 --mode close --report peers.html
    .venv/bin/python benchmarks/peers.py --request firefox --protocols http1,h2c,h2  # issue 14

Every contender runs on 127.0.0.1 as one server process (its master and one worker where the
server insists on one) pinned to CPU 0, the load generator (wrk when installed, else our
asyncio one) on CPU 1, with the same request bytes. Contenders are interleaved A B C ... in
each round, the order reversed every other round, so that a noisy neighbour hits all alike;
the tables give medians over the rounds and ratios from this run only. The primary figure is
the server's CPU time per request (utime + stime of its processes, from /proc), because on a
shared machine requests/s swings with other load while CPU per request stays put.

Issue 18 measures every contender under two request profiles (`--request`, repeatable;
default both, bench/profiles.py): `browser`, Chromium's and Firefox's requests as sent, in
turn, where headerscope's field cache serves every line but the cookie; and `varied`, where
every value changes on every request, so no cache helps. Each contender is measured under
each profile in the same rounds; each profile gets its table, issue 18's targets for it (met
or MISSED, from this run's medians), and the field cache of each headerscope server during
the measured loads (its hits, misses and skipped lines, read by SIGUSR2 before and after
each load as `headerscope bench` reads them). "headerscope inspector, --no-cache" is the same
server without the cache: under varied its ratio is the cache's cost, under browser what the
cache saves. Other profiles get issue 5's targets (set on Firefox's request).

With `--protocols` (or `--protocol`, repeatable) every contender is measured over every
protocol given that it serves: http1; h2c, HTTP/2 with prior knowledge on a plain port; h2,
HTTP/2 on TLS by ALPN with a throwaway certificate. HTTP/2 is loaded by h2load (Debian's
nghttp2-client) through the same `measure()` as `headerscope bench --protocol`. h2load
repeats one request, so HTTP/2 rows are measured only for a profile that does not vary
(`--request firefox`, chromium, curl, host); browser and varied get HTTP/1.1 rows alone, with
a message. Each (contender, protocol) is a server process of its own and a row of its own,
interleaved in the rounds like the contenders, and the table adds each contender's HTTP/2 cost
÷ its HTTP/1.1 cost.

A peer whose software is missing, or that cannot serve a protocol, is skipped with a message.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import importlib.util
import math
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
from headerscope.bench.profiles import PROFILES, Profile  # noqa: E402
from headerscope.bench.results import Measurement, fmt_us, median  # noqa: E402
from headerscope.bench.target import Target, free_port, headerscope_command  # noqa: E402
from headerscope.bench.wrk import version as wrk_version  # noqa: E402
from headerscope.pages.fieldcache import STATS_ENV  # noqa: E402
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
NO_CACHE = "headerscope inspector, --no-cache"
HELLO = "headerscope /hello"
PROFILES_18 = ("browser", "varied")  # issue 18's two kinds of traffic


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
    # headerscope: started with HEADERSCOPE_CACHE_STATS, so that its field cache's counts
    # can be read around each load (pages/fieldcache.py)
    cache_stats: bool = False


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


def _headerscope(*extra: str) -> Callable[[Listen], list[str]]:
    def command(listen: Listen) -> list[str]:
        # One plain port answers HTTP/1.1 and h2c alike; a certificate adds h2 by ALPN. The
        # command keeps connections open over every protocol (bench/target.py).
        return headerscope_command(listen.port, extra=[*listen.tls, *extra])

    return command


PEERS = (
    Peer(INSPECTOR, "/", _headerscope(), PROTOCOLS, cache_stats=True),
    Peer(NO_CACHE, "/", _headerscope("--no-cache"), PROTOCOLS, cache_stats=True),
    Peer("guile debug-sxml.scm", "/", _guile("debug-sxml.scm")),
    Peer("werkzeug inspector, bare asyncio", "/", _werkzeug("asyncio")),
    Peer("werkzeug inspector, uvicorn", "/", _werkzeug("uvicorn")),
    Peer("werkzeug inspector, hypercorn", "/", _werkzeug("hypercorn"), PROTOCOLS),
    Peer("httpbin /headers, gunicorn", "/headers", _httpbin),
    Peer(HELLO, "/hello", _headerscope(), PROTOCOLS, cache_stats=True),
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


@dataclass(frozen=True)
class Server:
    """A started contender, and where its field cache's counts are written (or None)."""

    target: Target
    cache_file: str | None = None


def start(peer: Peer, protocol: str, folder: Path, cpus: str, tls: tuple[str, ...] = (), *,
          mixed: bool = False) -> Server | None:
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
    cache_file = str(scratch / "cache.json") if peer.cache_stats else None
    try:
        target = Target(command, "127.0.0.1", port, cpus=cpus, cwd=str(REPO),
                        env={STATS_ENV: cache_file} if cache_file else None)
    except RuntimeError as error:
        print(f"skipping {name}: it did not start: {error}", file=sys.stderr)
        return None
    return Server(target, cache_file)


def _known(value: float | None) -> bool:
    """A figure to divide by: not None, not NaN (the median of nothing), not zero."""
    return value is not None and not math.isnan(value) and value > 0


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or not (_known(a) and _known(b)):
        return "n/a"
    return f"{a / b:.2f}"


@dataclass(frozen=True)
class Goal:
    """A target: contender a's CPU per request ÷ contender b's over the same protocol, at most
    `limit` (None: shown for context, no verdict)."""

    text: str
    a: str
    b: str
    limit: float | None = None


WERKZEUG, GUILE_SXML = "werkzeug inspector, bare asyncio", "guile debug-sxml.scm"
HTTPBIN, GUILE_HELLO = "httpbin /headers, gunicorn", "guile hello.scm"
NGINX = "nginx static 13 bytes"
_CEILING = (
    Goal("inspector ÷ nginx static (distance to the ceiling)", INSPECTOR, NGINX),
    Goal("/hello ÷ nginx static", HELLO, NGINX),
)
_HTTP2_GOALS = (
    Goal("inspector ÷ werkzeug inspector, hypercorn (target ≤ 0.5)", INSPECTOR,
         "werkzeug inspector, hypercorn", 1 / 2),
    *_CEILING,
)
# Issue 5's targets over HTTP/1.1 (set on Firefox's request); issue 14's over HTTP/2: "at
# most 1/2 of hypercorn's".
GOALS: dict[str, tuple[Goal, ...]] = {
    "http1": (
        Goal("inspector ÷ guile debug-sxml.scm (target ≤ 0.33)", INSPECTOR, GUILE_SXML, 1 / 3),
        Goal("inspector ÷ werkzeug bare asyncio (target ≤ 0.77)", INSPECTOR, WERKZEUG,
             1 / 1.3),
        Goal("/hello ÷ guile hello.scm (target ≤ 0.67, stretch 0.5)", HELLO, GUILE_HELLO,
             1 / 1.5),
        Goal("inspector ÷ httpbin /headers (target ≤ 0.2)", INSPECTOR, HTTPBIN, 1 / 5),
        *_CEILING,
    ),
    "h2c": _HTTP2_GOALS,
    "h2": _HTTP2_GOALS,
}
# Issue 18's targets, per profile, over HTTP/1.1 ("make peers prints both profiles with every
# ratio"): the browser profile with the cache on (the default); varied, the parsers
# themselves, and what the cache costs when nothing repeats.
GOALS_18: dict[str, tuple[Goal, ...]] = {
    "browser": (
        Goal("inspector ÷ werkzeug inspector, bare asyncio (target ≤ 0.6)", INSPECTOR,
             WERKZEUG, 0.6),
        Goal("inspector ÷ guile debug-sxml.scm (target ≤ 0.2)", INSPECTOR, GUILE_SXML, 0.2),
        Goal("inspector ÷ httpbin /headers (target ≤ 0.1)", INSPECTOR, HTTPBIN, 0.1),
        Goal("/hello ÷ guile hello.scm (target ≤ 0.6)", HELLO, GUILE_HELLO, 0.6),
        Goal("what the cache saves: inspector ÷ inspector --no-cache", INSPECTOR, NO_CACHE),
        *_CEILING,
    ),
    "varied": (
        Goal("inspector ÷ werkzeug inspector, bare asyncio (target ≤ 1.3)", INSPECTOR,
             WERKZEUG, 1.3),
        Goal("inspector ÷ guile debug-sxml.scm (target ≤ 0.4)", INSPECTOR, GUILE_SXML, 0.4),
        Goal("/hello ÷ guile hello.scm (target ≤ 1.0)", HELLO, GUILE_HELLO, 1.0),
        Goal("the cache's cost: inspector ÷ inspector --no-cache (target ≤ 1.03)", INSPECTOR,
             NO_CACHE, 1.03),
        *_CEILING,
    ),
}
ISSUE = {"http1": 5, "h2c": 14, "h2": 14}
# Issue 14: "an h2c inspector request costs at most 1.2x an HTTP/1.1 one". The other
# contenders' HTTP/2 ÷ HTTP/1.1 are context; h2 adds TLS, so it gets no target against plain.
ACROSS = {Run(INSPECTOR, "h2c"): 1.2}


def _verdict(text: str, x: float | None, y: float | None, limit: float | None,
             missing: str = "") -> str:
    """`- text: ratio  met|MISSED`; `missing` names a contender that was not measured."""
    if missing:
        return f"- {text}: not measured ({missing} did not run)"
    shown = ratio(x, y)
    if limit is None or shown == "n/a" or x is None or y is None:
        return f"- {text}: {shown}"
    if shown == f"{limit:.2f}":  # at the edge two decimals hide the side: show a third
        shown = f"{x / y:.3f}"
    return f"- {text}: {shown}  {'met' if x / y <= limit else 'MISSED'}"


def _goal_line(goal: Goal, cpu: Mapping[Run, float], protocol: str) -> str:
    a, b = Run(goal.a, protocol), Run(goal.b, protocol)
    missing = " and ".join(r.name for r in (a, b) if r not in cpu)
    return _verdict(goal.text, cpu.get(a), cpu.get(b), goal.limit, missing)


def goals_for(protocol: str, profile: str | None) -> tuple[int, tuple[Goal, ...]]:
    """(issue, its targets) for a table's rows over `protocol` under `profile`."""
    if protocol == "http1" and profile in GOALS_18:
        return 18, GOALS_18[profile]
    return ISSUE[protocol], GOALS[protocol]


def table(results: Mapping[Run, list[Measurement]] | Mapping[str, list[Measurement]],
          generator: str, profile: str | None = None) -> str:
    """The Markdown table of one profile: medians, ratios against headerscope's inspector over
    the same protocol, the targets for that profile, each contender's HTTP/2 ÷ HTTP/1.1 cost,
    and the field cache's counts. A name alone as a key stands for HTTP/1.1, and a run over
    HTTP/1.1 alone gives the table without a protocol column that peers.py printed before it
    knew protocols. Issue 5's reference figures (Firefox's request, HTTP/1.1) are shown for
    the firefox profile (or none named) only."""
    runs = {(key if isinstance(key, Run) else Run(key)): ms for key, ms in results.items()}
    cpu = {run: median([m.cpu_us for m in ms if m.cpu_us is not None])
           for run, ms in runs.items()}
    measured = {run: value for run, value in cpu.items() if _known(value)}
    protocols = list(dict.fromkeys(run.protocol for run in runs))
    plain = protocols == list(HTTP1)
    references = profile in (None, "firefox")
    lines = [f"| contender |{'' if plain else ' protocol |'} CPU µs/req (median) | min–max | "
             f"req/s | p99 µs | errors | ÷ inspector |{' reference µs |' if references else ''}",
             f"|---|{'' if plain else '---|'}---:|---:|---:|---:|---:|---:|"
             f"{'---:|' if references else ''}"]
    for run, ms in runs.items():
        values = [m.cpu_us for m in ms if m.cpu_us is not None]
        # Issue 5's reference figures were measured over HTTP/1.1.
        reference = REFERENCE.get(run.name, "") if run.protocol == "http1" else ""
        lines.append(
            f"| {run.name} |{'' if plain else f' {run.protocol} |'} {fmt_us(cpu[run])} | "
            f"{fmt_us(min(values, default=None))}–{fmt_us(max(values, default=None))} | "
            f"{median([m.load.rps for m in ms]):.0f} | {median([m.load.p99 for m in ms]):.0f} | "
            f"{sum(m.load.errors for m in ms)} | "
            f"{ratio(cpu[run], cpu.get(Run(INSPECTOR, run.protocol)))} |"
            + (f" {reference} |" if references else ""))
    lines.append(f"\nload: {generator}; {len(next(iter(runs.values())))} rounds")
    for protocol in protocols:
        issue, goals = goals_for(protocol, profile)
        where = ", ".join([*([f"{profile} profile"] if issue == 18 else []),
                           *([] if plain else [protocol])])
        lines.append(f"\ntargets (issue {issue}{f', {where}' if where else ''}), from this "
                     "run's medians (CPU per request):")
        lines += [_goal_line(goal, measured, protocol) for goal in goals]
    across = [run for run in runs if run.protocol != "http1" and Run(run.name) in measured
              and run in measured]
    if across:
        lines.append("\nacross protocols (issue 14), a contender's CPU per request over HTTP/2 "
                     "÷ over HTTP/1.1:")
        for run in across:
            limit = ACROSS.get(run)
            text = f"{run.name} {run.protocol} ÷ http1" + (
                f" (target ≤ {limit:g})" if limit else "")
            lines.append(_verdict(text, measured[run], measured[Run(run.name)], limit))
    lines += cache_lines(runs, plain)
    return "\n".join(lines)


def cache_lines(runs: Mapping[Run, list[Measurement]], plain: bool = True) -> list[str]:
    """The field cache of each headerscope server during its measured loads: hits, misses and
    skipped lines summed over the rounds, the hit rate, and its size after the last load."""
    known = {run: [m.cache for m in ms if m.cache is not None] for run, ms in runs.items()}
    known = {run: caches for run, caches in known.items() if caches}
    if not known:
        return []
    lines = ["\nfield cache of each headerscope server during its measured loads (all rounds): "
             "field lines parsed through it, as hits, misses (parsed; stored at their second "
             "sight) and skipped "
             "(never stored: Cookie, --redact, long values); entries and KiB after the last "
             "load:", "",
             f"| contender |{'' if plain else ' protocol |'} hits | misses | skipped | "
             "hit rate | entries | KiB |",
             f"|---|{'' if plain else '---|'}---:|---:|---:|---:|---:|---:|"]
    for run, caches in known.items():
        hits, misses, skipped = (sum(c[k] for c in caches) for k in ("hits", "misses",
                                                                        "skipped"))
        lookups = hits + misses + skipped
        rate = f"{100 * hits / lookups:.1f} %" if lookups else "n/a (no lookup)"
        lines.append(f"| {run.name} |{'' if plain else f' {run.protocol} |'} {hits} | "
                     f"{misses} | {skipped} | {rate} | {caches[-1]['entries']} | "
                     f"{caches[-1]['bytes'] / 1024:.1f} |")
    return lines


def _protocols(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names or any(name not in PROTOCOLS for name in names):
        raise argparse.ArgumentTypeError(
            f"{text!r}: give one or more of {', '.join(PROTOCOLS)}, comma-separated")
    return names


def _http2_problem(protocols: list[str], mode: str, requests: list[str]) -> str | None:
    """Why HTTP/2 cannot be loaded as asked at all: h2load's limits, as in `headerscope
    bench`. A profile that varies among others that do not only loses its HTTP/2 rows."""
    if protocols == list(HTTP1):
        return None
    if h2load_path() is None:
        return "h2load is not installed (Debian: apt-get install nghttp2-client)"
    if mode != "keepalive":
        return ("over HTTP/2 only keep-alive and profiles that do not vary (h2load repeats "
                "one request)")
    if all(PROFILES[name].varies for name in requests):
        fixed = ", ".join(sorted(n for n, p in PROFILES.items() if not p.varies))
        return (f"over HTTP/2 only profiles that do not vary (h2load repeats one request), "
                f"and {', '.join(requests)} vary: add --request with one of {fixed}")
    return None


def _sendable(profile: Profile, protocol: str) -> bool:
    """Whether `profile` can be loaded over `protocol`: h2load sends one fixed request."""
    return protocol == "http1" or not profile.varies


def _generator(spec: LoadSpec, protocols: list[str], connections: int) -> str:
    """The load line: each generator with the protocols it loads, the mode and the time."""
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
    return ", ".join([*parts, spec.mode, seconds])


def heading(profile: Profile, skipped: list[str]) -> str:
    """The line above a profile's table: its name and what it sends."""
    note = (f" (no {' or '.join(skipped)} rows: h2load repeats one request, and this "
            "profile varies)" if skipped else "")
    return f"## {profile.name} profile: {profile.description}{note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default: %(default)s)")
    parser.add_argument("-d", "--duration", type=float, default=5.0,
                        help="measured seconds per contender per round (default: %(default)s)")
    parser.add_argument("--warmup", type=float, default=1.0,
                        help="unmeasured seconds before each (default: %(default)s)")
    parser.add_argument("-c", "--connections", type=int, default=10)
    parser.add_argument("--request", action="append", choices=sorted(PROFILES),
                        metavar="PROFILE",
                        help="request profile, repeatable: each contender is measured under "
                             "each, with a table of its own; " + "; ".join(
                                 f"{p.name}: {p.description}" for p in PROFILES.values())
                        + f" (default: {' and '.join(PROFILES_18)}, issue 18's two)")
    parser.add_argument("--mode", choices=("keepalive", "close"), default="keepalive")
    parser.add_argument("--protocol", "--protocols", dest="protocols", action="append",
                        type=_protocols, metavar="P[,P...]",
                        help="http1; h2c (HTTP/2, prior knowledge) or h2 (TLS, ALPN), both "
                             "loaded by h2load, for profiles that do not vary only; "
                             "repeatable or comma-separated: every contender is measured over "
                             "each it serves (default: http1)")
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
    requests = list(dict.fromkeys(args.request or PROFILES_18))
    profiles = [PROFILES[name] for name in requests]
    mixed = protocols != list(HTTP1)
    problem = _http2_problem(protocols, args.mode, requests)
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
        servers: dict[Run, Server] = {}
        try:
            for peer in peers.values():
                for protocol in protocols:
                    server = start(peer, protocol, Path(folder), args.server_cpus, tls,
                                   mixed=mixed)
                    if server is not None:
                        servers[Run(peer.name, protocol)] = server
            if not servers:
                print("no contender could start", file=sys.stderr)
                return 1
            skipped = {p.name: [q for q in protocols if not _sendable(p, q)] for p in profiles}
            for name, lost in skipped.items():
                if lost:
                    print(f"peers: {name} varies, and h2load repeats one request: no "
                          f"{' or '.join(lost)} rows for it", file=sys.stderr)
            # Profile by profile within a round, so that the rows of one table are measured
            # close together; the whole order reversed every other round (interleaved).
            units = [(p, run) for p in profiles for run in servers
                     if _sendable(p, run.protocol)]
            results: dict[str, dict[Run, list[Measurement]]] = {
                p.name: {run: [] for p_, run in units if p_ is p} for p in profiles}
            spec = LoadSpec(profiles[0], close=args.mode == "close",
                            connections=args.connections, seconds=args.duration,
                            warmup=args.warmup, generator=args.generator,
                            client_cpus=args.client_cpus)
            generator = _generator(spec, protocols, args.connections)
            print(f"peers: {generator}; profiles: {', '.join(requests)}", file=sys.stderr)
            for round_, (profile, run) in interleaved(units, args.rounds):
                server = servers[run]
                one = dataclasses.replace(spec, profile=profile, path=peers[run.name].path,
                                          protocol=run.protocol)
                name = f"{label(run, mixed)}, {profile.name}"
                m = measure(name, one, "127.0.0.1", server.target.port, server.target.pid,
                            cache_file=server.cache_file)
                results[profile.name][run].append(m)
                print(progress(round_, name, m), file=sys.stderr)
        finally:
            for server in servers.values():
                server.target.__exit__(None, None, None)
    texts = [f"{heading(p, skipped[p.name])}\n\n{table(results[p.name], generator, p.name)}"
             for p in profiles if results[p.name]]
    print("\n\n".join(texts))
    if args.report:
        _report(args.report, {f"{label(run, mixed)}, {name}": ms
                              for name, by_run in results.items()
                              for run, ms in by_run.items()}, generator)
    return 0


def _report(path: str, results: dict[str, list[Measurement]], generator: str) -> None:
    cpu = [(n, median([m.cpu_us for m in r if m.cpu_us is not None])) for n, r in results.items()]
    rps = [(n, median([m.load.rps for m in r])) for n, r in results.items()]
    rows = [(n, fmt_us(c), f"{dict(rps)[n]:.0f}") for n, c in cpu]
    sections: list[tuple[str, Node]] = [
        ("Server CPU time per request (median)", report.bar_chart(cpu, "µs")),
        ("Requests per second (median)", report.bar_chart(rps, "req/s")),
        ("Table", report.table(("contender, profile", "CPU µs/req", "req/s"), rows)),
    ]
    sections += [(f"Latency: {n}", report.histogram(r[len(r) // 2].load.latencies))
                 for n, r in results.items()]
    report.write(path, "headerscope and its peers", [("load", generator), *report.machine()],
                 sections)


if __name__ == "__main__":
    sys.exit(main())
