"""`headerscope bench` end to end: it starts a server, loads it, prints and writes a report."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import lxml.html
import pytest

from headerscope.bench.results import LoadResult, Measurement
from headerscope.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_bench_prints_cpu_per_request_memory_and_phases(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "bench.html"
    code = main(["bench", "--generator", "asyncio", "-d", "1", "--warmup", "0.2", "-c", "2",
                 "--request", "curl", "--mode", "both", "--phases", "--report", str(page)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "our asyncio generator" in out
    rows = [line for line in out.splitlines() if line.startswith("curl, ")]
    assert [r.split(",")[1].split()[0] for r in rows] == ["keep-alive", "close"]
    for row in rows:
        requests, _, cpu, *_, errors = row.split()[-8:]
        assert int(requests) > 0 and errors == "0" and float(cpu) > 0
    assert "server RSS:" in out and "tracemalloc peak" in out
    assert out.count("field parsing (registry)") == 2
    root = lxml.html.document_fromstring(page.read_text())
    svgs = root.xpath("//svg")
    assert isinstance(svgs, list) and len(svgs) >= 5  # CPU, req/s, 2 histograms, phases


def test_bench_against_a_running_server_by_url(capsys: pytest.CaptureFixture[str],
                                                live: object) -> None:
    server = live()  # type: ignore[operator]
    code = main(["bench", "--url", f"http://127.0.0.1:{server.port}/hello", "--generator",
                 "asyncio", "-d", "0.5", "--warmup", "0", "--request", "host"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"http://127.0.0.1:{server.port}/hello (pid " in out  # found by its port
    assert "tracemalloc" not in out  # allocation is measured only for a server it started


def test_peers_table_gives_medians_ratios_and_verdicts() -> None:
    spec = importlib.util.spec_from_file_location("peers", REPO / "benchmarks" / "peers.py")
    assert spec is not None and spec.loader is not None
    peers = importlib.util.module_from_spec(spec)
    sys.modules["peers"] = peers
    spec.loader.exec_module(peers)

    def m(name: str, cpu_us: float) -> Measurement:
        load = LoadResult("wrk", 1000, 0, 1.0, 1, 2, 3, 4)
        return Measurement(name, load, cpu_us * 1000 / 1e6)

    results = {"headerscope inspector": [m("i", 60), m("i", 70), m("i", 65)],
               "guile debug-sxml.scm": [m("g", 190), m("g", 200), m("g", 180)],
               "werkzeug inspector, bare asyncio": [m("w", 50)] * 3}
    text = peers.table(results, "wrk")
    assert "| headerscope inspector | 65.0 | 60.0–70.0 | 1000 |" in text
    assert "inspector ÷ guile debug-sxml.scm (target ≤ 0.33): 0.34  MISSED" in text
    assert "inspector ÷ werkzeug bare asyncio (target ≤ 0.77): 1.30  MISSED" in text
    assert ("inspector ÷ httpbin /headers (target ≤ 0.2): not measured (httpbin /headers, "
            "gunicorn did not run)") in text


def test_the_werkzeug_peer_escapes_what_it_shows() -> None:
    pytest.importorskip("werkzeug")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import werkzeug_inspector
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    body = werkzeug_inspector.page("GET", "/<x>", [("Accept", "text/html;q=0.5"),
                                                    ("X-Evil", "<script>")]).decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "MIMEAccept" in body  # parsed by werkzeug, shown as its repr
