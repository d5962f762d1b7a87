"""A server's own CPU and memory accounting, read from /proc (Linux).

The primary figure of every benchmark is the server's CPU time per request: utime + stime of
the server process and all its descendants (workers), read before and after the load. It
counts only what the server did, so a slow load generator or a busy neighbour on a shared
machine changes requests/s but hardly this. proc(5): utime and stime are "measured in clock
ticks (divide by sysconf(_SC_CLK_TCK))"; cutime and cstime hold the children already waited
for, so a worker that exits during a run is still counted.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may contain spaces)."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def process_tree(root: int) -> list[int]:
    """`root` and its descendants, parents first."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop(0)
        tree.append(pid)
        todo.extend(sorted(children.get(pid, ())))
    return tree


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by `root`, its descendants and their reaped children.

    proc(5) field numbers, counted from 1 with the pid: 14 utime, 15 stime, 16 cutime,
    17 cstime; `_stat` starts at field 3 (state)."""
    ticks = 0
    for pid in process_tree(root):
        fields = _stat(pid)
        if fields is not None:
            ticks += sum(int(v) for v in fields[11:15])
    return ticks / TICKS


def rss_kib(root: int) -> int:
    """Resident memory of `root` and its descendants, in KiB (VmRSS of each, summed)."""
    total = 0
    for pid in process_tree(root):
        try:
            status = (PROC / str(pid) / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def sched_ns(root: int) -> tuple[int, int]:
    """(time on a CPU, time ready but waiting for one), in ns, summed over every thread of
    `root` and its descendants (/proc/PID/task/TID/schedstat; (0, 0) where it is missing)."""
    run = wait = 0
    for pid in process_tree(root):
        try:
            tasks = list((PROC / str(pid) / "task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                fields = (task / "schedstat").read_text().split()
            except OSError:
                continue
            run += int(fields[0])
            wait += int(fields[1])
    return run, wait


def listener_pid(port: int) -> int | None:
    """The process listening on TCP `port` (for `--url`): socket inode -> owning process."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (PROC / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, state, inode = parts[1], parts[3], parts[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{inode}]")
    if not inodes:
        return None
    owners = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fds = list((entry / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in inodes:
                    owners.append(int(entry.name))
                    break
            except OSError:  # closed since the listing (such as the listing's own)
                continue
    if not owners:
        return None
    # Workers share the listening socket with their parent: report the topmost owner.
    owned = set(owners)
    for pid in owners:
        fields = _stat(pid)
        if fields is None or int(fields[1]) not in owned:
            return pid
    return min(owners)
