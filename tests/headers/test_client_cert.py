from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

# the first bytes of RFC 9440's example certificate: a DER SEQUENCE (0x30) of 450 bytes
DER = bytes.fromhex("308201c2")


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Client-Cert", ":MIIBwg==:", DER),
        ("Client-Cert", ":MIIBwg:", DER),  # padding may be left out
        ("Client-Cert-Chain", ":MIIBwg==:, :MAA=:", (DER, b"0\x00")),
        ("Client-Cert-Chain", ":MIIBwg==:", (DER,)),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Client-Cert", "::", "the certificate is empty", 0),
        ("Client-Cert", "-----BEGIN CERTIFICATE-----", "expected a digit", 1),
        ("Client-Cert", '"MIIBwg=="', "must be a Byte Sequence, found the String", 0),
        ("Client-Cert", ":MIIB wg==:", "U+0020 is not allowed in a Byte Sequence", 5),
        ("Client-Cert-Chain", ":MIIBwg==:, ::", "the certificate is empty", 12),
        ("Client-Cert-Chain", ":MIIBwg==:, (:MAA=:)", "found an Inner List", 12),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


def test_not_der_is_a_warning() -> None:
    assert_warns("Client-Cert", ":LS0tLS1CRUdJTg==:", "does not look like a DER certificate", 0)
    assert_warns("Client-Cert-Chain", ":MAA=:, :LS0t:", "starts with byte 0x2d", 8)
