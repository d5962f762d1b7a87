"""The CPU and memory accounting read from /proc, checked against what processes report."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from headerscope.bench import procstat

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs /proc")

# A child that burns CPU, optionally in a grandchild too, then prints its own os.times() and
# waits for a line on stdin, so that we read /proc while it is alive and idle.
BURNER = textwrap.dedent("""
    import os, subprocess, sys, time
    grandchild = None
    if sys.argv[1] == "tree":
        grandchild = subprocess.Popen([sys.executable, "-c",
            "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass\\n"
            "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE)
    t = time.process_time()
    while time.process_time() - t < 0.3:
        pass
    if sys.argv[1] == "reaped":
        child = subprocess.run([sys.executable, "-c",
            "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass"])
    time.sleep(0.6)  # let the grandchild finish burning
    times = os.times()
    print(times.user + times.system + times.children_user + times.children_system,
          grandchild.pid if grandchild else 0, flush=True)
    sys.stdin.readline()
    if grandchild:
        grandchild.communicate(b"\\n")
""")


@pytest.mark.parametrize("shape", ["alone", "tree", "reaped"])
def test_cpu_seconds_counts_the_process_its_descendants_and_reaped_children(shape: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", BURNER, shape], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdin is not None
    try:
        own, grandchild = child.stdout.readline().split()
        measured = procstat.cpu_seconds(child.pid)
        tree = procstat.process_tree(child.pid)
    finally:
        child.communicate("\n", timeout=30)
    expected = float(own)  # the child's own view, reaped children included
    if shape == "tree":
        assert int(grandchild) in tree and tree[0] == child.pid
        expected += 0.3  # the live grandchild burned at least this
        assert measured >= expected - 0.05
    else:
        assert tree == [child.pid]
        assert measured == pytest.approx(expected, abs=0.05)
    if shape != "alone":
        assert measured >= 0.55  # 0.3 s here and 0.3 s in the other process


def test_rss_and_process_tree_of_this_process() -> None:
    assert procstat.process_tree(os.getpid())[0] == os.getpid()
    def own() -> int:
        status = Path(f"/proc/{os.getpid()}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines()
                        if line.startswith("VmRSS")))

    # The process's own RSS moves while the test runs (threads of earlier tests end, memory
    # is given back): the tree's figure, read in between, is at least the lower of the two.
    before = own()
    tree = procstat.rss_kib(os.getpid())
    assert tree >= min(before, own())


def test_sched_ns_counts_running_time() -> None:
    run, wait = procstat.sched_ns(os.getpid())
    if run == 0:
        pytest.skip("no schedstat in this kernel")
    assert run > 0 and wait >= 0


def test_listener_pid_finds_the_owner_of_a_listening_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert procstat.listener_pid(port) is None  # bound, not listening
        sock.listen()
        assert procstat.listener_pid(port) == os.getpid()


def test_a_vanished_process_counts_nothing() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert procstat.cpu_seconds(child.pid) == 0
    assert procstat.rss_kib(child.pid) == 0
