"""HelloAccumulator: a hello fed in pieces, cut anywhere, in records of any size."""

from __future__ import annotations

import pytest

from headerscope.tls import HelloAccumulator, HelloError, parse_client_hello
from headerscope.tls.writer import client_hello, records

from ._build import spec_hello

EARLY_DATA = b"\x17\x03\x03\x00\x03abc"  # what may follow the hello: 0-RTT data


def feed_in_chunks(data: bytes, size: int) -> tuple[HelloAccumulator, int]:
    """Feed `data` in chunks of `size`; return the accumulator and the chunk index at which
    the hello came out."""
    acc = HelloAccumulator()
    for i in range(0, len(data), size):
        if acc.feed(data[i:i + size]) is not None:
            return acc, i
    raise AssertionError("the hello never completed")


@pytest.mark.parametrize("record_size", [1, 2, 7, 100, 1 << 14])
@pytest.mark.parametrize("chunk", [1, 3, 64, 100_000])
def test_records_of_any_size_in_chunks_of_any_size(record_size: int, chunk: int) -> None:
    message = spec_hello()
    stream = records(message, record_size)
    acc, at = feed_in_chunks(stream + EARLY_DATA, chunk)
    assert acc.hello == parse_client_hello(stream)
    # It completes with the chunk holding the hello's last byte, and keeps what followed.
    assert at == (len(stream) - 1) // chunk * chunk
    assert acc.rest == (stream + EARLY_DATA)[len(stream):at + chunk]
    rest = acc.rest
    assert acc.feed(b"more") is acc.hello and acc.rest == rest


def test_a_16_kib_hello_in_1_byte_records_fed_byte_by_byte() -> None:
    message = client_hello(extensions=[(21, bytes(16 * 1024))])
    stream = records(message, 1)
    acc = HelloAccumulator()
    results = [acc.feed(stream[i:i + 1]) for i in range(len(stream))]
    assert results[:-1] == [None] * (len(stream) - 1)
    assert results[-1] is not None and results[-1].records == len(message)
    assert results[-1].extensions[0].data == bytes(16 * 1024)


@pytest.mark.parametrize(("data", "fragment", "position"), [
    (b"GET / HTTP/1.1\r\n", "first byte 0x47", 0),
    (b"\x16\x03\x01\x00\x05\x02", "handshake message type 2", 5),
    (records(client_hello(), 2)[:7] + b"\x15\x03\x03\x00\x02\x02\x28", "content type 21", 7),
    (b"\x16\x03\x01\x00\x04\x01\x01\x00\x00", "larger than the limit of 1000", 6),
    (b"\x16\x03\x01\x40\x01", "exceeds 2^14", 3),
])
def test_refused_as_soon_as_it_cannot_be_a_hello(data: bytes, fragment: str,
                                                 position: int) -> None:
    acc = HelloAccumulator(max_size=1000)
    with pytest.raises(HelloError) as info:
        for i in range(len(data)):  # byte by byte: the error comes on the byte that shows it
            acc.feed(data[i:i + 1])
    assert fragment in info.value.reason and info.value.position == position


def test_the_buffer_is_bounded() -> None:
    # A record may announce 2^14 bytes though the hello it starts needs far fewer: the
    # accumulator stops waiting for it once it holds more than a hello of max_size can take.
    acc = HelloAccumulator(max_size=1000)
    acc.feed(b"\x16\x03\x01\x40\x00\x01\x00\x03\xe8")
    with pytest.raises(HelloError, match="without a complete ClientHello"):
        for _ in range(100):
            acc.feed(bytes(1000))
    assert len(acc._buffer) <= acc.limit + 1000
