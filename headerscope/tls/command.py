"""`headerscope tls-hello FILE|-`: decode a ClientHello given as bytes or as hex, print it and
its fingerprints.

The input is recognised by its first byte: 0x16 (a TLS record) or 0x01 (a handshake message)
or any other byte that is not printable ASCII means binary; otherwise it is hex text, either
plain (whitespace anywhere, an optional leading "0x") or a hex dump whose lines start with an
offset, as Wireshark's "Copy as Hex Dump" and `hexdump -C` write them. Positions in messages
count bytes of the decoded input (for a dump, the offsets it shows).

Exit status: 0 a clean hello, 1 a malformed one (or malformed hex), 2 a usage error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..pages.document import dumps
from ._wire import HelloError
from .hello import parse_client_hello
from .render import error_context, hello_json, hello_text


class InputError(ValueError):
    """Hex text that is not hex; `position` is a character offset into the text."""

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position = position


# An offset, then byte pairs each followed by one or two spaces (hexdump -C puts two in the
# middle) or the end of the line; three spaces or a "|" start the ASCII column.
_DUMP_LINE = re.compile(r"[ \t]*([0-9A-Fa-f]{4,8}):?[ \t]+((?:[0-9A-Fa-f]{2}(?: {1,2}|$))+)")
_END_LINE = re.compile(r"[ \t]*([0-9A-Fa-f]{4,8})()[ \t]*")
_PLAIN = re.compile(r"\s*(?:0[xX])?")


def read_input(data: bytes) -> bytes:
    """The hello's bytes from a file's contents: binary as it is, hex text decoded."""
    if not data:
        raise InputError("the input is empty", 0)
    first = data[0]
    if not (0x20 <= first < 0x7F or first in b"\t\r\n"):
        return data
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError as exc:
        raise InputError("hex text with a byte that is not ASCII", exc.start) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    match = _DUMP_LINE.match(first_line)
    if match and int(match.group(1), 16) == 0:
        return _from_dump(text)
    return _from_plain(text)


def _from_plain(text: str) -> bytes:
    start = _PLAIN.match(text)
    pos = start.end() if start else 0
    digits = []
    for i in range(pos, len(text)):
        ch = text[i]
        if ch in "0123456789abcdefABCDEF":
            digits.append(ch)
        elif not ch.isspace():
            raise InputError(f"{ch!r} is not a hex digit", i)
    if len(digits) % 2:
        raise InputError("an odd number of hex digits", len(text.rstrip()))
    return bytes.fromhex("".join(digits))


def _from_dump(text: str) -> bytes:
    """A hex dump: each line's offset must be the count of bytes before it; a line "*" (as
    `hexdump -C` writes for repeated lines) repeats the line before it up to the next offset;
    a last line that is only an offset gives the total length."""
    out = bytearray()
    at = 0
    previous = b""
    repeat = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() == "*":
            repeat = True
        elif body.strip():
            match = _DUMP_LINE.match(body) or _END_LINE.fullmatch(body)
            if match is None:
                raise InputError("a line of the hex dump without an offset and hex bytes", at)
            offset = int(match.group(1), 16)
            gap = offset - len(out)
            if repeat and previous and gap > 0 and gap % len(previous) == 0:
                out += previous * (gap // len(previous))
            elif offset != len(out):  # the offsets check that the columns were read right
                raise InputError(f"the line's offset is 0x{offset:x}, but {len(out)} bytes "
                                 "come before it", at + match.start(1))
            repeat = False
            previous = bytes.fromhex(match.group(2) or "")
            out += previous
        at += len(line)
    return bytes(out)


def run_tls_hello(source: str, *, as_json: bool) -> int:
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        print(f"headerscope tls-hello: cannot read {source!r}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        data = read_input(raw)
    except InputError as exc:
        return _fail(f"not hex: {exc.reason}", exc.position, None, "character", as_json)
    try:
        hello = parse_client_hello(data)
    except HelloError as exc:
        return _fail(exc.reason, exc.position, data, "byte", as_json)
    if as_json:
        print(dumps({**hello_json(hello), "error": None}))
    else:
        sys.stdout.write(hello_text(hello))
    return 1 if hello.errors else 0


def _fail(reason: str, position: int, data: bytes | None, unit: str, as_json: bool) -> int:
    if as_json:
        print(dumps({"error": {"reason": reason, "position": position, "unit": unit}}))
        return 1
    print(f"malformed ClientHello: error at {unit} {position}: {reason}")
    if data is not None:
        print("\n".join("  " + line for line in error_context(data, position)))
    return 1

