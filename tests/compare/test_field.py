"""One field value, every peer: the verdict and the known class of each difference."""

from __future__ import annotations

import pytest

from headerscope.bench.profiles import PROFILES, fill
from headerscope.compare import KNOWN, Verdict, compare_field
from headerscope.compare._model import canonical
from headerscope.compare.field import read
from headerscope.compare.peers import FIELD_PEERS
from headerscope.headers import REGISTRY

from ._cases import FIELD_CASES, FRAMING_CASES


@pytest.mark.parametrize(("name", "raw", "peer", "verdict", "key"), FIELD_CASES)
def test_field_case(name: str, raw: str, peer: str, verdict: str, key: str | None) -> None:
    r = compare_field(name, raw)
    (mine,) = [x for x in r.readings if x.peer == peer]
    assert (mine.verdict.value, mine.known.key if mine.known else None) == (verdict, key)
    if mine.verdict.differs:
        assert mine in r.differences


def test_every_known_class_has_a_witness() -> None:
    """No dead rows in the table of known differences: each one is seen in a case."""
    seen = {key for *_, key in FIELD_CASES} | {key for *_, key in FRAMING_CASES}
    assert set(KNOWN) - seen == set()


@pytest.mark.parametrize("profile", ["chromium", "firefox", "varied", "curl"])
def test_browsers_fields_read_alike(profile: str) -> None:
    """What browsers send is read the same way by every peer that parses it."""
    for name, template in PROFILES[profile].fields:
        raw = fill(template, "127.0.0.1:8080", 7)
        for r in compare_field(name, raw).readings:
            assert r.verdict in (Verdict.AGREE, Verdict.NOT_COVERED), (name, r)


def test_readings_are_normal_forms_side_by_side() -> None:
    r = compare_field("Accept", "text/html;q=0.5;level=1")
    (w,) = [x for x in r.readings if x.peer == "werkzeug"]
    assert w.ours == [["text/html", {}, "0.5"]]
    assert w.theirs == [["text/html", {"level": "1"}, "0.5"]]
    assert w.function == "werkzeug.http.parse_accept_header(MIMEAccept)"


def test_true_is_not_one() -> None:
    """Normal forms compare as JSON text: the Boolean ?1 is not the Integer 1, although
    Python's == says True == 1."""
    (sf,) = [x for x in compare_field("Priority", "i=?1").readings if x.peer == "http-sf"]
    assert sf.verdict is Verdict.AGREE and sf.theirs == [["i", [True, []]]]
    assert canonical(sf.theirs) != canonical([["i", [1, []]]])


def test_unknown_field_is_not_compared() -> None:
    for r in compare_field("X-Thing", "a=1").readings:
        assert r.verdict is Verdict.NOT_COVERED


def test_a_peer_without_a_parser_says_so() -> None:
    (sf,) = [x for x in compare_field("Accept", "*/*").readings if x.peer == "http-sf"]
    assert sf.verdict is Verdict.NOT_COVERED and "no parser for Accept" in sf.note


def test_every_structured_field_is_covered_by_http_sf() -> None:
    (peer,) = [p for p in FIELD_PEERS if p.name == "http-sf"]
    adapters = peer.adapters()
    assert adapters is not None
    sf_names = {s.key for s in REGISTRY if s.kind.value.startswith("sf-")}
    assert sf_names and sf_names <= set(adapters)


def test_a_crashing_peer_is_a_rejection_not_an_error() -> None:
    from headerscope.compare._model import Adapter, Peer

    def boom(raw: str) -> object:
        raise IndexError("list index out of range")

    peer = Peer("broken", "json", "broken", lambda m: {"age": Adapter("broken.parse", boom,
                                                                      lambda f: f.value)})
    r = read(peer, REGISTRY.parse("Age", "5"))
    assert r.verdict is Verdict.PEER_REJECTS
    assert r.note == "raised IndexError: list index out of range"
    assert r.known is None  # unexplained, and shown as such


def test_a_bug_in_our_normal_form_is_reported_not_raised() -> None:
    from headerscope.compare._model import Adapter, Peer

    peer = Peer("odd", "json", "odd", lambda m: {"age": Adapter("odd.parse", lambda raw: 5,
                                                                lambda f: object())})
    r = read(peer, REGISTRY.parse("Age", "5"))
    assert r.verdict is Verdict.NOT_COVERED and "internal comparison error" in r.note
