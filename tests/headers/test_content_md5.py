"""Content-MD5: base64 of a 16-octet digest; removed by RFC 7231, so always flagged."""

from __future__ import annotations

import base64
import hashlib

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers.content_md5 import CONTENT_MD5

from ._content_helpers import rejects

DIGEST = hashlib.md5(b"Check Integrity!").digest()  # the field's own algorithm


def test_parses_the_rfc_1864_digest() -> None:
    raw = base64.b64encode(DIGEST).decode()
    assert CONTENT_MD5.parse(raw) == DIGEST
    assert CONTENT_MD5.write(DIGEST) == raw
    assert CONTENT_MD5.parse("Q2hlY2sgSW50ZWdyaXR5IQ==") == b"Check Integrity!"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "16 octets", None),
    ("AAAAAAAAAAAAAAAAAAAAAA=", "16 octets", None),
    ("AAAAAAAAAAAAAAAAAAAA==", "16 octets", None),
    ("d41d8cd98f00b204e9800998ecf8427e", "16 octets", None),  # hex is not base64 of 16
    ("AAAAAAAAAAAAAAAAAAA!AA==", "'!' is not a base64 character", 19),
    ("AAAAAAAAAA==AAAAAAAAAA==", "'=' padding may only end", 10),
    ("AAAAAAAAAAAAAAAAAAAAAA== ", "U+0020 is not a base64 character", 24),
])
def test_rejects(raw: str, fragment: str, position: int | None) -> None:
    rejects(CONTENT_MD5, raw, fragment, position)


def test_is_deprecated() -> None:
    parsed = REGISTRY.parse("Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ==")
    assert parsed.value == b"Check Integrity!"
    assert [w.reason for w in parsed.warnings] == [CONTENT_MD5.deprecated]
