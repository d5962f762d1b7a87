"""benchmarks/peers.py over HTTP/2 (issue 14): a row per contender and protocol, issue 14's
targets, each contender's HTTP/2 ÷ HTTP/1.1 cost; and two short live runs through h2load."""

from __future__ import annotations

import re
import shutil
import sys
from importlib.util import find_spec

import pytest

from headerscope.bench.h2load import parse_output
from headerscope.bench.results import LoadResult, Measurement
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
try:
    import peers  # a script in benchmarks/, not a package
finally:
    sys.path.remove(str(REPO / "benchmarks"))

Run = peers.Run
INSPECTOR, HELLO, HYPERCORN = ("headerscope inspector", "headerscope /hello",
                               "werkzeug inspector, hypercorn")


def m(cpu_us: float, errors: int = 0) -> Measurement:
    """A made-up measurement: 1000 requests in 1 s costing `cpu_us` each."""
    return Measurement("x", LoadResult("h2load", 1000, errors, 1.0, 1, 2, 3, 4), cpu_us / 1000)


def cells(text: str, contender: str, protocol: str) -> list[str]:
    """The cells of the table's row for (contender, protocol), without the two names (the
    field cache's table below it has rows that start alike)."""
    table = text.split("\nfield cache of each", maxsplit=1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()
            if line.startswith(f"| {contender} | {protocol} |")]
    assert len(rows) == 1, text
    return rows[0][2:]


@pytest.mark.parametrize(("h2c", "verdict"), [(110.0, "1.10  met"), (130.0, "1.30  MISSED")])
def test_rows_per_protocol_targets_and_ratios_across_protocols(h2c: float,
                                                                verdict: str) -> None:
    results = {Run(INSPECTOR): [m(100), m(90), m(100)],
               Run(INSPECTOR, "h2c"): [m(h2c), m(h2c + 10), m(h2c - 10)],
               Run(HYPERCORN, "h2c"): [m(4 * h2c)] * 3,
               Run(HELLO): [m(40)] * 3, Run(HELLO, "h2c"): [m(60, errors=2)] * 3}
    text = peers.table(results, "wrk and h2load")
    assert text.startswith("| contender | protocol | CPU µs/req (median) |")
    assert cells(text, INSPECTOR, "http1")[:2] == ["100", "90.0–100"]
    assert cells(text, INSPECTOR, "h2c")[:2] == [f"{h2c:.0f}", f"{h2c - 10:.0f}–{h2c + 10:.0f}"]
    # ÷ inspector is taken over the same protocol; issue 5's references are HTTP/1.1 figures.
    assert cells(text, HYPERCORN, "h2c")[-2:] == ["4.00", ""]
    assert cells(text, HELLO, "h2c")[4] == "6"  # errors summed over the rounds
    assert "targets (issue 5, http1), from this run's medians" in text
    assert "targets (issue 14, h2c), from this run's medians" in text
    assert "- inspector ÷ werkzeug inspector, hypercorn (target ≤ 0.5): 0.25  met" in text
    assert f"- headerscope inspector h2c ÷ http1 (target ≤ 1.2): {verdict}" in text
    assert "- headerscope /hello h2c ÷ http1: 1.50\n" in text + "\n"  # context, no verdict
    assert HYPERCORN + " h2c ÷" not in text  # no HTTP/1.1 row to divide by


def test_an_http1_run_keeps_the_table_it_always_had() -> None:
    by_name = {INSPECTOR: [m(60)], "nginx static 13 bytes": [m(6)]}
    text = peers.table(by_name, "wrk")
    assert text == peers.table({Run(name): ms for name, ms in by_name.items()}, "wrk")
    assert text.startswith("| contender | CPU µs/req (median) |")
    assert "| nginx static 13 bytes | 6.0 | 6.0–6.0 | 1000 | 3 | 0 | 0.10 | 7 |" in text
    assert "\ntargets (issue 5), from" in text
    assert "protocol" not in text and "issue 14" not in text


def test_h2load_errors_are_never_negative() -> None:
    # A response whose head came just before the end of the run is among the 2xx but not
    # among the succeeded: hypercorn's h2c row once showed -4 errors.
    out = ("finished in 1.01s, 2147.00 req/s, 907.13KB/s\n"
           "requests: 2147 total, 2157 started, 2147 done, 2147 succeeded, 0 failed, "
           "0 errored, 0 timeout\nstatus codes: 2148 2xx, 0 3xx, 0 4xx, 0 5xx\n")
    assert parse_output(out, []).errors == 0


def test_protocols_are_checked_before_anything_starts(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        peers.main(["--protocols", "http1,h3"])
    assert exit_.value.code == 2
    assert "'http1,h3': give one or more of http1, h2c, h2" in capsys.readouterr().err
    assert peers.main(["--protocol", "h2c", "--mode", "close"]) == 2
    err = capsys.readouterr().err
    assert ("only keep-alive" in err) if shutil.which("h2load") else ("nghttp2-client" in err)


def _missing(*needs: str) -> None:
    tools = [t for t in needs if t in ("h2load", "openssl") and shutil.which(t) is None]
    modules = [m for m in needs if m not in ("h2load", "openssl") and find_spec(m) is None]
    if tools or modules:
        pytest.skip(f"needs {', '.join(tools + modules)} (h2load: Debian's nghttp2-client; "
                    "modules: the test extra)")


def _live(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    code = peers.main([*argv, "-d", "0.5", "--warmup", "0", "--rounds", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_hello_over_http1_and_h2c_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    _missing("h2load")
    out = _live(capsys, ["--only", HELLO, "--protocols", "http1,h2c", "--request", "firefox"])
    for protocol in ("http1", "h2c"):
        row = cells(out, HELLO, protocol)
        assert float(row[0]) > 0 and int(row[2]) > 0 and row[4] == "0", out  # CPU, req/s, errors
    ratio = re.search(r"^- headerscope /hello h2c ÷ http1: (\d+\.\d\d)$", out, re.MULTILINE)
    assert ratio is not None and float(ratio.group(1)) > 0, out
    assert "h2load" in out and "for h2c" in out


def test_hypercorn_serves_the_werkzeug_inspector_over_each_protocol(
        capsys: pytest.CaptureFixture[str]) -> None:
    _missing("h2load", "openssl", "hypercorn", "werkzeug")
    out = _live(capsys, ["--only", "hypercorn", "--protocols", "http1,h2c,h2", "--request",
                         "firefox"])
    for protocol in ("http1", "h2c", "h2"):
        row = cells(out, HYPERCORN, protocol)
        assert float(row[0]) > 0 and int(row[2]) > 0 and row[4] == "0", out
    assert f"- {HYPERCORN} h2 ÷ http1: " in out
