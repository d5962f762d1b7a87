"""`headerscope tls-hello` as a user runs it: binary, hex and hex-dump input, text and JSON
output, terminal safety, and the exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from headerscope.cli import main
from headerscope.tls import _values as v
from headerscope.tls.command import InputError, read_input
from headerscope.tls.writer import client_hello, extension_data, records

from ._build import spec_hello

JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1"  # the example's, from JA4.md


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def wireshark_dump(data: bytes) -> str:
    """Wireshark's "Copy as Hex Dump": offset, three spaces, bytes, three spaces, ASCII."""
    lines = []
    for i in range(0, len(data), 16):
        chunk = data[i:i + 16]
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{i:04x}   {chunk.hex(' '):<47}   {text}")
    return "\n".join(lines) + "\n"


def hexdump_c(data: bytes) -> str:
    """`hexdump -C`: two spaces in the middle, the ASCII column between bars."""
    lines = []
    for i in range(0, len(data), 16):
        chunk = data[i:i + 16]
        left, right = chunk[:8].hex(" "), chunk[8:].hex(" ")
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{i:08x}  {left:<23}  {right:<23}  |{text}|")
    return "\n".join(lines) + f"\n{len(data):08x}\n"


@pytest.mark.parametrize("encode", [
    lambda d: d,
    lambda d: d.hex().encode(),
    lambda d: ("0x" + d.hex(" ") + "\n").encode(),
    lambda d: "\n".join(d[i:i + 30].hex() for i in range(0, len(d), 30)).encode(),
    lambda d: wireshark_dump(d).encode(),
    lambda d: hexdump_c(d).encode(),
], ids=["binary", "hex", "spaced", "lines", "wireshark", "hexdump-C"])
def test_every_input_form_reads_the_same_bytes(encode: object) -> None:
    data = records(spec_hello())
    assert read_input(encode(data)) == data  # type: ignore[operator]


@pytest.mark.parametrize(("text", "fragment", "position"), [
    (b"16 03 0g", "'g' is not a hex digit", 7),
    (b"160301 0", "an odd number of hex digits", 8),
    (b"0000   16 03\n0004   01 00\n", "offset is 0x4, but 2 bytes", 13),
    (b"0000   16 03\nhello\n", "without an offset", 13),
    (b"16 03 \xff", "not ASCII", 6),
    (b"", "empty", 0),
    (b"0000   16 03\n*\n0005   01\n", "offset is 0x5, but 2 bytes", 15),
])
def test_bad_hex_input(text: bytes, fragment: str, position: int) -> None:
    with pytest.raises(InputError) as info:
        read_input(text)
    assert fragment in info.value.reason and info.value.position == position


def test_hexdump_repeated_lines() -> None:
    dump = b"00000000  16 03 01 00 02 01 00 00  00 00 00 00 00 00 00 00  |................|\n" \
           b"00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n" \
           b"*\n00000040  ff                                                |.|\n00000041\n"
    assert read_input(dump) == bytes.fromhex("16030100020100") + bytes(57) + b"\xff"


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hello.bin"
    path.write_bytes(records(spec_hello(), 100))
    status, out, _ = run(capsys, "tls-hello", str(path))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("ClientHello       ") and "4 records" in lines[0]
    assert "                  TLS_AES_128_GCM_SHA256 (0x1301)" in lines
    assert "                  GREASE (0x3a3a)" in lines
    assert any(line.startswith("  server_name (0x0000), 16 bytes at byte ") for line in lines)
    assert "                  name_type host_name (0x00), name example.com" in lines
    assert f"JA4               {JA4}" in lines
    assert "JA4_o             t13d1516h2_acb858a92679_18f69afefd3d" in lines


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hello.hex"
    path.write_text(wireshark_dump(records(spec_hello())))
    status, out, _ = run(capsys, "tls-hello", "--json", str(path))
    doc = json.loads(out)
    assert status == 0 and doc["error"] is None
    assert doc["fingerprints"]["ja4"] == JA4
    assert set(doc["fingerprints"]) == {"ja3", "ja3_hash", "ja4", "ja4_r", "ja4_o", "ja4_ro"}
    assert doc["cipher_suites"][0] == {"value": 0x3A3A, "hex": "0x3a3a", "name": "GREASE",
                                       "grease": True}
    assert doc["record_version"]["name"] == "TLS 1.0" and doc["records"] == 1
    sni = doc["extensions"][2]
    assert sni["type"]["name"] == "server_name"
    assert records(spec_hello())[sni["offset"]:][:4] == b"\0\0\0\x10"  # type 0, 16 bytes
    assert sni["value"] == {"names": [{"name_type": {"value": 0, "hex": "0x00",
                                                     "name": "host_name", "grease": False},
                                       "name": "example.com"}]}
    keyshare = next(e for e in doc["extensions"] if e["type"]["value"] == 51)
    assert keyshare["value"]["shares"][1] == {"group": {"value": 29, "hex": "0x001d",
                                                        "name": "x25519", "grease": False},
                                              "length": 32}
    assert doc["server_name"] == "example.com" and doc["alpn"] == ["h2", "http/1.1"]
    assert doc["warnings"] == []


def test_standard_input_and_a_subprocess() -> None:
    done = subprocess.run([sys.executable, "-m", "headerscope", "tls-hello", "-"],
                          input=spec_hello().hex().encode(), capture_output=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert JA4.encode() in done.stdout and b"a bare handshake message" in done.stdout


def test_malformed_hello_exits_1_with_the_position(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(records(spec_hello()))
    data[5 + 38] = 33  # the session id's length
    path = tmp_path / "bad.bin"
    path.write_bytes(data)
    status, out, _ = run(capsys, "tls-hello", str(path))
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == ("malformed ClientHello: error at byte 43: legacy_session_id: length 33 "
                        "is outside 0..32")
    assert lines[1].startswith("  000020  ") and lines[2] == "  " + " " * (8 + 3 * 11) + "^"
    status, out, _ = run(capsys, "tls-hello", "--json", str(path))
    assert status == 1
    assert json.loads(out) == {"error": {"reason": "legacy_session_id: length 33 is outside "
                                                   "0..32", "position": 43, "unit": "byte"}}


def test_malformed_extension_exits_1_and_shows_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad-ext.bin"
    path.write_bytes(client_hello(extensions=[(43, b"\x03\x03\x04\x03"), (23, b"")]))
    status, out, _ = run(capsys, "tls-hello", str(path))
    assert status == 1
    assert ("                  error at byte 51: versions: length 3 is not a multiple of 2"
            in out.splitlines())
    assert "  extended_master_secret (0x0017), 0 bytes at byte 55" in out.splitlines()


def test_bad_hex_exits_1_and_a_missing_file_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.hex"
    path.write_text("16 03 01 zz")
    status, out, _ = run(capsys, "tls-hello", str(path))
    assert status == 1
    assert out == "malformed ClientHello: error at character 9: not hex: 'z' is not a hex digit\n"
    status, _, err = run(capsys, "tls-hello", str(tmp_path / "absent"))
    assert status == 2 and "cannot read" in err
    assert run(capsys, "tls-hello")[0] == 2  # no argument: a usage error


def test_names_from_the_wire_cannot_reach_the_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sni = extension_data(0, v.ServerNames((v.ServerName(0, "evil\x1b[2J\x9b.t"),)))
    alpn = extension_data(16, v.ProtocolNames(("h2\r\n\x07",)))
    path = tmp_path / "evil.bin"
    path.write_bytes(client_hello(extensions=[(0, sni), (16, alpn)]))
    status, out, _ = run(capsys, "tls-hello", str(path))
    assert status == 0
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    assert "evil\\x1b[2J\\x9b.t" in out and "h2\\x0d\\x0a\\x07" in out


def test_reads_binary_standard_input(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(records(spec_hello(), 1)), encoding="latin-1")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(capsys, "tls-hello", "-")
    assert status == 0 and JA4 in out
