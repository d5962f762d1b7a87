"""GNU Wget against a live `headerscope serve`: plain downloads on one kept-alive connection,
a POST, and the options that add fields (credentials without a challenge, a referer, extra
header lines). What wget sent is taken from the relay's capture and checked by `_checks`."""

from __future__ import annotations

import subprocess

import pytest

from ..conftest import require_tool
from ._checks import check_exchanges, views
from ._wire import RecordingProxy

# (case, wget options, fields the options must add)
CASES: list[tuple[str, list[str], set[str]]] = [
    ("plain", [], {"Host", "User-Agent", "Accept", "Accept-Encoding", "Connection"}),
    ("post", ["--post-data", "name=value&x=a%20b"], {"Content-Type", "Content-Length"}),
    ("options", ["--user", "user", "--password", "pass", "--auth-no-challenge",
                 "--referer", "http://127.0.0.1/from", "--no-cache",
                 "--header", "Accept-Language: de-CH, de;q=0.9, en;q=0.8",
                 "--header", 'If-Match: "v7"', "--user-agent", "wget-test/1.0"],
     {"Authorization", "Referer", "Cache-Control", "Pragma", "Accept-Language", "If-Match"}),
]


@pytest.mark.parametrize(("case", "options", "adds"), CASES, ids=[c[0] for c in CASES])
def test_wget(proxy: RecordingProxy, client_env: dict[str, str], case: str,
              options: list[str], adds: set[str]) -> None:
    wget = require_tool("wget")
    base = f"{proxy.origin}/wget/{case}"
    # --no-config: ignore any wgetrc. One try, a bounded wait, output to stdout.
    command = [wget, "--no-config", "-q", "-O", "-", "--tries=1", "--timeout=20", *options,
               base, f"{base}?format=json", f"{base}?format=raw"]
    result = subprocess.run(command, env=client_env, capture_output=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr.decode()
    exchanges = proxy.exchanges()
    assert len(exchanges) == 3 and views(exchanges) == {"text", "json", "raw"}
    problems = check_exchanges(f"wget {case}", exchanges)
    assert not problems, "\n".join(problems)
    for ex in exchanges:
        assert not ex.request.sends(adds), f"wget {case} did not send {ex.request.sends(adds)}"
