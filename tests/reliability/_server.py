"""The real server (`headerscope serve`, make_app()) in a subprocess, and what /proc says of it.

A separate process, so that the descriptors and memory we count are the server's alone and the
client's Python does not share its GIL. Built on `tests.server._process.ServerProcess`, which
collects the log and always kills the process at the end.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from tests.server._process import ServerProcess

# Timeouts short enough for tests, but long enough that a loaded machine does not close an
# idle connection while a test still means to use it.
QUICK = ("--header-timeout", "1", "--body-timeout", "1", "--keepalive-timeout", "30",
         "--write-timeout", "5", "--shutdown-timeout", "2")

_CODE = """
import resource, sys
from headerscope.cli import main
limit = {limit}
if limit:
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))  # a low `ulimit -n`
sys.exit(main(["serve", "--port", "0", {args}]))
"""


def real_server(*args: str, fd_limit: int = 0, access_log: bool = False) -> ServerProcess:
    """`headerscope serve --port 0 ARGS` with the real pages; `fd_limit` lowers `ulimit -n`."""
    options = [*args] if access_log else ["--no-access-log", *args]
    code = _CODE.format(limit=fd_limit, args=", ".join(repr(a) for a in options))
    return ServerProcess(code=code)


def descriptors(pid: int) -> int:
    """Open file descriptors of a process."""
    return len(os.listdir(f"/proc/{pid}/fd"))


def settle(server: ServerProcess, target: int, timeout: float = 30.0) -> int:
    """Wait (bounded) for the server's descriptors to fall to `target`; return the count."""
    deadline = time.monotonic() + timeout
    while (count := descriptors(server.proc.pid)) > target and time.monotonic() < deadline:
        time.sleep(0.1)
    return count


def rss(pid: int) -> int:
    """Resident memory of a process, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise LookupError("no VmRSS")


def tracebacks(server: ServerProcess) -> list[str]:
    return [line for line in list(server.lines)
            if "Traceback" in line or "Error" in line or "exception" in line.lower()]


def fd_headroom(needed: int) -> bool:
    """Whether this process may open `needed` more descriptors (after raising its limit)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft == resource.RLIM_INFINITY or soft - descriptors(os.getpid()) > needed
