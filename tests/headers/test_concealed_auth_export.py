from __future__ import annotations

import base64

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

# RFC 9729's example: "This example TLS exporter output is 48 bytes " and 0x23ffa1
EXAMPLE = ":VGhpcyBleGFtcGxlIFRMUyBleHBvcnRlciBvdXRwdXQgaXMgNDggYnl0ZXMgI/+h:"


def test_parses_the_rfc_example() -> None:
    assert_parses("Concealed-Auth-Export", EXAMPLE,
                  b"This example TLS exporter output is 48 bytes #\xff\xa1")


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        (":QUJD:", "48 bytes long; this one has 3", 0),
        ('"' + EXAMPLE.strip(":") + '"', "must be a Byte Sequence, found a String", 0),
        (":" + base64.b64encode(bytes(64)).decode() + ":", "this one has 64", 0),
        ("", "expected an item", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Concealed-Auth-Export", raw, fragment, position)


def test_parameters_are_warned() -> None:
    # "...that contains the 48-byte key exporter output ..., without any parameters"
    assert_warns("Concealed-Auth-Export", EXAMPLE + ";v=1", ";v is ignored", len(EXAMPLE) + 1)
