"""The JSON document of a parsed request: one shape for the server and `headerscope parse`.

    {"method": str | null, "target": str | null, "version": str | null,
     "fields": [{"name", "wire_name", "raw", "known", "value", "error", "warnings"}, ...]}

`dumps` escapes "<", ">", "&" and "'" as \\u003c, \\u003e, \\u0026 and \\u0027, so that
the text can be embedded in HTML, or served to a browser that sniffs, without ever becoming
markup; and every invisible or deceptive character (visible.py: controls, bidi controls,
zero-width and other default-ignorable characters, lone surrogates) as \\uXXXX (a pair of
surrogate escapes beyond U+FFFF), so that the text is inert in a terminal or an editor. The
JSON value is the same: `json.loads(dumps(d)) == d`.
"""

from __future__ import annotations

import json
from typing import Any

from ..headers import Diagnostic, ParsedField, to_json
from .limits import MAX_MEMBERS, elide_json
from .visible import json_escape


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {"reason": d.reason, "position": d.position}


def field_json(f: ParsedField) -> dict[str, Any]:
    value, elided = _value_json(f) if f.error is None else (None, 0)
    doc = {
        "name": f.name,
        "wire_name": f.wire_name,
        "raw": f.raw,
        "known": f.known,
        "value": value,
        "error": diagnostic_json(f.error) if f.error is not None else None,
        "warnings": [diagnostic_json(w) for w in f.warnings],
    }
    if elided:  # members left out of `value` (pages/limits.py, docs/json.md)
        doc["elided"] = elided
    return doc


def _value_json(f: ParsedField) -> tuple[Any, int]:
    """The value as JSON data, elided (pages/limits.py). A list field's members past
    MAX_MEMBERS are counted, not converted: converting 8,000 members to cut them afterwards
    made the JSON view of a long list cost as much again as parsing it."""
    value = f.value
    if type(value) is tuple and len(value) > MAX_MEMBERS:
        data, inner = elide_json(to_json(value[:MAX_MEMBERS]), len(f.raw))
        return data, inner + len(value) - MAX_MEMBERS
    return elide_json(to_json(value), len(f.raw))


def request_json(method: str | None, target: str | None, version: str | None,
                 fields: Any) -> dict[str, Any]:
    return {"method": method, "target": target, "version": version,
            "fields": [field_json(f) for f in fields]}


# "'" too: a value meant to break out of a '...' attribute must not appear verbatim anywhere.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def dumps(document: Any, *, indent: int | None = 2) -> str:
    return json_escape(json.dumps(document, ensure_ascii=False, indent=indent)).translate(_UNSAFE)
