"""TLS client fingerprints of a ClientHello: JA3 and JA4.

JA3 (Salesforce, BSD-3-Clause; https://github.com/salesforce/ja3, README "How it works"):
the decimal values of

    SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats

each list joined with "-", the fields with ","; GREASE values (RFC 8701) left out; an absent
list is an empty field. `ja3_hash` is the MD5 of that string.
Example: `769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0`.

JA4 (FoxIO, BSD-3-Clause; https://github.com/FoxIO-LLC/ja4/blob/main/technical_details/JA4.md),
GREASE ignored everywhere:

    JA4    = a "_" b "_" c
    a      = "t" version ("d" if server_name else "i") ciphers(2 digits) extensions(2) alpn(2)
    b      = sha256("," join sorted 4-hex cipher suites)[:12]
    c      = sha256("," join sorted extensions but SNI and ALPN, then "_" and the
             signature_algorithms in wire order when there are any)[:12]

`JA4_r` shows b and c before hashing; `JA4_o` and `JA4_ro` keep the wire order, and keep SNI
(0000) and ALPN (0010) in c (the specification's "Raw Output" example, confirmed by its author
in FoxIO-LLC/ja4 issue 40). Only JA4 is here: the other JA4+ methods are under FoxIO's own
licence, not an open one.
"""

from __future__ import annotations

import hashlib

from ._registry import is_grease
from ._values import Groups, PointFormats, SignatureSchemes, Versions
from .hello import ClientHello

# JA4 "TLS and DTLS Version": the two characters of each version; any other is "00".
_JA4_VERSIONS = {0x0304: "13", 0x0303: "12", 0x0302: "11", 0x0301: "10", 0x0300: "s3",
                 0x0002: "s2", 0xFEFF: "d1", 0xFEFD: "d2", 0xFEFC: "d3"}
_EMPTY_HASH = "000000000000"  # JA4: an empty list is shown as zeros rather than hashed


def ja3_string(hello: ClientHello) -> str:
    groups = hello.extension(10)
    formats = hello.extension(11)
    fields = [
        [hello.legacy_version],
        [c for c in hello.cipher_suites if not is_grease(c)],
        [e.type for e in hello.extensions if not e.grease],
        [g for g in groups.value.groups if not is_grease(g)]
        if groups and isinstance(groups.value, Groups) else [],
        list(formats.value.formats) if formats and isinstance(formats.value, PointFormats)
        else [],
    ]
    return ",".join("-".join(str(v) for v in values) for values in fields)


def ja3_hash(hello: ClientHello) -> str:
    return hashlib.md5(ja3_string(hello).encode("ascii"), usedforsecurity=False).hexdigest()


def ja4(hello: ClientHello, transport: str = "t") -> str:
    return _ja4(hello, transport, original=False, raw=False)


def ja4_r(hello: ClientHello, transport: str = "t") -> str:
    return _ja4(hello, transport, original=False, raw=True)


def ja4_o(hello: ClientHello, transport: str = "t") -> str:
    return _ja4(hello, transport, original=True, raw=False)


def ja4_ro(hello: ClientHello, transport: str = "t") -> str:
    return _ja4(hello, transport, original=True, raw=True)


def ja4_version(hello: ClientHello) -> str:
    """"If extension 0x002b exists (supported_versions), then the version is the highest value
    in the extension [GREASE ignored]. If the extension doesn't exist, then the TLS version is
    the value of the Protocol Version." An extension with no usable value counts as absent."""
    ext = hello.extension(43)
    listed = ext.value.versions if ext is not None and isinstance(ext.value, Versions) else ()
    offered = [v for v in listed if not is_grease(v)]
    return _JA4_VERSIONS.get(max(offered) if offered else hello.legacy_version, "00")


def ja4_alpn(hello: ClientHello) -> str:
    """"The first and last alphanumeric characters of the ALPN first value"; "00" without one;
    when its first or last byte is not ASCII alphanumeric, the first and last characters of
    its hex form instead. The first name is read from the raw bytes, so that a malformed
    list after it does not change the answer."""
    ext = hello.extension(16)
    data = ext.data if ext is not None else b""
    first = data[3:3 + data[2]] if len(data) >= 3 else b""
    if not first:
        return "00"
    if _alnum(first[0]) and _alnum(first[-1]):
        return chr(first[0]) + chr(first[-1])
    text = first.hex()
    return text[0] + text[-1]


def _alnum(byte: int) -> bool:
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A


def _ja4(hello: ClientHello, transport: str, *, original: bool, raw: bool) -> str:
    ciphers = [f"{c:04x}" for c in hello.cipher_suites if not is_grease(c)]
    types = [e.type for e in hello.extensions if not e.grease]
    sigs_ext = hello.extension(13)
    sigs = [f"{s:04x}" for s in (sigs_ext.value.schemes if sigs_ext is not None and isinstance(
        sigs_ext.value, SignatureSchemes) else ()) if not is_grease(s)]
    a = (transport + ja4_version(hello) + ("d" if 0 in types else "i")
         + f"{min(len(ciphers), 99):02d}{min(len(types), 99):02d}" + ja4_alpn(hello))
    extensions = [f"{t:04x}" for t in types if original or t not in (0x0000, 0x0010)]
    if not original:
        ciphers.sort()
        extensions.sort()
    b = ",".join(ciphers)
    c = ",".join(extensions) + ("_" + ",".join(sigs) if sigs else "")
    if raw:
        return f"{a}_{b}_{c}"
    return f"{a}_{_hash12(b) if ciphers else _EMPTY_HASH}_" + (
        _hash12(c) if extensions else _EMPTY_HASH)


def _hash12(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:12]
