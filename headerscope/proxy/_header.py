"""What a PROXY protocol header says: the value both versions decode to and encode from."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv6Address, ip_address

from ._tlv import Tlv

# An IP address, or the path of an AF_UNIX socket (108 bytes on the wire, trailing NULs
# removed; an abstract socket's path begins with a NUL and is kept as it is).
Address = IPv4Address | IPv6Address | bytes


class Command(enum.IntEnum):
    """The low nibble of the 13th byte of a v2 header (section 2.2); v1 is always PROXY."""

    LOCAL = 0x0  # the proxy's own connection (a health check): use the socket's addresses
    PROXY = 0x1  # relayed on behalf of a client: the header's addresses are the original ones


class Family(enum.IntEnum):
    """The high nibble of the 14th byte; v1 spells it TCP4 / TCP6 / UNKNOWN."""

    UNSPEC = 0x0
    INET = 0x1
    INET6 = 0x2
    UNIX = 0x3


class Transport(enum.IntEnum):
    """The low nibble of the 14th byte; v1's TCP4 and TCP6 are STREAM."""

    UNSPEC = 0x0
    STREAM = 0x1
    DGRAM = 0x2


@dataclass(frozen=True, slots=True)
class ProxyHeader:
    """One PROXY protocol header, v1 or v2.

    The addresses and ports are None where the header carries none (LOCAL without an
    address block, UNSPEC, v1 UNKNOWN, AF_UNIX has no ports). `tlvs` come in the order sent
    (v2 only). `notes` says what a lenient reading ignored (see protocol.py). `length` is how
    many bytes the header took on the wire; it is not part of the value's equality, so that a
    header built by hand equals the same header decoded.
    """

    version: int
    command: Command = Command.PROXY
    family: Family = Family.UNSPEC
    transport: Transport = Transport.UNSPEC
    source: Address | None = None
    destination: Address | None = None
    source_port: int | None = None
    destination_port: int | None = None
    tlvs: tuple[Tlv, ...] = ()
    notes: tuple[str, ...] = ()
    length: int = field(default=0, compare=False)

    @classmethod
    def proxied(cls, source: str, source_port: int, destination: str, destination_port: int,
                *, version: int = 2, transport: Transport = Transport.STREAM,
                tlvs: tuple[Tlv, ...] = ()) -> ProxyHeader:
        """A PROXY header for a TCP (or UDP) connection between two IP addresses."""
        src, dst = ip_address(source), ip_address(destination)
        if src.version != dst.version:
            raise ValueError(f"{source} and {destination} are not of the same IP version")
        family = Family.INET if src.version == 4 else Family.INET6
        return cls(version, Command.PROXY, family, transport, src, dst, source_port,
                   destination_port, tlvs)

    @property
    def client(self) -> tuple[str, int] | None:
        """The original client's (address, port) when the header gives one that replaces the
        socket's peer: a PROXY command over TCP or UDP on IPv4 or IPv6. None means "use the
        connection's own addresses" (LOCAL, UNSPEC, UNKNOWN, AF_UNIX)."""
        if (self.command is Command.PROXY and isinstance(self.source, IPv4Address | IPv6Address)
                and self.source_port is not None):
            return str(self.source), self.source_port
        return None

    @property
    def server(self) -> tuple[str, int] | None:
        """The address and port the client connected to, under the same conditions."""
        if (self.command is Command.PROXY
                and isinstance(self.destination, IPv4Address | IPv6Address)
                and self.destination_port is not None):
            return str(self.destination), self.destination_port
        return None
