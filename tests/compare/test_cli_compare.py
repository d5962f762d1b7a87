"""`headerscope parse --compare`, as a user runs it: text, JSON, exit status."""

from __future__ import annotations

import io
import json

import pytest

from headerscope.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_one_value_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "parse", "--compare", "Cookie", "a=1; a=2")
    lines = out.splitlines()
    assert status == 0  # the exit status is about our parse, as without --compare
    assert lines[0].split() == ["Cookie", "a=1;", "a=2"]
    assert any(line.startswith("compared with: werkzeug") for line in lines)
    assert ("  = werkzeug  agree         werkzeug.sansio.http.parse_cookie (Request.cookies)"
            in lines)
    assert "  ! stdlib    disagree      http.cookies.SimpleCookie" in lines
    assert '      stdlib reads: [["a","2"]]' in lines
    assert any("[cookie-duplicate-name]" in line for line in lines)
    assert any(line.startswith("      RFC 6265, 4.2.2:") for line in lines)
    assert lines[-1] == "1 difference between headerscope and its peers"
    assert "h11" not in out  # a single field is not framed


def test_one_value_json_keeps_the_parse_document(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "parse", "--compare", "--json", "Date",
                      "Sunday, 06-Nov-70 08:49:37 GMT")
    doc = json.loads(out)
    assert status == 0
    assert doc["value"] == "2070-11-06T08:49:37Z"  # the document `parse --json` prints
    readings = {r["peer"]: r for r in doc["compare"]["readings"]}
    assert readings["werkzeug"]["verdict"] == "disagree"
    assert readings["werkzeug"]["theirs"] == "1970-11-06T08:49:37+00:00"
    assert readings["werkzeug"]["known"]["key"] == "stdlib-two-digit-year"
    assert readings["werkzeug"]["known"]["ref"] == "RFC 9110, 5.6.7"
    assert readings["http-sf"]["verdict"] == "not covered"
    assert doc["compare"]["differences"] == 2


def test_without_compare_nothing_changes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "parse", "--json", "Cookie", "a=1; a=2")
    assert "compare" not in json.loads(out)
    _, out = run(capsys, "parse", "Cookie", "a=1; a=2")
    assert "compared with" not in out


def test_request_text(capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                       b"Content-Length: 3\r\n\r\n0\r\n\r\n")
    status, out = run(capsys, "parse", "--compare", "-")
    assert status == 1  # the server refuses it (issue 17): the same verdict as its framing
    assert "request: 400 Bad Request: both Content-Length and Transfer-Encoding" in out
    assert "framing  headerscope  rejected: 400 both Content-Length and Transfer-Encoding" in out
    assert "! h11         we reject     request POST / HTTP/1.1, 3 fields, body chunked" in out
    assert "[te-and-cl]" in out and "right: either" in out


def test_request_json(capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, b"GET / HTTP/1.1\r\nHost: a\r\nCookie: a=1; a=2\r\n\r\n")
    status, out = run(capsys, "parse", "--compare", "--json", "-")
    doc = json.loads(out)
    assert status == 0 and doc["method"] == "GET" and len(doc["fields"]) == 2
    compare = doc["compare"]
    assert [len(f) for f in compare["fields"]] == [3, 3]  # werkzeug, http-sf, stdlib each
    assert compare["framed"]["outcome"] == "request"
    assert compare["framed"]["fields"] == [["host", "a"], ["cookie", "a=1; a=2"]]
    assert {r["peer"]: r["verdict"] for r in compare["framing"]} == {
        "h11": "agree", "http.server": "agree"}
    assert compare["differences"] == 1


def test_hand_written_lines_are_framed_as_crlf(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, b"GET / HTTP/1.1\nHost: a\n")
    status, out = run(capsys, "parse", "--compare", "-")
    assert status == 0
    assert "= h11         agree" in out
    assert ("note: the input has bare LF line ends; they were read as CRLF for framing; the "
            "input ends without the empty line that ends a head; one was added for framing"
            in out)


def test_bare_field_lines_are_not_framed(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, b"Accept: text/html;q=2\n")
    status, out = run(capsys, "parse", "--compare", "-")
    assert status == 1
    assert "framing" not in out.replace("for framing", "")
    assert "note: no request line: only the fields are compared" in out
    assert "! werkzeug  we reject" in out
