"""benchmarks/memory.py, the field cache's bound (issue 18), on a small run: it starts the
server, sends exactly the requests asked for, samples RSS and the cache, and gives a verdict."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO


def test_a_small_run_sends_every_request_and_reports_rss_and_the_cache() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "memory.py"), "--requests", "3000"],
        capture_output=True, text=True, timeout=120, cwd=REPO, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    rows = re.findall(r"^\| ([\d,]+) \| ([\d.]+) \| ([+-][\d.]+) \| (\d+) \| ([\d.]+) \| (\d+) \|$",
                      out.stdout, re.MULTILINE)
    # The defaults scale down to a small run: a warm-up of a tenth of the requests (20,000 of
    # 1,000,000), then four samples in what follows (every 100,000 of 1,000,000 is less).
    assert [int(r[0].replace(",", "")) for r in rows] == [300, 975, 1650, 2325, 3000], out.stdout
    assert float(rows[0][2]) == 0  # growth is counted from the warm-up sample
    assert all(float(rss) > 1 and int(entries) > 0 for _, rss, _, entries, _, _ in rows)
    assert "3,000 requests in " in out.stdout and ", 0 errors;" in out.stdout
    cache = re.search(r"field cache at the end: (\d+) entries, [\d.]+ KiB of names and values; "
                      r"([\d,]+) lines parsed through it", out.stdout)
    assert cache is not None, out.stdout
    assert int(cache.group(2).replace(",", "")) >= 3000 * 15  # most of varied's 17 lines
    verdict = re.search(r"^target: RSS growth under 10 MB over 1,000,000 requests of the varied "
                        r"profile with the cache on \(this run: 3,000 requests, fewer than the "
                        r"target's\): [+-][\d.]+ MB at the end, at most [+-][\d.]+ MB "
                        r"\(at [\d,]+\): met$", out.stdout, re.MULTILINE)
    assert verdict is not None, out.stdout
