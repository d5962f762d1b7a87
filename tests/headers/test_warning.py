"""Warning: the obsoleted field's grammar, still parsed, always flagged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers.warning import WARNING, WarningValue

from ._content_helpers import rejects, round_trips, warned, warnings

W = WarningValue


@pytest.mark.parametrize(("raw", "expected"), [
    ('110 anderson/1.3.37 "Response is stale"', (W(110, "anderson/1.3.37", "Response is stale"),)),
    ('112 - "network down" "Sat, 25 Aug 2012 23:34:45 GMT"',
     (W(112, "-", "network down", datetime(2012, 8, 25, 23, 34, 45, tzinfo=UTC)),)),
    ('199 [::1]:8080 "a \\"b\\"", 214 proxy.example "x"',
     (W(199, "[::1]:8080", 'a "b"'), W(214, "proxy.example", "x"))),
])
def test_parses(raw: str, expected: tuple[WarningValue, ...]) -> None:
    assert WARNING.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(WARNING, '110 a "b" "Sunday, 06-Nov-94 08:49:37 GMT"',
                '110 a "b" "Sun, 06 Nov 1994 08:49:37 GMT"')


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty Warning", 0),
    ("110", "expected ' '", 3),
    ('1100 agent "x"', "exactly three digits", 0),
    ("110 agent x", "expected a quoted-string", 10),
    ('110 agent "x" "bad date"', "not an HTTP-date", 15),
    ('110  agent "x"', "expected a warn-agent", 4),
    ('110 agent "x', "quoted-string is not closed", 10),
    ('110 a "b" "Sun, 06 Nov 1994 08:49:37 GMT', "warn-date is not closed", 10),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(WARNING, raw, fragment, position)


def test_deprecated_and_unknown_codes_warned() -> None:
    parsed = REGISTRY.parse("Warning", '110 a "b"')
    assert [w.reason for w in parsed.warnings] == [WARNING.deprecated]
    warned(WARNING, '110 a "b", 999 c "d"', "warn-code 999 is not registered", 11)
    assert warnings(WARNING, '299 a "b"') == []
