"""Load over HTTP/2 from h2load (nghttp2's benchmarking tool; Debian's nghttp2-client).

h2load sends the profile's fields, lower-cased as HTTP/2 requires, minus the fields HTTP/2
forbids (Connection, Keep-Alive, ...) and Host (its :authority stands for it), one stream at a
time per connection, as wrk does for HTTP/1.1. An http:// URL is h2c with prior knowledge; an
https:// URL is h2 by ALPN. h2load reports no percentiles, so `--log-file` gives the duration
of every request and the percentiles are computed here. A profile whose values change per
request ("varied") cannot be sent: h2load repeats the same fields.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .profiles import Profile
from .results import LoadResult, percentile

# RFC 9113, 8.2.2: connection-specific fields are malformed in HTTP/2; Host becomes :authority.
_LEFT_OUT = frozenset(("host", "connection", "keep-alive", "proxy-connection",
                       "transfer-encoding", "upgrade"))
_SAMPLES = 100


def h2load_path() -> str | None:
    return shutil.which("h2load")


def version() -> str:
    path = h2load_path()
    if path is None:
        return "h2load"
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"nghttp2/([\w.]+)", out.stdout + out.stderr)
    return f"h2load {match.group(1)}" if match else "h2load"


def header_arguments(profile: Profile) -> list[str]:
    """`-H name: value` for each field h2load should send, in the profile's order."""
    if profile.varies:
        raise ValueError(f"the {profile.name} profile changes per request; h2load cannot")
    out: list[str] = []
    for name, value in profile.fields:
        lower = name.lower()
        if lower in _LEFT_OUT or (lower == "te" and value.lower() != "trailers"):
            continue
        out += ["-H", f"{lower}: {value}"]
    return out


def run_h2load(url: str, profile: Profile, *, connections: int, seconds: float,
               cpus: str | None = None) -> LoadResult:
    path = h2load_path()
    if path is None:
        raise RuntimeError("h2load is not installed (Debian: apt-get install nghttp2-client)")
    with tempfile.TemporaryDirectory(prefix="headerscope-h2load-") as folder:
        log = Path(folder) / "requests.tsv"
        command = [path, "-t1", f"-c{connections}", "-m1", f"-D{max(1, round(seconds))}",
                   f"--log-file={log}", *header_arguments(profile), url]
        if cpus and shutil.which("taskset"):
            command = ["taskset", "-c", cpus, *command]
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        rows = log.read_text().splitlines() if log.exists() else []
    return parse_output(out.stdout, rows, out.returncode, out.stderr)


def parse_output(stdout: str, rows: list[str], status: int = 0, stderr: str = "") -> LoadResult:
    """The counts from h2load's summary and the latencies from its per-request log (start
    time in µs since the epoch, status, µs to the end of the response, tab-separated)."""
    finished = re.search(r"finished in ([\d.]+)(m?s)", stdout)
    counts = re.search(r"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded, "
                       r"(\d+) failed, (\d+) errored, (\d+) timeout", stdout)
    codes = re.search(r"status codes: (\d+) 2xx", stdout)
    if finished is None or counts is None:
        raise RuntimeError(f"h2load failed (status {status}): {(stderr or stdout)[-500:]}")
    seconds = float(finished.group(1)) / (1000 if finished.group(2) == "ms" else 1)
    done, succeeded = int(counts.group(1)), int(counts.group(2))
    # A response whose head came before the end of the run is counted among the 2xx but not
    # among the succeeded (its stream never ended), so the difference can be negative.
    not_2xx = max(0, succeeded - int(codes.group(1))) if codes else 0
    errors = sum(int(counts.group(i)) for i in (3, 4, 5)) + not_2xx
    latencies = sorted(float(row.split("\t")[2]) for row in rows if row.count("\t") >= 2)
    if not latencies:
        latencies = [0.0]
    samples = tuple(percentile(latencies, (i + 0.5) / _SAMPLES * 100) for i in range(_SAMPLES))
    return LoadResult(version(), done, errors, seconds, percentile(latencies, 50),
                      percentile(latencies, 90), percentile(latencies, 99), latencies[-1],
                      samples)
