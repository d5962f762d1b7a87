"""A decoded ClientHello as aligned text for a terminal, and as JSON data.

Every string that came from the wire (server names, ALPN protocol names) goes through
`pages.visible.visible`: a hello is attacker-controlled bytes, and must not move a terminal's
cursor or hide text. A registry number is shown as `name (0x1301)` in text, and as
`{"value", "hex", "name", "grease"}` in JSON; the JSON shape is documented in docs/tls.md.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..pages.visible import visible
from . import fingerprints as fp
from ._registry import CIPHERS, COMPRESSION_METHODS, EXTENSION_TYPES, VERSIONS, CodeTable
from ._values import ExtensionValue
from ._wire import Diagnostic
from .hello import ClientHello, Extension

WIDTH = 18  # the label column, as `headerscope parse` aligns field names


def fingerprints(hello: ClientHello) -> dict[str, str]:
    return {"ja3": fp.ja3_string(hello), "ja3_hash": fp.ja3_hash(hello), "ja4": fp.ja4(hello),
            "ja4_r": fp.ja4_r(hello), "ja4_o": fp.ja4_o(hello), "ja4_ro": fp.ja4_ro(hello)}


# JSON

def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {"reason": d.reason, "position": d.position}


def _json_value(value: object, codes: CodeTable | None = None) -> Any:
    if codes is not None and isinstance(value, int):
        return codes.json(value)
    if isinstance(value, tuple):
        return [_json_value(v, codes) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json_value(getattr(value, f.name), f.metadata.get("codes"))
                for f in dataclasses.fields(value)}
    return value  # int, str, None


def extension_json(ext: Extension) -> dict[str, Any]:
    return {"type": EXTENSION_TYPES.json(ext.type), "offset": ext.offset,
            "length": len(ext.data), "data": ext.data.hex(),
            "value": _json_value(ext.value) if ext.value is not None else None,
            "error": diagnostic_json(ext.error) if ext.error is not None else None}


def hello_json(hello: ClientHello) -> dict[str, Any]:
    return {
        "record_version": VERSIONS.json(hello.record_version)
        if hello.record_version is not None else None,
        "records": hello.records, "size": hello.size, "length": hello.length,
        "legacy_version": VERSIONS.json(hello.legacy_version),
        "random": hello.random.hex(), "session_id": hello.session_id.hex(),
        "cipher_suites": [CIPHERS.json(c) for c in hello.cipher_suites],
        "compression_methods": [COMPRESSION_METHODS.json(m) for m in hello.compression_methods],
        "extensions_present": hello.extensions_present,
        "extensions": [extension_json(e) for e in hello.extensions],
        "server_name": hello.server_name, "alpn": list(hello.alpn),
        "warnings": [diagnostic_json(w) for w in hello.warnings],
        "fingerprints": fingerprints(hello),
    }


# Text

def _scalar(value: object, codes: CodeTable | None) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if codes is not None and isinstance(value, int):
        return codes.describe(value)
    return visible(value) if isinstance(value, str) else str(value)


def _item(value: object, codes: CodeTable | None) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ", ".join(f"{f.name} {_scalar(getattr(value, f.name), f.metadata.get('codes'))}"
                         for f in dataclasses.fields(value)
                         if getattr(value, f.name) is not None)
    return _scalar(value, codes)


def value_lines(value: ExtensionValue) -> list[str]:
    """One line per list item for a list-shaped value, else one line of `name value` pairs."""
    fields = dataclasses.fields(value)
    if len(fields) == 1 and isinstance(getattr(value, fields[0].name), tuple):
        items = getattr(value, fields[0].name)
        return [_item(x, fields[0].metadata.get("codes")) for x in items] or ["(empty list)"]
    line = _item(value, None)
    return [line] if line else []


def _size(n: int) -> str:
    return f"{n} byte" if n == 1 else f"{n} bytes"


def _label(label: str, text: str) -> str:
    return (label.ljust(WIDTH) + text).rstrip()


def hello_text(hello: ClientHello) -> str:
    pad = " " * WIDTH
    where = (f"{hello.records} record{'s' if hello.records != 1 else ''}, record version "
             f"{VERSIONS.describe(hello.record_version)}" if hello.record_version is not None
             else "a bare handshake message")
    out = [_label("ClientHello", f"{_size(hello.size)} in {where}; body {_size(hello.length)}"),
           _label("legacy_version", VERSIONS.describe(hello.legacy_version)),
           _label("random", hello.random.hex()),
           _label("session_id", _size(len(hello.session_id))
                  + (f"  {hello.session_id.hex()}" if hello.session_id else "")),
           _label("cipher_suites", str(len(hello.cipher_suites)))]
    out += [pad + CIPHERS.describe(c) for c in hello.cipher_suites]
    out.append(_label("compression", ", ".join(COMPRESSION_METHODS.describe(m)
                                               for m in hello.compression_methods)))
    if not hello.extensions_present:
        out.append(_label("extensions", "(none: the hello ends before the extensions)"))
    else:
        out.append(_label("extensions", f"{len(hello.extensions)}, in wire order"))
    for ext in hello.extensions:
        out.append(f"  {EXTENSION_TYPES.describe(ext.type)}, {_size(len(ext.data))} "
                   f"at byte {ext.offset}")
        if ext.error is not None:
            out.append(f"{pad}error at byte {ext.error.position}: {ext.error.reason}")
        elif ext.value is not None:
            out += [pad + line for line in value_lines(ext.value)]
        elif ext.data:
            out.append(pad + _hex_preview(ext.data))
    for w in hello.warnings:
        where_ = f" at byte {w.position}" if w.position is not None else ""
        out.append(f"warning{where_}: {w.reason}")
    out.append("")
    names = {"ja3": "JA3", "ja3_hash": "JA3 (MD5)", "ja4": "JA4", "ja4_r": "JA4_r",
             "ja4_o": "JA4_o", "ja4_ro": "JA4_ro"}
    out += [_label(names[k], v) for k, v in fingerprints(hello).items()]
    return "\n".join(out) + "\n"


def _hex_preview(data: bytes, limit: int = 32) -> str:
    text = data[:limit].hex(" ")
    return text + (f" ... ({_size(len(data))})" if len(data) > limit else "")


def error_context(data: bytes, position: int) -> list[str]:
    """The 16-byte line of a hex dump that holds `position`, with a caret under that byte."""
    start = position - position % 16
    line = data[start:start + 16]
    dump = f"{start:06x}  " + line.hex(" ")
    column = 8 + 3 * (position - start)
    return [dump, " " * column + "^" + (" (end of input)" if position >= len(data) else "")]
