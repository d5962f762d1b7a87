"""Proxies in front of the server: the PROXY protocol header (v1 and v2) and the client
address worked out through trusted proxies. Both sans-IO: the server feeds them bytes and
field lines and shows what they return.

- `protocol`: `ProxyHeaderReader`, `ProxyHeader`, `encode_v1`, `encode_v2`, the TLV types.
- `trust`: `Networks` (the `--trusted-proxy` and `--proxy-protocol-from` lists) and
  `client_address`, the walk from the right over Forwarded / X-Forwarded-For / X-Real-IP.
"""

from ._tlv import (
    Alpn,
    Authority,
    Crc32c,
    Netns,
    Noop,
    Ssl,
    SslClient,
    SslSubtype,
    SslText,
    Tlv,
    TlvType,
    UniqueId,
    UnknownTlv,
)
from .protocol import (
    Command,
    Family,
    ProxyHeader,
    ProxyHeaderReader,
    ProxyProtocolError,
    Transport,
    decode,
    encode_v1,
    encode_v2,
    refusal,
)
from .trust import AddressWalk, CIDRError, Hop, HopSource, Networks, Verdict, client_address

__all__ = [
    "AddressWalk", "Alpn", "Authority", "CIDRError", "Command", "Crc32c", "Family", "Hop",
    "HopSource", "Netns", "Networks", "Noop", "ProxyHeader", "ProxyHeaderReader",
    "ProxyProtocolError", "Ssl", "SslClient", "SslSubtype", "SslText", "Tlv", "TlvType",
    "Transport", "UniqueId", "UnknownTlv", "Verdict", "client_address", "decode", "encode_v1",
    "encode_v2", "refusal",
]
