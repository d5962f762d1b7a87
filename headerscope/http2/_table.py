"""The HPACK dynamic table (RFC 7541, 2.3 and 4) and the representation kinds (6.1, 6.2),
shared by the decoder and the encoder."""

from __future__ import annotations

import enum
from collections import deque

from ._static import STATIC_SIZE, STATIC_TABLE

ENTRY_OVERHEAD = 32  # RFC 7541, 4.1: "The size of an entry is the sum of its name's length in
# octets ..., its value's length in octets, and 32."
DEFAULT_TABLE_SIZE = 4096  # RFC 9113, 6.5.2: the initial SETTINGS_HEADER_TABLE_SIZE


class Kind(enum.Enum):
    """The four field representations (RFC 7541, 6.1 and 6.2)."""

    INDEXED = "indexed"  # 1xxxxxxx
    INCREMENTAL = "literal with incremental indexing"  # 01xxxxxx
    WITHOUT = "literal without indexing"  # 0000xxxx
    NEVER = "literal never indexed"  # 0001xxxx

    # Members are singletons compared by identity, so the identity hash (in C) agrees with
    # equality; Enum's own hashes the name in Python, on every lookup keyed by a kind (a
    # page labels each field's representation).
    __hash__ = object.__hash__


class DynamicTable:
    """The dynamic table (RFC 7541, 2.3.2 and 4): newest entry first, evicted from the end."""

    __slots__ = ("entries", "max_size", "size", "version")

    def __init__(self, max_size: int = DEFAULT_TABLE_SIZE) -> None:
        self.entries: deque[tuple[str, str]] = deque()
        self.size = 0
        self.max_size = max_size
        self.version = 0  # counts changes: what was encoded against one version stays valid

    def add(self, name: str, value: str) -> None:
        self.version += 1
        cost = len(name) + len(value) + ENTRY_OVERHEAD
        if cost > self.max_size:
            # RFC 7541, 4.4: "an attempt to add an entry larger than the maximum size causes
            # the table to be emptied of all existing entries" (and is not an error).
            self.entries.clear()
            self.size = 0
            return
        self.size += cost
        self.entries.appendleft((name, value))
        self._evict()

    def resize(self, max_size: int) -> None:
        self.version += 1
        self.max_size = max_size
        self._evict()

    def _evict(self) -> None:
        while self.size > self.max_size:
            name, value = self.entries.pop()
            self.size -= len(name) + len(value) + ENTRY_OVERHEAD

    def get(self, index: int) -> tuple[str, str] | None:
        """The entry at `index` of the combined address space (RFC 7541, 2.3.3)."""
        if 0 < index <= STATIC_SIZE:
            return STATIC_TABLE[index - 1]
        i = index - STATIC_SIZE - 1
        return self.entries[i] if 0 <= i < len(self.entries) else None

    def find(self, name: str, value: str) -> tuple[int, int]:
        """(index of the field, index of its name) in the dynamic table; 0 when absent."""
        name_index = 0
        for i, (n, v) in enumerate(self.entries, STATIC_SIZE + 1):
            if n == name:
                if v == value:
                    return i, i
                name_index = name_index or i
        return 0, name_index
