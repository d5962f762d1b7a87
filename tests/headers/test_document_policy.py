from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers.document_policy import PolicyEntry

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

DP, RDP = "Document-Policy", "Require-Document-Policy"


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        (DP, "oversized-images=2.0, unsized-media=?0",
         {"oversized-images": PolicyEntry(Decimal("2.0")),
          "unsized-media": PolicyEntry(False)}),
        # what Google's search pages send
        (DP, "include-js-call-stacks-in-crash-reports",
         {"include-js-call-stacks-in-crash-reports": PolicyEntry(True)}),
        (DP, "document-write=?0;report-to=main, *;report-to=default",
         {"document-write": PolicyEntry(False, "main"), "*": PolicyEntry(True, "default")}),
        (DP, "lossy-images-max-bpp=1;report-to=none",
         {"lossy-images-max-bpp": PolicyEntry(1, "none")}),
        (RDP, "unsized-media=?0, document-write=?0",
         {"unsized-media": PolicyEntry(False), "document-write": PolicyEntry(False)}),
    ],
)
def test_parses(name: str, raw: str, expected: dict[str, PolicyEntry]) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        (DP, "oversized-images 2.0", "expected ','", 17),
        (DP, "Unsized-Media=?0", "keys are lower-case", 0),
        (RDP, "unsized-media=?0,", "trailing ','", 16),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # a browser skips a directive it cannot use, and keeps the others
        ("oversized-images=?1, document-write=?0", "oversized-images is a number such as "
         "2.0, not the Boolean ?1; browsers skip the directive", 0),
        ("unsized-media=0, document-write=?0", "unsized-media is a Boolean (?0 or ?1), not "
         "the Integer 0", 0),
        ("font-magic=?0, document-write=?0", "'font-magic' is not a Document Policy feature",
         0),
        ("sync-xhr=(?0), document-write=?0", "an Inner List is no feature value", 0),
        ('unsized-media=?0;report-to="main", document-write=?0',
         "report-to is an endpoint name, a Token (report-to=main)", 17),
        ("*=2, document-write=?0", "* takes no value, only ;report-to=endpoint", 0),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns(DP, raw, fragment, position)
    assert parsed(DP, raw).value == {"document-write": PolicyEntry(False)}
