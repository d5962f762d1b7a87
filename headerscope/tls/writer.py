"""Build ClientHello bytes: the inverse of `hello.py`, for tests and for examples.

`client_hello` gives the bare handshake message; `records` cuts any handshake message into
TLS records of a chosen size, down to one byte each, as a client may legally do.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._extensions import EXTENSIONS
from ._values import ExtensionValue
from ._wire import uints, vec
from .hello import CLIENT_HELLO, HANDSHAKE, MAX_RECORD


def extension_data(type: int, value: ExtensionValue) -> bytes:
    """The extension_data of a decoded value: `EXTENSIONS[type]`'s writer."""
    return EXTENSIONS[type].encode(value)


def client_hello(*, legacy_version: int = 0x0303, random: bytes = bytes(32),
                 session_id: bytes = b"", cipher_suites: Sequence[int] = (0x1301,),
                 compression_methods: Sequence[int] = (0,),
                 extensions: Sequence[tuple[int, bytes]] | None = ()) -> bytes:
    """A handshake message holding a ClientHello; `extensions=None` leaves the extensions
    vector out altogether, as a TLS 1.0 client without extensions does."""
    body = (legacy_version.to_bytes(2, "big") + random + vec(1, session_id)
            + vec(2, uints(2, cipher_suites)) + vec(1, bytes(compression_methods)))
    if extensions is not None:
        body += vec(2, b"".join(t.to_bytes(2, "big") + vec(2, d) for t, d in extensions))
    return bytes([CLIENT_HELLO]) + len(body).to_bytes(3, "big") + body


def records(message: bytes, size: int = MAX_RECORD, version: int = 0x0301) -> bytes:
    """`message` in handshake records of at most `size` bytes each."""
    header = bytes([HANDSHAKE]) + version.to_bytes(2, "big")
    return b"".join(header + vec(2, message[i:i + size]) for i in range(0, len(message), size))
