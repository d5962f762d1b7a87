"""The trusted-proxy walk and the network lists behind --trusted-proxy and
--proxy-protocol-from."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from headerscope.proxy import CIDRError, Networks, Verdict, client_address
from headerscope.proxy.trust import PEER

# --- Networks -------------------------------------------------------------------------------

def test_networks_parse() -> None:
    nets = Networks.parse(["10.0.0.0/8, 192.0.2.7", "2001:db8::/32 ::1", "10.0.0.0/8"])
    assert nets.networks == (ip_network("10.0.0.0/8"), ip_network("192.0.2.7/32"),
                             ip_network("2001:db8::/32"), ip_network("::1/128"))
    assert str(nets) == "10.0.0.0/8, 192.0.2.7/32, 2001:db8::/32, ::1/128"
    assert Networks.parse("loopback").networks == (ip_network("127.0.0.0/8"),
                                                   ip_network("::1/128"))
    assert len(Networks.parse("LinkLocal,uniquelocal").networks) == 6
    assert not Networks.parse([]) and not Networks.parse(" , ") and str(Networks()) == "(none)"


@pytest.mark.parametrize(("item", "fragment"), [
    ("10.0.0.1/8", "did you mean 10.0.0.0/8?"),
    ("2001:db8::1/32", "did you mean 2001:db8::/32?"),
    ("10.0.0.0/33", "not an IP address or network"),
    ("example.com", "not an IP address or network"),
    ("10.0.0", "not an IP address or network"),
    ("fe80::1%eth0", "zone index"),
])
def test_networks_errors_name_the_item(item: str, fragment: str) -> None:
    with pytest.raises(CIDRError) as info:
        Networks.parse(["127.0.0.1", item])
    assert info.value.item == item and fragment in info.value.reason
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("address", "network"), [
    ("10.1.2.3", "10.0.0.0/8"),
    (IPv4Address("10.1.2.3"), "10.0.0.0/8"),
    ("::ffff:10.1.2.3", "10.0.0.0/8"),  # a dual-stack socket's IPv4 peer
    ("[::1]", "::1/128"),
    ("fe80::1%eth0", "fe80::/10"),
    ("2001:db8::5", "2001:db8::/32"),
    ("192.0.2.1", str(ip_network("::ffff:192.0.2.0/120"))),  # and the other way round
    ("8.8.8.8", None),
    ("::ffff:8.8.8.8", None),
    ("2001:db9::1", None),
    ("unix:/run/x.sock", None),
    ("", None),
    ("10.1.2.3:80", None),
])
def test_networks_match(address: str | IPv4Address, network: str | None) -> None:
    nets = Networks.parse("10.0.0.0/8 ::1 fe80::/10 2001:db8::/32 ::ffff:192.0.2.0/120")
    found = nets.match(address)
    assert (None if found is None else str(found)) == network
    assert (address in nets) is (network is not None)


def test_networks_contains_only_addresses() -> None:
    nets = Networks.parse("0.0.0.0/0")
    assert 5 not in nets and None not in nets and "1.2.3.4" in nets


# --- the walk: tables -------------------------------------------------------------------------

TRUSTED = Networks.parse("10.0.0.0/8 fd00::/8 loopback")

WALKS = [
    # (name, peer, fields, client, verdicts from the peer leftwards)
    ("spoofed leftmost X-Forwarded-For", "10.0.0.2",
     [("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.1")], "198.51.100.7",
     ["trusted", "trusted", "client", "ignored"]),
    ("every hop trusted", "10.0.0.2", [("X-Forwarded-For", "10.9.9.9, 10.0.0.1")], "10.9.9.9",
     ["trusted", "trusted", "trusted"]),
    ("untrusted peer: headers not considered", "203.0.113.5",
     [("X-Forwarded-For", "10.0.0.1"), ("Forwarded", "for=10.0.0.1")], "203.0.113.5",
     ["client", "ignored"]),
    ("IPv6 with brackets and ports in Forwarded", "::1",
     [("Forwarded", 'for="[2001:db8:cafe::17]:4711", for="[fd00::1]:80"')],
     "2001:db8:cafe::17", ["trusted", "trusted", "client"]),
    ("obfuscated identifier", "10.0.0.2", [("Forwarded", "for=_hidden, for=10.0.0.1")],
     "10.0.0.1", ["trusted", "trusted", "stopped"]),
    ("obfuscated port is fine", "10.0.0.2", [("Forwarded", 'for="198.51.100.7:_p1"')],
     "198.51.100.7", ["trusted", "client"]),
    ("unknown", "10.0.0.2", [("Forwarded", "for=192.0.2.1, for=unknown;proto=https")],
     "10.0.0.2", ["trusted", "stopped", "ignored"]),
    ("malformed X-Forwarded-For element", "10.0.0.2",
     [("X-Forwarded-For", "1.2.3.4, 10.0.0.300, 10.0.0.1")], "10.0.0.1",
     ["trusted", "trusted", "stopped", "ignored"]),
    ("malformed right at the end", "10.0.0.2", [("X-Forwarded-For", "1.2.3.4, garbage")],
     "10.0.0.2", ["trusted", "stopped", "ignored"]),
    ("Forwarded element without for=", "10.0.0.2",
     [("Forwarded", "for=192.0.2.1, proto=https;by=10.0.0.1")], "10.0.0.2",
     ["trusted", "stopped", "ignored"]),
    ("a comma inside a quoted string is not a separator", "10.0.0.2",
     [("Forwarded", 'for=192.0.2.1;ext="a, b", for=10.0.0.1')], "192.0.2.1",
     ["trusted", "trusted", "client"]),
    ("repeated lines combine in order", "10.0.0.2",
     [("X-Forwarded-For", "192.0.2.1"), ("Accept", "*/*"), ("x-forwarded-for", "10.0.0.1")],
     "192.0.2.1", ["trusted", "trusted", "client"]),
    ("X-Real-IP as a single hop", "10.0.0.2", [("X-Real-IP", "198.51.100.7")], "198.51.100.7",
     ["trusted", "client"]),
    ("X-Real-IP repeated is not believed", "10.0.0.2",
     [("X-Real-IP", "198.51.100.7"), ("X-Real-IP", "198.51.100.8")], "10.0.0.2",
     ["trusted", "stopped"]),
    ("no header from a trusted peer", "10.0.0.2", [("Host", "example.com")], "10.0.0.2",
     ["trusted"]),
    ("mapped IPv4 peer", "::ffff:10.0.0.2", [("X-Forwarded-For", "198.51.100.7")],
     "198.51.100.7", ["trusted", "client"]),
    ("peer that is not an IP address", "unix:/run/h.sock", [("X-Forwarded-For", "10.0.0.1")],
     "unix:/run/h.sock", ["client", "ignored"]),
    ("empty field line", "10.0.0.2", [("X-Forwarded-For", "192.0.2.1"),
                                      ("X-Forwarded-For", "")], "10.0.0.2",
     ["trusted", "stopped", "ignored"]),
    ("bracketed IPv6 with a port in X-Forwarded-For", "10.0.0.2",
     [("X-Forwarded-For", "[2001:db8::1]:443, fd12::9")], "2001:db8::1",
     ["trusted", "trusted", "client"]),
]


@pytest.mark.parametrize(("peer", "fields", "client", "verdicts"),
                         [case[1:] for case in WALKS], ids=[case[0] for case in WALKS])
def test_walk(peer: str, fields: list[tuple[str, str]], client: str,
              verdicts: list[str]) -> None:
    walk = client_address(peer, fields, TRUSTED)
    assert walk.client == client
    assert [h.verdict.value for h in walk.hops] == verdicts
    assert walk.hops[0].source == PEER
    assert walk.reason


def test_rfc_7239_example_usage() -> None:
    # RFC 7239, 7.5: "A request from a client with IP address 192.0.2.43 passes through a
    # proxy with IP address 198.51.100.17, then through another proxy with IP address
    # 203.0.113.60 before reaching an origin server."
    value = "for=192.0.2.43,for=198.51.100.17;by=203.0.113.60;proto=http;host=example.com"
    walk = client_address("203.0.113.60", [("Forwarded", value)],
                          Networks.parse("203.0.113.60 198.51.100.0/24"))
    assert walk.client == "192.0.2.43"
    assert [h.verdict for h in walk.hops] == [Verdict.TRUSTED, Verdict.TRUSTED, Verdict.CLIENT]
    assert [h.reason for h in walk.hops[:2]] == ["in 203.0.113.60/32", "in 198.51.100.0/24"]


def test_spoofed_walk_in_detail() -> None:
    walk = client_address("10.0.0.2", [("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.1")],
                          TRUSTED)
    peer, proxy, client, spoofed = walk.hops
    assert peer.reason == proxy.reason == "in 10.0.0.0/8"
    assert client.reason == "not in any trusted network" and client.address == "198.51.100.7"
    assert (client.source.field, client.source.line, client.source.element,
            client.source.position) == ("X-Forwarded-For", 0, 1, 9)
    assert walk.source == client.source and walk.field == "X-Forwarded-For"
    assert "X-Forwarded-For element 2 is the first address from the right" in walk.reason
    assert spoofed.text == "6.6.6.6" and "not believed" in spoofed.reason
    assert walk.diagnostics == ()


def test_stopped_hops_say_why() -> None:
    def stop_reason(value: str, name: str = "Forwarded") -> str:
        walk = client_address("10.0.0.2", [(name, value)], TRUSTED)
        (hop,) = [h for h in walk.hops if h.verdict is Verdict.STOPPED]
        return hop.reason

    assert stop_reason("for=_abc") == "obfuscated identifier _abc"
    assert stop_reason("for=unknown").startswith("unknown")
    assert stop_reason("proto=https").startswith("no for= parameter")
    assert stop_reason("for=1.2.3.4:0x50").startswith("malformed: ")
    assert stop_reason("1.2.3.4 5.6.7.8", "X-Forwarded-For").startswith("malformed: ")


def test_malformed_hop_points_into_its_line() -> None:
    value = "1.2.3.4, 10.0.0.300, 10.0.0.1"
    walk = client_address("10.0.0.2", [("X-Forwarded-For", value)], TRUSTED)
    bad = walk.hops[2]
    assert bad.text == "10.0.0.300" and bad.source.position == 9
    assert bad.error_position is not None and 9 <= bad.error_position < len(value)
    assert "the walk stopped at X-Forwarded-For element 2" in walk.reason


def test_ipv6_forwarded_hop_keeps_its_port() -> None:
    walk = client_address("::1", [("Forwarded", 'for="[2001:DB8:cafe::17]:4711"')], TRUSTED)
    assert walk.client == "2001:db8:cafe::17" and walk.hops[1].port == 4711


def test_forwarded_and_x_forwarded_for_disagreeing() -> None:
    walk = client_address("10.0.0.2", [("X-Forwarded-For", "203.0.113.9"),
                                       ("Forwarded", "for=198.51.100.7")], TRUSTED)
    assert walk.client == "198.51.100.7" and walk.field == "Forwarded"
    (diagnostic,) = walk.diagnostics
    assert "Forwarded and X-Forwarded-For disagree" in diagnostic
    assert "198.51.100.7" in diagnostic and "203.0.113.9" in diagnostic


def test_rfc_7239_transition_example_agrees() -> None:
    # RFC 7239, 7.4: X-Forwarded-For: 192.0.2.43, 2001:db8:cafe::17 becomes
    # Forwarded: for=192.0.2.43, for="[2001:db8:cafe::17]"
    walk = client_address("10.0.0.2", [
        ("X-Forwarded-For", "192.0.2.43, 2001:db8:cafe::17"),
        ("Forwarded", 'for=192.0.2.43, for="[2001:db8:cafe::17]"')], TRUSTED)
    assert walk.diagnostics == () and walk.client == "2001:db8:cafe::17"


def test_x_real_ip_compared_with_the_field_used() -> None:
    agree = client_address("10.0.0.2", [("X-Forwarded-For", "198.51.100.7"),
                                        ("X-Real-IP", "198.51.100.7")], TRUSTED)
    assert agree.diagnostics == ()
    differ = client_address("10.0.0.2", [("X-Forwarded-For", "198.51.100.7"),
                                         ("X-Real-IP", "203.0.113.1")], TRUSTED)
    assert differ.client == "198.51.100.7"
    assert any("X-Real-IP (203.0.113.1)" in d for d in differ.diagnostics)


def test_untrusted_peer_says_its_headers_are_ignored() -> None:
    walk = client_address("203.0.113.5", [("X-Forwarded-For", "10.0.0.1"),
                                          ("X-Real-IP", "10.0.0.1")], TRUSTED)
    assert walk.source == PEER and walk.field is None
    assert walk.diagnostics == ("X-Forwarded-For and X-Real-IP ignored: the peer 203.0.113.5 "
                                "is not a trusted proxy, so what it says about the client is "
                                "not believed",)
    assert walk.hops[0].reason == "not in any trusted network"


# --- the walk: a property ---------------------------------------------------------------------

_JUNK = ["999.1.1.1", "1.2.3", "example.com", "[::1", "1.2.3.4:99999", "::g"]
node_items = st.one_of(
    st.integers(0, 2**24 - 1).map(lambda n: ("ip", str(IPv4Address(10 << 24 | n)))),
    st.integers(0, 2**32 - 1).map(lambda n: ("ip", str(IPv4Address(n)))),
    st.integers(0, 2**120 - 1).map(lambda n: ("ip", str(IPv6Address(0xFD << 120 | n)))),
    st.integers(0, 2**128 - 1).map(lambda n: ("ip", str(IPv6Address(n)))),
    st.just(("unknown", "unknown")),
    st.from_regex(r"_[a-z0-9]{1,5}", fullmatch=True).map(lambda s: ("obf", s)),
    st.sampled_from(_JUNK).map(lambda s: ("junk", s)),
)


def render(kind: str, text: str, field: str, port: int | None) -> str:
    if field == "X-Forwarded-For":
        if port is None or kind != "ip":
            return text
        return f"[{text}]:{port}" if ":" in text else f"{text}:{port}"
    if kind == "ip" and ":" in text:
        text = f"[{text}]"
    return f'for="{text}"' if port is None or kind != "ip" else f'for="{text}:{port}"'


PROPERTY_TRUSTED = Networks.parse("10.0.0.0/8 fd00::/8")


def believed(text: str) -> bool:
    """Trust decided independently of the module, with ipaddress alone."""
    return any(ip_address(text) in net for net in (ip_network("10.0.0.0/8"),
                                                   ip_network("fd00::/8")))


def reference(peer: str, chain: list[tuple[str, str]]) -> str:
    """The rule, written out plainly over what the strategy knows it drew."""
    if not believed(peer):
        return peer
    answer = peer
    for kind, text in reversed(chain):
        if kind != "ip":
            return answer
        answer = str(ip_address(text))
        if not believed(text):
            return answer
    return answer


@given(st.sampled_from(["10.0.0.2", "203.0.113.9", "fd00::2"]),
       st.lists(st.tuples(node_items, st.none() | st.integers(1, 65535)), max_size=8),
       st.sampled_from(["X-Forwarded-For", "Forwarded"]), st.integers(1, 3))
@example("10.0.0.2", [(("ip", "1.2.3.4"), None), (("junk", "::g"), None)], "Forwarded", 1)
def test_walk_property(peer: str, drawn: list[tuple[tuple[str, str], int | None]], field: str,
                       lines: int) -> None:
    chain = [item for item, _ in drawn]
    parts = [render(kind, text, field, port) for (kind, text), port in drawn]
    # lines combine in order: deal the parts out so that joining them restores the order
    size = -(-len(parts) // lines) if parts else 0
    values = [", ".join(parts[i:i + size]) for i in range(0, len(parts), size)] if parts else []
    walk = client_address(peer, [(field, v) for v in values], PROPERTY_TRUSTED)
    # the answer is the peer, or an address from the header every hop right of which is
    # trusted (the peer included)
    if walk.client != peer:
        assert believed(peer)
        spots = [i for i, (kind, text) in enumerate(chain)
                 if kind == "ip" and str(ip_address(text)) == walk.client]
        assert any(all(k == "ip" and believed(t) for k, t in chain[i + 1:]) for i in spots)
    assert walk.client == reference(peer, chain)
    assert len(walk.hops) == 1 + len(chain)
