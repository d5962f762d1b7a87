"""Load from wrk (when installed): the same request bytes as our generator, through a Lua script.

wrk normally formats its own HTTP/1.1 requests; our script's `request()` returns the profile's
exact bytes instead (HTTP/1.0 in close mode, where wrk reconnects after each response because
the server closes), with "{n}" and "{q}" filled per request for the varied profile. Its
`done()` prints the counts and latency percentiles on lines starting with HSBENCH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
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


def lua_request(template: str, *, start: int = 0) -> str:
    """The Lua `request` function that returns `template` filled for request n = 0, 1, 2..."""
    if "{n}" not in template and "{q}" not in template:
        return f"local r = {lua_string(template)}\nrequest = function() return r end\n"
    parts = []
    for piece in re.split(r"(\{[nq]\})", template):
        if piece == "{n}":
            parts.append("tostring(n)")
        elif piece == "{q}":
            parts.append('string.format("%03d", n % 1000)')
        elif piece:
            parts.append(lua_string(piece))
    return (f"local n = {start - 1}\n"
            "request = function()\n  n = n + 1\n"
            f"  return {' .. '.join(parts)}\nend\n")


def run_wrk(url: str, template: str, *, connections: int, seconds: float,
            cpus: str | None = None, timeout: float = 10.0) -> LoadResult:
    """Run wrk against `url` (one thread) for `seconds`; `template` has {host} filled in."""
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
