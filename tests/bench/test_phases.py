"""`--phases`: off by default (the server's code is not wrapped), on through the environment."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from headerscope import phases
from headerscope.bench.loadgen import LoadGenerator
from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.bench.target import Target, free_port, headerscope_command
from headerscope.pages import app, respond
from headerscope.server import _connection


def test_off_unless_the_environment_asks_and_then_nothing_is_wrapped() -> None:
    assert os.environ.get(phases.ENV) is None
    assert phases.RECORDER is None
    assert _connection.HTTPConnection._respond.__qualname__ == "HTTPConnection._respond"
    assert not hasattr(vars(app)["inspect_fields"], "__wrapped__")
    assert not hasattr(vars(respond)["render_document"], "__wrapped__")


def test_a_server_started_with_the_variable_times_every_phase(tmp_path: Path) -> None:
    port = free_port()
    path = str(tmp_path / "phases.json")
    with Target(headerscope_command(port), "127.0.0.1", port, env={phases.ENV: path}) as target:
        make = request_bytes(PROFILES["firefox"], f"127.0.0.1:{port}", "/", close=False)
        result = LoadGenerator("127.0.0.1", port, make, connections=2, close=False).run(60, 30)
        assert result.errors == 0
        requests, ns = phases.collect(path, [target.pid])
        assert requests == 30
        assert set(ns) == set(phases.PHASES)
        assert all(value > 0 for value in ns.values()), ns
        # A second collection adds what happened since: the benchmark subtracts the two.
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"GET /hello HTTP/1.0\r\nHost: x\r\n\r\n")
            while sock.recv(65536):
                pass
        again, later = phases.collect(path, [target.pid])
        assert again == 31
        assert later["tree"] == ns["tree"]  # /hello builds no tree
        assert later["framing"] > ns["framing"]


def test_collect_without_answers_gives_zeros(tmp_path: Path) -> None:
    requests, ns = phases.collect(str(tmp_path / "none.json"), [], timeout=0.1)
    assert requests == 0 and set(ns.values()) == {0}


def test_a_timed_function_keeps_its_result_and_its_exceptions() -> None:
    def double(x: int) -> int:
        return 2 * x

    def fail() -> float:
        return 1 / 0

    recorder = phases.Recorder("/nonexistent")
    double = recorder.timed("parsing", double)
    assert double(21) == 42
    fail = recorder.timed("tree", fail)
    try:
        fail()
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("the exception was swallowed")
    assert recorder.ns["parsing"] > 0 and recorder.ns["tree"] > 0
    assert sys.modules["headerscope.phases"] is phases
