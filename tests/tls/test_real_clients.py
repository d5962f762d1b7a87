"""Real ClientHellos, captured at test time from Python's ssl, curl, `openssl s_client`,
headless Chromium and Firefox ESR, all on 127.0.0.1: each must decode with no diagnostic and
the server name and ALPN it was given, and its fingerprints must agree with tshark's reading
of the same bytes: JA3 as tshark computes it, JA4 as the test works it out from tshark's fields
by the specification's definition.

Each client is run once per session (the browsers cost seconds); the hellos are saved under
tmp/test-artifacts/tls/ for `headerscope tls-hello` to read.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from headerscope.tls import parse_client_hello
from headerscope.tls._values import Versions
from headerscope.tls.fingerprints import ja3_hash, ja3_string, ja4, ja4_o, ja4_r, ja4_ro
from headerscope.tls.writer import client_hello, records

from ..clients._devtools import FLAGS
from ..clients.test_firefox import PREFS, user_js
from ..conftest import REPO, require_tool
from ._build import python_hello, spec_hello, tshark_fields
from ._trap import HelloTrap, run_until_hello

HOST = "headerscope.test"  # resolved to 127.0.0.1 by each client's own option
ALPN = ("h2", "http/1.1")
ARTIFACTS = REPO / "tmp" / "test-artifacts" / "tls"
_CAPTURED: dict[str, bytes] = {}


def _env(home: Path) -> dict[str, str]:
    """No proxy settings and an empty HOME: no user configuration changes the hello."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["HOME"] = str(home)
    return env


def _command(client: str, port: int, workdir: Path) -> list[str]:
    url = f"https://{HOST}:{port}/"
    if client == "curl":
        return [require_tool("curl"), "-s", "-o", os.devnull, "--max-time", "30",
                "--resolve", f"{HOST}:{port}:127.0.0.1", url]
    if client == "openssl":
        return [require_tool("openssl"), "s_client", "-connect", f"127.0.0.1:{port}",
                "-servername", HOST, "-alpn", ",".join(ALPN)]
    if client == "chromium":
        return [require_tool("chromium"), *FLAGS,
                f"--host-resolver-rules=MAP {HOST} 127.0.0.1, MAP * ~NOTFOUND",
                f"--user-data-dir={workdir / 'profile'}", url]
    assert client == "firefox"
    firefox = require_tool("firefox-esr")
    profile = workdir / "profile"
    profile.mkdir()
    # The test's own preferences keep Firefox's background traffic off the network; every
    # name it resolves goes to 127.0.0.1.
    (profile / "user.js").write_text(user_js({**PREFS, "network.dns.forceResolve":
                                              "127.0.0.1"}))
    return [firefox, "--headless", "--no-remote", "--profile", str(profile), "--screenshot",
            str(workdir / "page.png"), url]


def capture(client: str, workdir: Path) -> bytes:
    if client not in _CAPTURED:
        if client == "python":  # an SSLObject over memory BIOs: no socket at all
            data = python_hello(HOST, list(ALPN))
        else:
            trap = HelloTrap()
            try:
                command = _command(client, trap.port, workdir)
                data = run_until_hello(command, trap, _env(workdir), timeout=90)
            finally:
                trap.close()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{client}.bin").write_bytes(data)
        _CAPTURED[client] = data
    return _CAPTURED[client]


CLIENTS = ["python", "curl", "openssl", pytest.param("chromium", marks=pytest.mark.slow),
           pytest.param("firefox", marks=pytest.mark.slow)]


@pytest.mark.parametrize("client", CLIENTS)
def test_real_hello_decodes_clean(client: str, tmp_path: Path) -> None:
    data = capture(client, tmp_path)
    hello = parse_client_hello(data)
    assert hello.errors == () and hello.warnings == (), (hello.errors, hello.warnings)
    assert hello.size == len(data) and hello.record_version is not None
    assert hello.server_name == HOST
    assert hello.alpn == ALPN
    versions = hello.extension(43)
    assert versions is not None and isinstance(versions.value, Versions)
    assert 0x0304 in versions.value.versions
    known = [e for e in hello.extensions if e.value is not None]
    assert len(known) >= len(hello.extensions) - 3, hello.extensions  # GREASE and rarities
    if client == "chromium":  # Chromium GREASEs ciphers, extensions, groups (RFC 8701)
        assert hello.extensions[0].grease and hello.cipher_suites[0] & 0x0F0F == 0x0A0A


# JA4.md, "Details": GREASE values per draft-davidben-tls-grease-01.
GREASE = {0x0A0A + 0x1010 * i for i in range(16)}
JA4_VERSIONS = {0x0304: "13", 0x0303: "12", 0x0302: "11", 0x0301: "10", 0x0300: "s3",
                0x0002: "s2", 0xFEFF: "d1", 0xFEFD: "d2", 0xFEFC: "d3"}


def ja4_from_tshark(fields: dict[str, list[str]], *, original: bool, raw: bool) -> str:
    """JA4 worked out from tshark's fields, step by step as JA4.md describes it."""
    ciphers = [c[2:] for c in fields["tls.handshake.ciphersuite"] if int(c, 16) not in GREASE]
    types = [int(t) for t in fields["tls.handshake.extension.type"] if int(t) not in GREASE]
    versions = [int(x, 16) for x in fields["tls.handshake.extensions.supported_version"]
                if int(x, 16) not in GREASE]
    version = max(versions) if versions else int(fields["tls.handshake.version"][0], 16)
    alpn = fields["tls.handshake.extensions_alpn_str"][:1]
    first = alpn[0].encode() if alpn else b""
    if not first:
        alpn_part = "00"
    elif chr(first[0]).isalnum() and chr(first[-1]).isalnum():
        alpn_part = chr(first[0]) + chr(first[-1])
    else:
        alpn_part = first.hex()[0] + first.hex()[-1]
    # tshark lists the schemes of signature_algorithms (13), delegated_credentials (34) and
    # signature_algorithms_cert (50) together, in wire order; each list's length splits them.
    values = fields["tls.handshake.sig_hash_alg"]
    lists: dict[int, list[str]] = {}
    carriers = [t for t in types if t in (13, 34, 50)]
    for kind, length in zip(carriers, fields["tls.handshake.sig_hash_alg_len"], strict=True):
        lists[kind], values = values[:int(length) // 2], values[int(length) // 2:]
    sigs = [s[2:] for s in lists.get(13, []) if int(s, 16) not in GREASE]
    a = (f"t{JA4_VERSIONS.get(version, '00')}{'d' if 0 in types else 'i'}"
         f"{min(len(ciphers), 99):02d}{min(len(types), 99):02d}{alpn_part}")
    exts = [f"{t:04x}" for t in types if original or t not in (0, 16)]
    if not original:
        ciphers, exts = sorted(ciphers), sorted(exts)
    b, c = ",".join(ciphers), ",".join(exts) + ("_" + ",".join(sigs) if sigs else "")
    if raw:
        return f"{a}_{b}_{c}"
    return f"{a}_{hashlib.sha256(b.encode()).hexdigest()[:12]}_" \
           f"{hashlib.sha256(c.encode()).hexdigest()[:12]}"


@pytest.mark.parametrize("client", CLIENTS)
def test_fingerprints_agree_with_tshark(client: str, tmp_path: Path) -> None:
    tshark = require_tool("tshark")
    data = capture(client, tmp_path)
    hello = parse_client_hello(data)
    fields = tshark_fields(tshark, data, tmp_path)
    assert fields["tls.handshake.extensions_server_name"] == [HOST]
    assert fields["tls.handshake.ja3_full"] == [ja3_string(hello)]
    assert fields["tls.handshake.ja3"] == [ja3_hash(hello)]
    assert ja4(hello) == ja4_from_tshark(fields, original=False, raw=False)
    assert ja4_r(hello) == ja4_from_tshark(fields, original=False, raw=True)
    assert ja4_o(hello) == ja4_from_tshark(fields, original=True, raw=False)
    assert ja4_ro(hello) == ja4_from_tshark(fields, original=True, raw=True)


def test_tshark_agrees_on_a_16_kib_hello_in_many_records(tmp_path: Path) -> None:
    """The same check on a hello far larger than one TCP segment or one record, sent in
    records of 1000 bytes, and on the example split into one-byte records."""
    tshark = require_tool("tshark")
    big = records(client_hello(cipher_suites=[0x1301, 0x0A0A], extensions=[
        (0, b"\x00\x0e\x00\x00\x0bexample.com"), (21, bytes(16 * 1024)), (10, b"\x00\x02\x00\x1d"),
        (11, b"\x01\x00")]), 1000)
    for data in (big, records(spec_hello(), 1)):
        hello = parse_client_hello(data)
        fields = tshark_fields(tshark, data, tmp_path)
        assert fields["tls.handshake.ja3_full"] == [ja3_string(hello)]
        assert ja4_r(hello) == ja4_from_tshark(fields, original=False, raw=True)
