"""The decoded value of each ClientHello extension: one frozen dataclass per shape.

A field whose numbers come from an IANA registry names it in its metadata (`coded(TABLE)`),
so that the text and JSON views can name each number without a table of their own. Names
(server names, ALPN protocol names) are bytes read as ISO-8859-1, one character per byte, as
header fields are: nothing is lost, and the views escape what a terminal must not see.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from typing import Any

from . import _registry as r


def coded(table: r.CodeTable, default: Any = MISSING) -> Any:
    """A dataclass field (an int, or a tuple of ints) whose values `table` names."""
    return field(default=default, metadata={"codes": table})


@dataclass(frozen=True)
class ServerName:
    name_type: int = coded(r.SERVER_NAME_TYPES)
    name: str = ""


@dataclass(frozen=True)
class ServerNames:
    """server_name (RFC 6066, section 3): ServerName server_name_list<1..2^16-1>."""

    names: tuple[ServerName, ...]


@dataclass(frozen=True)
class ProtocolNames:
    """ALPN (RFC 7301, 3.1) and ALPS: ProtocolName protocol_name_list<2..2^16-1>, each
    opaque<1..2^8-1>."""

    protocols: tuple[str, ...]


@dataclass(frozen=True)
class Versions:
    """supported_versions (RFC 8446, 4.2.1): ProtocolVersion versions<2..254>."""

    versions: tuple[int, ...] = coded(r.VERSIONS)


@dataclass(frozen=True)
class Groups:
    """supported_groups (RFC 8446, 4.2.7): NamedGroup named_group_list<2..2^16-1>."""

    groups: tuple[int, ...] = coded(r.GROUPS)


@dataclass(frozen=True)
class PointFormats:
    """ec_point_formats (RFC 8422, 5.1.2): ECPointFormat ec_point_format_list<1..2^8-1>."""

    formats: tuple[int, ...] = coded(r.EC_POINT_FORMATS)


@dataclass(frozen=True)
class SignatureSchemes:
    """signature_algorithms, signature_algorithms_cert (RFC 8446, 4.2.3) and
    delegated_credentials (RFC 9345, 4.1.1): SignatureScheme list<2..2^16-2>."""

    schemes: tuple[int, ...] = coded(r.SIGNATURE_SCHEMES)


@dataclass(frozen=True)
class KeyShareEntry:
    group: int = coded(r.GROUPS)
    length: int = 0  # of key_exchange: the key itself is of no use to a reader


@dataclass(frozen=True)
class KeyShares:
    """key_share (RFC 8446, 4.2.8): KeyShareEntry client_shares<0..2^16-1>."""

    shares: tuple[KeyShareEntry, ...]


@dataclass(frozen=True)
class PskModes:
    """psk_key_exchange_modes (RFC 8446, 4.2.9): PskKeyExchangeMode ke_modes<1..255>."""

    modes: tuple[int, ...] = coded(r.PSK_MODES)


@dataclass(frozen=True)
class PskIdentity:
    length: int
    obfuscated_ticket_age: int


@dataclass(frozen=True)
class PreSharedKey:
    """pre_shared_key (RFC 8446, 4.2.11): OfferedPsks {identities<7..2^16-1>,
    binders<33..2^16-1>}; the lengths of identities and binders, not their secrets."""

    identities: tuple[PskIdentity, ...]
    binder_lengths: tuple[int, ...]


@dataclass(frozen=True)
class StatusRequest:
    """status_request (RFC 6066, section 8): CertificateStatusRequest; for OCSP, the byte
    lengths of responder_id_list and request_extensions."""

    status_type: int = coded(r.STATUS_TYPES)
    responder_id_list_length: int | None = None
    request_extensions_length: int | None = None


@dataclass(frozen=True)
class Empty:
    """An extension whose body is empty in a ClientHello: extended_master_secret (RFC 7627),
    signed_certificate_timestamp (RFC 6962), encrypt_then_mac, early_data,
    post_handshake_auth, next_protocol_negotiation."""


@dataclass(frozen=True)
class Opaque:
    """An extension whose body is opaque to the reader: its length, and whether it is all
    zeros (session_ticket, padding)."""

    length: int
    zeros: bool


@dataclass(frozen=True)
class RenegotiationInfo:
    """renegotiation_info (RFC 5746, 3.2): opaque renegotiated_connection<0..255>."""

    length: int


@dataclass(frozen=True)
class CertCompression:
    """compress_certificate (RFC 8879, 3): CertificateCompressionAlgorithm
    algorithms<2..2^8-2>."""

    algorithms: tuple[int, ...] = coded(r.CERT_COMPRESSION)


@dataclass(frozen=True)
class EncryptedClientHello:
    """encrypted_client_hello (RFC 9849, 5): ECHClientHello; the outer form has the HPKE
    cipher suite, config_id and the lengths of enc and payload, the inner form nothing."""

    type: int = coded(r.ECH_CLIENT_HELLO_TYPES)
    kdf_id: int | None = coded(r.HPKE_KDFS, None)
    aead_id: int | None = coded(r.HPKE_AEADS, None)
    config_id: int | None = None
    enc_length: int | None = None
    payload_length: int | None = None


@dataclass(frozen=True)
class RecordSizeLimit:
    """record_size_limit (RFC 8449, 4): uint16 RecordSizeLimit, at least 64."""

    limit: int


@dataclass(frozen=True)
class MaxFragmentLength:
    """max_fragment_length (RFC 6066, 4): enum { 2^9(1), 2^10(2), 2^11(3), 2^12(4) }."""

    code: int = coded(r.MAX_FRAGMENT_LENGTHS)


@dataclass(frozen=True)
class CertificateTypes:
    """client_certificate_type, server_certificate_type (RFC 7250, 3):
    CertificateType certificate_types<1..2^8-1>."""

    types: tuple[int, ...] = coded(r.CERTIFICATE_TYPES)


@dataclass(frozen=True)
class Cookie:
    """cookie (RFC 8446, 4.2.2): opaque cookie<1..2^16-1>."""

    length: int


ExtensionValue = (ServerNames | ProtocolNames | Versions | Groups | PointFormats
                  | SignatureSchemes | KeyShares | PskModes | PreSharedKey | StatusRequest
                  | Empty | Opaque | RenegotiationInfo | CertCompression
                  | EncryptedClientHello | RecordSizeLimit | MaxFragmentLength
                  | CertificateTypes | Cookie)
