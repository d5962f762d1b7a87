"""Every peer is optional: with none installed the comparison still runs, and says which
are missing and how to install them."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest

from headerscope.cli import main
from headerscope.compare import Verdict, compare_field, compare_request, peer_status
from headerscope.compare.render import request_text

REQUEST = (b"GET / HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\n"
           b"Date: Sun Nov  6 08:49:37 1994\r\n\r\n")


def test_missing_field_peers_are_listed(block: Callable[..., None]) -> None:
    block()
    by_peer = {r.peer: r for r in compare_field("Accept", "text/html").readings}
    assert by_peer["werkzeug"].verdict is Verdict.MISSING
    assert by_peer["werkzeug"].note == "missing: pip install werkzeug"
    assert by_peer["http-sf"].verdict is Verdict.MISSING
    assert by_peer["http-sf"].note == "missing: pip install http-sf"
    assert by_peer["stdlib"].verdict is Verdict.NOT_COVERED  # always there


def test_the_standard_library_still_compares(block: Callable[..., None]) -> None:
    block()
    by_peer = {r.peer: r for r in compare_field("Date", "Sun Nov  6 08:49:37 1994").readings}
    assert by_peer["stdlib"].verdict is Verdict.DISAGREE
    assert by_peer["stdlib"].known is not None
    assert by_peer["stdlib"].known.key == "stdlib-naive-date"


def test_one_missing_peer_leaves_the_others(block: Callable[..., None]) -> None:
    block("werkzeug")
    by_peer = {r.peer: r for r in compare_field("Sec-Fetch-User", "?1").readings}
    assert by_peer["werkzeug"].verdict is Verdict.MISSING
    assert by_peer["http-sf"].verdict is Verdict.AGREE


def test_back_again_once_unblocked() -> None:
    by_peer = {r.peer: r for r in compare_field("Accept", "text/html").readings}
    assert by_peer["werkzeug"].verdict is Verdict.AGREE


def test_request_without_h11(block: Callable[..., None]) -> None:
    block()
    rc = compare_request([("Host", "a")], REQUEST)
    by_peer = {r.peer: r for r in rc.framing}
    assert by_peer["h11"].verdict is Verdict.MISSING
    assert by_peer["http.server"].verdict is Verdict.AGREE
    status = {p.name: p for p in peer_status()}
    assert not status["h11"].available and status["h11"].install == "h11"
    assert status["http.server"].available
    text = request_text(rc)
    assert "h11 (missing: pip install h11)" in text
    assert "werkzeug (missing: pip install werkzeug)" in text


@pytest.mark.parametrize("blocked", [True, False], ids=["no peers", "all peers"])
def test_cli_works_either_way(block: Callable[..., None], blocked: bool,
                              capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    if blocked:
        block()
    assert main(["parse", "--compare", "--json", "Accept", "text/html;q=2"]) == 1
    doc = json.loads(capsys.readouterr().out)
    verdicts = {r["peer"]: r["verdict"] for r in doc["compare"]["readings"]}
    assert verdicts["werkzeug"] == ("missing" if blocked else "we reject")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(REQUEST)))
    assert main(["parse", "--compare", "-"]) == 0
    out = capsys.readouterr().out
    assert ("missing: pip install h11" in out) is blocked
    assert "framing  headerscope  request GET / HTTP/1.1" in out
