"""JSON field values (draft-reschke-http-jfv, sections 2 and 4), shared by NEL and Report-To.

    json-field-value = #json-field-element   ; each one a JSON value (RFC 8259)

The recipient "wraps the field value in square brackets and parses it as a JSON array" (that
is what Chromium does with `[` + value + `]`), so a value is a comma-separated list of JSON
texts; an empty element is a JSON syntax error, not an empty list element.

Strategy: the list is decoded one element at a time with `json.JSONDecoder.raw_decode`, so a
JSON error carries its exact position in the raw value and each element knows where it
starts. Numbers with a fraction or an exponent become exact `Decimal`s (a sampling fraction of
0.1 stays 0.1); NaN and Infinity, which are not JSON, are refused. Diagnostics about one
member need its position: `locate(raw, start, *path)` finds it by scanning the tokens of a
value that already parsed, so the success path pays nothing for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ...grammar import describe, expect_run
from ...grammar.rules import FIELD_CONTENT_RE
from .json import decimal_text
from .spec import Diagnostic, FieldError

_WS_RE = re.compile(r"[ \t]*")
_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]', re.S)  # strings and punctuation
_CONSTANT_RE = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)', re.S)
_MAX_DIGITS = 19  # an integer longer than this is no count of seconds or endpoints


class _NotJson(Exception):
    """Raised from inside the decoder's hooks; turned into a FieldError at the right place."""


def _no_constant(name: str) -> Any:
    raise _NotJson(name)


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _NotJson(text)
    return int(text)


_DECODER = json.JSONDecoder(parse_float=Decimal, parse_int=_int, parse_constant=_no_constant)


def parse_elements(raw: str, what: str) -> list[tuple[Any, int]]:
    """The JSON values of a json-field-value, each with the position where it starts."""
    expect_run(raw, FIELD_CONTENT_RE, "cannot appear in a field value")
    out: list[tuple[Any, int]] = []
    pos, end = _skip_ws(raw, 0), len(raw)
    while pos < end:
        value, stop = _decode(raw, pos, what)
        out.append((value, pos))
        pos = _skip_ws(raw, stop)
        if pos == end:
            break
        if raw[pos] != ",":
            raise FieldError(f"expected ',' and another JSON {what}, or the end of the value; "
                             f"found {describe(raw[pos])}", pos)
        pos = _skip_ws(raw, pos + 1)
        if pos == end:  # `[ ..., ]` is not JSON: a trailing comma is an error
            raise FieldError(f"expected a JSON {what} after ','", pos)
    return out


def _decode(raw: str, pos: int, what: str) -> tuple[Any, int]:
    try:
        value, stop = _DECODER.raw_decode(raw, pos)
    except json.JSONDecodeError as exc:
        raise FieldError(f"not JSON: {exc.msg} (each {what} is a JSON text)",
                         min(exc.pos, len(raw))) from None
    except _NotJson as exc:
        text = str(exc)
        if text[-1:].isdigit():
            raise FieldError("a JSON number with this many digits is no count anyone can "
                             "use", _number_at(raw, pos, text)) from None
        raise FieldError(f"{text} is not JSON: numbers must be finite", _constant_at(raw, pos)
                         ) from None
    except RecursionError:
        raise FieldError(f"this {what} is nested too deeply to be read", pos) from None
    return value, stop


def _skip_ws(raw: str, pos: int) -> int:
    m = _WS_RE.match(raw, pos)
    return pos if m is None else m.end()


def _constant_at(raw: str, pos: int) -> int:
    for m in _CONSTANT_RE.finditer(raw, pos):
        if m.group(1) is not None:
            return m.start(1)
    return pos


def _number_at(raw: str, pos: int, text: str) -> int:
    at = raw.find(text, pos)
    return pos if at < 0 else at


def write_json(value: object) -> str:
    """Compact JSON, with exact Decimals ("0.05", never 0.05000000000000000277)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{write_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(write_json(v) for v in value) + "]"
    return json.dumps(value)


def describe_json(value: object) -> str:
    """Name a JSON value's type the way a person reading the field would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | Decimal):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {json.dumps(value)}"
    return "an array" if isinstance(value, list) else "an object"


def is_count(value: object) -> bool:
    """A non-negative JSON integer (a boolean is not one, although Python says it is an int)."""
    return type(value) is int and value >= 0


# -- positions, for diagnostics ----------------------------------------------------------------

def locate(raw: str, start: int, *path: str | int) -> int:
    """Where the member at `path` (object keys and array indexes) of the JSON value starting at
    `start` begins; the deepest part of the path that exists when the rest does not."""
    return _walk(raw, start, path)[0]


def locate_each(raw: str, start: int, *path: str | int) -> Callable[..., int]:
    """`each(i, *rest)` is `locate(raw, start, *path, i, *rest)`, with the array at `path`
    scanned once for every i (a locate per member would scan the whole array each time), and
    only when a first position is asked for."""
    found: list[int] = []
    at: int | None = None

    def each(i: int, *rest: str | int) -> int:
        nonlocal at
        if at is None:
            at, complete = _walk(raw, start, path)
            if complete and raw[at:at + 1] in ("{", "["):
                found.extend(_elements(raw, at))
        return locate(raw, found[i], *rest) if 0 <= i < len(found) else at

    return each


def _walk(raw: str, start: int, path: tuple[str | int, ...]) -> tuple[int, bool]:
    """locate's walk, and whether it found every step of the path."""
    for step in path:
        if raw[start:start + 1] not in ("{", "["):
            return start, False
        found = (_values(raw, start).get(step) if isinstance(step, str)
                 else dict(enumerate(_elements(raw, start))).get(step))
        if found is None:
            return start, False
        start = found
    return start, True


def key_position(raw: str, start: int, key: str) -> int:
    """Where the key (not its value) of a member of the object at `start` begins."""
    return _keys(raw, start).get(key, start)


def _values(raw: str, start: int) -> dict[str, int]:
    return {k: v for k, (_, v) in _scan_object(raw, start).items()}


def _keys(raw: str, start: int) -> dict[str, int]:
    return {k: at for k, (at, _) in _scan_object(raw, start).items()}


def _scan_object(raw: str, start: int) -> dict[str, tuple[int, int]]:
    """key -> (where the key starts, where its value starts), for the object at `start`."""
    out: dict[str, tuple[int, int]] = {}
    depth, want_key = 0, False
    key: tuple[str, int] | None = None
    for m in _TOKEN_RE.finditer(raw, start):
        c = m.group()[0]
        if c in "{[":
            depth += 1
            want_key = depth == 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                break
        elif depth == 1:
            if c == '"' and want_key:
                key, want_key = (json.loads(m.group()), m.start()), False
            elif c == ":" and key is not None:
                out[key[0]] = (key[1], _skip_ws(raw, m.end()))
                key = None
            elif c == ",":
                want_key = True
    return out


def _elements(raw: str, start: int) -> Iterator[int]:
    """Where each element of the array at `start` begins."""
    depth = 0
    for m in _TOKEN_RE.finditer(raw, start):
        c = m.group()[0]
        if c in "{[":
            depth += 1
            first = _skip_ws(raw, m.end())
            if depth == 1 and raw[first:first + 1] != "]":
                yield first
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return
        elif c == "," and depth == 1:
            yield _skip_ws(raw, m.end())


def lint_members(raw: str, start: int, obj: dict[str, Any], known: dict[str, str],
                 what: str, ref: str) -> Iterator[Diagnostic]:
    """A warning for each member of `obj` that the spec does not define; `known` maps a known
    name to "" or to a note about it."""
    keys: dict[str, int] | None = None  # where each key is: scanned once, and only if needed
    for name in obj:
        note = known.get(name)
        if note == "":
            continue
        if keys is None:
            keys = _keys(raw, start)
        if note is None:
            note = f"unknown member {json.dumps(name)} in a {what}: user agents ignore it ({ref})"
        yield Diagnostic(note, keys.get(name, start))
