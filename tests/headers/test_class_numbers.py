"""Issue 17, numbers are magnitudes, not digit counts: every field with a numeric part.

Leading zeros are valid wherever the grammar is `1*DIGIT` (RFC 9110: "00042" is 42). A number
too large to use is valid syntax where the grammar sets no bound: read as a ceiling, with a
warning that says so: 2^31 for a delta-seconds ("the cache MUST consider the value to be
2147483648 (2^31)", RFC 9111, 1.2.2), 2^63 - 1 elsewhere ("a recipient MUST anticipate
potentially large decimal numerals and prevent parsing errors due to integer conversion
overflows", RFC 9110, 8.6). It stays an error only where the grammar bounds it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from headerscope.grammar import INT_CEILING, Cursor, over_ceiling, parse_count, read_count
from headerscope.headers import REGISTRY

BIG = "9" * 30  # past any ceiling
ZEROS = "0" * 25  # leading zeros past every old digit limit
DELTA = 2**31


def _value(name: str, raw: str) -> Any:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, parsed.error
    return parsed.value


# field, raw, what the value (or the part of it named by `pick`) must be
LEADING_ZEROS: list[tuple[str, str, Any]] = [
    ("Content-Length", "00042", 42),
    ("Content-Length", ZEROS + "42", 42),
    ("Content-Length", f"{ZEROS}42, 42", 42),  # one length, spelled twice
    ("Age", "007", 7),
    ("Age", ZEROS + "7", 7),
    ("Max-Forwards", "010", 10),
    ("Max-Forwards", ZEROS + "1", 1),
    ("Retry-After", "0120", 120),
    ("Retry-After", ZEROS + "5", 5),
    ("Access-Control-Max-Age", ZEROS + "600", 600),
    ("RTT", ZEROS + "50", 50),
    ("Viewport-Width", ZEROS + "1280", 1280),
    ("Downlink", ZEROS + "1.50", Decimal("1.5")),
    ("Device-Memory", "0008", Decimal(8)),
    ("DPR", "02.0", Decimal(2)),
]


@pytest.mark.parametrize(("name", "raw", "expected"), LEADING_ZEROS)
def test_leading_zeros_are_valid(name: str, raw: str, expected: Any) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None and parsed.value == expected
    assert not [w for w in parsed.warnings if "more than" in w.reason]


@pytest.mark.parametrize(("name", "raw", "get", "expected"), [
    ("Cache-Control", "max-age=0060", lambda v: v[0].argument, 60),
    ("Cache-Control", f"s-maxage={ZEROS}60", lambda v: v[0].argument, 60),
    ("Keep-Alive", "timeout=05", lambda v: v[0].value, 5),
    ("Keep-Alive", f"timeout={ZEROS}5, max=0100", lambda v: (v[0].value, v[1].value), (5, 100)),
    ("Strict-Transport-Security", f"max-age={ZEROS}60", lambda v: v.max_age, 60),
    ("Content-Range", "bytes 00-09/0100", lambda v: (v.first, v.last, v.length), (0, 9, 100)),
    ("Content-Range", f"bytes */{ZEROS}5", lambda v: v.length, 5),
    ("Range", "bytes=00-09", lambda v: (v.ranges[0].first, v.ranges[0].last), (0, 9)),
    ("Range", f"bytes={ZEROS}1-2, -{ZEROS}5",
     lambda v: (v.ranges[0].first, v.ranges[1].length), (1, 5)),
    ("Alt-Svc", f'h2=":443"; ma={ZEROS}60', lambda v: v[0].max_age, 60),
    ("Prefer", f"wait={ZEROS}10", lambda v: v[0].value, 10),
    ("Set-Cookie", "a=b; Max-Age=0060", lambda v: v.max_age, 60),
    ("Server-Timing", f"db;dur={ZEROS}12.50", lambda v: v[0].duration, Decimal("12.5")),
    ("Host", "example.com:0080", lambda v: v.port, 80),
])
def test_leading_zeros_in_parts_are_valid(name: str, raw: str, get: Any, expected: Any) -> None:
    assert get(_value(name, raw)) == expected


@pytest.mark.parametrize(("name", "raw", "get", "ceiling", "at"), [
    ("Content-Length", BIG, lambda v: v, INT_CEILING, 0),
    ("Content-Length", f"{BIG}, {ZEROS}{BIG}", lambda v: v, INT_CEILING, 0),
    ("Max-Forwards", BIG, lambda v: v, INT_CEILING, 0),
    ("Retry-After", BIG, lambda v: v, INT_CEILING, 0),
    ("RTT", BIG, lambda v: v, INT_CEILING, 0),
    ("Age", BIG, lambda v: v, DELTA, 0),
    ("Access-Control-Max-Age", BIG, lambda v: v, DELTA, 0),
    ("Cache-Control", f"max-age={BIG}", lambda v: v[0].argument, DELTA, 8),
    ("Keep-Alive", f"timeout=5, max={BIG}", lambda v: v[1].value, INT_CEILING, 15),
    ("Strict-Transport-Security", f"max-age={BIG}", lambda v: v.max_age, INT_CEILING, 8),
    ("Content-Range", f"bytes 0-1/{BIG}", lambda v: v.length, INT_CEILING, 10),
    ("Range", f"bytes=0-{BIG}", lambda v: v.ranges[0].last, INT_CEILING, 8),
    ("Alt-Svc", f'h2=":443"; ma={BIG}', lambda v: v[0].max_age, DELTA, 14),
    ("Prefer", f"wait={BIG}", lambda v: v[0].value, DELTA, 5),
])
def test_too_large_is_valid_with_a_warning(name: str, raw: str, get: Any, ceiling: int,
                                          at: int) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, parsed.error
    assert get(parsed.value) == ceiling
    notes = [w for w in parsed.warnings if "more than" in w.reason]
    assert len(notes) == 1 and notes[0].position == at
    assert ("2^31" if ceiling == DELTA else str(INT_CEILING)) in notes[0].reason


@pytest.mark.parametrize(("name", "raw"), [
    ("Content-Length", str(INT_CEILING)), ("Age", str(DELTA)),
    ("Max-Forwards", "0" + str(INT_CEILING)), ("Cache-Control", f"max-age={DELTA}"),
    ("Cache-Control", f'max-age="{DELTA}"'), ("Range", f"bytes=0-{INT_CEILING}"),
    ("Alt-Svc", f'h2=":443"; ma={DELTA}'), ("Prefer", f"wait=0{DELTA}"),
])
def test_the_ceiling_itself_is_not_warned_about(name: str, raw: str) -> None:
    assert not [w for w in REGISTRY.parse(name, raw).warnings if "read as" in w.reason]


def test_set_cookie_max_age_of_any_length() -> None:
    # RFC 6265, 5.2.2: "Let delta-seconds be the attribute-value converted to an integer"
    parsed = REGISTRY.parse("Set-Cookie", f"a=b; Max-Age={BIG}")
    assert parsed.value.max_age == INT_CEILING and not parsed.value.extensions
    assert any("400 days" in w.reason for w in parsed.warnings)
    # 4.1.1: max-age-av = "Max-Age=" non-zero-digit *DIGIT: a sender's leading zero is a warning
    zero = REGISTRY.parse("Set-Cookie", "a=b; Max-Age=0060")
    assert [w.reason for w in zero.warnings if "leading zero" in w.reason]


def test_differing_lengths_past_the_ceiling_still_differ() -> None:
    parsed = REGISTRY.parse("Content-Length", f"{BIG}, {BIG[:-1]}8")
    assert parsed.error is not None and "differ" in parsed.error.reason


@pytest.mark.parametrize(("name", "raw", "fragment"), [
    # grammars that bound the number keep their errors
    ("Priority", "u=" + "1" * 16, "digits"),  # sf-integer = ["-"] 1*15DIGIT (RFC 9651)
    ("Sec-WebSocket-Version", "013", "without leading zeros"),  # RFC 6455: no leading zeros
    ("Sec-WebSocket-Version", "0013", "leading zeros"),
    ("Warning", '0199 - "x"', "three digits"),  # warn-code = 3DIGIT
    ("Accept", "text/html;q=00.5", "q-value"),  # qvalue = ( "0" [ "." 0*3DIGIT ] ) / ...
    ("Accept-Language", "en;q=0.5000", "q-value"),
    ("NEL", '{"report_to":"a","max_age":0060}', "JSON"),  # JSON numbers have no leading zero
    ("Content-Length", BIG + "x", "expected"),
])
def test_bounded_grammars_still_reject(name: str, raw: str, fragment: str) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is not None and fragment in parsed.error.reason, parsed.error


def test_reading_a_count_is_cut_by_length() -> None:
    cur = Cursor("0" * 20000 + "7;")
    assert parse_count(cur) == 7 and cur.pos == 20001
    assert read_count("9" * 20000) == INT_CEILING and read_count("0") == 0
    assert read_count("2147483649", DELTA) == DELTA and read_count("2147483648", DELTA) == DELTA
    assert over_ceiling("0" * 50 + str(INT_CEILING + 1)) and not over_ceiling(str(INT_CEILING))


@pytest.mark.parametrize("name", ["Content-Length", "Age", "Max-Forwards", "Retry-After",
                                  "Access-Control-Max-Age"])
def test_written_values_parse_back(name: str) -> None:
    spec = REGISTRY.get(name)
    assert spec is not None
    for value in (0, 7, DELTA, INT_CEILING):
        expected = min(value, DELTA) if name in ("Age", "Access-Control-Max-Age") else value
        assert spec.parse(spec.write(expected)) == expected
