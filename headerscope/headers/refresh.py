"""Refresh: reload the page, or go to another URL, after a delay (HTML Living Standard, 7.8
"The `Refresh` header"; the value and its processing are 4.2.5.3's, the refresh pragma).

"The `Refresh` HTTP response header is the HTTP-equivalent to a meta element with an
http-equiv attribute in the Refresh state. It takes the same value and works largely the
same." There is no ABNF. The authoring rule (4.2.5.3): the value must consist "either of: just
a valid non-negative integer, or a valid non-negative integer, followed by a U+003B SEMICOLON
character (;), followed by one or more ASCII whitespace, followed by a substring that is an
ASCII case-insensitive match for the string "URL", followed by a U+003D EQUALS SIGN character
(=), followed by a valid URL string that does not start with a literal U+0027 APOSTROPHE (') or
U+0022 QUOTATION MARK (") character." A recipient reads it with the "shared declarative refresh
steps", which accept more (4.2.5.3; step 1, and the steps after 11 that schedule the
refresh, are the document's):

    2. Let position point at the first code point of input.
    3. Skip ASCII whitespace within input given position.
    4. Let time be 0.
    5. Collect a sequence of code points that are ASCII digits from input given position,
       and let timeString be the result.
    6. If timeString is the empty string, then: 1. If the code point in input pointed to by
       position is not U+002E (.), then return.
    7. Otherwise, set time to the result of parsing timeString using the rules for parsing
       non-negative integers.
    8. Collect a sequence of code points that are ASCII digits and U+002E FULL STOP
       characters (.) from input given position. Ignore any collected characters.
    9. Let urlRecord be document's URL.
    10. If position is not past the end of input: 1. If the code point in input pointed to
       by position is not U+003B (;), U+002C (,), or ASCII whitespace, then return.
       2. Skip ASCII whitespace within input given position. 3. If the code point in input
       pointed to by position is U+003B (;) or U+002C (,), then advance position to the next
       code point. 4. Skip ASCII whitespace within input given position.
    11. If position is not past the end of input: 1. Let urlString be the substring of input
       from the code point at position to the end of the string. 2. If the code point in
       input pointed to by position is U+0055 (U) or U+0075 (u), then advance position to
       the next code point. Otherwise, jump to the step labeled skip quotes. 3. If [...]
       U+0052 (R) or U+0072 (r), then advance [...]. Otherwise, jump to the step labeled
       parse. 4. If [...] U+004C (L) or U+006C (l), then advance [...]. Otherwise, jump to
       the step labeled parse. 5. Skip ASCII whitespace within input given position. 6. If
       [...] U+003D (=), then advance [...]. Otherwise, jump to the step labeled parse.
       7. Skip ASCII whitespace within input given position. 8. Skip quotes: If the code
       point in input pointed to by position is U+0027 (') or U+0022 ("), then let quote be
       that code point, and advance position to the next code point. Otherwise, let quote
       be the empty string. 9. Set urlString to the substring of input from the code point
       at position to the end of the string. 10. If quote is not the empty string, and
       there is a code point in urlString equal to quote, then truncate urlString at that
       code point, so that it and all subsequent code points are removed. 11. Parse: Set
       urlRecord to the result of encoding-parsing a URL given urlString, relative to
       document. 12. If urlRecord is failure, then return. 13. If urlRecord's scheme is
       "javascript", then return.

The standard's own pages were not stored; the steps are quoted (elided only where "[...]"
stands for "the code point in input pointed to by position is" and "position to the next
code point") from two independent engines' sources that cite them step by step, and agree.

So the parser is the steps: where they "return", the value is an error; what they accept and
the authoring rule does not (a fraction, "," or white space for ";", no white space after ";",
no "URL=", a quoted URL, characters that are not URL units) is a warning. Of step 11.12, only
what needs no base URL is checked: a URL string that the URL parser would reject relative to
the document is not detected. Step 11.13 is: the URL parser first strips leading C0 controls
and spaces and removes every tab and newline, so "java<TAB>script:" is refused too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import INT_CEILING, describe, read_count
from ._shared.families import lint_ceiling
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type

_WS = "\t\n\f\r "  # ASCII whitespace (Infra)
_SKIP_WS = re.compile(f"[{_WS}]*")
_DIGITS = re.compile(r"[0-9]*")
_DIGITS_DOTS = re.compile(r"[0-9.]*")
_URL_KEYWORD = re.compile(f"[Uu][Rr][Ll][{_WS}]*=[{_WS}]*")
# The URL Standard's URL units, with "%" and the delimiters "#", "[" and "]" (field values are
# ISO-8859-1, so U+00A0-U+00FF is the non-ASCII part a field can carry).
_URL_UNITS = re.compile(r"[A-Za-z0-9!$&'()*+,\-./:;=?@_~%#\[\]\xa0-\xff]*")
_CONFORMING = re.compile(f"[0-9]+(?:;[{_WS}]+[Uu][Rr][Ll]=)?")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")


def _end(run: re.Pattern[str], raw: str, pos: int) -> int:
    """Where a run of `run`'s characters from `pos` ends (each pattern matches "")."""
    m = run.match(raw, pos)
    assert m is not None
    return m.end()


@value_type
class Refresh:
    seconds: int
    url: str | None = None  # None: reload this page


def _read(raw: str) -> tuple[Refresh, int, int, bool]:
    """The steps: the value, where the delay's digits end, where the URL itself starts and
    whether a quote before it was skipped."""
    pos = _end(_SKIP_WS, raw, 0)
    digits_end = _end(_DIGITS, raw, pos)
    if digits_end == pos and raw[pos:pos + 1] != ".":
        raise FieldError("expected the delay: a number of seconds", pos)
    seconds = read_count(raw[pos:digits_end], INT_CEILING) if digits_end > pos else 0
    pos = _end(_DIGITS_DOTS, raw, digits_end)
    if pos < len(raw):
        if raw[pos] not in ";," + _WS:
            raise FieldError("after the delay comes ';', ',' or white space, then the URL", pos)
        pos = _end(_SKIP_WS, raw, pos)
        if raw[pos:pos + 1] in (";", ","):
            pos += 1
        pos = _end(_SKIP_WS, raw, pos)
    if pos == len(raw):
        return Refresh(seconds), digits_end, pos, False
    start, quoted = pos, False
    keyword = _URL_KEYWORD.match(raw, pos)
    if keyword is None and raw[pos] in "Uu":
        url = raw[pos:]  # "U" then not "RL" ... "=": the steps jump to parse the whole rest
    else:
        pos = pos if keyword is None else keyword.end()
        quote = raw[pos:pos + 1]
        if quote in ("'", '"'):
            pos, quoted = pos + 1, True
            close = raw.find(quote, pos)
            url = raw[pos:] if close < 0 else raw[pos:close]
        else:
            url = raw[pos:]
    if url.lstrip(_C0_AND_SPACE).translate(_TAB_NEWLINE)[:11].lower() == "javascript:":
        raise FieldError("a javascript: URL is refused: the refresh does nothing", start)
    return Refresh(seconds, url), digits_end, pos, quoted


def parse(raw: str) -> Refresh:
    return _read(raw)[0]


def write(value: Refresh) -> str:
    if value.url is None:
        return str(value.seconds)
    url = value.url
    if url[:1] in ("'", '"'):  # a quote the steps would skip: quote it with the other one
        url = ('"' if url[0] == "'" else "'") + url
    return f"{value.seconds}; url={url}"


def analyse(raw: str) -> tuple[Refresh, list[Diagnostic]]:
    """The value and its warnings from one reading of the steps."""
    value, digits_end, url_at, quoted = _read(raw)
    return value, list(_lint(value, raw, digits_end, url_at, quoted))


def _lint(value: Refresh, raw: str, digits_end: int, url_at: int,
          quoted: bool) -> Iterator[Diagnostic]:
    yield from lint_ceiling(raw[:digits_end], "the delay", INT_CEILING)
    m = _CONFORMING.match(raw)
    conforming_end = 0 if m is None else m.end()
    if value.url is None:
        if conforming_end != len(raw):
            yield Diagnostic("the value must be a whole number of seconds, or that, '; URL=' "
                             "and a URL (HTML, 4.2.5.3)", conforming_end)
        return
    if quoted:
        yield Diagnostic("the URL must not be quoted: a recipient drops the quote and "
                         "everything after the closing one (HTML, 4.2.5.3)", url_at - 1)
    elif conforming_end != url_at or not raw[:conforming_end].endswith("="):
        yield Diagnostic("the URL must follow the delay as '; URL=' (a semicolon, white space "
                         "and URL=, no white space around '='; HTML, 4.2.5.3)",
                         min(conforming_end, url_at))
    units = _URL_UNITS.match(value.url)
    if units is not None and units.end() < len(value.url):
        yield Diagnostic(f"{describe(value.url[units.end()])} is not a URL code point: the URL "
                         "must be a valid URL string (percent-encode it)", url_at + units.end())


REFRESH = FieldSpec("Refresh", parse, write, "HTML, 7.8 and 4.2.5.3", value_type="Refresh",
                    analyse=analyse, example="5; url=https://www.example.com/next")
