"""diff(a, b): tables of what a proxy does to a request, and two properties."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from headerscope.captures import TLSFacts, diff
from headerscope.captures.diff import Change

from .helpers import capture, head_of

BASE = [("Host", "example.com"), ("User-Agent", "ua/1"), ("Accept", "text/html"),
        ("Accept-Encoding", "gzip")]


def fields_diff(a: list[tuple[str, str]] | list[bytes], b: list[tuple[str, str]] | list[bytes]
                ) -> list[tuple[str, str]]:
    d = diff(capture(head_of(a)), capture(head_of(b)))
    assert not d.request_line and not d.connection and d.body is None
    return ([(c.kind.value, c.name) for c in d.fields]
            + [("moved", m.name) for m in d.reordered]
            + [(f"regrouped {r.lines_a}->{r.lines_b}", r.name) for r in d.regrouped])


@pytest.mark.parametrize(("b", "expected"), [
    (BASE, []),
    ([*BASE, ("Via", "1.1 proxy")], [("added", "via")]),
    (BASE[:3], [("removed", "accept-encoding")]),
    ([BASE[0], ("User-Agent", "ua/2"), *BASE[2:]], [("changed", "user-agent")]),
    ([BASE[0], ("user-agent", "ua/1"), *BASE[2:]], [("case changed", "user-agent")]),
    ([BASE[1], BASE[0], *BASE[2:]], [("moved", "host")]),  # a swap: one line moved, not four
    ([*BASE[1:], BASE[0]], [("moved", "host")]),
    ([BASE[0], BASE[1], BASE[3], BASE[2]], [("moved", "accept")]),
    ([b"Host: example.com", b"User-Agent:  ua/1 ",
      *[f"{n}: {v}".encode() for n, v in BASE[2:]]], [("whitespace changed", "user-agent")]),
])
def test_field_changes(b: list[tuple[str, str]] | list[bytes],
                       expected: list[tuple[str, str]]) -> None:
    assert fields_diff(BASE, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # RFC 9110, 5.3: two lines, or one combined with ", ": the same field value
    ([("Accept", "a"), ("Accept", "b")], [("Accept", "a, b")], [("regrouped 2->1", "accept")]),
    ([("Accept", "a, b")], [("Accept", "a"), ("Accept", "b")], [("regrouped 1->2", "accept")]),
    ([("Accept", "a"), ("Accept", "b")], [("Accept", "a,b")], [("regrouped 2->1", "accept")]),
    ([("Cookie", "a=1"), ("Cookie", "b=2")], [("Cookie", "a=1; b=2")],
     [("regrouped 2->1", "cookie")]),
    # not the same combined value: a change, and the extra line
    ([("Accept", "a"), ("Accept", "b")], [("Accept", "a, c")],
     [("changed", "accept"), ("removed", "accept")]),
    ([("X", "1"), ("X", "1")], [("X", "1")], [("removed", "x")]),
])
def test_joined_and_split(a: list[tuple[str, str]], b: list[tuple[str, str]],
                          expected: list[tuple[str, str]]) -> None:
    assert fields_diff(a, b) == expected


def test_regrouped_says_whether_rfc_9110_allows_it() -> None:
    a = capture(head_of([("Accept", "a"), ("Accept", "b"), ("Age", "1"), ("Age", "2"),
                         ("X-U", "1"), ("X-U", "2")]))
    b = capture(head_of([("Accept", "a, b"), ("Age", "1, 2"), ("X-U", "1, 2")]))
    allowed = {r.name: r.allowed for r in diff(a, b).regrouped}
    assert allowed == {"accept": True, "age": False, "x-u": None}


def test_changed_values_are_parsed_on_both_sides() -> None:
    d = diff(capture(head_of([("Age", "5")])), capture(head_of([("Age", "x")])))
    [change] = d.fields
    assert change.kind is Change.CHANGED and change.a is not None and change.b is not None
    assert (change.a.parsed.value, change.a.parsed.error) == (5, None)
    assert change.b.parsed.value is None and change.b.parsed.error is not None
    assert (change.a.raw, change.b.raw) == (b"Age: 5", b"Age: x")


def test_request_line_body_trailers_and_connection() -> None:
    a = capture(head_of([("Host", "h")], method="GET", target="/a"), b"one",
                trailers=b"X-T: 1\r\n")
    b = capture(head_of([("Host", "h")], method="POST", target="/b", version="HTTP/1.0"),
                b"two!", trailers=b"X-T: 2\r\n", client=("10.0.0.2", 5), status=502,
                tls=TLSFacts("TLSv1.3"), protocol="HTTP/1.0")
    d = diff(a, b)
    assert [(c.fact, c.a, c.b) for c in d.request_line] == [
        ("method", "GET", "POST"), ("target", "/a", "/b"), ("version", "HTTP/1.1", "HTTP/1.0")]
    assert d.body is not None and (d.body.length_a, d.body.length_b) == (3, 4)
    assert d.body.sha256_a != d.body.sha256_b
    assert [(c.kind, c.name) for c in d.trailers] == [(Change.CHANGED, "x-t")]
    facts = {c.fact: (c.a, c.b) for c in d.connection}
    assert facts["client address"] == ("127.0.0.1", "10.0.0.2")
    assert facts["status"] == ("200", "502") and facts["protocol"] == ("HTTP/1.1", "HTTP/1.0")
    assert facts["tls"] == ("none", "yes") and facts["tls version"] == ("-", "TLSv1.3")
    assert "time" not in facts  # two captures are always at different times: not a change


def test_line_endings() -> None:
    d = diff(capture(b"GET / HTTP/1.1\r\nX: 1\r\n\r\n"), capture(b"GET / HTTP/1.1\nX: 1\n\n"))
    assert [c.fact for c in d.request_line] == ["line endings"]
    assert not d.fields


def test_linear_enough() -> None:
    """A thousand lines reversed: n log n, not n squared, and every line but one moved."""
    a = [(f"X-{i}", str(i)) for i in range(1000)]
    d = diff(capture(head_of(a)), capture(head_of(a[::-1])))
    assert len(d.reordered) == 999


names = st.sampled_from(["Accept", "accept", "ACCEPT", "Age", "Cookie", "X-A", "x-a", "Host"])
values = st.sampled_from(["", "1", "2", "a, b", "a", "b", " 1", "1 "])
lines = st.lists(st.tuples(names, values), max_size=8)


def _lines(pairs: list[tuple[str, str]]) -> list[bytes]:
    return [f"{n}:{v}".encode() for n, v in pairs]


@given(lines)
def test_a_capture_has_no_difference_with_itself(a: list[tuple[str, str]]) -> None:
    c = capture(head_of(_lines(a)), b"body")
    assert diff(c, c).empty
    assert diff(c, dataclasses.replace(c, id=9)).empty


@given(lines, lines)
@example([("Accept", "a"), ("X-A", "1")], [("X-A", "1"), ("Accept", "a")])
def test_every_differing_field_is_named(a: list[tuple[str, str]], b: list[tuple[str, str]]
                                        ) -> None:
    d = diff(capture(head_of(_lines(a))), capture(head_of(_lines(b))))

    def lines_of(pairs: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
        return [(n, v) for n, v in pairs if n.lower() == name]

    for name in {n.lower() for n, _ in a + b}:
        if lines_of(a, name) != lines_of(b, name):
            assert name in d.names(), (name, d)
    # and when nothing is named, the lines are the same lines in the same order
    if not d.names():
        assert [n.lower() for n, _ in a] == [n.lower() for n, _ in b]
        assert _lines(a) == _lines(b)
