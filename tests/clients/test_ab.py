"""ApacheBench (`ab`), the article's own client, against a live `headerscope serve`.

ab speaks HTTP/1.0, with Connection: Keep-Alive under -k. Each view is fetched a few times;
every request ab sent must parse cleanly, and ab itself must count no failure.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ..conftest import require_tool
from ._checks import check_exchanges, views
from ._wire import RecordingProxy

REQUESTS = 3

# (case, ab options, fields the options must add)
CASES: list[tuple[str, list[str], set[str]]] = [
    ("plain", [], {"Host", "User-Agent", "Accept"}),
    ("keep-alive", ["-k"], {"Connection"}),
    ("options", ["-k", "-A", "user:pass", "-C", "session=abc123",
                 "-H", "Accept-Language: en-US,en;q=0.9", "-H", "Cache-Control: no-cache"],
     {"Authorization", "Cookie", "Accept-Language", "Cache-Control"}),
    ("post", ["-p", "{body}", "-T", "application/x-www-form-urlencoded"],
     {"Content-Type", "Content-Length"}),
]


@pytest.mark.parametrize(("case", "options", "adds"), CASES, ids=[c[0] for c in CASES])
def test_ab(proxy: RecordingProxy, client_env: dict[str, str], case: str, options: list[str],
            adds: set[str]) -> None:
    ab = require_tool("ab")
    body = Path(client_env["HOME"]) / "body.txt"
    body.write_bytes(b"name=value&x=a%20b")
    options = [option.replace("{body}", str(body)) for option in options]
    for query in ("", "?format=json", "?format=raw"):
        # -s: a bounded wait per response. ab exits non-zero when it cannot connect.
        command = [ab, "-n", str(REQUESTS), "-c", "1", "-s", "20", *options,
                   f"{proxy.origin}/ab/{case}{query}"]
        result = subprocess.run(command, env=client_env, capture_output=True, text=True,
                                timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert re.search(rf"Complete requests:\s+{REQUESTS}\n", result.stdout), result.stdout
        assert "Non-2xx responses" not in result.stdout, result.stdout
    exchanges = proxy.exchanges()
    assert len(exchanges) == 3 * REQUESTS and views(exchanges) == {"text", "json", "raw"}
    assert {ex.request.request_line.rsplit(" ", 1)[1] for ex in exchanges} == {"HTTP/1.0"}
    problems = check_exchanges(f"ab {case}", exchanges)
    assert not problems, "\n".join(problems)
    for ex in exchanges:
        assert not ex.request.sends(adds), f"ab {case} did not send {ex.request.sends(adds)}"
