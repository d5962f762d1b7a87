"""One decoder and one writer per ClientHello extension, side by side, and the table of them.

Each decoder reads the extension's body (its `extension_data`) from a cursor, and must use
all of it; each writer is its inverse: `decode(Cursor(encode(v))) == v`. A body that breaks
its grammar raises HelloError with the position, which the hello turns into an error on that
one extension (the rest of the hello still decodes, as a bad field value does not stop the
other fields). An extension with no decoder here keeps its raw bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import _values as v
from ._wire import Cursor, uints, vec


@dataclass(frozen=True)
class ExtensionSpec:
    type: int
    decode: Callable[[Cursor], v.ExtensionValue]
    encode: Callable[[Any], bytes]
    ref: str


def _latin1(data: bytes) -> str:
    return data.decode("latin-1")


def _names(c: Cursor) -> v.ServerNames:
    body = c.vector(2, "server_name_list", 1)
    names = []
    while body.remaining:
        name_type = body.uint(1, "name_type")
        # Every name type registered so far is a HostName<1..2^16-1> (RFC 6066, section 3).
        names.append(v.ServerName(name_type, _latin1(body.opaque(2, "HostName", 1))))
    return v.ServerNames(tuple(names))


def _write_names(value: v.ServerNames) -> bytes:
    return vec(2, b"".join(bytes([n.name_type]) + vec(2, n.name.encode("latin-1"))
                           for n in value.names))


def _protocols(c: Cursor) -> v.ProtocolNames:
    body = c.vector(2, "protocol_name_list", 2)
    names = []
    while body.remaining:
        # RFC 7301, 3.1: "Empty strings MUST NOT be included".
        names.append(_latin1(body.opaque(1, "ProtocolName", 1)))
    return v.ProtocolNames(tuple(names))


def _write_protocols(value: v.ProtocolNames) -> bytes:
    return vec(2, b"".join(vec(1, p.encode("latin-1")) for p in value.protocols))


def _u16_list(what: str, make: Callable[[tuple[int, ...]], Any], floor: int = 2,
              ceiling: int = 0xFFFF, width: int = 2) -> Callable[[Cursor], Any]:
    def decode(c: Cursor) -> Any:
        return make(c.vector(width, what, floor, ceiling, step=2).uints(2, what))
    return decode


def _write_u16s(width: int, attr: str) -> Callable[[Any], bytes]:
    return lambda value: vec(width, uints(2, getattr(value, attr)))


def _write_u8s(attr: str) -> Callable[[Any], bytes]:
    return lambda value: vec(1, bytes(getattr(value, attr)))


def _u8_list(what: str, make: Callable[[tuple[int, ...]], Any]) -> Callable[[Cursor], Any]:
    return lambda c: make(tuple(c.opaque(1, what, 1)))


def _key_shares(c: Cursor) -> v.KeyShares:
    body = c.vector(2, "client_shares")
    shares = []
    while body.remaining:
        group = body.uint(2, "NamedGroup")
        shares.append(v.KeyShareEntry(group, body.vector(2, "key_exchange", 1).remaining))
    return v.KeyShares(tuple(shares))


def _write_key_shares(value: v.KeyShares) -> bytes:
    return vec(2, b"".join(s.group.to_bytes(2, "big") + vec(2, bytes(s.length))
                           for s in value.shares))


def _psk(c: Cursor) -> v.PreSharedKey:
    body = c.vector(2, "identities", 7)
    identities = []
    while body.remaining:
        length = body.vector(2, "identity", 1).remaining
        identities.append(v.PskIdentity(length, body.uint(4, "obfuscated_ticket_age")))
    binders = c.vector(2, "binders", 33)
    lengths = []
    while binders.remaining:
        lengths.append(binders.vector(1, "PskBinderEntry", 32).remaining)
    return v.PreSharedKey(tuple(identities), tuple(lengths))


def _write_psk(value: v.PreSharedKey) -> bytes:
    ids = b"".join(vec(2, bytes(i.length)) + i.obfuscated_ticket_age.to_bytes(4, "big")
                   for i in value.identities)
    return vec(2, ids) + vec(2, b"".join(vec(1, bytes(n)) for n in value.binder_lengths))


def _status_request(c: Cursor) -> v.StatusRequest:
    status_type = c.uint(1, "status_type")
    if status_type != 1:  # only ocsp(1) has a defined body; keep the rest as it is
        c.take(c.remaining, "request")
        return v.StatusRequest(status_type)
    return v.StatusRequest(status_type, c.vector(2, "responder_id_list").remaining,
                           c.vector(2, "request_extensions").remaining)


def _write_status_request(value: v.StatusRequest) -> bytes:
    if value.status_type != 1:
        return bytes([value.status_type])
    return bytes([1]) + vec(2, bytes(value.responder_id_list_length or 0)) + vec(
        2, bytes(value.request_extensions_length or 0))


def _empty(c: Cursor) -> v.Empty:
    c.expect_end("extension_data (empty in a ClientHello)")
    return v.Empty()


def _opaque(c: Cursor) -> v.Opaque:
    data = c.take(c.remaining, "extension_data")
    return v.Opaque(len(data), not data.strip(b"\0"))


def _write_opaque(value: v.Opaque) -> bytes:
    return bytes(value.length) if value.zeros else b"\1" * value.length


def _renegotiation_info(c: Cursor) -> v.RenegotiationInfo:
    return v.RenegotiationInfo(c.vector(1, "renegotiated_connection").remaining)


def _ech(c: Cursor) -> v.EncryptedClientHello:
    kind = c.uint(1, "ECHClientHelloType")
    if kind != 0:  # inner(1) has no body; an unknown type cannot be read further
        return v.EncryptedClientHello(kind)
    kdf, aead, config_id = c.uint(2, "kdf_id"), c.uint(2, "aead_id"), c.uint(1, "config_id")
    return v.EncryptedClientHello(kind, kdf, aead, config_id, c.vector(2, "enc").remaining,
                                  c.vector(2, "payload", 1).remaining)


def _write_ech(value: v.EncryptedClientHello) -> bytes:
    if value.type != 0:
        return bytes([value.type])
    return (bytes([0]) + uints(2, (value.kdf_id or 0, value.aead_id or 0))
            + bytes([value.config_id or 0]) + vec(2, bytes(value.enc_length or 0))
            + vec(2, bytes(value.payload_length or 0)))


def _record_size_limit(c: Cursor) -> v.RecordSizeLimit:
    at = c.pos
    limit = c.uint(2, "RecordSizeLimit")
    if limit < 64:  # RFC 8449, 4: "Endpoints MUST NOT send a value smaller than 64."
        c.fail(f"RecordSizeLimit {limit} is smaller than 64", at)
    return v.RecordSizeLimit(limit)


def _max_fragment_length(c: Cursor) -> v.MaxFragmentLength:
    return v.MaxFragmentLength(c.uint(1, "MaxFragmentLength"))


def _cookie(c: Cursor) -> v.Cookie:
    return v.Cookie(c.vector(2, "cookie", 1).remaining)


def _spec(types: tuple[int, ...], decode: Callable[[Cursor], Any], encode: Callable[[Any], bytes],
          ref: str) -> list[ExtensionSpec]:
    return [ExtensionSpec(t, decode, encode, ref) for t in types]


def _whole(decode: Callable[[Cursor], Any]) -> Callable[[Cursor], Any]:
    """The decoder, then a check that it used the whole extension body."""
    def checked(c: Cursor) -> Any:
        value = decode(c)
        c.expect_end("extension_data")
        return value
    return checked


_SIGS = _u16_list("supported_signature_algorithms", v.SignatureSchemes, 2, 0xFFFE)
_ALL = [
    *_spec((0,), _names, _write_names, "RFC 6066, 3"),
    *_spec((1,), _max_fragment_length, lambda x: bytes([x.code]), "RFC 6066, 4"),
    *_spec((5,), _status_request, _write_status_request, "RFC 6066, 8"),
    *_spec((10,), _u16_list("named_group_list", v.Groups), _write_u16s(2, "groups"),
           "RFC 8446, 4.2.7"),
    *_spec((11,), _u8_list("ec_point_format_list", v.PointFormats), _write_u8s("formats"),
           "RFC 8422, 5.1.2"),
    *_spec((13, 50), _SIGS, _write_u16s(2, "schemes"), "RFC 8446, 4.2.3"),
    *_spec((16,), _protocols, _write_protocols, "RFC 7301, 3.1"),
    *_spec((17513, 17613), _protocols, _write_protocols, "draft-vvv-tls-alps, 3"),
    *_spec((18, 22, 23, 42, 49, 13172), _empty, lambda x: b"", "RFC 6962, 7627, 7366, 8446"),
    *_spec((19, 20), _u8_list("certificate_types", v.CertificateTypes), _write_u8s("types"),
           "RFC 7250, 3"),
    *_spec((21, 35), _opaque, _write_opaque, "RFC 7685 (padding), RFC 5077 (session_ticket)"),
    *_spec((27,), _u16_list("algorithms", v.CertCompression, 2, 0xFE, width=1),
           _write_u16s(1, "algorithms"), "RFC 8879, 3"),
    *_spec((28,), _record_size_limit, lambda x: x.limit.to_bytes(2, "big"), "RFC 8449, 4"),
    *_spec((34,), _SIGS, _write_u16s(2, "schemes"), "RFC 9345, 4.1.1"),
    *_spec((41,), _psk, _write_psk, "RFC 8446, 4.2.11"),
    *_spec((43,), _u16_list("versions", v.Versions, 2, 254, width=1), _write_u16s(1, "versions"),
           "RFC 8446, 4.2.1"),
    *_spec((44,), _cookie, lambda x: vec(2, bytes(x.length)), "RFC 8446, 4.2.2"),
    *_spec((45,), _u8_list("ke_modes", v.PskModes), _write_u8s("modes"), "RFC 8446, 4.2.9"),
    *_spec((51,), _key_shares, _write_key_shares, "RFC 8446, 4.2.8"),
    *_spec((65037,), _ech, _write_ech, "RFC 9849, 5"),
    *_spec((65281,), _renegotiation_info, lambda x: vec(1, bytes(x.length)), "RFC 5746, 3.2"),
]
EXTENSIONS: dict[int, ExtensionSpec] = {
    s.type: ExtensionSpec(s.type, _whole(s.decode), s.encode, s.ref) for s in _ALL}
