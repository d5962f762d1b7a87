"""How much a page may say about one request: every answer is bounded by its request.

    len(answer) <= OUTPUT_FACTOR * request size + OUTPUT_CONSTANT      (in bytes, every view)
    request size = head bytes + body bytes

A page shows what was sent, so it grows with what was sent; these bounds keep the growth
linear and small whatever the request holds. Repetition and nesting are elided where a page
builds them, and the page says what it left out; nothing is ever cut from a finished text:

- a parsed field value shows at most MAX_MEMBERS members of each list and map, then
  "... N more elements" (pages/valueview.py); the JSON view keeps the first MAX_MEMBERS and
  counts the rest in the field's "elided" (`elide_json`, docs/json.md);
- a JSON body shows MAX_DEPTH levels of nesting, a deeper array or object as
  "[... N more levels]", and MAX_MEMBERS members of each, then "... N more items"
  (pages/jsonbody.py);
- a form body shows MAX_MEMBERS pairs ("... N more pairs"), a multipart body MAX_MEMBERS
  parts ("... N more parts"); other bodies, PREVIEW_BYTES bytes (pages/body.py).

tests/pages/test_bounded.py holds every view of random and hostile requests to the bound.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

# Members of a list or map shown before "... N more": far above what browsers send (Chromium's
# and Firefox's longest list is Accept, 8 media ranges; a busy site's Cookie has a few dozen
# pairs, and those must still be shown whole), far below what makes a page unreadable.
MAX_MEMBERS = 100
# Levels of nesting of a JSON body shown before "[... N more levels]": real API documents
# nest well under ten deep. Each level indents its lines by two more spaces, so this also
# caps the indentation a line of the body can carry at 2 * MAX_DEPTH.
MAX_DEPTH = 20
PREVIEW_BYTES = 512  # bytes of a body that is not decoded (or too large to be)
PART_PREVIEW = 120  # characters of each multipart part's content
DECODE_LIMIT = 64 * 1024  # larger bodies are previewed, not decoded

# The bound. Measured over the views of tests/pages/test_bounded.py, as bytes of answer per
# byte of request once the page's fixed part is taken off: browsers' and curl's requests give
# 3 to 10 (Chromium's 704 bytes -> 5.9 KB of JSON, 4.9 KB of HTML, 2.6 KB of text). The most
# a request can get per byte is from short field lines the JSON view describes in full: an
# invalid "DNT: \r\n" becomes an object of some 250 bytes with its error (35 per byte), an
# unknown "A: \r\n" some 140 (28), a run of Range values 34; the HTML view of those stays
# under 31, the text view under 17. A JSON body indented to MAX_DEPTH gives at most
# 2 * MAX_DEPTH + 3 per two bytes ("1,"), 22; a form pair or multipart part's row under 30.
# So 64: twice the worst measured. (The elisions keep real answers far below the bound: 64 KB
# of nested JSON arrays, which made 60 MB of text, now make 1 to 36 KB.) The constant is the
# largest fixed page: /fields, the registry as a table (42 KB for 170 fields, growing with the
# registry), beside the inspector's skeleton and stylesheet (2.5 KB) and the /fields form
# with its list of names (9.5 KB).
OUTPUT_FACTOR = 64
OUTPUT_CONSTANT = 64 * 1024


def output_bound(request_size: int) -> int:
    """The most bytes any view may answer a request of `request_size` bytes with."""
    return OUTPUT_FACTOR * request_size + OUTPUT_CONSTANT


def more(count: int, noun: str) -> str:
    """What a page says in place of what it left out: "... 912 more levels"."""
    return f"... {count} more {noun}" + ("" if count == 1 else "s")


def elide_json(data: Any, written: int) -> tuple[Any, int]:
    """`data` (plain JSON data, as `to_json` makes it of a field's value) with each array and
    object cut to its first MAX_MEMBERS members, and how many members were left out in all.

    `written` is the length of the text the value was parsed from. Every member of a list or
    map in a value is written with one character at least (the fields of a dataclass aside,
    and no dataclass has MAX_MEMBERS fields), so a value written in fewer characters has
    nothing to leave out: the JSON view of every common field pays one comparison for this.
    Otherwise the data is walked once to count, and copied only when something is cut; field
    values nest a few levels deep at most (their grammars say so), so the walks recurse.
    """
    if written <= MAX_MEMBERS:
        return data, 0
    left = _left_out(data)
    return (_cut(data) if left else data), left


def _left_out(data: Any) -> int:
    kind = type(data)
    if kind is list:
        count = max(len(data) - MAX_MEMBERS, 0)
        members = data[:MAX_MEMBERS] if count else data
    elif kind is dict:
        count = max(len(data) - MAX_MEMBERS, 0)
        members = islice(data.values(), MAX_MEMBERS)
    else:
        return 0
    for member in members:
        if type(member) is list or type(member) is dict:
            count += _left_out(member)
    return count


def _cut(data: Any) -> Any:
    if type(data) is list:
        return [_cut(member) for member in data[:MAX_MEMBERS]]
    if type(data) is dict:
        return {key: _cut(member) for key, member in islice(data.items(), MAX_MEMBERS)}
    return data
