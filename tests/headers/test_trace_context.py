"""traceparent and tracestate (W3C Trace Context, 3.2 and 3.3), with the specification's own
examples."""

from __future__ import annotations

import pytest

from headerscope.headers.trace_context import (
    TRACEPARENT,
    TRACESTATE,
    TraceParent,
    TraceStateMember,
)

from ._content_helpers import rejects, warned, warnings

TRACE, PARENT = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"


@pytest.mark.parametrize(("raw", "sampled"), [
    (f"00-{TRACE}-{PARENT}-01", True), (f"00-{TRACE}-{PARENT}-00", False)])
def test_traceparent_examples(raw: str, sampled: bool) -> None:
    value = TRACEPARENT.parse(raw)
    assert value == TraceParent(0, TRACE, PARENT, int(sampled))
    assert value.sampled is sampled
    assert TRACEPARENT.write(value) == raw


def test_a_higher_version_is_read_as_version_00_and_keeps_the_rest() -> None:
    value = TRACEPARENT.parse(f"cc-{TRACE}-{PARENT}-01-what-the-future-will-be-like")
    assert (value.version, value.trace_id, value.rest) == (0xCC, TRACE,
                                                           "-what-the-future-will-be-like")
    rejects(TRACEPARENT, f"cc-{TRACE}-{PARENT}-01.", "start with '-'", 55)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    (f"ff-{TRACE}-{PARENT}-01", "version ff is forbidden", 0),
    (f"00-{'0' * 32}-{PARENT}-01", "trace-id of all zeroes", 3),
    (f"00-{TRACE}-{'0' * 16}-01", "parent-id of all zeroes", 36),
    (f"00-{TRACE.upper()}-{PARENT}-01", "lower-case", 4),
    (f"00-{TRACE}-{PARENT}-01-x", "version 00 ends after the trace-flags", 55),
    (f"00-{TRACE[:-1]}-{PARENT}-01", "expected version-trace_id", 34),
    ("", "expected version-trace_id", 0),
])
def test_traceparent_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(TRACEPARENT, raw, fragment, position)


def test_reserved_flags_are_a_sender_error() -> None:
    warned(TRACEPARENT, f"00-{TRACE}-{PARENT}-09", "Vendors MUST set those to zero", 53)
    assert warnings(TRACEPARENT, f"00-{TRACE}-{PARENT}-01") == []


def test_tracestate_examples() -> None:
    assert TRACESTATE.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE") == (
        TraceStateMember("rojo", "00f067aa0ba902b7"), TraceStateMember("congo", "t61rcWkgMzE"))
    assert TRACESTATE.parse("congo=ucfJifl5GOE,rojo=00f067aa0ba902b7")[0].value == "ucfJifl5GOE"
    assert TRACESTATE.parse("fw529a3039@dt=x y") == (TraceStateMember("fw529a3039@dt", "x y"),)


def test_empty_members_are_allowed_and_an_empty_value_is_warned() -> None:
    assert TRACESTATE.parse("a=1 , ,b=2,") == (TraceStateMember("a", "1"),
                                               TraceStateMember("b", "2"))
    assert warnings(TRACESTATE, "a=1, ,b=2") == []
    warned(TRACESTATE, "", "SHOULD avoid sending them", 0)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Rojo=1", "expected a key", 0),
    ("1rojo=1", "starts with a lower-case letter", 0),
    ("rojo=a=b", "',' or the end", 6),
    ("rojo=", "expected a value", 5),
    ("a" * 257 + "=1", "at most 256", 0),
    ("rojo=" + "x" * 257, "at most 256", 5),
    (",".join(f"k{i}=1" for i in range(33)), "at most 32", None),
])
def test_tracestate_rejects(raw: str, fragment: str, position: int | None) -> None:
    rejects(TRACESTATE, raw, fragment, position)


def test_a_repeated_key_is_warned() -> None:
    warned(TRACESTATE, "a=1,a=2", "Only one entry per key is allowed", None)
