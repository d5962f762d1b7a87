"""Names for the numbers in a ClientHello, from the IANA TLS registries.

https://www.iana.org/assignments/tls-parameters/ and
https://www.iana.org/assignments/tls-extensiontype-values/

A `CodeTable` is one registry: it names a value, says whether it is a GREASE value
(RFC 8701: reserved values a client sends at random so that servers keep tolerating the
unknown), and shows it as `name (0x1301)`. A value the table does not know keeps its number:
the registries grow faster than any copy of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ._ciphers import CIPHER_SUITES


def is_grease(value: int) -> bool:
    """A GREASE value of a 16-bit registry (RFC 8701, section 2): 0x0A0A, 0x1A1A, ..., 0xFAFA,
    "both bytes equal, each with low nibble 0xA"."""
    return (value & 0x0F0F) == 0x0A0A and value >> 8 == value & 0xFF


def is_grease_psk_mode(value: int) -> bool:
    """RFC 8701, section 2: the GREASE PskKeyExchangeModes are 0x0B, 0x2A, 0x49, 0x68, 0x87,
    0xA6, 0xC5 and 0xE4 (0x0B + 0x1F * n)."""
    return value % 0x1F == 0x0B and value <= 0xE4


def _never(value: int) -> bool:
    return False


@dataclass(frozen=True)
class CodeTable:
    """One registry: `title` names it, `digits` is the width of its values in hex digits."""

    title: str
    names: Mapping[int, str]
    digits: int = 4
    grease: Callable[[int], bool] = is_grease

    def name(self, value: int) -> str | None:
        if self.grease(value):
            return "GREASE"
        return self.names.get(value)

    def hex(self, value: int) -> str:
        return f"0x{value:0{self.digits}x}"

    def describe(self, value: int) -> str:
        """`TLS_AES_128_GCM_SHA256 (0x1301)`, `GREASE (0x0a0a)`, or `0x1234` when unknown."""
        name = self.name(value)
        return self.hex(value) if name is None else f"{name} ({self.hex(value)})"

    def json(self, value: int) -> dict[str, Any]:
        return {"value": value, "hex": self.hex(value), "name": self.name(value),
                "grease": self.grease(value)}


CIPHERS = CodeTable("cipher suite", CIPHER_SUITES)

# TLS ExtensionType Values. 17513/17613 (ALPS) and 13172 (NPN) are not registered but are
# what Chromium and older clients send; they are named as Wireshark names them.
EXTENSION_TYPES = CodeTable("extension", {
    0: "server_name", 1: "max_fragment_length", 2: "client_certificate_url",
    3: "trusted_ca_keys", 4: "truncated_hmac", 5: "status_request", 6: "user_mapping",
    7: "client_authz", 8: "server_authz", 9: "cert_type", 10: "supported_groups",
    11: "ec_point_formats", 12: "srp", 13: "signature_algorithms", 14: "use_srtp",
    15: "heartbeat", 16: "application_layer_protocol_negotiation", 17: "status_request_v2",
    18: "signed_certificate_timestamp", 19: "client_certificate_type",
    20: "server_certificate_type", 21: "padding", 22: "encrypt_then_mac",
    23: "extended_master_secret", 24: "token_binding", 25: "cached_info", 26: "tls_lts",
    27: "compress_certificate", 28: "record_size_limit", 29: "pwd_protect", 30: "pwd_clear",
    31: "password_salt", 32: "ticket_pinning", 33: "tls_cert_with_extern_psk",
    34: "delegated_credentials", 35: "session_ticket", 36: "TLMSP", 37: "TLMSP_proxying",
    38: "TLMSP_delegate", 39: "supported_ekt_ciphers", 41: "pre_shared_key",
    42: "early_data", 43: "supported_versions", 44: "cookie", 45: "psk_key_exchange_modes",
    47: "certificate_authorities", 48: "oid_filters", 49: "post_handshake_auth",
    50: "signature_algorithms_cert", 51: "key_share", 52: "transparency_info",
    53: "connection_id_deprecated", 54: "connection_id", 55: "external_id_hash",
    56: "external_session_id", 57: "quic_transport_parameters", 58: "ticket_request",
    59: "dnssec_chain", 60: "sequence_number_encryption_algorithms", 61: "rrc",
    62: "tls_flags", 13172: "next_protocol_negotiation", 17513: "application_settings_old",
    17613: "application_settings", 64768: "ech_outer_extensions",
    65037: "encrypted_client_hello", 65281: "renegotiation_info",
    # Not in the IANA registry yet: the code point Chromium uses for the draft.
    51764: "trust_anchors (draft-ietf-tls-trust-anchor-ids)",
})

# TLS Supported Groups (formerly EC Named Curves), with the post-quantum hybrids browsers send.
GROUPS = CodeTable("group", {
    1: "sect163k1", 2: "sect163r1", 3: "sect163r2", 4: "sect193r1", 5: "sect193r2",
    6: "sect233k1", 7: "sect233r1", 8: "sect239k1", 9: "sect283k1", 10: "sect283r1",
    11: "sect409k1", 12: "sect409r1", 13: "sect571k1", 14: "sect571r1", 15: "secp160k1",
    16: "secp160r1", 17: "secp160r2", 18: "secp192k1", 19: "secp192r1", 20: "secp224k1",
    21: "secp224r1", 22: "secp256k1", 23: "secp256r1", 24: "secp384r1", 25: "secp521r1",
    26: "brainpoolP256r1", 27: "brainpoolP384r1", 28: "brainpoolP512r1", 29: "x25519",
    30: "x448", 31: "brainpoolP256r1tls13", 32: "brainpoolP384r1tls13",
    33: "brainpoolP512r1tls13", 34: "GC256A", 35: "GC256B", 36: "GC256C", 37: "GC256D",
    38: "GC512A", 39: "GC512B", 40: "GC512C", 41: "curveSM2", 256: "ffdhe2048",
    257: "ffdhe3072", 258: "ffdhe4096", 259: "ffdhe6144", 260: "ffdhe8192", 512: "MLKEM512",
    513: "MLKEM768", 514: "MLKEM1024", 4587: "SecP256r1MLKEM768", 4588: "X25519MLKEM768",
    4589: "SecP384r1MLKEM1024", 25497: "X25519Kyber768Draft00",
    25498: "SecP256r1Kyber768Draft00", 65281: "arbitrary_explicit_prime_curves",
    65282: "arbitrary_explicit_char2_curves",
})

# TLS SignatureScheme (RFC 8446, 4.2.3), and the TLS 1.2 (hash, signature) pairs of
# RFC 5246, 7.4.1.4.1 that clients still list, named as hash_signature pairs.
SIGNATURE_SCHEMES = CodeTable("signature scheme", {
    0x0101: "rsa_md5", 0x0201: "rsa_pkcs1_sha1", 0x0202: "dsa_sha1", 0x0203: "ecdsa_sha1",
    0x0301: "rsa_sha224", 0x0302: "dsa_sha224", 0x0303: "ecdsa_sha224",
    0x0401: "rsa_pkcs1_sha256", 0x0402: "dsa_sha256", 0x0403: "ecdsa_secp256r1_sha256",
    0x0420: "rsa_pkcs1_sha256_legacy", 0x0501: "rsa_pkcs1_sha384", 0x0502: "dsa_sha384",
    0x0503: "ecdsa_secp384r1_sha384", 0x0520: "rsa_pkcs1_sha384_legacy",
    0x0601: "rsa_pkcs1_sha512", 0x0602: "dsa_sha512", 0x0603: "ecdsa_secp521r1_sha512",
    0x0620: "rsa_pkcs1_sha512_legacy", 0x0704: "eccsi_sha256", 0x0705: "iso_ibs1",
    0x0706: "iso_ibs2", 0x0707: "iso_chinese_ibs", 0x0708: "sm2sig_sm3",
    0x0709: "gostr34102012_256a", 0x070a: "gostr34102012_256b",
    0x070b: "gostr34102012_256c", 0x070c: "gostr34102012_256d",
    0x070d: "gostr34102012_512a", 0x070e: "gostr34102012_512b",
    0x070f: "gostr34102012_512c", 0x0804: "rsa_pss_rsae_sha256",
    0x0805: "rsa_pss_rsae_sha384", 0x0806: "rsa_pss_rsae_sha512", 0x0807: "ed25519",
    0x0808: "ed448", 0x0809: "rsa_pss_pss_sha256", 0x080a: "rsa_pss_pss_sha384",
    0x080b: "rsa_pss_pss_sha512", 0x081a: "ecdsa_brainpoolP256r1tls13_sha256",
    0x081b: "ecdsa_brainpoolP384r1tls13_sha384", 0x081c: "ecdsa_brainpoolP512r1tls13_sha512",
    0x0904: "mldsa44", 0x0905: "mldsa65", 0x0906: "mldsa87",
})

# ProtocolVersion values (RFC 8446, and 0x7fNN for the TLS 1.3 drafts).
VERSIONS = CodeTable("version", {
    0x0002: "SSL 2.0", 0x0300: "SSL 3.0", 0x0301: "TLS 1.0", 0x0302: "TLS 1.1",
    0x0303: "TLS 1.2", 0x0304: "TLS 1.3", 0xfeff: "DTLS 1.0", 0xfefd: "DTLS 1.2",
    0xfefc: "DTLS 1.3", **{0x7f00 + n: f"TLS 1.3 draft {n}" for n in range(14, 29)},
})

EC_POINT_FORMATS = CodeTable("EC point format", {
    0: "uncompressed", 1: "ansiX962_compressed_prime", 2: "ansiX962_compressed_char2",
}, digits=2, grease=_never)
PSK_MODES = CodeTable("PSK key exchange mode", {0: "psk_ke", 1: "psk_dhe_ke"},
                      digits=2, grease=is_grease_psk_mode)
# TLS Certificate Compression Algorithm IDs (RFC 8879).
CERT_COMPRESSION = CodeTable("certificate compression algorithm",
                             {1: "zlib", 2: "brotli", 3: "zstd"})
COMPRESSION_METHODS = CodeTable("compression method", {0: "null", 1: "DEFLATE", 64: "LZS"},
                                digits=2, grease=_never)
SERVER_NAME_TYPES = CodeTable("server name type", {0: "host_name"}, digits=2, grease=_never)
STATUS_TYPES = CodeTable("certificate status type", {1: "ocsp", 2: "ocsp_multi"},
                         digits=2, grease=_never)
CERTIFICATE_TYPES = CodeTable("certificate type", {0: "X509", 1: "OpenPGP", 2: "RawPublicKey",
                                                   3: "1609Dot2"}, digits=2, grease=_never)
MAX_FRAGMENT_LENGTHS = CodeTable("max fragment length", {1: "2^9", 2: "2^10", 3: "2^11",
                                                         4: "2^12"}, digits=2, grease=_never)
ECH_CLIENT_HELLO_TYPES = CodeTable("ECH ClientHello type", {0: "outer", 1: "inner"},
                                   digits=2, grease=_never)
# HPKE registries (RFC 9180, section 7), for the cipher suite of an ECH outer extension.
HPKE_KDFS = CodeTable("HPKE KDF", {1: "HKDF-SHA256", 2: "HKDF-SHA384", 3: "HKDF-SHA512"},
                      grease=_never)
HPKE_AEADS = CodeTable("HPKE AEAD", {1: "AES-128-GCM", 2: "AES-256-GCM",
                                     3: "ChaCha20Poly1305", 0xFFFF: "Export-only"},
                       grease=_never)
