"""If-Range: a strong entity tag or an HTTP-date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.headers._shared.types import EntityTag
from headerscope.headers.if_range import IF_RANGE

from ._content_helpers import rejects, warned


@pytest.mark.parametrize(("raw", "expected"), [
    ('"xyzzy"', EntityTag("xyzzy")),
    ("Wed, 21 Oct 2015 07:28:00 GMT", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),
    ("Wednesday, 21-Oct-15 07:28:00 GMT", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),
])
def test_parses(raw: str, expected: EntityTag | datetime) -> None:
    value = IF_RANGE.parse(raw)
    assert value == expected
    assert IF_RANGE.parse(IF_RANGE.write(value)) == value


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ('"a", "b"', "unexpected ','", 3),
    ("xyzzy", "not an HTTP-date", 0),
    ("0", "not an HTTP-date", 0),
    ('"a', "entity tag is not closed", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(IF_RANGE, raw, fragment, position)


def test_weak_tag_is_warned() -> None:
    # a sender's rule (RFC 9110, 13.1.5): read, with a warning (tests/headers/test_class_recipient)
    warned(IF_RANGE, 'W/"xyzzy"', "MUST NOT generate an If-Range header field containing an "
           "entity tag that is marked as weak", 0)


def test_obsolete_date_is_warned() -> None:
    warned(IF_RANGE, "Wednesday, 21-Oct-15 07:28:00 GMT", "obsolete RFC 850", 0)
