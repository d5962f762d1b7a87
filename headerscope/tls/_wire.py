"""The TLS presentation language (RFC 8446, section 3) as a cursor, and its writer helpers.

    uint8, uint16, uint24, uint32   big-endian unsigned integers
    opaque x<floor..ceiling>        a vector: a length of 1, 2 or 3 bytes, then that many bytes

Strategy: a ClientHello may arrive in several records, so the parser reads the reassembled
handshake message, and a cursor carries a `where` function that maps an offset in that message
back to the offset in the bytes the caller gave. Every error is raised through `fail`, so every
error names the byte where it was found, in the caller's terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NoReturn


@dataclass(frozen=True)
class Diagnostic:
    """An error or a warning about one place in a hello; `position` is a byte offset into the
    bytes that were decoded (a record stream, or a bare handshake message)."""

    reason: str
    position: int | None = None


class HelloError(ValueError):
    """The bytes are not a well-formed ClientHello; `position` is where that was found."""

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(f"{reason} (at byte {position})")
        self.reason = reason
        self.position = position


def _bytes(n: int) -> str:
    return f"{n} byte" if n == 1 else f"{n} bytes"


def _same(offset: int) -> int:
    return offset


class Cursor:
    """Reads `data[pos:end]` front to back; each read checks the bytes are there."""

    __slots__ = ("data", "end", "pos", "where")

    def __init__(self, data: bytes, pos: int = 0, end: int | None = None,
                 where: Callable[[int], int] = _same) -> None:
        self.data = data
        self.pos = pos
        self.end = len(data) if end is None else end
        self.where = where

    def fail(self, reason: str, at: int | None = None) -> NoReturn:
        raise HelloError(reason, self.where(self.pos if at is None else at))

    @property
    def remaining(self) -> int:
        return self.end - self.pos

    def take(self, n: int, what: str) -> bytes:
        if n > self.remaining:
            self.fail(f"{what}: needs {_bytes(n)}, only {self.remaining} left")
        start = self.pos
        self.pos += n
        return self.data[start:self.pos]

    def uint(self, width: int, what: str) -> int:
        return int.from_bytes(self.take(width, what), "big")

    def vector(self, width: int, what: str, floor: int = 0, ceiling: int | None = None,
               step: int = 1) -> Cursor:
        """A `<floor..ceiling>` vector with a `width`-byte length, whose length must be a
        multiple of `step` (the size of its elements); the cursor moves past it."""
        at = self.pos
        length = self.uint(width, f"{what} length")
        ceiling = (1 << 8 * width) - 1 if ceiling is None else ceiling
        if not floor <= length <= ceiling:
            self.fail(f"{what}: length {length} is outside {floor}..{ceiling}", at)
        if length % step:
            self.fail(f"{what}: length {length} is not a multiple of {step}", at)
        if length > self.remaining:
            self.fail(f"{what}: length {length} runs past the end ({self.remaining} bytes "
                      "left)", at)
        inner = Cursor(self.data, self.pos, self.pos + length, self.where)
        self.pos += length
        return inner

    def opaque(self, width: int, what: str, floor: int = 0, ceiling: int | None = None) -> bytes:
        """The bytes of a `<floor..ceiling>` vector."""
        inner = self.vector(width, what, floor, ceiling)
        return self.data[inner.pos:inner.end]

    def uints(self, width: int, what: str) -> tuple[int, ...]:
        """The rest of this cursor as `width`-byte integers."""
        if self.remaining % width:
            self.fail(f"{what}: {self.remaining} bytes is not a multiple of {width}")
        data, start = self.data, self.pos
        self.pos = self.end
        return tuple(int.from_bytes(data[i:i + width], "big")
                     for i in range(start, self.end, width))

    def expect_end(self, what: str) -> None:
        if self.remaining:
            self.fail(f"{what}: {self.remaining} unexpected bytes at the end")


# The writer side: the inverse of the reads above, used to build hellos.

def vec(width: int, body: bytes) -> bytes:
    return len(body).to_bytes(width, "big") + body


def uints(width: int, values: Iterable[int]) -> bytes:
    return b"".join(v.to_bytes(width, "big") for v in values)
