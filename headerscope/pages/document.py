"""The JSON document of a parsed request: one shape for the server and `headerscope parse`.

    {"method": str | null, "target": str | null, "version": str | null,
     "fields": [{"name", "wire_name", "raw", "known", "value", "error", "warnings"}, ...]}

`dumps` escapes "<", ">", "&" and "'" as \\u003c, \\u003e, \\u0026 and \\u0027, so that
the text can be embedded in HTML, or served to a browser that sniffs, without ever becoming
markup.
"""

from __future__ import annotations

import json
from typing import Any

from ..headers import Diagnostic, ParsedField, to_json


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {"reason": d.reason, "position": d.position}


def field_json(f: ParsedField) -> dict[str, Any]:
    return {
        "name": f.name,
        "wire_name": f.wire_name,
        "raw": f.raw,
        "known": f.known,
        "value": to_json(f.value) if f.error is None else None,
        "error": diagnostic_json(f.error) if f.error is not None else None,
        "warnings": [diagnostic_json(w) for w in f.warnings],
    }


def request_json(method: str | None, target: str | None, version: str | None,
                 fields: Any) -> dict[str, Any]:
    return {"method": method, "target": target, "version": version,
            "fields": [field_json(f) for f in fields]}


# "'" too: a value meant to break out of a '...' attribute must not appear verbatim anywhere.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def dumps(document: Any, *, indent: int | None = 2) -> str:
    return json.dumps(document, ensure_ascii=False, indent=indent).translate(_UNSAFE)
