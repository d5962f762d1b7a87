"""What a reader copies works: every program in examples/ serves as its docstring says, and
every ```python block of the README and docs/ runs (issue 17).

A block may use names it leaves to the reader (docs/tls.md's `data`, the bytes of a
ClientHello, and `chunks`, those bytes as they arrive): SNIPPET_NAMES gives each a real
value. A new block that needs another name fails here until it is given one.
"""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from headerscope.bench.target import free_port, wait_listening
from tests.tls._build import spec_hello

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.py"))
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        for m in _BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append((path.relative_to(REPO).as_posix(), line, m.group(1)))
    return found


BLOCKS = _blocks()
_MESSAGE = spec_hello()
HELLO = b"\x16\x03\x01" + len(_MESSAGE).to_bytes(2, "big") + _MESSAGE  # one TLS record
SNIPPET_NAMES: dict[str, Any] = {
    "data": HELLO,
    "chunks": [HELLO[i:i + 100] for i in range(0, len(HELLO), 100)],
}


def test_the_documents_have_python_blocks_to_run() -> None:
    assert any(path == "README.md" for path, _, _ in BLOCKS)


@pytest.mark.parametrize(("path", "line", "code"), BLOCKS,
                         ids=[f"{p}:{n}" for p, n, _ in BLOCKS])
def test_every_python_block_of_the_documents_runs(path: str, line: int, code: str) -> None:
    namespace = dict(SNIPPET_NAMES)
    exec(compile(code, f"{path}:{line}", "exec"), namespace)


def _get(port: int, target: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", target, headers={"Accept": "text/html",
                                                   "Authorization": "Basic dXNlcjpwYXNz"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


# What each example's answers must show, by path: (target, status, text in the body).
EXPECTED = {
    "hello.py": [("/", 200, b"Hello, World! (4 fields, 0 with errors)")],
    "inspector.py": [("/ping", 200, b"pong\n"), ("/", 200, b"Authorization")],
}


def test_every_example_is_checked() -> None:
    assert sorted(EXPECTED) == [path.name for path in EXAMPLES]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_serves_as_it_says(example: Path) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, str(example), str(port)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        try:
            wait_listening("127.0.0.1", port, 20, process)
        except RuntimeError as error:
            process.kill()
            raise AssertionError(f"{error}: {process.communicate()[0]!r}") from error
        for target, status, text in EXPECTED[example.name]:
            got, _, body = _get(port, target)
            assert got == status and text in body, (target, got, body[:300])
        if example.name == "inspector.py":  # its redaction is on: the secret never shows
            assert b"dXNlcjpwYXNz" not in _get(port, "/")[2]
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
