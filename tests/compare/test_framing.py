"""A whole request framed by headerscope's reader and by h11 and http.server."""

from __future__ import annotations

import json

import pytest

from headerscope.compare import FRAMING_PEERS, Outcome, Verdict
from headerscope.compare.framing import compare_framing, our_framing

from ._cases import FRAMING_CASES

PEERS = {p.name: p for p in FRAMING_PEERS}


@pytest.mark.parametrize(("label", "data", "peer", "verdict", "key"), FRAMING_CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in FRAMING_CASES])
def test_framing_case(label: str, data: bytes, peer: str, verdict: str,
                      key: str | None) -> None:
    r = compare_framing(data, PEERS[peer], our_framing(data))
    assert (r.verdict.value, r.known.key if r.known else None) == (verdict, key)


def test_pipelined_requests_end_at_the_same_byte() -> None:
    first = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
    data = first + b"GET /2 HTTP/1.1\r\nHost: a\r\n\r\n"
    ours = our_framing(data)
    r = compare_framing(data, PEERS["h11"], ours)
    assert ours.consumed == len(first)
    assert r.theirs is not None and r.theirs.consumed == len(first)
    assert r.theirs.content == b"hi" and r.theirs.body == "content-length 2"


def test_chunked_body_and_trailers_are_compared() -> None:
    data = (b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
    r = compare_framing(data, PEERS["h11"], our_framing(data))
    assert r.verdict is Verdict.AGREE
    assert r.ours is not None and r.ours.content == b"abc"
    assert r.ours.trailers == (("x-t", "1"),) and r.ours.body == "chunked"


def test_a_difference_names_the_parts() -> None:
    data = b"GET / HTTP/1.1\r\nHost: a\r\nX: v \r\n\r\n"
    r = compare_framing(data, PEERS["http.server"], our_framing(data))
    assert r.differences == ("fields",)
    assert r.theirs is not None and r.theirs.fields == (("host", "a"), ("x", "v "))


def test_our_rejection_carries_our_status() -> None:
    ours = our_framing(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
    assert (ours.outcome, ours.status, ours.reason) == (Outcome.REJECTED, 400,
                                                        "more than one Host")


def test_head_without_its_body_is_incomplete_with_its_parts() -> None:
    ours = our_framing(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nabc")
    assert ours.outcome is Outcome.INCOMPLETE
    assert ours.fields == (("host", "a"), ("content-length", "9")) and ours.content is None


def test_h11_sees_the_bytes_in_socket_sized_reads() -> None:
    """h11's 16 KiB head limit applies to a head incomplete after a read, as under uvicorn."""
    data = b"GET / HTTP/1.1\r\nHost: a\r\nX: " + b"a" * 70000 + b"\r\n\r\n"
    r = compare_framing(data, PEERS["h11"], our_framing(data))
    assert r.theirs is not None and (r.theirs.outcome, r.theirs.status) == (Outcome.REJECTED,
                                                                           431)


def test_every_difference_on_the_shared_corpus_is_explained() -> None:
    """The 93 valid and hostile requests of bad-requests.jsonl: wherever h11 or http.server
    frames one differently from headerscope, a known class says why."""
    from ..conftest import shared_file

    unexplained = []
    for line in shared_file("bad-requests.jsonl").read_text().splitlines():
        case = json.loads(line)
        data = case["raw"].encode("latin-1")
        ours = our_framing(data)
        for peer in FRAMING_PEERS:
            r = compare_framing(data, peer, ours)
            if r.verdict.differs and r.known is None:
                unexplained.append((case["name"], peer.name, r.verdict.value))
    assert unexplained == []
