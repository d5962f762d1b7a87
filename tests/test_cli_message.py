"""`headerscope parse -` gives the server's verdict on the request as a whole (issue 17).

Rules that span field lines (RFC 9112, 3.2 and 6.1 to 6.3) are the server's reader's: each
test frames the same bytes with RequestReader itself and asserts that `parse -` shows that
status and reason, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import io
import json
import sys
from http import HTTPStatus

import pytest

from headerscope.cli import main
from headerscope.http import HeadComplete, HTTPError, RequestReader
from tests.http._corpus import load


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: bytes,
        *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status = main(["parse", *argv, "-"])
    return status, capsys.readouterr().out


def reader_verdict(data: bytes) -> tuple[int, str] | None:
    """What the server's reader answers to these bytes: (status, reason), or None if it takes
    the first request (or waits for the rest of it)."""
    reader = RequestReader()
    reader.feed(data)
    try:
        event = reader.next_event()
        while isinstance(event, HeadComplete):
            event = reader.next_event()
    except HTTPError as exc:
        return exc.status, exc.reason
    return None


HEAD = b"POST / HTTP/1.1\r\nHost: a\r\n"

# One request per rule the issue lists, and a valid one: (bytes, the status the RFC requires).
RULES = {
    "valid": (HEAD + b"Content-Length: 2\r\n\r\nok", None),
    "conflicting Content-Length lines": (
        HEAD + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\nok", 400),
    "two Host lines": (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    "Transfer-Encoding with Content-Length": (
        HEAD + b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
    "final coding not chunked across lines": (
        HEAD + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_verdict_is_the_readers(rule: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data, required = RULES[rule]
    verdict = reader_verdict(data)
    assert (verdict[0] if verdict else None) == required  # the server itself, as the RFC says
    status, out = run(capsys, monkeypatch, data, "--json")
    doc = json.loads(out)
    if verdict is None:
        assert doc["message"] == {"status": None, "reason": None}
        assert status == 0
    else:
        assert doc["message"] == {"status": verdict[0], "reason": verdict[1]}
        assert status == 1
    assert [f["error"] for f in doc["fields"]] == [None] * len(doc["fields"])  # each line is fine
    status_text, text = run(capsys, monkeypatch, data)
    assert status_text == status
    line = [s for s in text.splitlines() if s.startswith("request:")]
    if verdict is None:
        assert line == ["request: framed as the server frames it (body content-length 2)"]
    else:
        phrase = HTTPStatus(verdict[0]).phrase
        assert line == [f"request: {verdict[0]} {phrase}: {verdict[1]}"]


@pytest.mark.parametrize("rule", list(RULES))
def test_compare_frames_the_same(rule: str, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`parse --compare -` shows headerscope's framing of the request: the same verdict."""
    data, _ = RULES[rule]
    _, out = run(capsys, monkeypatch, data, "--json", "--compare")
    doc = json.loads(out)
    framed = doc["compare"]["framed"]
    if doc["message"]["status"] is None:
        assert framed["outcome"] == "request"
    else:
        assert framed["outcome"] == "rejected"
        assert (framed["status"], framed["reason"]) == (doc["message"]["status"],
                                                        doc["message"]["reason"])


def test_hand_written_lines_are_framed_as_crlf(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    status, out = run(capsys, monkeypatch, b"GET / HTTP/1.1\nHost: a\nHost: b\n", "--json")
    assert status == 1
    assert json.loads(out)["message"] == {"status": 400, "reason": "more than one Host"}


def test_bare_field_lines_are_not_framed(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Content-Length: 1\nContent-Length: 1\n"
    status, out = run(capsys, monkeypatch, data, "--json")
    assert status == 0 and json.loads(out)["message"] == {"status": None, "reason": None}
    status, out = run(capsys, monkeypatch, data)
    assert "request: not framed: no request line" in out


def test_garbage_is_still_a_usage_error(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(capsys, monkeypatch, b"no colon here\n")[0] == 2


def test_every_refused_corpus_request(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every case of bad-requests.jsonl whose expected outcome is a 4xx: `parse -` gives the
    status and reason the server's reader gives (skipped when the shared data is absent)."""
    checked = 0
    for case in load():
        expected = case.allowed[0]
        if len(expected) != 1 or not expected[0].startswith("4"):
            continue
        verdict = reader_verdict(case.raw)
        status, out = run(capsys, monkeypatch, case.raw, "--json")
        if b"\n" not in case.raw:  # no line at all (a TLS hello): not a head, a usage error
            assert status == 2 and out == "", case.name
            continue
        if verdict is None:  # the reader does not refuse it (an also_ok outcome)
            assert status != 1 or json.loads(out)["message"]["status"] is None, case.name
            continue
        assert status == 1, case.name
        message = json.loads(out)["message"]
        assert (message["status"], message["reason"]) == verdict, case.name
        checked += 1
    assert checked >= 40  # the corpus has about fifty 4xx cases; most reach the reader
