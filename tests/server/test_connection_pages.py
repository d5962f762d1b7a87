"""The inspector's connection section through the real server and pages: TLS (the decoded
ClientHello, JA3, JA4), HTTP/2 (SETTINGS, fingerprint, each field's HPACK representation,
frames in the raw view, cookie crumbs), and PROXY with the trusted-proxy walk."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import ssl
import subprocess
from pathlib import Path

import h2.config
import h2.connection
import lxml.html

from headerscope.pages.app import PageOptions, make_app
from headerscope.proxy import Networks, ProxyHeader, encode_v2

from ..conftest import require_tool
from ..pages.helpers import elements, text_of
from ._support import Start, connect, parse_replies, receive
from .test_http2 import _exchange, _read

APP = make_app()
JA4 = re.compile(r"t13d\d{4}(h2|h1)_[0-9a-f]{12}_[0-9a-f]{12}")


def _h2_tls(start: Start, certificate: tuple[Path, Path], path: str) -> bytes:
    cert, key = certificate
    server = start(APP, certfile=str(cert), keyfile=str(key))
    context = ssl.create_default_context(cafile=str(cert))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as sock:
        [(headers, body)] = _exchange(sock, [(path, b"")])
    assert headers[":status"] == "200"
    return body


def test_json_over_h2_shows_tls_http2_and_hpack(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    doc = json.loads(_h2_tls(start, certificate, "/?format=json"))
    assert doc["protocol"] == "HTTP/2"
    tls = doc["connection"]["tls"]
    assert tls["version"] == "TLSv1.3" and tls["alpn"] == "h2"
    assert tls["client_hello"]["server_name"] == "localhost"
    assert JA4.fullmatch(tls["fingerprints"]["ja4"]) and len(tls["fingerprints"]["ja3_hash"]) == 32
    h2 = doc["http2"]
    assert h2["way"] == "h2" and h2["stream_id"] == 1 and h2["settings"]
    assert h2["pseudo_header_order"] == "m,s,a,p"
    assert re.fullmatch(r"[\d:;]*\|(\d+|00)\|[\d:,]+\|m,s,a,p", h2["fingerprint"])
    assert [f["name"] for f in h2["fields"]][:4] == [":method", ":scheme", ":authority", ":path"]
    assert h2["frames"][0]["type"] == "HEADERS"
    assert doc["fields"][0]["wire_name"] == "user-agent" and "kind" in doc["fields"][0]["hpack"]


def test_html_and_raw_over_h2(start: Start, certificate: tuple[Path, Path]) -> None:
    page = lxml.html.fromstring(_h2_tls(start, certificate, "/?format=html"))
    facts = {text_of(tr, "th"): text_of(tr, "td")
             for tr in elements(page, "//section[@class='connection']//table[@class='facts']//tr")}
    assert facts["protocol"] == "HTTP/2 (h2: ALPN on TLS)" and JA4.fullmatch(facts["JA4"])
    assert facts["SNI"] == "localhost" and facts["TLS"].startswith("TLSv1.3, ")
    assert elements(page, "//details/summary[text()='ClientHello, decoded']")
    raw = _h2_tls(start, certificate, "/?format=raw").decode()
    assert raw.startswith("HTTP/2 stream 1: frames")
    assert "  HEADERS [END_STREAM, END_HEADERS] stream 1" in raw
    assert re.search(r"\n +\d+: :method: GET  \[indexed 2\]", raw)
    assert "TLS ClientHello records, " in raw and "\n  0000  16 03 01 " in raw


def test_text_over_h2c_combines_cookie_crumbs(start: Start) -> None:
    server = start(APP)
    with connect(server.port) as sock:
        conn = h2.connection.H2Connection(h2.config.H2Configuration(
            client_side=True, header_encoding="latin-1"))
        conn.initiate_connection()
        conn.send_headers(1, [(":method", "GET"), (":scheme", "http"), (":authority", "a"),
                              (":path", "/?format=text"), ("cookie", "a=1"), ("cookie", "b=2")],
                          end_stream=True)
        sock.sendall(conn.data_to_send())
        [(_, body)] = _read(sock, conn, {1: ({}, bytearray(), False)})
    text = body.decode()
    assert "protocol          HTTP/2 (h2c: cleartext, prior knowledge)" in text
    assert "cookie, the crumbs combined (RFC 9113, 8.2.3): a=1; b=2" in text
    assert re.search(r"  cookie: a=1    \[literal.*\]", text)


def test_proxy_header_and_the_trusted_walk(start: Start) -> None:
    app = make_app(PageOptions(trusted_proxies=Networks.parse(["203.0.113.0/24"])))
    server = start(app, proxy_protocol_from=("127.0.0.1",))
    header = encode_v2(ProxyHeader.proxied("203.0.113.7", 51000, "198.51.100.1", 443))
    with connect(server.port) as sock:
        sock.sendall(header + b"GET /?format=json HTTP/1.1\r\nHost: a\r\n"
                     b"X-Forwarded-For: 192.0.2.1, 198.51.100.9, 203.0.113.8\r\n\r\n")
        data, _ = receive(sock, idle=0.5)
    doc = json.loads(parse_replies(data)[0][0].body)
    connection = doc["connection"]
    assert connection["client"].startswith("127.0.0.1:")
    assert connection["proxy"]["client"] == ["203.0.113.7", 51000]
    walk = connection["client_address"]
    assert walk["client"] == "198.51.100.9" and walk["field"] == "X-Forwarded-For"
    assert [h["verdict"] for h in walk["hops"]] == ["trusted", "trusted", "client", "ignored"]


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def test_a_client_certificate_is_verified_and_shown(
    start: Start, certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    require_tool("openssl")
    ca_key, ca, key, csr, crt = (tmp_path / n for n in ("ca.key", "ca.pem", "c.key", "c.csr",
                                                        "c.pem"))
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-keyout", str(ca_key), "-out", str(ca), "-days", "2", "-subj",
             "/CN=Test CA")
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(csr), "-subj", "/CN=client one/O=Example")
    ext = tmp_path / "ext.cnf"
    ext.write_text("subjectAltName=DNS:client.example,email:c@example.test\n")
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
             "-CAcreateserial", "-out", str(crt), "-days", "2", "-extfile", str(ext))
    cert, server_key = certificate
    server = start(APP, certfile=str(cert), keyfile=str(server_key), client_ca=str(ca))
    context = ssl.create_default_context(cafile=str(cert))
    context.load_cert_chain(str(crt), str(key))
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as sock:
        sock.sendall(b"GET /?format=json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        data, _ = receive(sock, idle=1)
    shown = json.loads(parse_replies(data)[0][0].body)["connection"]["tls"]["client_certificate"]
    der = ssl.PEM_cert_to_DER_cert(crt.read_text())
    assert shown["subject"] == "CN=client one, O=Example" and shown["issuer"] == "CN=Test CA"
    assert shown["names"] == ["DNS:client.example", "email:c@example.test"]
    assert shown["sha256"] == hashlib.sha256(der).hexdigest()
    # Without a certificate the connection is served and the page says none came.
    plain = ssl.create_default_context(cafile=str(cert))
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw, \
            plain.wrap_socket(raw, server_hostname="localhost") as sock:
        sock.sendall(b"GET /?format=json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        data, _ = receive(sock, idle=1)
    doc = json.loads(parse_replies(data)[0][0].body)
    assert doc["connection"]["tls"]["client_certificate"] is None


def test_curl_over_tls_sees_its_hello_and_fingerprints_in_every_view(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    curl = require_tool("curl")
    cert, key = certificate
    server = start(APP, certfile=str(cert), keyfile=str(key))
    url = f"https://localhost:{server.port}/"
    views = {}
    for view in ("text", "html", "json", "raw"):
        views[view] = subprocess.run(
            [curl, "-sS", "--http1.1", "--cacert", str(cert), "--resolve",
             f"localhost:{server.port}:127.0.0.1", f"{url}?format={view}"],
            capture_output=True, timeout=30, check=True).stdout.decode()
    doc = json.loads(views["json"])
    tls = doc["connection"]["tls"]
    ja4 = tls["fingerprints"]["ja4"]
    assert re.fullmatch(r"t13d\d{4}h1_[0-9a-f]{12}_[0-9a-f]{12}", ja4)  # SNI sent: "d"
    assert tls["client_hello"]["server_name"] == "localhost" and not tls["client_hello"]["warnings"]
    assert f"JA4               {ja4}" in views["text"] and "ClientHello" in views["text"]
    assert ja4 in views["html"] and tls["fingerprints"]["ja3_hash"] in views["html"]
    assert "TLS ClientHello records, " in views["raw"]


def test_no_client_hello_keeps_the_tls_facts_and_says_why_there_is_no_fingerprint(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    cert, key = certificate
    server = start(APP, certfile=str(cert), keyfile=str(key), client_hello=False)
    context = ssl.create_default_context(cafile=str(cert))
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as sock:
        sock.sendall(b"GET /?format=json HTTP/1.1\r\nHost: a\r\n\r\n"
                     b"GET /?format=text HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        data, _ = receive(sock, idle=2)
    replies, _ = parse_replies(data)
    tls = json.loads(replies[0].body)["connection"]["tls"]
    assert tls["version"] == "TLSv1.3" and tls["alpn"] is None
    assert tls["client_hello"] is None and tls["client_hello_error"] is None
    assert tls["fingerprints"] == {}
    text = replies[1].body.decode()
    assert "not kept (serve --no-client-hello)" in text and "JA4" not in text


def test_a_walk_of_thousands_of_hops_shows_the_nearest_and_counts_the_rest() -> None:
    app = make_app(PageOptions(trusted_proxies=Networks.parse(["127.0.0.1/32"])))
    forwarded = ", ".join(f"10.0.{i // 256}.{i % 256}" for i in range(1500))
    from ..pages.helpers import INFO, make_request

    pages = {view: app(make_request([("Host", "a"), ("X-Forwarded-For", forwarded)],
                                    target=f"/?format={view}"), INFO).body.decode()
             for view in ("json", "text", "html")}
    walk = json.loads(pages["json"])["connection"]["client_address"]
    assert len(walk["hops"]) == 100 and walk["hops_elided"] == 1401  # the peer + 1500, shown 100
    assert walk["hops"][1]["text"] == "10.0.5.219"  # the nearest: the rightmost element
    assert walk["client"] == "10.0.5.219"
    assert "... 1401 more hops" in pages["text"] and "... 1401 more hops" in pages["html"]
    assert pages["text"].count("  hop ") == 100
