"""h2load as the HTTP/2 load generator: the fields it is given, and its output read back."""

from __future__ import annotations

import pytest

from headerscope.bench.h2load import header_arguments, parse_output
from headerscope.bench.profiles import PROFILES

SUMMARY = """starting benchmark...
finished in 3.00s, 2013.00 req/s, 3.12MB/s
requests: 6039 total, 6039 started, 6039 done, 6037 succeeded, 2 failed, 0 errored, 0 timeout
status codes: 6036 2xx, 0 3xx, 1 4xx, 0 5xx
"""


def test_the_summary_and_the_log_give_counts_errors_and_percentiles() -> None:
    rows = [f"1700000000{i:06d}\t200\t{100 * (i + 1)}" for i in range(100)]
    result = parse_output(SUMMARY, rows)
    assert (result.requests, result.seconds) == (6039, 3.0)
    assert result.errors == 2 + 1  # failed, and the one answer that was not 2xx
    assert (result.p50, result.p90, result.p99, result.max) == (5000.0, 9000.0, 9900.0, 10000.0)
    assert len(result.latencies) == 100 and result.generator.startswith("h2load")


def test_a_failed_run_says_why() -> None:
    with pytest.raises(RuntimeError, match=r"h2load failed .*connection refused"):
        parse_output("", [], 1, "connect to 127.0.0.1: connection refused")


def test_fields_are_lower_case_and_connection_specific_ones_left_out() -> None:
    args = header_arguments(PROFILES["firefox"])
    names = [a.split(":")[0] for a in args[1::2]]
    assert args[::2] == ["-H"] * len(names)
    assert "host" not in names and "connection" not in names  # :authority; forbidden in h2
    assert "te" in names and names == [n.lower() for n in names]
    with pytest.raises(ValueError, match="changes per request"):
        header_arguments(PROFILES["varied"])
