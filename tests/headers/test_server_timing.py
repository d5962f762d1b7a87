from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers.server_timing import SERVER_TIMING, Metric

from ._content_helpers import rejects, round_trips, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    # the specification's examples
    ("miss, db;dur=53, app;dur=47.2",
     (Metric("miss"), Metric("db", Decimal(53)), Metric("app", Decimal("47.2")))),
    ("customView, dc;desc=atl", (Metric("customView"), Metric("dc", description="atl"))),
    ('cache;desc="Cache Read";dur=23.2', (Metric("cache", Decimal("23.2"), "Cache Read"),)),
    # Cloudflare
    ('cfL4;desc="?proto=TCP&rtt=1234&min_rtt=1100", cfRequestDuration;dur=12.000095',
     (Metric("cfL4", description="?proto=TCP&rtt=1234&min_rtt=1100"),
      Metric("cfRequestDuration", Decimal("12.000095")))),
    ("edge ; dur = 1e2 ; DESC = hit ; region=fra",
     (Metric("edge", Decimal(100), "hit", {"region": "fra"}),)),
    ("x;dur=.5, y;dur=-0", (Metric("x", Decimal("0.5")), Metric("y", Decimal(0)))),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[Metric, ...]) -> None:
    assert SERVER_TIMING.parse(raw) == expected
    assert warnings(SERVER_TIMING, raw) == []


def test_writes_dur_then_desc() -> None:
    round_trips(SERVER_TIMING, 'cache;desc="Cache Read";dur=23.20, total;dur=123.4',
                'cache;dur=23.2;desc="Cache Read", total;dur=123.4')


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("db;dur", "expected '='", 6),
    ("db;=53", "expected a parameter name", 3),
    ("db dur=53", "expected ',' or the end of the value, found 'd'", 3),
    ("db;dur=53;", "expected a parameter name", 10),
    ('db;desc="open', "quoted-string is not closed", 8),
    ("db;desc=a b", "expected ',' or the end of the value, found 'b'", 10),
    ('"db";dur=1', "expected a metric name", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(SERVER_TIMING, raw, fragment, position)


def test_a_repeated_parameter_keeps_the_first() -> None:
    raw = "db;dur=53;DUR=1;desc=a;desc=b"
    assert SERVER_TIMING.parse(raw) == (Metric("db", Decimal(53), "a"),)
    assert warnings(SERVER_TIMING, raw) == [
        ("repeated parameter 'dur': only the first one is used", 10),
        ("repeated parameter 'desc': only the first one is used", 23)]


def test_a_dur_that_is_no_number_is_kept_and_reported() -> None:
    assert SERVER_TIMING.parse("app;dur=12ms") == (Metric("app", params={"dur": "12ms"}),)
    assert warnings(SERVER_TIMING, "app;dur=12ms") == [
        ("dur='12ms' is not a number: browsers read the number it starts with, or 0", 8)]
    round_trips(SERVER_TIMING, "app;dur=12ms", "app;dur=12ms")
