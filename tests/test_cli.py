"""The command line as a user runs it: output, JSON shape, exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from headerscope import __version__
from headerscope.cli import main

FIELD_KEYS = {"name", "wire_name", "raw", "known", "value", "error", "warnings"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_parse_one_value(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "Age", "  42 ")
    assert status == 0
    assert out.splitlines()[0].split() == ["Age", "42"]


def test_parse_one_value_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "AGE", "42", "--json")
    doc = json.loads(out)
    assert status == 0
    assert set(doc) == FIELD_KEYS
    assert doc == {"name": "age", "wire_name": "AGE", "raw": "42", "known": True, "value": 42,
                   "error": None, "warnings": []}


def test_parse_error_exit_1_with_position(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "Age", "4x2", "--json")
    doc = json.loads(out)
    assert status == 1
    assert doc["value"] is None
    assert doc["error"]["position"] == 1


def test_parse_error_text_has_a_caret(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "Age", "4x2")
    lines = out.splitlines()
    assert status == 1
    assert lines[1].index("^") == lines[0].index("4x2") + 1


def test_unknown_field_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "X-Thing", "a, b", "--json")
    doc = json.loads(out)
    assert status == 0
    assert doc["known"] is False and doc["value"] == "a, b"


def test_parse_request_from_stdin(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"GET /p HTTP/1.1\r\nHost: a\r\nAge: 3\r\nAge: x\r\n\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(capsys, "parse", "-", "--json")
    doc = json.loads(out)
    assert status == 1  # the second Age does not parse
    assert (doc["method"], doc["target"], doc["version"]) == ("GET", "/p", "HTTP/1.1")
    assert [f["wire_name"] for f in doc["fields"]] == ["Host", "Age", "Age"]
    assert all(set(f) == FIELD_KEYS for f in doc["fields"])


def test_parse_prints_no_control_character_to_the_terminal(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = "GET /\x1b]8;;x\x07 HTTP/1.1\r\nAccept: a\x9bb\u202e\r\n\r\n".encode("latin-1",
                                                                               "replace")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    _, out, _ = run(capsys, "parse", "-")
    assert out.startswith("GET /\\x1b]8;;x\\x07 HTTP/1.1")
    _, named, _ = run(capsys, "parse", "\x1b[2J", "1")
    for text in (out, named):
        assert not [c for c in text if c != "\n" and (ord(c) < 32 or 0x7F <= ord(c) < 0xA0)]


def test_parse_field_lines_from_a_file(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    path = tmp_path / "fields.txt"
    path.write_bytes(b"Age: 1\nX-Y: z\n")
    status, out, _ = run(capsys, "parse", str(path), "--json")
    doc = json.loads(out)
    assert status == 0
    assert doc["method"] is None and len(doc["fields"]) == 2


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "parse", str(tmp_path / "missing"))[0] == 2
    bad = tmp_path / "bad"
    bad.write_bytes(b"no colon here\n")
    assert run(capsys, "parse", str(bad))[0] == 2
    assert run(capsys, "no-such-command")[0] == 2
    assert run(capsys)[0] == 2


def test_fields_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "fields", "--json")
    doc = json.loads(out)
    assert status == 0
    assert any(d["name"] == "Age" and d["ref"].startswith("RFC 9111") for d in doc)
    status, out, _ = run(capsys, "fields")
    assert "Age" in out and "RFC 9111" in out


def test_version_and_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "headerscope", "--version"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.strip() == f"headerscope {__version__}"
