"""The HPACK Huffman code (RFC 7541, 5.2 and Appendix B).

Strategy: Appendix B's code is canonical (within one length, codes count up in symbol order,
and each length starts where the shorter one ended, shifted), so the table below keeps only the
code lengths and the codes are rebuilt from them; a test checks them against the `hpack`
package's table. Decoding runs a byte-at-a-time automaton: a state is an internal node of the
code tree, and `_NEXT[state | byte]` / `_EMIT[state | byte]` give the node after those eight bits
and the symbols completed on the way (zero, one or two: the shortest code is five bits). One
list lookup per input octet keeps decoding linear and cheap; the table (257 x 256 entries) is
composed from a four-bit table so that building it costs a few milliseconds at import.
"""

from __future__ import annotations

from typing import NoReturn

from ._errors import HPACKError

# Appendix B, the "len" column, symbols 0-256 (256 is EOS), sixteen to a row.
_LENGTHS = (
    13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,  # 0-15
    28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,  # 16-31
    6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,  # ' ' - '/'
    5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,  # '0' - '?'
    13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,  # '@' - 'O'
    7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,  # 'P' - '_'
    15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,  # '`' - 'o'
    6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,  # 'p' - 127
    20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,  # 128-143
    24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,  # 144-159
    22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,  # 160-175
    21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,  # 176-191
    26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,  # 192-207
    19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,  # 208-223
    20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,  # 224-239
    26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,  # 240-255
    30,  # EOS
)
EOS = 256


def _canonical_codes(lengths: tuple[int, ...]) -> list[int]:
    codes = [0] * len(lengths)
    code = previous = 0
    for sym in sorted(range(len(lengths)), key=lambda s: (lengths[s], s)):
        code <<= lengths[sym] - previous
        previous = lengths[sym]
        codes[sym] = code
        code += 1
    return codes


CODES = _canonical_codes(_LENGTHS)
LENGTHS = _LENGTHS
_BITS = [format(CODES[s], f"0{_LENGTHS[s]}b") for s in range(256)]


def encode(data: bytes) -> bytes:
    """Huffman-code `data`, padded with the most significant bits of EOS (all ones)."""
    bits = "".join([_BITS[b] for b in data])
    if not bits:
        return b""
    bits += "1" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


def _build_tables() -> tuple[list[int], list[bytes], list[bool], int]:  # noqa: PLR0912
    # Run once at import: the code tree, then the state tables walked over it.
    # The code tree: children[node] = [zero, one]; a leaf is stored as ~symbol (negative).
    children: list[list[int]] = [[0, 0]]
    for sym, code in enumerate(CODES):
        node = 0
        for i in range(_LENGTHS[sym] - 1, -1, -1):
            bit = (code >> i) & 1
            if i == 0:
                children[node][bit] = ~sym
            else:
                if children[node][bit] == 0:
                    children.append([0, 0])
                    children[node][bit] = len(children) - 1
                node = children[node][bit]
    dead = len(children)  # entered on EOS; never left
    # A string may end only where the padding so far is a prefix of EOS shorter than 8 bits
    # (RFC 7541, 5.2): a node reached from the root by at most seven 1-bits.
    accept = [False] * (dead + 1)
    node = 0
    for _ in range(8):
        accept[node] = True
        node = children[node][1]
    # Four bits at a time first: nibble_next[s * 16 + n], nibble_emit (-1: nothing completed).
    nibble_next = [dead] * ((dead + 1) * 16)
    nibble_emit = [-1] * ((dead + 1) * 16)
    for state in range(dead):
        for nib in range(16):
            node, emit = state, -1
            for i in (3, 2, 1, 0):
                child = children[node][(nib >> i) & 1]
                if child < 0:
                    if ~child == EOS:
                        node = dead
                        break
                    emit, node = ~child, 0
                else:
                    node = child
            nibble_next[state * 16 + nib] = node
            nibble_emit[state * 16 + nib] = emit
    singles = [bytes([b]) for b in range(256)] + [b""]
    nxt = [dead << 8] * ((dead + 1) << 8)
    out = [b""] * ((dead + 1) << 8)
    for state in range(dead):
        for byte in range(256):
            i = state * 16 + (byte >> 4)
            mid = nibble_next[i]
            j = mid * 16 + (byte & 15)
            nxt[(state << 8) | byte] = nibble_next[j] << 8
            first, second = nibble_emit[i], nibble_emit[j]
            if mid == dead or nibble_next[j] == dead:
                continue
            if first >= 0:
                out[(state << 8) | byte] = singles[first] + singles[second]
            elif second >= 0:
                out[(state << 8) | byte] = singles[second]
    return nxt, out, accept, dead


_NEXT, _EMIT, _ACCEPT, _DEAD = _build_tables()


def decode(data: bytes, offset: int = 0) -> bytes:
    """Decode a Huffman-coded string; `offset` (of `data` in the field block) places errors."""
    state = 0
    parts = []
    for byte in data:
        i = state | byte
        parts.append(_EMIT[i])
        state = _NEXT[i]
    if _ACCEPT[state >> 8]:
        return b"".join(parts)
    _fail(data, offset)


def _fail(data: bytes, offset: int) -> NoReturn:
    state = 0
    for pos, byte in enumerate(data):
        state = _NEXT[state | byte]
        if state >> 8 == _DEAD:
            raise HPACKError("the EOS symbol inside a Huffman-coded string (RFC 7541, 5.2)",
                             offset + pos)
    raise HPACKError("Huffman padding that is not the start of EOS, or longer than 7 bits "
                     "(RFC 7541, 5.2)", offset + max(len(data) - 1, 0))
