"""Lists of networks for `--trusted-proxy` and `--proxy-protocol-from`.

    item = IPv4address [ "/" prefix ] / IPv6address [ "/" prefix ] / "loopback" / "linklocal"
           / "uniquelocal"
    list = item *( ( "," / whitespace ) item )

An address without a prefix is one host (/32 or /128). A network with host bits set
("10.0.0.1/8") is refused with the network it probably meant, rather than silently widened:
a trust list is a security setting, and a typo in it should not pass unseen. The three names
are the ones Express's "trust proxy" setting knows (its proxy-addr module), so that a list
copied from there means the same here.

Matching handles IPv4-mapped IPv6 addresses both ways: a dual-stack socket reports an IPv4
peer as "::ffff:10.1.2.3", which is inside 10.0.0.0/8, and 10.1.2.3 is inside a list that
names ::ffff:10.0.0.0/104.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

Network = IPv4Network | IPv6Network
IPAddress = IPv4Address | IPv6Address

NAMED: dict[str, tuple[str, ...]] = {
    "loopback": ("127.0.0.0/8", "::1/128"),
    "linklocal": ("169.254.0.0/16", "fe80::/10"),
    "uniquelocal": ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"),
}
_SEPARATOR_RE = re.compile(r"[,\s]+")


class CIDRError(ValueError):
    """One item of a network list that is not an address, a network or a known name."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item!r}: {reason}")
        self.item = item
        self.reason = reason


def parse_cidr(text: str) -> Network:
    """One address or network in CIDR notation."""
    if "%" in text:
        raise CIDRError(text, "a zone index ('%...') has no place in a network list")
    try:
        return ip_network(text, strict=True)
    except ValueError:
        pass
    try:
        wide = ip_network(text, strict=False)
    except ValueError:
        raise CIDRError(text, "not an IP address or network (such as 10.0.0.0/8 or "
                              "2001:db8::/32), nor one of " + ", ".join(NAMED)) from None
    raise CIDRError(text, f"host bits are set after the prefix: did you mean {wide}?")


def as_address(value: str | IPAddress) -> IPAddress | None:
    """An address from its text ("[...]" brackets allowed), or None when it is not one."""
    if not isinstance(value, str):
        return value
    text = value[1:-1] if value[:1] == "[" and value[-1:] == "]" else value
    try:
        address = ip_address(text)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.scope_id is not None:
        address = IPv6Address(int(address))  # a zone index does not change which network
    return address


@dataclass(frozen=True, slots=True)
class Networks:
    """An ordered list of networks; `address in networks` for an address or its text."""

    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, items: str | Iterable[str]) -> Networks:
        """Networks from command-line items, each of which may hold several separated by
        commas or spaces. CIDRError names the first bad item."""
        found: list[Network] = []
        for item in [items] if isinstance(items, str) else items:
            for text in _SEPARATOR_RE.split(item.strip()):
                if not text:
                    continue
                named = NAMED.get(text.lower())
                for net in map(ip_network, named) if named else (parse_cidr(text),):
                    if net not in found:
                        found.append(net)
        return cls(tuple(found))

    def match(self, address: str | IPAddress) -> Network | None:
        """The first network that holds `address`, or None (also for text that is no
        address)."""
        ip = as_address(address)
        if ip is None:
            return None
        candidates: list[IPAddress] = [ip]
        if isinstance(ip, IPv6Address) and ip.ipv4_mapped is not None:
            candidates.append(ip.ipv4_mapped)
        elif isinstance(ip, IPv4Address):
            candidates.append(IPv6Address(0xFFFF << 32 | int(ip)))
        for net in self.networks:
            for candidate in candidates:
                if candidate.version == net.version and candidate in net:
                    return net
        return None

    def __contains__(self, address: object) -> bool:
        if not isinstance(address, str | IPv4Address | IPv6Address):
            return False
        return self.match(address) is not None

    def __bool__(self) -> bool:
        return bool(self.networks)

    def __str__(self) -> str:
        return ", ".join(map(str, self.networks)) or "(none)"
