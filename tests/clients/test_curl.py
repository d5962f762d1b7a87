"""curl, with the option sets people use, against a live `headerscope serve`.

Each run asks for three views on one connection: the inspector with curl's own `Accept: */*`
(which negotiates the text view), `?format=json` and `?format=raw`. What curl sent is taken
from the relay's capture and checked by `_checks`; each case also names the fields its option
must add, so that a curl that silently dropped one would fail here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import require_tool
from ._checks import REPO, check_exchanges, parse_command, views
from ._wire import Exchange, RecordingProxy

# curl 7.88 sends "Expect: 100-continue" for content above 1 MiB; the session's server takes
# up to 2 MiB (conftest.py). "{big}" in an option stands for a file of this many octets.
BIG = (1 << 20) + 1000

# (case, curl options, fields the options must add, 1xx statuses the server must send first).
# `curl --http2` on http:// asks for Upgrade: h2c, which the server takes (101, then HTTP/2):
# beyond this HTTP/1.1 relay, so tests/server/test_http2.py runs that case.
CASES: list[tuple[str, list[str], set[str], tuple[int, ...]]] = [
    ("plain", [], {"Host", "User-Agent", "Accept"}, ()),
    ("user", ["-u", "user:pass"], {"Authorization"}, ()),
    ("cookies", ["-b", "session=abc123; theme=dark"], {"Cookie"}, ()),
    ("if-none-match", ["-H", 'If-None-Match: "v1", W/"v2"'], {"If-None-Match"}, ()),
    ("range", ["-r", "0-99"], {"Range"}, ()),
    ("compressed", ["--compressed"], {"Accept-Encoding"}, ()),
    ("time-cond", ["-z", "Sun, 06 Nov 1994 08:49:37 GMT"], {"If-Modified-Since"}, ()),
    ("time-cond-newer", ["-z", "-Sun, 06 Nov 1994 08:49:37 GMT"], {"If-Unmodified-Since"}, ()),
    ("referer", ["-e", "http://127.0.0.1/from?q=1"], {"Referer"}, ()),
    ("data", ["-d", "name=value&other=x%20y"], {"Content-Type", "Content-Length"}, ()),
    ("json-data", ["-H", "Content-Type: application/json", "--data-raw", '{"a": [1, 2]}'],
     {"Content-Type", "Content-Length"}, ()),
    ("form", ["-F", "name=value", "-F", "file=@pyproject.toml;type=text/plain"],
     {"Content-Type", "Content-Length"}, ()),
    ("expect-100", ["--data-binary", "@{big}"], {"Expect", "Content-Length"}, (100,)),
    ("expect-off", ["-H", "Expect:", "--data-binary", "@{big}"], {"Content-Length"}, ()),
    ("expect-small", ["-H", "Expect: 100-continue", "-d", "a=1"], {"Expect"}, (100,)),
    ("everything", ["-u", "u:p", "-b", "a=1", "-r", "100-", "--compressed", "-e", "/r",
                    "-A", "headerscope-test/1.0 (+tests)", "-H", "Cache-Control: no-cache",
                    "-H", "Accept-Language: en-GB, fr;q=0.5", "-H", "DNT: 1",
                    "-H", "X-Scope-Probe: proprietary, kept verbatim"],
     {"Authorization", "Cookie", "Range", "Accept-Encoding", "Referer", "Cache-Control",
      "Accept-Language", "DNT", "X-Scope-Probe"}, ()),
]


def run_curl(proxy: RecordingProxy, env: dict[str, str], case: str,
             options: list[str]) -> list[Exchange]:
    curl = require_tool("curl")
    if any("{big}" in option for option in options):
        big = Path(env["HOME"]) / "big.txt"
        big.write_bytes(b"v=" + b"x" * (BIG - 2))
        options = [option.replace("{big}", str(big)) for option in options]
    base = f"{proxy.origin}/curl/{case}"
    # -q first: ignore any ~/.curlrc. -sS: quiet but print errors. Bounded by --max-time.
    command = [curl, "-q", "-sS", "--max-time", "20", *options,
               base, f"{base}?format=json", f"{base}?format=raw"]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr.decode()
    return proxy.exchanges()


@pytest.mark.parametrize(("case", "options", "adds", "interim"), CASES, ids=[c[0] for c in CASES])
def test_curl(proxy: RecordingProxy, client_env: dict[str, str], case: str, options: list[str],
              adds: set[str], interim: tuple[int, ...]) -> None:
    exchanges = run_curl(proxy, client_env, case, options)
    assert len(exchanges) == 3 and views(exchanges) == {"text", "json", "raw"}
    problems = check_exchanges(f"curl {case}", exchanges, frozenset({"x-scope-probe"}))
    assert not problems, "\n".join(problems)
    for ex in exchanges:
        assert not ex.request.sends(adds), f"curl {case} did not send {ex.request.sends(adds)}"
        assert ex.interim == interim
    if "Expect:" in options:
        assert all(b"\r\nExpect:" not in ex.request.head for ex in exchanges)


def test_the_json_view_equals_the_parse_command_as_a_process(
        proxy: RecordingProxy, client_env: dict[str, str]) -> None:
    """`_checks` calls the command's entry point in-process; here the real command, once."""
    exchanges = run_curl(proxy, client_env, "process", ["-u", "a:b", "-r", "0-1"])
    head = exchanges[1].request.head
    result = subprocess.run([sys.executable, "-m", "headerscope", "parse", "--json", "-"],
                            input=head, capture_output=True, timeout=60, check=True, cwd=REPO)
    command = json.loads(result.stdout)
    assert command.pop("message") == {"status": None, "reason": None}
    assert command == parse_command(head)
    served = json.loads(exchanges[1].response.body)
    assert {key: served[key] for key in command} == command  # and protocol, connection, http2
    assert [f["wire_name"] for f in command["fields"]] == [
        "Host", "Authorization", "Range", "User-Agent", "Accept"]


def test_curl_form_parts_are_listed(proxy: RecordingProxy, client_env: dict[str, str]) -> None:
    """What curl -F sends (multipart/form-data with a file) is shown part by part."""
    exchanges = run_curl(proxy, client_env, "form-parts",
                         ["-F", "name=value", "-F", "file=@pyproject.toml;type=text/plain"])
    text = exchanges[0].response.body.decode()
    size = (REPO / "pyproject.toml").stat().st_size
    assert "  part 1: name=name (5 bytes): value\n" in text
    assert (f"  part 2: name=file filename=pyproject.toml type=text/plain ({size} bytes): "
            "[build-system]") in text
