"""JA3 and JA4 on the worked examples of their specifications, and on the edge cases each
specification spells out."""

from __future__ import annotations

import hashlib

import pytest

from headerscope.tls import _values as v
from headerscope.tls import parse_client_hello
from headerscope.tls.fingerprints import (
    ja3_hash,
    ja3_string,
    ja4,
    ja4_alpn,
    ja4_o,
    ja4_r,
    ja4_ro,
    ja4_version,
)
from headerscope.tls.writer import client_hello, extension_data, records

from ._build import SPEC_CIPHERS, SPEC_EXTENSIONS, SPEC_SIGS, spec_hello


def sha12(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def test_ja4_worked_example_of_the_specification() -> None:
    hello = parse_client_hello(records(spec_hello()))
    assert hello.errors == () and hello.warnings == ()
    # The values printed in JA4.md ("Example" and "Raw Output").
    assert ja4(hello) == "t13d1516h2_8daaf6152771_e5627efa2ab1"
    assert ja4_r(hello) == (
        "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
        "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
        "0403,0804,0401,0503,0805,0501,0806,0601")
    assert ja4_ro(hello) == f"t13d1516h2_{SPEC_CIPHERS}_{SPEC_EXTENSIONS}_{SPEC_SIGS}"
    assert ja4_o(hello) == "t13d1516h2_acb858a92679_18f69afefd3d"


def test_ja4_worked_by_hand_from_the_definition() -> None:
    """The same hello, each part computed here from the definition's words."""
    hello = parse_client_hello(spec_hello())
    ciphers = sorted(SPEC_CIPHERS.split(","))
    exts = sorted(e for e in SPEC_EXTENSIONS.split(",") if e not in ("0000", "0010"))
    b = sha12(",".join(ciphers))
    c = sha12(",".join(exts) + "_" + SPEC_SIGS)
    assert (b, c) == ("8daaf6152771", "e5627efa2ab1")  # the hashes JA4.md prints
    assert ja4(hello) == f"t13d1516h2_{b}_{c}"
    assert ja4_o(hello) == (f"t13d1516h2_{sha12(SPEC_CIPHERS)}_"
                            f"{sha12(SPEC_EXTENSIONS + '_' + SPEC_SIGS)}")


def test_ja4_without_signature_algorithms_has_no_trailing_underscore() -> None:
    # JA4.md: "If there are no signature algorithms in the hello packet, then the string ends
    # without an underscore" and hashes to 6d807ffa2a79 for the example's extensions.
    exts = [(int(t, 16), b"") for t in SPEC_EXTENSIONS.split(",") if t != "000d"]
    exts.append((0x000d, b""))  # present but malformed: no usable signature algorithms
    hello = parse_client_hello(client_hello(cipher_suites=[0x1301], extensions=exts))
    assert ja4_r(hello).endswith("_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,"
                                 "0033,4469,ff01")
    assert ja4(hello).endswith("_6d807ffa2a79")


def test_ja4_empty_lists_are_zeros() -> None:
    # Only GREASE ciphers, and no extension but SNI: both hashed lists are empty.
    sni = extension_data(0, v.ServerNames((v.ServerName(0, "a.example"),)))
    hello = parse_client_hello(client_hello(cipher_suites=[0x0A0A], extensions=[(0, sni)]))
    assert ja4(hello) == "t12d000100_000000000000_000000000000"
    assert ja4_r(hello) == "t12d000100__"


@pytest.mark.parametrize(("protocols", "expected"), [
    ((b"h2",), "h2"), ((b"http/1.1",), "h1"), ((b"h3", b"h2"), "h3"), ((b"x",), "xx"),
    # JA4.md, "ALPN Extension Value": non-alphanumeric ends give the hex form's ends.
    ((b"\xab",), "ab"), ((b"\xab\xcd",), "ad"), ((b"\x30\xab",), "3b"),
    ((b"\x30\x31\xab\xcd",), "3d"), ((b"\x30\xab\xcd\x31",), "01"),
    ((), "00"),
])
def test_ja4_alpn(protocols: tuple[bytes, ...], expected: str) -> None:
    body = b"".join(bytes([len(p)]) + p for p in protocols)
    data = len(body).to_bytes(2, "big") + body
    hello = parse_client_hello(client_hello(extensions=[(16, data)]))
    assert ja4_alpn(hello) == expected


def test_ja4_alpn_absent_or_first_value_empty() -> None:
    assert ja4_alpn(parse_client_hello(client_hello())) == "00"
    # An empty first name breaks RFC 7301 (an error on the extension) and JA4 prints "00".
    hello = parse_client_hello(client_hello(extensions=[(16, b"\x00\x03\x00\x02h2")]))
    assert hello.errors and ja4_alpn(hello) == "00"


@pytest.mark.parametrize(("legacy", "versions", "expected"), [
    (0x0303, (0x0A0A, 0x0304, 0x0303), "13"),   # the highest, GREASE ignored
    (0x0303, (0x0303, 0x0302), "12"),
    (0x0303, None, "12"),                        # no supported_versions: legacy_version
    (0x0301, None, "10"), (0x0300, None, "s3"), (0x0303, (0x7F1C,), "00"),  # unknown: 00
    (0x0302, (0x0A0A,), "11"),                   # only GREASE: as if absent
])
def test_ja4_version(legacy: int, versions: tuple[int, ...] | None, expected: str) -> None:
    exts = [] if versions is None else [(43, extension_data(43, v.Versions(versions)))]
    assert ja4_version(parse_client_hello(client_hello(legacy_version=legacy,
                                                       extensions=exts))) == expected


def test_ja4_counts_stop_at_99() -> None:
    exts = [(1000 + i, b"") for i in range(120)]
    hello = parse_client_hello(client_hello(cipher_suites=list(range(1, 150)), extensions=exts))
    assert ja4(hello).startswith("t12i9999")


def test_ja3_worked_examples_of_the_specification() -> None:
    # salesforce/ja3 README: "769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,
    # 23-24-25,0 --> ada70206e40642a3e4461f35503241d5".
    exts = [(0, extension_data(0, v.ServerNames((v.ServerName(0, "example.org"),)))),
            (10, extension_data(10, v.Groups((23, 24, 25)))),
            (11, extension_data(11, v.PointFormats((0,))))]
    ciphers = [47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4]
    hello = parse_client_hello(records(client_hello(legacy_version=0x0301,
                                                    cipher_suites=ciphers, extensions=exts)))
    assert ja3_string(hello) == ("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,"
                                 "23-24-25,0")
    assert ja3_hash(hello) == "ada70206e40642a3e4461f35503241d5"
    # "If there are no SSL Extensions in the Client Hello, the fields are left empty."
    bare = client_hello(legacy_version=0x0301, extensions=None,
                        cipher_suites=[4, 5, 10, 9, 100, 98, 3, 6, 19, 18, 99])
    hello = parse_client_hello(bare)
    assert ja3_string(hello) == "769,4-5-10-9-100-98-3-6-19-18-99,,,"
    assert ja3_hash(hello) == "de350869b8c85de67a350c8d186f11e6"


def test_ja3_ignores_grease_everywhere() -> None:
    hello = parse_client_hello(spec_hello(grease=True))
    assert hello.cipher_suites[0] == 0x3A3A and hello.extensions[0].type == 0x0A0A
    text = ja3_string(hello)
    assert text == ja3_string(parse_client_hello(spec_hello(grease=False)))
    for grease in ("2570", "14906", "64250", "10794"):  # 0x0a0a, 0x3a3a, 0xfafa, 0x2a2a
        assert grease not in text.replace(",", "-").split("-")
    assert text.split(",")[3] == "29-23-24" and text.split(",")[4] == "0"
