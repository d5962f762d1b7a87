"""Hellos for the tests: the JA4 specification's worked example, built byte by byte, and the
tools to hand any hello to tshark (a pcap holding it as the payload of a TCP stream)."""

from __future__ import annotations

import contextlib
import json
import ssl
import struct
import subprocess
from pathlib import Path

from headerscope.tls import _values as v
from headerscope.tls.writer import client_hello, extension_data

# FoxIO's JA4.md, "Cipher hash", "Extension hash" and "Raw Output": the ciphers and
# extensions in wire order, and the signature algorithms.
SPEC_CIPHERS = "1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035"
SPEC_EXTENSIONS = "001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015"
SPEC_SIGS = "0403,0804,0401,0503,0805,0501,0806,0601"


def hexes(text: str) -> list[int]:
    return [int(x, 16) for x in text.split(",")]


def spec_bodies() -> dict[int, bytes]:
    """A plausible body for each extension of the example: what a browser would send."""
    return {
        0x0000: extension_data(0, v.ServerNames((v.ServerName(0, "example.com"),))),
        0x0010: extension_data(16, v.ProtocolNames(("h2", "http/1.1"))),
        0x000d: extension_data(13, v.SignatureSchemes(tuple(hexes(SPEC_SIGS)))),
        0x002b: extension_data(43, v.Versions((0x2A2A, 0x0304, 0x0303))),
        0x0033: extension_data(51, v.KeyShares((v.KeyShareEntry(0x2A2A, 1),
                                                v.KeyShareEntry(29, 32)))),
        0x000a: extension_data(10, v.Groups((0x2A2A, 29, 23, 24))),
        0x000b: extension_data(11, v.PointFormats((0,))),
        0x002d: extension_data(45, v.PskModes((1,))),
        0x001b: extension_data(27, v.CertCompression((2,))),
        0x4469: extension_data(17513, v.ProtocolNames(("h2",))),
        0x0005: extension_data(5, v.StatusRequest(1, 0, 0)),
        0x0023: b"",
        0x0012: b"",
        0x0017: b"",
        0xff01: b"\0",
        0x0015: bytes(40),
    }


def spec_hello(grease: bool = True) -> bytes:
    """The example as a ClientHello message, with GREASE values where Chromium puts them
    (JA4 must ignore them all)."""
    bodies = spec_bodies()
    extensions = [(t, bodies[t]) for t in hexes(SPEC_EXTENSIONS)]
    ciphers = hexes(SPEC_CIPHERS)
    if grease:
        extensions = [(0x0A0A, b""), *extensions, (0xFAFA, b"\0")]
        ciphers = [0x3A3A, *ciphers]
    return client_hello(cipher_suites=ciphers, session_id=bytes(range(32)), extensions=extensions)


def python_hello(server_name: str | None, alpn: list[str]) -> bytes:
    """The records Python's ssl module sends first: an SSLObject over memory BIOs writes its
    ClientHello to the outgoing BIO, and waits for an answer that never comes."""
    context = ssl.create_default_context()
    if alpn:
        context.set_alpn_protocols(alpn)
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = context.wrap_bio(incoming, outgoing, server_hostname=server_name)
    with contextlib.suppress(ssl.SSLWantReadError):
        tls.do_handshake()
    return outgoing.read()


def pcap(payload: bytes, segment: int = 1400) -> bytes:
    """A pcap (LINKTYPE_RAW: IPv4 packets) of one TCP stream 127.0.0.1:50000 -> :443 whose
    payload is `payload`, cut into segments."""
    out = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 101)]
    seq = 1000
    localhost = bytes([127, 0, 0, 1])
    for i in range(0, len(payload), segment):
        chunk = payload[i:i + segment]
        tcp = struct.pack("!HHIIBBHHH", 50000, 443, seq, 1, 5 << 4, 0x18, 65535, 0, 0) + chunk
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0,
                         localhost, localhost) + tcp
        out.append(struct.pack("<IIII", 1, i, len(ip), len(ip)) + ip)
        seq += len(chunk)
    return b"".join(out)


TSHARK_FIELDS = ("tls.handshake.ja3_full", "tls.handshake.ja3", "tls.handshake.ciphersuite",
                 "tls.handshake.extension.type", "tls.handshake.extensions_server_name",
                 "tls.handshake.extensions_alpn_str", "tls.handshake.sig_hash_alg",
                 "tls.handshake.sig_hash_alg_len", "tls.handshake.extensions.supported_version",
                 "tls.handshake.version")


def tshark_fields(tshark: str, records: bytes, workdir: Path) -> dict[str, list[str]]:
    """What tshark reads in the ClientHello held by `records`: each field's values."""
    path = workdir / "hello.pcap"
    path.write_bytes(pcap(records))
    command = [tshark, "-n", "-r", str(path), "-Y", "tls.handshake.type == 1", "-T", "ek"]
    for name in TSHARK_FIELDS:
        command += ["-e", name]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    packets = [json.loads(line) for line in done.stdout.splitlines() if '"layers"' in line]
    assert len(packets) == 1, done.stdout
    layers: dict[str, list[str]] = packets[0]["layers"]
    return {name: layers.get(name.replace(".", "_"), []) for name in TSHARK_FIELDS}
