"""The TLS ClientHello (RFC 8446, section 4.1.2), decoded from the bytes a client sent.

    struct {
        ProtocolVersion legacy_version;               /* 0x0303 since TLS 1.2 */
        Random random;                                /* 32 bytes */
        opaque legacy_session_id<0..32>;
        CipherSuite cipher_suites<2..2^16-2>;
        opaque legacy_compression_methods<1..2^8-1>;
        Extension extensions<8..2^16-1>;              /* absent in some TLS 1.0-1.2 hellos */
    } ClientHello;

inside a Handshake message (`msg_type` 1, a uint24 length) carried by one or more TLS
records (RFC 8446, 5.1: content type 22, a legacy record version, a uint16 length of at most
2^14). `parse_client_hello` takes either the record stream or the bare handshake message.

Strategy: the records are read first, and their fragments joined into the handshake message,
with a map from each fragment back to where it lay in the input; the message is then read by
a cursor whose errors are translated through that map. So a position always counts bytes of
what the caller gave, however the hello was split. A malformed frame or hello body raises
HelloError; a malformed extension body is an error on that extension alone, and the rest of
the hello is still decoded.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ._extensions import EXTENSIONS
from ._registry import EXTENSION_TYPES, is_grease
from ._values import ExtensionValue, Opaque, ProtocolNames, ServerNames, Versions
from ._wire import Cursor, Diagnostic, HelloError

HANDSHAKE = 22  # ContentType handshake (RFC 8446, 5.1)
CLIENT_HELLO = 1  # HandshakeType client_hello (RFC 8446, 4)
MAX_RECORD = 1 << 14  # "The length MUST NOT exceed 2^14 bytes." (RFC 8446, 5.1)
# The largest ClientHello body the vectors above allow is 131,396 bytes; this leaves room.
MAX_HELLO_SIZE = 1 << 18
_CONTENT_TYPES = {20: "change_cipher_spec", 21: "alert", 22: "handshake",
                  23: "application_data", 24: "heartbeat"}


@dataclass(frozen=True)
class Extension:
    """One extension, in wire order: `offset` is where its type field starts in the input,
    `data` its extension_data, `value` the decoded body (None when it has no decoder here, or
    is GREASE, or is malformed: then `error` says where)."""

    type: int
    offset: int
    data: bytes
    value: ExtensionValue | None = None
    error: Diagnostic | None = None

    @property
    def name(self) -> str | None:
        return EXTENSION_TYPES.name(self.type)

    @property
    def grease(self) -> bool:
        return is_grease(self.type)


@dataclass(frozen=True)
class ClientHello:
    """A decoded ClientHello. `record_version` is None and `records` 0 when the input was a
    bare handshake message; `length` is the handshake body's length, `size` the number of
    input bytes it took; `extensions_present` is False when the hello ends before the
    extensions vector (allowed before TLS 1.3)."""

    legacy_version: int
    random: bytes
    session_id: bytes
    cipher_suites: tuple[int, ...]
    compression_methods: tuple[int, ...]
    extensions: tuple[Extension, ...]
    extensions_present: bool = True
    record_version: int | None = None
    records: int = 0
    length: int = 0
    size: int = 0
    warnings: tuple[Diagnostic, ...] = ()

    def extension(self, type: int) -> Extension | None:
        return next((e for e in self.extensions if e.type == type), None)

    @property
    def server_name(self) -> str | None:
        """The first host_name of server_name (SNI), or None."""
        ext = self.extension(0)
        if ext is None or not isinstance(ext.value, ServerNames):
            return None
        return next((n.name for n in ext.value.names if n.name_type == 0), None)

    @property
    def alpn(self) -> tuple[str, ...]:
        ext = self.extension(16)
        return ext.value.protocols if ext and isinstance(ext.value, ProtocolNames) else ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The errors found in extension bodies (a malformed frame raises instead)."""
        return tuple(e.error for e in self.extensions if e.error is not None)


def parse_client_hello(data: bytes, *, max_size: int = MAX_HELLO_SIZE) -> ClientHello:
    """Decode a ClientHello from a TLS record stream (first byte 22) or a bare handshake
    message (first byte 1). Raises HelloError with the byte position of the first problem."""
    if not data:
        raise HelloError("no bytes: expected a TLS record or a ClientHello message", 0)
    if data[0] == HANDSHAKE:
        return _from_records(data, max_size)
    if data[0] == CLIENT_HELLO:
        parts = Reassembly(max_size)
        parts.add(0, data[:4])
        size = parts.need if parts.need is not None else 4
        if size > len(data):
            raise HelloError(f"the ClientHello message needs {size} bytes, only {len(data)} "
                             "given", len(data))
        warnings = []
        if len(data) > size:
            warnings.append(Diagnostic(f"{len(data) - size} bytes after the ClientHello were "
                                       "not read", size))
        return _decode(data[:size], _same, size, None, 0, warnings)
    if data[0] & 0x80:
        raise HelloError("an SSL 2.0 record header (RFC 6101, appendix E): not supported", 0)
    raise HelloError(f"first byte 0x{data[0]:02x}: expected 0x16 (a TLS handshake record) or "
                     "0x01 (a ClientHello message)", 0)


def _same(offset: int) -> int:
    return offset


class Reassembly:
    """The fragments of the handshake message, each with the input offset it came from.

    `add` checks the message type as soon as its first byte is in, and the length (against
    `max_size`) as soon as its 4-byte header is, however the records cut them; `where` maps an
    offset in the message back to the input."""

    def __init__(self, max_size: int = MAX_HELLO_SIZE) -> None:
        self.max_size = max_size
        self.starts: list[int] = []  # offset in the message of each fragment
        self.inputs: list[int] = []  # offset in the input of the same fragment
        self.fragments: list[bytes] = []
        self.have = 0
        self.need: int | None = None  # the message's whole size, once its header is in

    def add(self, at: int, fragment: bytes) -> None:
        self.starts.append(self.have)
        self.inputs.append(at)
        self.fragments.append(fragment)
        self.have += len(fragment)
        if len(self.fragments) == 1 and fragment[0] != CLIENT_HELLO:
            raise HelloError(f"handshake message type {fragment[0]}: expected client_hello "
                             "(1)", at)
        if self.need is None and self.have >= 4:
            # Fragments are never empty, so the first four hold the header.
            length = int.from_bytes(b"".join(self.fragments[:4])[1:4], "big")
            if length > self.max_size:
                raise HelloError(f"a ClientHello of {length} bytes is larger than the limit "
                                 f"of {self.max_size}", self.where(1))
            self.need = 4 + length

    @property
    def complete(self) -> bool:
        return self.need is not None and self.have >= self.need

    def where(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.inputs[i] + offset - self.starts[i]

    def message(self) -> bytes:
        return b"".join(self.fragments)[:self.need]


def read_record_header(data: bytes, pos: int) -> tuple[int, int]:
    """Check the 5-byte record header at `pos`; return (legacy_record_version, length)."""
    content_type, version = data[pos], int.from_bytes(data[pos + 1:pos + 3], "big")
    length = int.from_bytes(data[pos + 3:pos + 5], "big")
    if content_type != HANDSHAKE:
        name = _CONTENT_TYPES.get(content_type, "unknown")
        raise HelloError(f"a record of content type {content_type} ({name}) before the "
                         "ClientHello was complete", pos)
    if version >> 8 != 3:
        raise HelloError(f"record version 0x{version:04x} is not a TLS version (3.x)", pos + 1)
    if length > MAX_RECORD:
        raise HelloError(f"record length {length} exceeds 2^14 (RFC 8446, 5.1)", pos + 3)
    if length == 0:
        raise HelloError("a zero-length handshake record (RFC 8446, 5.1: \"MUST NOT send "
                         "zero-length fragments of Handshake types\")", pos + 3)
    return version, length


def _from_records(data: bytes, max_size: int) -> ClientHello:
    parts = Reassembly(max_size)
    pos = 0
    record_version: int | None = None
    while not parts.complete:
        if pos + 5 > len(data):
            got = f"{parts.have} of {parts.need}" if parts.need is not None else str(parts.have)
            raise HelloError(f"the records end with {got} bytes of the ClientHello", pos)
        version, length = read_record_header(data, pos)
        record_version = version if record_version is None else record_version
        if pos + 5 + length > len(data):
            raise HelloError(f"a record of {length} bytes, only {len(data) - pos - 5} given",
                             pos + 3)
        parts.add(pos + 5, data[pos + 5:pos + 5 + length])
        pos += 5 + length
    need = parts.have if parts.need is None else parts.need
    warnings = []
    if parts.have > need:
        warnings.append(Diagnostic(f"{parts.have - need} bytes after the ClientHello in its "
                                   "last record", parts.where(need)))
    if pos < len(data):
        warnings.append(Diagnostic(f"{len(data) - pos} bytes after the ClientHello's records "
                                   "were not read", pos))
    return _decode(parts.message(), parts.where, pos, record_version, len(parts.fragments),
                   warnings)


def _decode(message: bytes, where: Callable[[int], int], size: int, record_version: int | None,
            records: int, warnings: list[Diagnostic]) -> ClientHello:
    c = Cursor(message, 4, len(message), where)
    legacy_version = c.uint(2, "legacy_version")
    random = c.take(32, "random")
    session_id = c.opaque(1, "legacy_session_id", 0, 32)
    ciphers = c.vector(2, "cipher_suites", 2, 0xFFFE, step=2).uints(2, "cipher_suites")
    compression = tuple(c.opaque(1, "legacy_compression_methods", 1))
    extensions: list[Extension] = []
    present = c.remaining > 0
    if present:
        block = c.vector(2, "extensions")
        c.expect_end("ClientHello")
        while block.remaining:
            extensions.append(_extension(block))
    hello = ClientHello(legacy_version, random, session_id, ciphers, compression,
                        tuple(extensions), present, record_version, records, len(message) - 4,
                        size)
    warnings += _warnings(hello)
    return dataclasses.replace(hello, warnings=tuple(warnings))


def _extension(block: Cursor) -> Extension:
    at = block.pos
    kind = block.uint(2, "extension type")
    body = block.vector(2, f"extension {EXTENSION_TYPES.describe(kind)}")
    data = block.data[body.pos:body.end]
    spec = EXTENSIONS.get(kind)
    if spec is None or is_grease(kind):
        return Extension(kind, block.where(at), data)
    try:
        return Extension(kind, block.where(at), data, spec.decode(body))
    except HelloError as exc:
        return Extension(kind, block.where(at), data, None, Diagnostic(exc.reason, exc.position))


def _warnings(hello: ClientHello) -> list[Diagnostic]:
    """What a conforming client does not send, though the hello can still be read."""
    out: list[Diagnostic] = []
    seen: set[int] = set()
    for ext in hello.extensions:
        if ext.type in seen:  # RFC 8446, 4.2
            out.append(Diagnostic(f"a second {EXTENSION_TYPES.describe(ext.type)} extension: "
                                  "there MUST NOT be more than one of each type", ext.offset))
        seen.add(ext.type)
        if ext.type == 21 and isinstance(ext.value, Opaque) and not ext.value.zeros:
            out.append(Diagnostic("padding that is not all zero bytes (RFC 7685, 3: the "
                                  "client MUST fill it with zero bytes)", ext.offset))
    last = hello.extensions[-1] if hello.extensions else None
    psk = hello.extension(41)
    if psk is not None and psk is not last:
        out.append(Diagnostic("pre_shared_key is not the last extension (RFC 8446, 4.2.11: "
                              "it MUST be the last)", psk.offset))
    versions = hello.extension(43)
    if (versions is not None and isinstance(versions.value, Versions)
            and 0x0304 in versions.value.versions and hello.compression_methods != (0,)):
        out.append(Diagnostic("a TLS 1.3 ClientHello whose legacy_compression_methods is not "
                              "exactly [null] (RFC 8446, 4.1.2)"))
    return out

