"""The HPACK encoder (RFC 7541): what we answer with.

The name is indexed whenever a table holds it, a whole field whenever one does (unless it is
to be never indexed), and a string is Huffman-coded when that is shorter, or as asked.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import _huffman
from ._static import STATIC_FIELD_INDEX, STATIC_NAME_INDEX
from ._table import DEFAULT_TABLE_SIZE, DynamicTable, Kind


class Encoder:
    """Encodes field lists; the peer's SETTINGS_HEADER_TABLE_SIZE bounds its table."""

    __slots__ = ("_blocks", "_last", "_min_size", "_pending", "table")

    def __init__(self, max_table_size: int = DEFAULT_TABLE_SIZE) -> None:
        self.table = DynamicTable(max_table_size)
        self._pending = False  # a size update is owed at the start of the next block
        self._min_size = max_table_size
        # Blocks that left the table as it was (every field indexed, or none indexed): the
        # same list against the same table version encodes to the same octets. A server
        # answers with the same fields again and again, as HTTP/1.1's writer knows too.
        self._blocks: dict[tuple[object, ...], tuple[int, bytes]] = {}
        # The last of them, for a caller that passes the very same tuple again (held here, so
        # no other tuple can take its identity): no key to build and hash.
        self._last: tuple[object, int, bytes] = (None, -1, b"")

    def set_max_table_size(self, size: int) -> None:
        """Change the table size; the next block starts with the update(s) (RFC 7541, 4.2:
        the smallest size reached since the last block, then the final one)."""
        self._min_size = min(self._min_size, size) if self._pending else size
        self._pending = True
        self.table.resize(size)

    def encode(self, headers: Iterable[tuple[str, str]], *, huffman: bool | None = None,
               indexing: bool = True, never_index: frozenset[str] = frozenset()) -> bytes:
        """Encode `headers` in order. `huffman`: always, never, or None for the shorter form;
        names in `never_index` are sent as never-indexed literals (RFC 7541, 7.1.3)."""
        version = self.table.version
        pending = self._pending
        last = self._last
        if (last[0] is headers and last[1] == version and not pending and huffman is None
                and indexing and not never_index):
            return last[2]  # the same tuple (it cannot have changed) against the same table
        if not isinstance(headers, list | tuple):
            headers = list(headers)
        key = (*headers, huffman, indexing, never_index)
        hit = self._blocks.get(key)
        if hit is not None and hit[0] == version and not pending:
            block = hit[1]
        else:
            block = self._encode(headers, huffman, indexing, never_index)
            if self.table.version != version or pending:
                return block
            if len(self._blocks) >= 16:
                self._blocks.clear()
            self._blocks[key] = (version, block)
        if type(headers) is tuple and huffman is None and indexing and not never_index:
            self._last = (headers, version, block)
        return block

    def _encode(self, headers: Iterable[tuple[str, str]], huffman: bool | None,
                indexing: bool, never_index: frozenset[str]) -> bytes:
        out = bytearray()
        if self._pending:
            if self._min_size < self.table.max_size:
                out += _encode_integer(self._min_size, 0x1F, 0x20)
            out += _encode_integer(self.table.max_size, 0x1F, 0x20)
            self._pending = False
        default = Kind.INCREMENTAL if indexing else Kind.WITHOUT
        for name, value in headers:
            kind = Kind.NEVER if name in never_index else default
            out += self.encode_field(name, value, kind, huffman)
        return bytes(out)

    def encode_field(self, name: str, value: str, kind: Kind = Kind.INCREMENTAL,
                     huffman: bool | None = None) -> bytes:
        """One field as `kind` (INDEXED falls back to INCREMENTAL when the field is in no
        table); the name is indexed whenever a table holds it."""
        full = STATIC_FIELD_INDEX.get((name, value), 0)
        name_index = STATIC_NAME_INDEX.get(name, 0)
        if not full and self.table.entries:
            dyn_full, dyn_name = self.table.find(name, value)
            full = dyn_full
            name_index = name_index or dyn_name
        if full and kind in (Kind.INDEXED, Kind.INCREMENTAL):
            return _encode_integer(full, 0x7F, 0x80)
        if kind is Kind.INDEXED:
            kind = Kind.INCREMENTAL
        if kind is Kind.INCREMENTAL:
            out = _encode_integer(name_index, 0x3F, 0x40)
            self.table.add(name, value)
        else:
            out = _encode_integer(name_index, 0x0F, 0x10 if kind is Kind.NEVER else 0x00)
        if not name_index:
            out += _encode_string(name.encode("latin-1"), huffman)
        return out + _encode_string(value.encode("latin-1"), huffman)


def _encode_integer(value: int, mask: int, first: int) -> bytes:
    if value < mask:
        return bytes((first | value,))
    out = bytearray((first | mask,))
    value -= mask
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _encode_string(data: bytes, huffman: bool | None) -> bytes:
    if huffman is not False:
        coded = _ENCODED.get(data)
        if coded is None:
            coded = _huffman.encode(data)
            if len(data) <= 512:
                if len(_ENCODED) >= 1024:
                    _ENCODED.clear()
                _ENCODED[data] = coded
        if huffman or len(coded) < len(data):
            return _encode_integer(len(coded), 0x7F, 0x80) + coded
    return _encode_integer(len(data), 0x7F, 0x00) + data


# Huffman codes of the strings encoded lately: a server sends the same field values (content
# types, security fields) on every connection. Bounded: cleared when full.
_ENCODED: dict[bytes, bytes] = {}
