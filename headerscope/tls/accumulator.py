"""Collect a ClientHello from TLS bytes as they arrive, however they are cut.

A client may split its hello over several records (RFC 8446, 5.1: handshake messages "may be
fragmented across several TLSPlaintext records"), and TCP may split those records anywhere.
The server feeds every chunk it reads to `HelloAccumulator.feed`, which answers None until the
record that completes the ClientHello has arrived, then the decoded hello.

Strategy: while bytes arrive, each record header is checked once, as soon as its 5 bytes are in
(so a stream that is not TLS, or not a hello, or announces a hello over the size limit, is
refused at once), and each record's fragment goes to the same `Reassembly` the parser uses.
The hello is decoded once, at the end, by `parse_client_hello`: the same code as the command
line. Work is linear in the bytes fed, and the buffer is bounded: a peer cannot make it grow
without limit by never finishing.
"""

from __future__ import annotations

from ._wire import HelloError
from .hello import (
    CLIENT_HELLO,
    HANDSHAKE,
    MAX_HELLO_SIZE,
    ClientHello,
    Reassembly,
    parse_client_hello,
    read_record_header,
)


class HelloAccumulator:
    """Feed it the bytes a client sends, from the first; `feed` returns the ClientHello once
    it is complete, and the same hello for any later call. Bytes after the records that hold
    the hello are kept in `rest`. Raises HelloError, with a position in the stream, as soon as
    the bytes cannot be a ClientHello of at most `max_size` bytes."""

    def __init__(self, max_size: int = MAX_HELLO_SIZE) -> None:
        self._parts = Reassembly(max_size)
        # Every record carries at least one byte for its 5-byte header, so a hello of at most
        # max_size (+4 of handshake header) bytes takes at most six times that on the wire.
        self.limit = 6 * (max_size + 4)
        self._buffer = bytearray()
        self._next = 0  # where the next record header starts
        self.hello: ClientHello | None = None
        self.rest = b""

    def feed(self, data: bytes) -> ClientHello | None:
        if self.hello is not None:
            return self.hello  # what follows the hello is the TLS library's business
        buffer = self._buffer
        buffer += data
        if buffer[:1] not in (b"", bytes([HANDSHAKE])):
            raise HelloError(f"first byte 0x{buffer[0]:02x}: not a TLS handshake record "
                             "(0x16)", 0)
        if not self._parts.fragments and len(buffer) > 5 and buffer[5] != CLIENT_HELLO:
            self._header(0)  # a bad record header is the first thing to report
            raise HelloError(f"handshake message type {buffer[5]}: expected client_hello (1)",
                             5)
        while self._next + 5 <= len(buffer):
            at = self._next
            _, length = self._header(at)
            start = at + 5
            if start + length > len(buffer):
                break  # the rest of the record is still on its way
            self._parts.add(start, bytes(buffer[start:start + length]))
            self._next = start + length
            if self._parts.complete:
                self.hello = parse_client_hello(bytes(buffer[:self._next]),
                                                max_size=self._parts.max_size)
                self.rest = bytes(buffer[self._next:])
                self._buffer = bytearray()
                self._parts = Reassembly(self._parts.max_size)
                return self.hello
        if len(buffer) > self.limit:
            raise HelloError(f"{len(buffer)} bytes without a complete ClientHello", self.limit)
        return None

    def _header(self, at: int) -> tuple[int, int]:
        """The record header at `at`, checked, its errors placed in the whole stream."""
        try:
            return read_record_header(bytes(self._buffer[at:at + 5]), 0)
        except HelloError as exc:
            raise HelloError(exc.reason, at + exc.position) from None
