"""Content-Disposition: the type, and filename / filename* kept apart with the preferred one."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers._shared.rfc8187 import ExtValue
from headerscope.headers.content_disposition import CONTENT_DISPOSITION, ContentDisposition

from ._content_helpers import rejects, round_trips, warned, warnings

CD = ContentDisposition
BOTH = "attachment; filename=\"EURO rates.txt\"; filename*=UTF-8''%e2%82%ac%20rates.txt"


@pytest.mark.parametrize(("raw", "expected"), [
    ("inline", CD("inline")),
    ('attachment; filename="report.pdf"', CD("attachment", filename="report.pdf")),
    ("Attachment; FILENAME=report.pdf", CD("attachment", filename="report.pdf")),
    ('form-data; name="file"; filename="a.png"',
     CD("form-data", filename="a.png", params={"name": "file"})),
    (BOTH, CD("attachment", ExtValue("€ rates.txt"), "EURO rates.txt")),
    ("attachment; filename*=iso-8859-1'en'%A3%20rates",
     CD("attachment", ExtValue("£ rates", "ISO-8859-1", "en"))),
])
def test_parses(raw: str, expected: ContentDisposition) -> None:
    assert CONTENT_DISPOSITION.parse(raw) == expected


def test_filename_star_is_preferred_and_shown_in_json() -> None:
    value = CONTENT_DISPOSITION.parse(BOTH)
    assert value.preferred_filename == "€ rates.txt"
    assert value.filename == "EURO rates.txt"
    encoded = to_json(value)
    assert encoded["preferred_filename"] == "€ rates.txt"
    assert encoded["filename_ext"] == {"text": "€ rates.txt", "charset": "UTF-8", "language": ""}
    assert CD("inline", filename="a").preferred_filename == "a"


def test_writes_canonically() -> None:
    round_trips(CONTENT_DISPOSITION, "ATTACHMENT;filename*=UTF-8''a%20b; FileName=a_b",
                "attachment;filename=a_b;filename*=UTF-8''a%20b")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected a disposition type", 0),
    ("attachment; filename", "expected '='", 20),
    ('attachment; filename="x', "quoted-string is not closed", 21),
    ("attachment; filename*=\"UTF-8''x\"", "must not be quoted", 22),
    ("attachment; filename*=UTF-8''%zz", "bad percent-encoding", 29),
    ("attachment; filename*=UTF-8''%ff", "not valid UTF-8", 29),
    ("attachment; filename=x; filename=y", "parameter 'filename' is repeated", 24),
    ("attachment; filename=a b", "unexpected U+0020", 22),
    ("inline attachment", "unexpected U+0020", 6),
    ("attachment, inline", "unexpected ','", 10),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_DISPOSITION, raw, fragment, position)


def test_warnings() -> None:
    warned(CONTENT_DISPOSITION, 'attachment; filename="../etc/passwd"', "path separator", 12)
    warned(CONTENT_DISPOSITION, 'attachment; filename="r\u00e9sum\u00e9.pdf"', "non-ASCII", 12)
    assert warnings(CONTENT_DISPOSITION, BOTH) == []
    assert REGISTRY.parse("Content-Disposition", "inline").warnings == ()
