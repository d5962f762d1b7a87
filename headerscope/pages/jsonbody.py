"""A JSON body (RFC 8259) as indented lines, within bounds, for the HTML and text views.

    [[[[1, 2, 3]]], 4, 5, 6]   ->   [
                                      [
                                        [... 2 more levels]
                                      ],
                                      4,
                                      ... 2 more items
                                    ]        (with at most 2 levels and 2 members shown)

The lines are those of `json.dumps(json.loads(body), indent=2, ensure_ascii=False)`, with
two differences: members are shown as sent (a number as written, however long; a repeated
key twice), and the limits of pages/limits.py apply: an array or object nested deeper than
MAX_DEPTH is one line, "[... N more levels]", and one with more than MAX_MEMBERS members
shows the first of them and "... N more items".

Strategy: one pass over the tokens with an explicit stack of open containers, writing lines
as it goes, so the cost is linear in the body at any depth (json.loads recurses, and raises
RecursionError a thousand levels down), and the output is linear too: every line comes from
a token of its own and is indented at most 2 * MAX_DEPTH. What is elided is still read to the
end, so that only a well-formed document is shown as one: by the json module's C scanner
when it can (the rest of a long array, a part nested too deep, whose depth a linear scan of
its brackets then gives), else token by token like the rest. Strings are decoded and encoded
again by the json module's own C functions, which check their escapes.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from json.encoder import encode_basestring
from typing import Any

from .limits import MAX_DEPTH, MAX_MEMBERS, more

# One token after optional whitespace: an opening bracket, a closing one, a comma or colon, the
# opening quote of a string, or a number or literal (the json module also reads NaN and
# Infinity, so they are read here too).
_TOKEN = re.compile(r"[ \t\n\r]*(?:([\[{])|([\]}])|([,:])|(\")|"
                    r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
                    r"|true|false|null|NaN|-?Infinity))")
_SPACE = re.compile(r"[ \t\n\r]*")
_CLOSER = {"[": "]", "{": "}"}
_OPENER = {"]": "[", "}": "{"}
# What may come next: a value; a value or "]" (after "["); a key or "}" (after "{"); a key
# (after "," in an object); ":" (after a key); "," or the closing bracket (after a member).
_VALUE, _VALUE_OR_CLOSE, _KEY_OR_CLOSE, _KEY, _COLON, _NEXT, _END = range(7)
_VALUES = (1, 4, 5)  # the tokens that start a value: a bracket, a quote, a number or literal


def json_text(body: bytes) -> str | None:
    """The body as text, in the encoding json.loads would detect, or None."""
    try:
        return body.decode(json.detect_encoding(body), "surrogatepass")
    except (UnicodeDecodeError, LookupError):
        return None


def json_lines(text: str, max_depth: int = MAX_DEPTH,
               max_members: int = MAX_MEMBERS) -> list[str] | None:
    """The document's lines, or None when `text` is not one JSON document."""
    out: list[str] = []
    # One entry in each per open container: its closing bracket, the members seen so far,
    # its line up to its opening bracket, and where that bracket is in `text`.
    closers: list[str] = []
    counts: list[int] = []
    prefixes: list[str] = []
    starts: list[int] = []
    hidden = 0  # the depth where a part that is not shown begins; 0 while all is shown
    marked = False  # whether that part is shown as "[... N more levels]" when it ends
    deepest = 0  # the deepest level reached inside it
    shown = True  # whether the value about to start is shown
    prefix = ""  # the start of its line: indentation, and its key in an object
    state = _VALUE
    pos = 0
    match = _TOKEN.match
    while True:
        m = match(text, pos)
        if m is None:
            rest = _SPACE.match(text, pos)
            return out if state == _END and rest is not None and rest.end() == len(text) else None
        pos = m.end()
        kind = m.lastindex
        depth = len(closers)
        if state in (_KEY_OR_CLOSE, _KEY):
            member = kind == 4
        else:
            member = (kind in _VALUES and state in (_VALUE, _VALUE_OR_CLOSE)
                      and depth > 0 and closers[-1] == "]")
        if member:  # a member starts: a key, or a value in an array
            counts[-1] += 1
            shown = not hidden and counts[-1] <= max_members
            if not hidden and counts[-1] == max_members + 1:
                found = _read(text, starts[-1])  # the container again, to its end, in C
                if found is None:
                    return None
                if found is not _TOO_DEEP:
                    members, pos = found
                    out[-1] += ","
                    out.append("  " * depth + more(len(members) - max_members, "item"))
                    out.append("  " * (depth - 1) + closers.pop())
                    del counts[-1], prefixes[-1], starts[-1]
                    state = _NEXT if closers else _END
                    continue
            if shown:
                if counts[-1] > 1:
                    out[-1] += ","
                prefix = "  " * depth
        if kind == 4 and state in (_KEY_OR_CLOSE, _KEY):  # a key
            try:
                key, pos = _DECODER.raw_decode(text, m.start(4))
            except ValueError:
                return None
            if shown:
                prefix += encode_basestring(key) + ": "
            state = _COLON
            continue
        if kind == 3:
            if m.group(3) == ":" and state == _COLON:
                state = _VALUE
            elif m.group(3) == "," and state == _NEXT:
                state = _VALUE if closers[-1] == "]" else _KEY
            else:
                return None
            continue
        if kind == 2:  # a closing bracket
            closer = m.group(2)
            if closer != (closers[-1] if closers else "") or state not in (
                    _NEXT, _VALUE_OR_CLOSE if closer == "]" else _KEY_OR_CLOSE):
                return None
            closers.pop()
            starts.pop()
            count = counts.pop()
            opened = prefixes.pop()
            if hidden == depth:  # the end of a part not shown
                hidden = 0
                if marked:  # nested too deep: one line says how deep
                    inner = more(deepest - depth + 1, "level") if count else ""
                    out.append(opened + _OPENER[closer] + inner + closer)
            elif not hidden:
                if not count:
                    out[-1] += closer
                else:
                    if count > max_members:
                        out[-1] += ","
                        out.append("  " * depth + more(count - max_members, "item"))
                    out.append("  " * (depth - 1) + closer)
            state = _NEXT if closers else _END
            continue
        # a value: a member of an array, the value of a key, or the whole document
        if state not in (_VALUE, _VALUE_OR_CLOSE):
            return None
        if not closers:
            shown, prefix = True, ""
        if kind == 1:  # an opening bracket
            opener = m.group(1)
            depth += 1
            if shown and not hidden and depth > max_depth:
                found = _read(text, m.start(1))  # nested too deep: read to its end in C
                if found is None:
                    return None
                if found is not _TOO_DEEP:
                    members, pos = found
                    levels = _depth(text[m.start(1):pos]) if members else 0
                    out.append(prefix + opener + (more(levels, "level") if levels else "")
                               + _CLOSER[opener])
                    state = _NEXT if closers else _END
                    continue
            closers.append(_CLOSER[opener])
            counts.append(0)
            prefixes.append(prefix)
            starts.append(m.start(1))
            if hidden:
                deepest = max(deepest, depth)
            elif not shown or depth > max_depth:
                hidden, marked, deepest = depth, shown, depth
            else:
                out.append(prefix + opener)
            state = _VALUE_OR_CLOSE if opener == "[" else _KEY_OR_CLOSE
            continue
        if kind == 4:
            try:
                value, pos = _DECODER.raw_decode(text, m.start(4))
            except ValueError:
                return None
            if shown:
                out.append(prefix + encode_basestring(value))
        elif shown:
            out.append(prefix + m.group(5))
        state = _NEXT if closers else _END


# The json module's own decoder (its C scanner), for strings and for the parts that are read
# but not shown. Objects come back as lists of pairs, so that a repeated key is counted as the
# member it is; integers as their text, so that one of more than 4300 digits (which int()
# refuses) is accepted where it is not shown as where it is.
_DECODER = json.JSONDecoder(object_pairs_hook=list, parse_int=str)
_TOO_DEEP = (None, 0)  # what `_read` returns when the scanner cannot go that deep


def _read(text: str, start: int) -> tuple[Any, int] | None:
    """The value at `start` (arrays and objects as lists) and where it ends; None when it is
    not JSON; `_TOO_DEEP` when it nests deeper than the scanner's recursion can go."""
    try:
        found: tuple[Any, int] = _DECODER.raw_decode(text, start)
    except ValueError:
        return None
    except RecursionError:
        return _TOO_DEEP
    return found


# Everything but brackets: strings (which may hold brackets) and the text between them.
_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^"\[\]{}]+')
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth(value: str) -> int:
    """How deep a well-formed JSON text nests, in one linear scan (no recursion)."""
    return max(accumulate(map(_STEP.__getitem__, _NOT_BRACKETS.sub("", value))), default=0)
