"""Issue 17, recipient errors vs sender rules: what a recipient SHOULD treat as an error is an
error, and what only a sender is forbidden to send (but a recipient reads) is a warning."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers._shared.types import EntityTag, TransferCoding


@pytest.mark.parametrize(("raw", "position"), [
    ("chunked;a=b", 7),
    ("gzip, Chunked ; x = y", 14),
    ('chunked;q="1"', 7),
])
def test_parameters_on_chunked_are_an_error(raw: str, position: int) -> None:
    # RFC 9112, 7: "The chunked coding does not define any parameters. Their presence SHOULD
    # be treated as an error."
    parsed = REGISTRY.parse("Transfer-Encoding", raw)
    assert parsed.error is not None, parsed.value
    assert "chunked takes no parameters" in parsed.error.reason
    assert parsed.error.position == position


def test_parameters_on_other_codings_are_read() -> None:
    parsed = REGISTRY.parse("Transfer-Encoding", "gzip;level=9, chunked")
    assert parsed.error is None
    assert parsed.value == (TransferCoding("gzip", {"level": "9"}), TransferCoding("chunked"))
    assert parsed.warnings == ()


def test_weak_if_range_is_read_with_a_warning() -> None:
    # RFC 9110, 13.1.5: "A client MUST NOT generate an If-Range header field containing an
    # entity tag that is marked as weak" - a sender's rule; the server's evaluation uses
    # strong comparison, so the condition is false and the whole representation is sent.
    parsed = REGISTRY.parse("If-Range", 'W/"xyzzy"')
    assert parsed.error is None, parsed.error
    assert parsed.value == EntityTag("xyzzy", weak=True)
    assert [(w.position, "MUST NOT generate" in w.reason, "200" in w.reason)
            for w in parsed.warnings] == [(0, True, True)]


def test_strong_if_range_has_no_warning() -> None:
    parsed = REGISTRY.parse("If-Range", '"xyzzy"')
    assert parsed.value == EntityTag("xyzzy") and parsed.warnings == ()


def test_sec_fetch_user_false_is_read_with_a_warning() -> None:
    # Fetch Metadata, 2.4: the header is sent only with the value true; ?0 is still an
    # sf-boolean a server can read.
    parsed = REGISTRY.parse("Sec-Fetch-User", "?0")
    assert parsed.error is None, parsed.error
    assert parsed.value is False
    assert [w.position for w in parsed.warnings if "only sent as ?1" in w.reason] == [0]
    assert REGISTRY.parse("Sec-Fetch-User", "?1").warnings == ()


@pytest.mark.parametrize(("name", "raw"), [
    ("Sec-Fetch-User", "true"),  # not a Boolean: still an error
    ("Sec-Fetch-User", "?2"),
    ("If-Range", 'W/"x'),  # a weak tag that is not closed: still an error
    ("If-Range", 'W/"a", "b"'),
])
def test_grammar_errors_stay_errors(name: str, raw: str) -> None:
    assert REGISTRY.parse(name, raw).error is not None
