"""Headless Chromium and Firefox ESR over TLS and HTTP/2 against a live `headerscope serve`.

Each browser is started once, accepts the throwaway certificate for its session only, and
opens https://127.0.0.1:PORT/?format=json, then ?format=raw on the same connection. The JSON
view must show that the browser chose HTTP/2 by ALPN, that every field it sent is known and
clean, that its HTTP/2 fingerprint and JA4 have their shape, and that its ClientHello decoded
with no warning; the raw view's hex dump of that ClientHello must decode to the same JA3 and
JA4. What each browser sent is kept in fixtures/ (rewritten when HEADERSCOPE_UPDATE_FIXTURES=1
is set), and `test_stored_fixture` checks on every run, with no browser, that the current
registry and ClientHello decoder still read what the browsers sent without a diagnostic.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from headerscope.headers import REGISTRY, parse_section
from headerscope.pages.document import request_json
from headerscope.tls import HelloError, parse_client_hello
from headerscope.tls.command import InputError, read_input
from headerscope.tls.render import fingerprints, hello_json

from ..conftest import require_tool
from ..server._process import ServerProcess
from ._checks import REPORTS, ClientReport, artifact, field_problems, save_report
from ._devtools import Chromium
from ._marionette import Firefox
from .test_firefox import PREFS, user_js

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE = os.environ.get("HEADERSCOPE_UPDATE_FIXTURES") == "1"

# The pseudo-header order each browser sends, as the fingerprint writes it (m = :method,
# a = :authority, s = :scheme, p = :path).
PSEUDO_ORDER = {"chromium": "m,a,s,p", "firefox": "m,p,a,s"}
PSEUDO_NAMES = {"m": ":method", "a": ":authority", "s": ":scheme", "p": ":path"}
# SETTINGS|WINDOW_UPDATE|PRIORITY|pseudo-header order (http2/connection.py, fingerprint()).
H2_FINGERPRINT = re.compile(r"(\d+:\d+(?:;\d+:\d+)*)\|(\d+|00)\|"
                            r"(0|\d+:[01]:\d+:\d+(?:,\d+:[01]:\d+:\d+)*)\|([masp](?:,[masp]){3})")
# "Literal IPv4 and IPv6 addresses are not permitted in "HostName"" (RFC 6066, section 3):
# a browser opening https://127.0.0.1/ sends no server_name, so JA4's SNI letter is "i".
JA4 = re.compile(r"t13i(\d\d)(\d\d)h2_[0-9a-f]{12}_[0-9a-f]{12}")
# JA4 counts cipher suites and extensions without the GREASE values (RFC 8701, section 2:
# 0x0A0A, 0x1A1A, ... 0xFAFA), which Chromium sends at random places.
GREASE = frozenset(0x0A0A + 0x1010 * i for i in range(16))
# Codes that real browsers send and the TLS code tables do not name yet: each is a gap to
# close in headerscope/tls/_registry.py. Any other unnamed code fails the test.
UNNAMED: set[str] = set()  # codes a browser sends that no table names yet (hex)

SERVE = ("import sys; from headerscope.cli import main; sys.exit(main(['serve', '--host', "
         "'127.0.0.1', '--port', '0', '--no-access-log', '--certfile', {cert!r}, "
         "'--keyfile', {key!r}]))")


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """https://127.0.0.1:PORT of a `headerscope serve` with a throwaway certificate."""
    openssl = require_tool("openssl")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60)
    server = ServerProcess(code=SERVE.format(cert=str(cert), key=str(key)))
    yield f"https://127.0.0.1:{server.port}"
    server.stop()


@dataclass(frozen=True)
class Received:
    """What a browser was answered on one connection: the JSON view, and the ClientHello as
    the raw view printed it (a hex dump that `headerscope tls-hello FILE` reads)."""

    document: dict[str, Any]
    hello_dump: str

    @classmethod
    def from_views(cls, json_view: str, raw_view: str) -> Received:
        match = re.search(r"^TLS ClientHello records, \d+ bytes:\n((?:  [0-9a-f]{4,}  .*\n?)+)",
                          raw_view, re.MULTILINE)
        assert match, f"the raw view shows no ClientHello:\n{raw_view}"
        return cls(json.loads(json_view), match.group(1).rstrip("\n") + "\n")

    @property
    def hello(self) -> bytes:
        return read_input(self.hello_dump.encode("ascii"))

    def keep(self, name: str) -> None:
        """Save both in the artifacts folder, and as the fixtures when asked to."""
        texts = {f"{name}.json": json.dumps(self.document, indent=2, ensure_ascii=False) + "\n",
                 f"{name}.hello.hex": self.hello_dump}
        for file, text in texts.items():
            artifact(file).write_text(text)
            if UPDATE:
                FIXTURES.mkdir(exist_ok=True)
                (FIXTURES / file).write_text(text)


def stored(name: str) -> Received:
    path = FIXTURES / f"{name}.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: run HEADERSCOPE_UPDATE_FIXTURES=1 .venv/bin/pytest "
                    "tests/clients/test_browsers_tls.py with the browsers installed")
    return Received(json.loads(path.read_text()),
                    (FIXTURES / f"{name}.hello.hex").read_text())


def http2_problems(client: str, document: dict[str, Any], order: str) -> list[str]:
    """HTTP/2 by ALPN on TLS 1.3, and a fingerprint that agrees with the parts it is made of."""
    tls, h2 = document["connection"]["tls"], document["http2"]
    problems = []
    if document["protocol"] != "HTTP/2" or h2 is None or h2["way"] != "h2":
        return [f"{client}: not HTTP/2 by ALPN: protocol {document['protocol']!r}, "
                f"http2 {h2 and h2['way']!r}, ALPN {tls and tls['alpn']!r}"]
    if tls["version"] != "TLSv1.3" or tls["alpn"] != "h2":
        problems.append(f"{client}: {tls['version']} with ALPN {tls['alpn']!r}")
    if h2["diagnostics"]:
        problems.append(f"{client}: HTTP/2 diagnostics {h2['diagnostics']}")
    problems += [f"{client}: SETTINGS {s['id']} has no name" for s in h2["settings"]
                 if not s["name"]]
    problems += [f"{client}: {f['wire_name']} has no HPACK representation"
                 for f in document["fields"] if not f.get("hpack")]
    match = H2_FINGERPRINT.fullmatch(h2["fingerprint"])
    if match is None:
        return [*problems, f"{client}: HTTP/2 fingerprint {h2['fingerprint']!r} is not "
                           "SETTINGS|WINDOW_UPDATE|PRIORITY|pseudo-header order"]
    parts = (";".join(f"{s['id']}:{s['value']}" for s in h2["settings"]),
             str(h2["window_update"]) if h2["window_update"] else "00",
             ",".join(f"{p['stream_id']}:{int(p['exclusive'])}:{p['depends_on']}:{p['weight']}"
                      for p in h2["priority"]) or "0",
             h2["pseudo_header_order"])
    if match.groups() != parts:
        problems.append(f"{client}: fingerprint {h2['fingerprint']!r} differs from its parts "
                        f"{'|'.join(parts)!r}")
    if h2["pseudo_header_order"] != order:
        problems.append(f"{client}: pseudo-header order {h2['pseudo_header_order']!r}, "
                        f"expected {order!r}")
    sent = [f["name"] for f in h2["fields"] if f["name"].startswith(":")]
    if sent != [PSEUDO_NAMES[letter] for letter in order.split(",")]:
        problems.append(f"{client}: pseudo-header fields {sent} do not follow {order}")
    return problems


def hello_problems(client: str, hello_bytes: bytes, tls: dict[str, Any]) -> list[str]:
    """The ClientHello decodes cleanly, today, to the fingerprints the server showed."""
    if tls["client_hello"] is None:
        return [f"{client}: the ClientHello did not decode: {tls['client_hello_error']}"]
    try:
        hello = parse_client_hello(hello_bytes)
    except HelloError as error:
        return [f"{client}: the raw view's ClientHello does not decode: {error.reason} at "
                f"byte {error.position}"]
    problems = [f"{client}: ClientHello warning at byte {w.position}: {w.reason}"
                for w in hello.warnings]
    problems += [f"{client}: ClientHello extension error at byte {e.position}: {e.reason}"
                 for e in hello.errors]
    if hello.random.hex() != tls["client_hello"]["random"]:
        problems.append(f"{client}: the raw view's ClientHello is not the JSON view's (another "
                        "connection?)")
    if fingerprints(hello) != tls["fingerprints"]:
        problems.append(f"{client}: the ClientHello's fingerprints are now {fingerprints(hello)}, "
                        f"the server showed {tls['fingerprints']}")
    ja4 = tls["fingerprints"]["ja4"]
    match = JA4.fullmatch(ja4)
    ciphers = [c for c in hello.cipher_suites if c not in GREASE]
    extensions = [e for e in hello.extensions if e.type not in GREASE]
    if match is None or hello.server_name is not None:
        problems.append(f"{client}: JA4 {ja4!r} (SNI {hello.server_name!r}) is not t13i....h2_")
    elif (int(match[1]), int(match[2])) != (len(ciphers), len(extensions)):
        problems.append(f"{client}: JA4 {ja4!r} counts {match[1]} ciphers and {match[2]} "
                        f"extensions, the hello has {len(ciphers)} and {len(extensions)}")
    prints = tls["fingerprints"]
    if hashlib.md5(prints["ja3"].encode()).hexdigest() != prints["ja3_hash"]:
        problems.append(f"{client}: ja3_hash is not the MD5 of ja3 {prints['ja3']!r}")
    problems += [f"{client}: {where}: code {code['hex']} has no name"
                 for where, code in _codes(hello_json(hello), "client_hello")
                 if code["name"] is None and not code["grease"] and code["hex"] not in UNNAMED]
    return problems


def _codes(value: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every registered code in the decoded hello (a cipher suite, an extension type, a group,
    ...): the objects with value, hex, name and grease."""
    if isinstance(value, dict):
        if {"value", "hex", "name", "grease"} <= value.keys():
            yield where, value
        for key, item in value.items():
            yield from _codes(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _codes(item, f"{where}[{i}]")


def report(client: str, document: dict[str, Any]) -> None:
    """The fields the browser sent, for the terminal summary and the artifacts folder."""
    entry = REPORTS.setdefault(client, ClientReport(client))
    entry.requests.append({
        "request_line": f"{document['method']} {document['target']} {document['version']}",
        "fields": [f["wire_name"] for f in document["fields"]],
        "unknown": [f["wire_name"] for f in document["fields"] if not f["known"]],
        "notes": [f"{f['wire_name']}: {w['reason']}" for f in document["fields"]
                  for w in f["warnings"]]
        + [f"http2 fingerprint {document['http2']['fingerprint']}",
           f"JA4 {document['connection']['tls']['fingerprints']['ja4']}"]})
    save_report(entry)


def check(browser: str, received: Received) -> None:
    client = f"{browser} (h2, TLS)"
    report(client, received.document)
    received.keep(f"{browser}-h2")
    document = received.document
    problems = http2_problems(client, document, PSEUDO_ORDER[browser])
    problems += field_problems(client, document)
    problems += hello_problems(client, received.hello, document["connection"]["tls"])
    assert not problems, "\n".join(problems)


@pytest.mark.slow  # a browser start costs seconds
def test_chromium_over_h2(origin: str, tmp_path: Path) -> None:
    browser = Chromium(require_tool("chromium"), tmp_path)
    try:
        # For this browser's session only: the certificate is the server's throwaway one.
        browser.send("Security.setIgnoreCertificateErrors", {"ignore": True})
        page = browser.new_page()
        views = []
        for view in ("json", "raw"):
            page.navigate(f"{origin}/?format={view}")
            views.append(page.evaluate("document.querySelector('body > pre').textContent"))
    finally:
        browser.close()
    peers = browser.tcp_peers()
    assert peers and all(p.startswith("127.0.0.1:") for p in peers), peers
    check("chromium", Received.from_views(*views))


@pytest.mark.slow  # a browser start costs seconds
def test_firefox_over_h2(origin: str, tmp_path: Path, client_env: dict[str, str]) -> None:
    executable = require_tool("firefox-esr")
    profile = tmp_path / "profile"
    profile.mkdir()
    # The JSON viewer off: the JSON view is then shown as text, in one <pre>.
    (profile / "user.js").write_text(user_js({**PREFS, "devtools.jsonview.enabled": False}))
    env = {**client_env, "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1", "MOZ_LOG": "nsHttp:3",
           "MOZ_LOG_FILE": str(tmp_path / "http.log")}
    browser = Firefox(executable, profile, env)
    try:
        views = []
        for view in ("json", "raw"):
            browser.navigate(f"{origin}/?format={view}")
            views.append(browser.evaluate("return document.querySelector('body > pre')"
                                          ".textContent"))
    finally:
        browser.close()
    http_log = "".join(p.read_text(errors="replace") for p in tmp_path.glob("http.log*"))
    hosts = set(re.findall(r"uri=https?://([^/:]+)", http_log))
    assert hosts == {"127.0.0.1"}, hosts
    check("firefox", Received.from_views(*views))


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_stored_fixture(browser: str) -> None:
    """What the browser sent, read again by today's registry and ClientHello decoder: every
    field known and clean, and the same JA3 and JA4 with no warning."""
    received = stored(f"{browser}-h2")
    document = received.document
    client = f"{browser} fixture"
    section = parse_section(REGISTRY, [(f["wire_name"], f["raw"]) for f in document["fields"]])
    today = request_json(document["method"], document["target"], document["version"], section)
    problems = field_problems(client, today)
    try:
        hello = received.hello
    except InputError as error:
        pytest.fail(f"{client}: the stored hex dump does not read: {error.reason}")
    problems += hello_problems(client, hello, document["connection"]["tls"])
    assert not problems, "\n".join(problems)
