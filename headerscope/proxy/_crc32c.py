"""CRC-32C (Castagnoli), the checksum of the PROXY protocol's PP2_TYPE_CRC32C TLV.

The PROXY protocol specification (section 2.2.3) computes it "as described in RFC4960,
Appendix B": the reflected polynomial 0x1EDC6F41 (0x82F63B78 bit-reversed), an initial value
of all ones and a final complement. Check value: crc32c(b"123456789") == 0xE3069283.

Strategy: the classic one-byte table (Sarwate), built once at import. A header is at most a
few KiB, so one table lookup per byte is all the speed this needs, in pure Python.
"""

from __future__ import annotations

_POLY = 0x82F63B78  # 0x1EDC6F41 with its bits reversed: the table works on reflected bytes


def _table() -> tuple[int, ...]:
    rows: list[int] = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ _POLY if crc & 1 else crc >> 1
        rows.append(crc)
    return tuple(rows)


_TABLE = _table()


def crc32c(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """The CRC-32C of `data`; pass a previous result as `crc` to continue over more data."""
    table = _TABLE
    crc ^= 0xFFFFFFFF
    for byte in bytes(data):
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF
