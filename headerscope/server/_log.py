"""What the access log may write of a request: escaped, so that a line is one record.

    127.0.0.1 "GET /a\\x22b HTTP/1.1" 200 512

The method and target are the client's bytes (decoded as ISO-8859-1). Written as they are,
a `"` would end the quoted request early and let a client forge the fields after it, a CR
or LF would forge a whole line, and an ESC would drive the terminal that tails the log.
So, as nginx escapes its variables, every character outside printable ASCII, and `"` and
`\\` themselves, is written as an escape: `\\xNN` (the byte), `\\uXXXX` or `\\UXXXXXXXX`
beyond ISO-8859-1. The log stays ASCII, and the escaping can be undone.

The log holds no field value, so no value hidden by `--redact` can reach it. The target is
logged whole, query included: a secret sent in a query string (a token in `?key=`) is logged
like any other part of the request line; `--no-access-log` turns the log off.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[^\x20-\x21\x23-\x5b\x5d-\x7e]')  # all but printable ASCII, `"` and `\`


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def log_text(text: str) -> str:
    """`text` as the access log writes it: printable ASCII but `"` and `\\`, else escaped."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return text  # almost every request line: three C scans, no regex
    return _UNSAFE.sub(_escape, text)
