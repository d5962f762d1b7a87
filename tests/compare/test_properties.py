"""Whatever the bytes, a comparison is data: it never raises, with every peer installed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from headerscope.compare import FIELD_PEERS, FRAMING_PEERS, Verdict, compare_field
from headerscope.compare._model import canonical
from headerscope.compare.framing import compare_framing, our_framing
from headerscope.headers import REGISTRY

NAMES = sorted(s.name for s in REGISTRY)
# Field text as the server sees it: bytes read as ISO-8859-1, with the separators that
# matter to the peers' parsers over-represented.
TEXT = st.text(alphabet=st.sampled_from(list(' \t,;="\\/*?:@()[]<>{}-_.0123456789aAbBqQzZW'))
               | st.characters(min_codepoint=0, max_codepoint=255), max_size=40)


@given(st.sampled_from(NAMES), TEXT)
def test_compare_field_never_raises(name: str, raw: str) -> None:
    c = compare_field(name, raw)
    assert [r.peer for r in c.readings] == [p.name for p in FIELD_PEERS]
    for r in c.readings:
        canonical(r.ours)  # normal forms are JSON data
        canonical(r.theirs)
        if r.verdict is Verdict.AGREE:
            assert canonical(r.ours) == canonical(r.theirs)


HEAD = st.lists(st.sampled_from([
    b"GET / HTTP/1.1", b"POST /x HTTP/1.0", b"Host: a", b"Host : a", b"Content-Length: 3",
    b"Content-Length: 3, 3", b"Transfer-Encoding: chunked", b"Transfer-Encoding: gzip",
    b" folded", b"X: \x7f", b"", b"3", b"abc", b"0", b"X-T: 1"]), max_size=8)


@given(HEAD, st.sampled_from([b"\r\n", b"\n"]), st.binary(max_size=8))
def test_framing_never_raises(lines: list[bytes], eol: bytes, tail: bytes) -> None:
    data = eol.join(lines) + eol + tail
    ours = our_framing(data)
    for peer in FRAMING_PEERS:
        r = compare_framing(data, peer, ours)
        assert r.verdict is not Verdict.NOT_COVERED
        if r.verdict is Verdict.AGREE and r.theirs is not None and r.theirs.fields is not None:
            assert r.theirs.fields == ours.fields
