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

The pass is a small state object, `_Printer`, with one move per kind of token; `_MOVES`,
keyed by the state and the kind of the next token, picks the move, and a token that may not
come there finds none, so the grammar is checked by a table lookup, as in h11. No move calls
itself, directly or through another, so nothing recurses however deep the body nests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
from json.encoder import encode_basestring
from typing import Any

from .limits import MAX_DEPTH, MAX_MEMBERS, more

# One token after optional whitespace, each kind its own group (the group's number is the
# token's kind): an opening bracket, "]", "}", ",", ":", the opening quote of a string, or a
# number or literal (the json module also reads NaN and Infinity, so they are read here too).
_TOKEN = re.compile(r"[ \t\n\r]*(?:([\[{])|(\])|(\})|(,)|(:)|(\")|"
                    r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
                    r"|true|false|null|NaN|-?Infinity))")
_OPEN, _CLOSE_ARRAY, _CLOSE_OBJECT, _COMMA, _COLON, _QUOTE, _LITERAL = range(1, 8)
_SPACE = re.compile(r"[ \t\n\r]*")
_CLOSER = {"[": "]", "{": "}"}
_OPENER = {"]": "[", "}": "{"}
# What may come next, by where the reader is: a value (the document, or after ":"); a member
# of an array or "]" (after "["); a member of an array (after "," in one); a key or "}" (after
# "{"); a key (after "," in an object); ":" (after a key); "," or "]" (after a member of an
# array); "," or "}" (after a member of an object); nothing (after the document).
(_VALUE, _ITEM_OR_CLOSE, _ITEM, _KEY_OR_CLOSE, _KEY, _AFTER_KEY, _AFTER_ITEM, _AFTER_MEMBER,
 _END) = range(9)


class _NotJson(Exception):
    """The text is not one JSON document (raised by a move, caught once by `json_lines`)."""


def json_text(body: bytes) -> str | None:
    """The body as text, in the encoding json.loads would detect, or None."""
    try:
        return body.decode(json.detect_encoding(body), "surrogatepass")
    except (UnicodeDecodeError, LookupError):
        return None


def json_lines(text: str, max_depth: int = MAX_DEPTH,
               max_members: int = MAX_MEMBERS) -> list[str] | None:
    """The document's lines, or None when `text` is not one JSON document."""
    try:
        return _Printer(text, max_depth, max_members).run()
    except _NotJson:
        return None


class _Printer:
    """One pass of `json_lines`: the state between tokens, and one move per kind of token.

    Each move reads the token `m` that was just matched (and, for a string or a part read
    whole, the text after it, moving `pos` past it), writes its lines, and returns the state
    that says what may come next. `_MOVES` picks the move from that state and the next
    token's kind; a token that may not come next has the move `invalid`.
    """

    __slots__ = ("afters", "counts", "deepest", "hidden", "marked", "max_depth", "max_members",
                 "out", "pos", "prefix", "prefixes", "shown", "starts", "text")

    def __init__(self, text: str, max_depth: int, max_members: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.max_members = max_members
        self.out: list[str] = []
        self.pos = 0
        # One entry in each per open container: the state after one of its members
        # (_AFTER_ITEM in an array, _AFTER_MEMBER in an object), the members seen so far, its
        # line up to its opening bracket, and where that bracket is in `text`.
        self.afters: list[int] = []
        self.counts: list[int] = []
        self.prefixes: list[str] = []
        self.starts: list[int] = []
        self.hidden = 0  # the depth where a part that is not shown begins; 0 while all is shown
        self.marked = False  # whether that part is shown as "[... N more levels]" when it ends
        self.deepest = 0  # the deepest level reached inside it
        self.shown = True  # whether the value about to start is shown
        self.prefix = ""  # the start of its line: indentation, and its key in an object

    def run(self) -> list[str]:
        """The lines; raises _NotJson. The one loop: a token, then its move."""
        text, match, moves = self.text, _TOKEN.match, _MOVES
        state = _VALUE
        while (m := match(text, self.pos)) is not None:
            self.pos = m.end()
            state = moves[state][m.lastindex or 0](self, m)  # every token has a group
        rest = _SPACE.match(text, self.pos)
        if state != _END or rest is None or rest.end() != len(text):
            raise _NotJson
        return self.out

    def after(self) -> int:
        """The state after a value: after a member of the innermost container, or the end."""
        return self.afters[-1] if self.afters else _END

    # -- the moves ---------------------------------------------------------------------------

    def invalid(self, m: re.Match[str]) -> int:
        raise _NotJson

    def colon(self, m: re.Match[str]) -> int:
        return _VALUE

    def next_item(self, m: re.Match[str]) -> int:
        return _ITEM

    def next_key(self, m: re.Match[str]) -> int:
        return _KEY

    def item_open(self, m: re.Match[str]) -> int:
        return self.after() if self.member() else self.open(m)

    def item_string(self, m: re.Match[str]) -> int:
        return self.after() if self.member() else self.string(m)

    def item_literal(self, m: re.Match[str]) -> int:
        return self.after() if self.member() else self.literal(m)

    def key(self, m: re.Match[str]) -> int:
        if self.member():
            return self.after()
        try:
            key, self.pos = _DECODER.raw_decode(self.text, m.start(_QUOTE))
        except ValueError:
            raise _NotJson from None
        if self.shown:
            self.prefix += encode_basestring(key) + ": "
        return _AFTER_KEY

    def string(self, m: re.Match[str]) -> int:
        try:
            value, self.pos = _DECODER.raw_decode(self.text, m.start(_QUOTE))
        except ValueError:
            raise _NotJson from None
        if self.shown:
            self.out.append(self.prefix + encode_basestring(value))
        return self.after()

    def literal(self, m: re.Match[str]) -> int:
        if self.shown:
            self.out.append(self.prefix + m.group(_LITERAL))
        return self.after()

    def open(self, m: re.Match[str]) -> int:
        """An array or object begins: shown, hidden (too deep, or past too many members),
        or, nested too deep where all is shown, read whole and shown as one line."""
        opener = m.group(_OPEN)
        depth = len(self.afters) + 1
        shown, hidden = self.shown, self.hidden
        if shown and not hidden and depth > self.max_depth and self.read_too_deep(m):
            return self.after()
        self.afters.append(_AFTER_ITEM if opener == "[" else _AFTER_MEMBER)
        self.counts.append(0)
        self.prefixes.append(self.prefix)
        self.starts.append(m.start(_OPEN))
        if hidden:
            self.deepest = max(self.deepest, depth)
        elif not shown or depth > self.max_depth:
            self.hidden, self.marked, self.deepest = depth, shown, depth
        else:
            self.out.append(self.prefix + opener)
        return _ITEM_OR_CLOSE if opener == "[" else _KEY_OR_CLOSE

    def close(self, m: re.Match[str]) -> int:
        """An array or object ends: its last line, or the line that stands for all of it."""
        closer = "]" if m.lastindex == _CLOSE_ARRAY else "}"
        depth = len(self.afters)
        self.afters.pop()
        self.starts.pop()
        count = self.counts.pop()
        opened = self.prefixes.pop()
        if self.hidden == depth:  # the end of a part not shown
            self.hidden = 0
            if self.marked:  # nested too deep: one line says how deep
                inner = more(self.deepest - depth + 1, "level") if count else ""
                self.out.append(opened + _OPENER[closer] + inner + closer)
        elif not self.hidden:
            out = self.out
            if not count:
                out[-1] += closer
            else:
                if count > self.max_members:
                    out[-1] += ","
                    out.append("  " * depth + more(count - self.max_members, "item"))
                out.append("  " * (depth - 1) + closer)
        return self.after()

    # -- what the moves share ----------------------------------------------------------------

    def member(self) -> bool:
        """A member of the innermost container starts (a key, or a value in an array): count
        it, and decide whether it is shown. True when the container had more members than
        are shown and was read to its end at once (its lines written, its entries popped)."""
        counts = self.counts
        counts[-1] += 1
        count = counts[-1]
        self.shown = shown = not self.hidden and count <= self.max_members
        if not self.hidden and count == self.max_members + 1 and self.read_too_long():
            return True
        if shown:
            if count > 1:
                self.out[-1] += ","
            self.prefix = "  " * len(counts)
        return False

    def read_too_long(self) -> bool:
        """The innermost container, one member too long, read again to its end in C, and its
        last lines written; False when the scanner cannot go that deep (then it is read on,
        token by token, its members not shown)."""
        found = _read(self.text, self.starts[-1])
        if found is None:
            raise _NotJson
        if found is _TOO_DEEP:
            return False
        members, self.pos = found
        depth = len(self.afters)
        closer = "]" if self.afters.pop() == _AFTER_ITEM else "}"
        self.out[-1] += ","
        self.out.append("  " * depth + more(len(members) - self.max_members, "item"))
        self.out.append("  " * (depth - 1) + closer)
        del self.counts[-1], self.prefixes[-1], self.starts[-1]
        return True

    def read_too_deep(self, m: re.Match[str]) -> bool:
        """The array or object at `m`, nested too deep, read to its end in C and written as one
        line; False when the scanner cannot go that deep (then it is read token by token)."""
        start = m.start(_OPEN)
        found = _read(self.text, start)
        if found is None:
            raise _NotJson
        if found is _TOO_DEEP:
            return False
        members, self.pos = found
        levels = _depth(self.text[start:self.pos]) if members else 0
        opener = m.group(_OPEN)
        self.out.append(self.prefix + opener + (more(levels, "level") if levels else "")
                        + _CLOSER[opener])
        return True


_Move = Callable[[_Printer, re.Match[str]], int]
# The moves, by state and kind of token; any other token there is not JSON ("an illegal move
# is a missing key"). A value that starts a member of an array counts as a member first.
_VALUES: dict[int, _Move] = {_OPEN: _Printer.open, _QUOTE: _Printer.string,
                             _LITERAL: _Printer.literal}
_ITEMS: dict[int, _Move] = {_OPEN: _Printer.item_open, _QUOTE: _Printer.item_string,
                            _LITERAL: _Printer.item_literal}
_LEGAL: dict[int, dict[int, _Move]] = {
    _VALUE: _VALUES,
    _ITEM_OR_CLOSE: {**_ITEMS, _CLOSE_ARRAY: _Printer.close},
    _ITEM: _ITEMS,
    _KEY_OR_CLOSE: {_QUOTE: _Printer.key, _CLOSE_OBJECT: _Printer.close},
    _KEY: {_QUOTE: _Printer.key},
    _AFTER_KEY: {_COLON: _Printer.colon},
    _AFTER_ITEM: {_COMMA: _Printer.next_item, _CLOSE_ARRAY: _Printer.close},
    _AFTER_MEMBER: {_COMMA: _Printer.next_key, _CLOSE_OBJECT: _Printer.close},
    _END: {},
}
# The same as tuples, indexed by state then kind (0 is no kind), for the loop.
_MOVES: tuple[tuple[_Move, ...], ...] = tuple(
    tuple(_LEGAL[state].get(kind, _Printer.invalid) for kind in range(_LITERAL + 1))
    for state in range(_END + 1))


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
