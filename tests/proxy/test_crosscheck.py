"""Our PROXY protocol writer and reader against an independent implementation: the
`proxy-protocol` package on PyPI (icgood/proxy-protocol, MIT, typed), with the `crc32c`
package it uses for checksums. Both are test extras: a missing one skips locally and fails
under CI=true.

Its TLVs are a mapping that it packs in ascending type order, and its checksum check packs
them again that way, so the TLVs here hold each type at most once, in ascending order (the
CRC32C, type 3, after ALPN and AUTHORITY): the order it can check. Its writer always adds a
CRC32C when the `crc32c` package is installed.
"""

from __future__ import annotations

import importlib
import socket
from ipaddress import IPv4Address, IPv6Address
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.proxy import (
    Alpn,
    Authority,
    Command,
    Crc32c,
    Family,
    Netns,
    ProxyHeader,
    Ssl,
    SslClient,
    SslSubtype,
    SslText,
    Transport,
    UniqueId,
    decode,
    encode_v1,
    encode_v2,
)
from headerscope.proxy._crc32c import crc32c

from ..conftest import IN_CI
from ._headers import ascii_text, ipv4, ipv6, ports, utf8_text


def require(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        message = f"Python package {name!r} is not installed (a test extra)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def pp() -> dict[str, Any]:
    require("crc32c")
    result = require("proxyprotocol.result")
    return {"v1": require("proxyprotocol.v1").ProxyProtocolV1(),
            "v2": require("proxyprotocol.v2").ProxyProtocolV2(),
            "tlv": require("proxyprotocol.tlv"), "result": result}


@given(st.binary(max_size=300))
def test_crc32c_against_the_crc32c_package(data: bytes) -> None:
    other = require("crc32c")
    assert crc32c(data) == other.crc32c(data)


@given(st.one_of(st.tuples(ipv4, ipv4), st.tuples(ipv6, ipv6)), ports, ports)
def test_v1_both_ways(pp: dict[str, Any], addresses: tuple[Any, Any], sport: int,
                      dport: int) -> None:
    src, dst = addresses
    ours = ProxyHeader.proxied(str(src), sport, str(dst), dport, version=1)
    theirs = pp["v1"].unpack(encode_v1(ours))
    assert theirs.source == (src, sport) and theirs.dest == (dst, dport)
    kind = pp["result"].ProxyResultIPv4 if src.version == 4 else pp["result"].ProxyResultIPv6
    header, rest = decode(pp["v1"].pack(kind((src, sport), (dst, dport))) + b"GET")
    assert header == ours and rest == b"GET"


def test_v1_unknown_both_ways(pp: dict[str, Any]) -> None:
    assert isinstance(pp["v1"].unpack(encode_v1(ProxyHeader(1))),
                      pp["result"].ProxyResultUnknown)
    header, _ = decode(pp["v1"].pack(pp["result"].ProxyResultUnknown()))
    assert header.family is Family.UNSPEC


_SSL_TEXT = {SslSubtype.VERSION: "version", SslSubtype.CN: "cn", SslSubtype.CIPHER: "cipher",
             SslSubtype.SIG_ALG: "sig_alg", SslSubtype.KEY_ALG: "key_alg"}


@st.composite
def tlv_sets(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments for their ProxyProtocolTLV: each type at most once."""
    chosen: dict[str, Any] = {}
    for name, strategy in (("alpn", st.binary(min_size=1, max_size=10)),
                           ("authority", utf8_text), ("unique_id", st.binary(max_size=128)),
                           ("netns", ascii_text)):
        if draw(st.booleans()):
            chosen[name] = draw(strategy)
    if draw(st.booleans()):
        ssl: dict[str, Any] = {"has_ssl": True, "verified": draw(st.booleans())}
        for subtype, name in _SSL_TEXT.items():
            if draw(st.booleans()):
                ssl[name] = draw(utf8_text if subtype is SslSubtype.CN else ascii_text)
        chosen["ssl"] = ssl
    return chosen


def ours_from(kwargs: dict[str, Any], crc: bool) -> tuple[Any, ...]:
    """The same TLVs as ours, in ascending type order."""
    tlvs: list[Any] = []
    if "alpn" in kwargs:
        tlvs.append(Alpn(kwargs["alpn"]))
    if "authority" in kwargs:
        tlvs.append(Authority(kwargs["authority"]))
    if crc:
        tlvs.append(Crc32c(0))
    if "unique_id" in kwargs:
        tlvs.append(UniqueId(kwargs["unique_id"]))
    if "ssl" in kwargs:
        ssl = kwargs["ssl"]
        subs = tuple(SslText(s, ssl[n]) for s, n in _SSL_TEXT.items() if n in ssl)
        tlvs.append(Ssl(SslClient.SSL, 0 if ssl["verified"] else 1, subs))
    if "netns" in kwargs:
        tlvs.append(Netns(kwargs["netns"]))
    return tuple(tlvs)


@given(st.one_of(st.tuples(ipv4, ipv4), st.tuples(ipv6, ipv6)), ports, ports, tlv_sets(),
       st.booleans())
def test_v2_ours_read_by_theirs(pp: dict[str, Any], addresses: tuple[Any, Any], sport: int,
                                dport: int, kwargs: dict[str, Any], crc: bool) -> None:
    src, dst = addresses
    header = ProxyHeader.proxied(str(src), sport, str(dst), dport, tlvs=ours_from(kwargs, crc))
    theirs = pp["v2"].unpack(encode_v2(header))  # raises on a checksum it finds wrong
    assert theirs.source == (src, sport) and theirs.dest == (dst, dport)
    assert theirs.protocol == socket.SOCK_STREAM
    tlv = theirs.tlv
    assert tlv.alpn == kwargs.get("alpn") and tlv.authority == kwargs.get("authority")
    assert tlv.unique_id == kwargs.get("unique_id", b"") and tlv.netns == kwargs.get("netns")
    assert (tlv.crc32c is not None) == crc
    if "ssl" in kwargs:
        assert tlv.ssl.has_ssl and tlv.ssl.verified == kwargs["ssl"]["verified"]
        for name in _SSL_TEXT.values():
            assert getattr(tlv.ssl, name) == kwargs["ssl"].get(name)


@given(st.one_of(st.tuples(ipv4, ipv4), st.tuples(ipv6, ipv6)), ports, ports, tlv_sets())
def test_v2_theirs_read_by_ours(pp: dict[str, Any], addresses: tuple[Any, Any], sport: int,
                                dport: int, kwargs: dict[str, Any]) -> None:
    src, dst = addresses
    tlv_mod = pp["tlv"]
    args = dict(kwargs)
    if "ssl" in args:
        args["ssl"] = tlv_mod.ProxyProtocolSSLTLV(**args["ssl"])
    tlv = tlv_mod.ProxyProtocolTLV(**args)
    kind = pp["result"].ProxyResultIPv4 if src.version == 4 else pp["result"].ProxyResultIPv6
    wire = pp["v2"].pack(kind((src, sport), (dst, dport), protocol=socket.SOCK_STREAM,
                              tlv=tlv))
    header, rest = decode(wire + b"GET")  # our CRC32C check passes on their checksum
    assert rest == b"GET"
    assert (header.source, header.destination) == (src, dst)
    assert (header.source_port, header.destination_port) == (sport, dport)
    assert (header.command, header.transport) == (Command.PROXY, Transport.STREAM)
    got = tuple(t for t in header.tlvs if not isinstance(t, Crc32c))
    assert got == ours_from(kwargs, crc=False)
    assert sum(isinstance(t, Crc32c) for t in header.tlvs) == 1  # theirs, and it checked


def test_local_and_unix_both_ways(pp: dict[str, Any]) -> None:
    result = pp["result"]
    local = pp["v2"].pack(result.ProxyResultLocal())
    header, _ = decode(local)
    assert (header.command, header.family, header.source) == (Command.LOCAL, Family.UNSPEC,
                                                              None)
    assert [type(t) for t in header.tlvs] == [Crc32c]
    assert pp["v2"].unpack(encode_v2(ProxyHeader(2, Command.LOCAL))).proxied is False
    unix = pp["v2"].pack(result.ProxyResultUnix("/run/a.sock", "/run/b.sock",
                                                protocol=socket.SOCK_STREAM))
    header, _ = decode(unix)
    assert (header.family, header.source, header.destination) == \
        (Family.UNIX, b"/run/a.sock", b"/run/b.sock")
    theirs = pp["v2"].unpack(encode_v2(header))
    assert (theirs.source, theirs.dest) == ("/run/a.sock", "/run/b.sock")


def test_the_v1_example_in_both() -> None:
    # the specification's own example, read by both implementations to the same values
    v1 = require("proxyprotocol.v1").ProxyProtocolV1()
    line = b"PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n"
    theirs = v1.unpack(line)
    ours, _ = decode(line)
    assert theirs.source == (IPv4Address("192.168.0.1"), 56324) == (ours.source,
                                                                     ours.source_port)
    assert isinstance(ours.destination, IPv4Address | IPv6Address)
    assert theirs.dest == (ours.destination, ours.destination_port)
