"""HPACK: header compression for HTTP/2 (RFC 7541): the decoder (the encoder is in
`_encoder.py`, and re-exported here).

The decoder keeps, beside every field, how it was sent (`Representation`): indexed or one of
the three literal kinds, which table index it named, whether its name and value were
Huffman-coded, and where the instruction sits in the field block. Dynamic table size updates
are records of their own, and `HeaderBlock.table` is the dynamic table as the block found it.

Strategy: the block is walked once with an integer position; a field costs O(1) plus the
octets of its strings, whatever it decodes to. The decoded size of the list (name + value + 32
per field, RFC 9113, 6.5.2) is counted as fields come; past `max_list_size` the decoder stops
collecting fields but still applies the block to the dynamic table (the peer's encoder assumed
it did), so an "HPACK bomb" (one octet naming a 4 KiB entry, again and again) costs us the
wire size, never the decoded size, and the block ends `truncated`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from . import _huffman
from ._encoder import Encoder
from ._errors import HPACKError
from ._static import STATIC_SIZE, STATIC_TABLE
from ._table import DEFAULT_TABLE_SIZE, ENTRY_OVERHEAD, DynamicTable, Kind

__all__ = ["DEFAULT_TABLE_SIZE", "ENTRY_OVERHEAD", "DecodedField", "Decoder", "DynamicTable",
           "Encoder", "HeaderBlock", "Kind", "Representation", "TableSizeUpdate"]


class Representation(NamedTuple):
    """How one field was sent (RFC 7541, 6.1 and 6.2)."""

    kind: Kind
    table_index: int | None  # INDEXED: the field's index; a literal: its name's, or None
    name_huffman: bool | None  # None when the name came from a table
    value_huffman: bool | None  # None for INDEXED
    offset: int  # of the instruction in the field block
    length: int  # octets of the instruction


class DecodedField(NamedTuple):
    """A field as decoded, with its representation."""

    name: str  # octets as ISO-8859-1, as the HTTP/1.1 reader does: nothing is lost
    value: str
    representation: Representation


class TableSizeUpdate(NamedTuple):
    """A dynamic table size update (RFC 7541, 6.3): 001xxxxx."""

    size: int
    offset: int
    length: int


@dataclass(slots=True)
class HeaderBlock:
    """One decoded field block (HEADERS plus its CONTINUATIONs, RFC 9113, 4.3)."""

    fields: list[DecodedField]
    size_updates: list[TableSizeUpdate]
    table: tuple[tuple[str, str], ...]  # the dynamic table before the block, newest first
    size: int  # decoded size of the whole list, counted even past the limit
    truncated: bool  # the list exceeded max_list_size; `fields` holds those before that


def _integer(block: bytes, pos: int, mask: int) -> tuple[int, int]:
    """RFC 7541, 5.1: an integer with a prefix of `mask` bits set; returns (value, next)."""
    value = block[pos] & mask
    pos += 1
    if value < mask:
        return value, pos
    shift = 0
    end = len(block)
    while True:
        if pos >= end:
            raise HPACKError("an integer cut off by the end of the block", pos)
        byte = block[pos]
        pos += 1
        value += (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7
        if shift > 28:  # no length, index or size we accept needs more than 2**32
            raise HPACKError("an integer longer than 5 octets (RFC 7541, 5.1)", pos)


def _string(block: bytes, pos: int) -> tuple[str, bool, int]:
    """RFC 7541, 5.2: a string literal; returns (text, Huffman-coded?, next position)."""
    if pos >= len(block):
        raise HPACKError("a field representation cut off before its string", pos)
    first = block[pos]
    huffman = first >= 0x80
    if first & 0x7F != 0x7F:
        length, start = first & 0x7F, pos + 1
    else:
        length, start = _integer(block, pos, 0x7F)
    end = start + length
    if end > len(block):
        raise HPACKError("a string longer than the rest of the block", pos)
    raw = block[start:end]
    if not huffman:
        return raw.decode("latin-1"), False, end
    text = _HUFFMAN_CACHE.get(raw)
    if text is None:
        text = _huffman.decode(raw, start).decode("latin-1")
        if length <= 512:
            if len(_HUFFMAN_CACHE) >= 2048:
                _HUFFMAN_CACHE.clear()
            _HUFFMAN_CACHE[raw] = text
    return text, True, end


# Huffman-coded strings decoded lately. The same clients send the same User-Agent, Accept and
# cookies on connection after connection, and each new connection starts with an empty
# dynamic table, so these strings come again as literals; a dict lookup (hashing the octets
# in C) replaces a Python loop over every octet. Bounded: cleared when full.
_HUFFMAN_CACHE: dict[bytes, str] = {}


_KIND_BY_BITS = {0x40: Kind.INCREMENTAL, 0x00: Kind.WITHOUT, 0x10: Kind.NEVER}
INDEXED = Kind.INDEXED
# tuple.__new__ builds a NamedTuple without its Python-level __new__: a third of the cost
# of decoding a field that is one octet on the wire.
new = tuple.__new__


class Decoder:
    """Decodes field blocks in order; one per connection direction (RFC 7541, 2.2)."""

    __slots__ = ("_memo", "max_allowed", "max_list_size", "table")

    def __init__(self, max_table_size: int = DEFAULT_TABLE_SIZE,
                 max_list_size: int = 1 << 16) -> None:
        self.table = DynamicTable(max_table_size)
        # The limit our SETTINGS_HEADER_TABLE_SIZE sets: "A change in the maximum size of the
        # dynamic table ... MUST be lower than or equal to the limit" (RFC 7541, 6.3).
        self.max_allowed = max_table_size
        self.max_list_size = max_list_size
        # The last block that left the table unchanged (every field indexed, say), with the
        # table version it was decoded against: a client that asks again for the same thing
        # sends the same octets, which then decode to the same fields without a walk.
        self._memo: tuple[bytes, int, int, HeaderBlock] | None = None

    def decode(self, block: bytes) -> HeaderBlock:  # noqa: C901, PLR0912, PLR0915
        """Decode one complete field block; raises `HPACKError` with the octet position.
        The block's `fields` list may be shared with an earlier identical block: read it,
        do not change it."""
        # One loop over the block's representations (RFC 7541, 6), one branch per kind,
        # inlined: it decodes every HTTP/2 request's fields.
        table = self.table
        version = table.version
        memo = self._memo
        if (memo is not None and memo[1] == version and memo[2] == self.max_list_size
                and memo[0] == block):
            old = memo[3]
            return HeaderBlock(old.fields, [], old.table, old.size, old.truncated)
        fresh_key = None
        if not table.entries and len(block) <= 8192:
            # A new connection's first block against an empty table: the same client sends
            # the same octets on every connection, so their result is kept across them.
            fresh_key = (bytes(block), self.max_list_size, table.max_size)
            hit = _FRESH.get(fresh_key)
            if hit is not None:
                kept, list_size, after, table_size = hit
                table.entries.extend(after)
                table.size = table_size
                table.version += 1
                return HeaderBlock(kept, [], (), list_size, False)
        entries = table.entries
        fields: list[DecodedField] = []
        append = fields.append
        updates: list[TableSizeUpdate] = []
        result = HeaderBlock(fields, updates, tuple(entries), 0, False)
        size = 0
        limit = self.max_list_size
        pos = 0
        end = len(block)
        last = STATIC_SIZE + len(entries)  # the highest index in the tables
        while pos < end:
            start = pos
            byte = block[pos]
            if byte >= 0x80:  # 6.1 indexed field: the hot path, kept inline
                if byte != 0xFF:
                    index = byte & 0x7F
                    pos += 1
                else:
                    index, pos = _integer(block, pos, 0x7F)
                if 0 < index <= STATIC_SIZE:
                    name, value = STATIC_TABLE[index - 1]
                elif STATIC_SIZE < index <= last:
                    name, value = entries[index - STATIC_SIZE - 1]
                else:
                    raise HPACKError(f"index {index} is not in the tables (RFC 7541, 2.3.3)"
                                     if index else "index 0 (RFC 7541, 6.1)", start)
                size += len(name) + len(value) + 32  # ENTRY_OVERHEAD, without a lookup
                if size <= limit:
                    append(new(DecodedField, (name, value, new(Representation, (
                        INDEXED, index, None, None, start, pos - start)))))
                continue
            if byte & 0xE0 == 0x20:  # 6.3 dynamic table size update
                new_size, pos = _integer(block, pos, 0x1F)
                if fields or size:
                    raise HPACKError("a dynamic table size update after a field: it must come "
                                     "first in the block (RFC 7541, 4.2)", start)
                if new_size > self.max_allowed:
                    raise HPACKError(f"a dynamic table size update to {new_size}, over the "
                                     f"{self.max_allowed} we allowed (RFC 7541, 6.3)", start)
                table.resize(new_size)
                last = STATIC_SIZE + len(entries)
                updates.append(TableSizeUpdate(new_size, start, pos - start))
                continue
            if byte & 0xC0 == 0x40:
                kind, mask = Kind.INCREMENTAL, 0x3F
            else:
                kind, mask = _KIND_BY_BITS[byte & 0xF0], 0x0F
            index, pos = _integer(block, pos, mask)
            name_huffman: bool | None = None
            if index:
                entry = table.get(index)
                if entry is None:
                    raise HPACKError(f"name index {index} is not in the tables "
                                     "(RFC 7541, 2.3.3)", start)
                name = entry[0]
            else:
                name, name_huffman, pos = _string(block, pos)
            value, value_huffman, pos = _string(block, pos)
            size += len(name) + len(value) + ENTRY_OVERHEAD
            if size <= limit:
                append(new(DecodedField, (name, value, new(Representation, (
                    kind, index or None, name_huffman, value_huffman, start, pos - start)))))
            if kind is Kind.INCREMENTAL:
                table.add(name, value)
                last = STATIC_SIZE + len(entries)
        result.size = size
        result.truncated = size > limit
        if table.version == version:
            self._memo = (bytes(block), version, limit, result)
        elif fresh_key is not None and not updates and not result.truncated:
            if len(_FRESH) >= 64:
                _FRESH.clear()
            _FRESH[fresh_key] = (fields, size, tuple(entries), table.size)
        return result


# First blocks of new connections (see Decoder.decode): (block, list limit, table size) ->
# (fields, decoded size, the table after it newest first, its size). Cleared when full.
_Fresh = tuple[list[DecodedField], int, tuple[tuple[str, str], ...], int]
_FRESH: dict[tuple[bytes, int, int], _Fresh] = {}
