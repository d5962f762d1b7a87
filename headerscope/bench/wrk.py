"""Load from wrk (when installed): the same request bytes as our generator, through a Lua script.

wrk normally formats its own HTTP/1.1 requests; our script's `request()` returns the profile's
exact bytes instead (HTTP/1.0 in close mode, where wrk reconnects after each response because
the server closes). It keeps the request number n as our generator does (one counter for all
the connections of wrk's one thread), sends template n % len(templates) of a profile of
several (browser's Chromium and Firefox in turn), and fills "{n}" and "{q}" as
`profiles.fill` does (varied). Its `done()` prints the counts and latency percentiles on lines
starting with HSBENCH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .results import LoadResult

_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("HSBENCH requests %d\\nHSBENCH duration %d\\n",
                         summary.requests, summary.duration))
  io.write(string.format("HSBENCH errors %d\\n",
                         e.connect + e.read + e.write + e.status + e.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("HSBENCH p%d %d\\n", p, latency:percentile(p)))
  end
  io.write(string.format("HSBENCH max %d\\n", latency.max))
  for i = 0, 99 do
    io.write(string.format("HSBENCH sample %d\\n", latency:percentile(i + 0.5)))
  end
end
"""


def wrk_path() -> str | None:
    return shutil.which("wrk")


def version() -> str:
    path = wrk_path()
    if path is None:
        return "wrk"
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"wrk (?:debian/)?([\w.]+)", out.stdout + out.stderr)
    return f"wrk {match.group(1)}" if match else "wrk"


def lua_string(text: str) -> str:
    """A Lua string literal for `text` (Latin-1), every unusual byte as a decimal escape."""
    out = []
    for char in text:
        code = ord(char)
        out.append(char if 32 <= code < 127 and char not in '"\\' else f"\\{code:03d}")
    return '"' + "".join(out) + '"'


def _lua_expression(template: str) -> str:
    """A Lua expression in `n` for `template` filled for request n (profiles.fill's rules)."""
    parts = []
    for piece in re.split(r"(\{[nq]\})", template):
        if piece == "{n}":
            parts.append("tostring(n)")
        elif piece == "{q}":
            parts.append('string.format("%03d", n % 1000)')
        elif piece:
            parts.append(lua_string(piece))
    return " .. ".join(parts) or '""'


def lua_request(template: str | Sequence[str], *, start: int = 0) -> str:
    """The Lua `request` function that returns request n = start, start + 1, ...: template
    n % len(templates), "{n}" and "{q}" filled in ("{host}" must be filled already)."""
    templates = [template] if isinstance(template, str) else list(template)
    if not templates:
        raise ValueError("no request template")
    if len(templates) == 1 and "{n}" not in templates[0] and "{q}" not in templates[0]:
        return f"local r = {lua_string(templates[0])}\nrequest = function() return r end\n"
    # wrk's main() calls request() once on thread 0's state before any connection sends, to
    # check what it returns (script_verify_request): the counter starts one lower to absorb
    # that call, so that the first request sent is number `start` (tests/bench pins it).
    first = start - 2
    # Lua's tables count from 1: request n sends entry n % count + 1 (a profile of one
    # varying template is a table of one).
    entries = "".join(f"  function(n) return {_lua_expression(t)} end,\n" for t in templates)
    return (f"local n = {first}\n"
            f"local requests = {{\n{entries}}}\n"
            "request = function()\n  n = n + 1\n"
            f"  return requests[n % {len(templates)} + 1](n)\nend\n")


def run_wrk(url: str, template: str | Sequence[str], *, connections: int, seconds: float,
            cpus: str | None = None, timeout: float = 10.0) -> LoadResult:
    """Run wrk against `url` (one thread) for `seconds`; `template` (or the profile's
    templates, sent in turn) has {host} filled in."""
    path = wrk_path()
    if path is None:
        raise RuntimeError("wrk is not installed")
    with tempfile.TemporaryDirectory(prefix="headerscope-wrk-") as folder:
        script = Path(folder) / "request.lua"
        script.write_text(lua_request(template) + _DONE)
        command = [path, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s",
                   f"--timeout={max(1, round(timeout))}s", "-s", str(script), url]
        if cpus and shutil.which("taskset"):
            command = ["taskset", "-c", cpus, *command]
        out = subprocess.run(command, capture_output=True, text=True, check=False)
    values: dict[str, float] = {}
    samples: list[float] = []
    for line in out.stdout.splitlines():
        if line.startswith("HSBENCH "):
            _, key, number = line.split()
            if key == "sample":
                samples.append(float(number))
            else:
                values[key] = float(number)
    if "requests" not in values:
        raise RuntimeError(f"wrk failed (status {out.returncode}): {out.stderr.strip()[-500:]}")
    return LoadResult(
        version(), int(values["requests"]), int(values["errors"]),
        values["duration"] / 1e6, values["p50"], values["p90"], values["p99"], values["max"],
        tuple(samples))
