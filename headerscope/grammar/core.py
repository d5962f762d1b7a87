"""The cursor lexer: the shared productions of RFC 9110, section 5.6, over one field value
(the character classes and small patterns are in rules.py).

Strategy: a `Cursor` walks one string left to right. Each method consumes one production or
raises `FieldError` with the position of the first character that does not fit, so a caller
never has to compute positions itself. Single productions use compiled regular expressions
(`re.match` at a position is much faster than a Python loop per character); structure (lists,
parameters, nesting) is plain code over the cursor.

    token          = 1*tchar
    tchar          = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
                     "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    OWS            = *( SP / HTAB )
    quoted-string  = DQUOTE *( qdtext / quoted-pair ) DQUOTE
    qdtext         = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
    quoted-pair    = "\\" ( HTAB / SP / VCHAR / obs-text )
    comment        = "(" *( ctext / quoted-pair / comment ) ")"
    ctext          = HTAB / SP / %x21-27 / %x2A-5B / %x5D-7E / obs-text
    token68        = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    parameters     = *( OWS ";" OWS [ parameter ] )
    parameter      = parameter-name "=" parameter-value
    #element       = [ element ] *( OWS "," OWS [ element ] )
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from .errors import SLOW, FieldError
from .rules import QDTEXT, SEP, TOKEN_RE

T = TypeVar("T")

_QUOTED_RE = re.compile(f'"({QDTEXT})"')
_QUOTED_PAIR_RE = re.compile(r"\\(.)", re.S)
_TOKEN68_RE = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
_DIGITS_RE = re.compile(r"[0-9]+")
_SEP_RE = re.compile(SEP)
_LEAD_RE = re.compile(r"[ \t,]*")
FAST_PATHS = True  # tests switch it off to check that fast paths and the grammar agree
Fast = tuple[re.Pattern[str], Callable[[re.Match[str]], T]]


def is_token(text: str) -> bool:
    return TOKEN_RE.fullmatch(text) is not None


def describe(ch: str) -> str:
    """Name a character so that an invisible or confusable one is still readable."""
    if ch == "":
        return "end of value"
    if ch.isprintable() and ch != " " and ord(ch) < 0x7F:
        return repr(ch)
    return f"U+{ord(ch):04X}"


def expect_run(text: str, allowed: re.Pattern[str], reason: str, pos: int = 0) -> None:
    """Check that text[pos:] holds only characters `allowed` (a `[...]*` pattern) accepts;
    else a FieldError at the first one it does not, named, then `reason` ("is not a base64url
    character")."""
    m = allowed.match(text, pos)
    stop = pos if m is None else m.end()
    if stop < len(text):
        raise FieldError(f"{describe(text[stop])} {reason}", stop)


def quote(text: str) -> str:
    """Write `text` as a token if it is one, else as a quoted-string."""
    if TOKEN_RE.fullmatch(text):
        return text
    return quote_string(text)


def quote_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Cursor:
    """A position in one field value; every method raises FieldError at the bad character."""

    __slots__ = ("end", "pos", "text")

    def __init__(self, text: str, pos: int = 0) -> None:
        self.text = text
        self.pos = pos
        self.end = len(text)

    # -- looking ---------------------------------------------------------------------------

    def at_end(self) -> bool:
        return self.pos >= self.end

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < self.end else ""

    def error(self, reason: str, pos: int | None = None) -> FieldError:
        return FieldError(reason, self.pos if pos is None else pos)

    def unexpected(self, wanted: str) -> FieldError:
        return self.error(f"expected {wanted}, found {describe(self.peek())}")

    # -- consuming -------------------------------------------------------------------------

    def skip_ows(self) -> None:
        text, pos = self.text, self.pos
        while pos < self.end and text[pos] in " \t":
            pos += 1
        self.pos = pos

    def take(self, ch: str) -> bool:
        """Consume `ch` if it is next."""
        if self.pos < self.end and self.text[self.pos] == ch:
            self.pos += 1
            return True
        return False

    def expect(self, ch: str) -> None:
        if not self.take(ch):
            raise self.unexpected(repr(ch))

    def expect_end(self) -> None:
        if self.pos < self.end:
            raise self.error(f"unexpected {describe(self.text[self.pos])}")

    def parameter(self, *, empty: bool = False) -> bool:
        """Consume the `OWS ";" OWS` before a parameter and say whether one follows; before
        anything else leave the cursor where it was and say False. With `empty`, the
        grammar's `*( OWS ";" OWS [ parameter ] )`: empty parameters (";;", a trailing ";")
        are consumed and skipped. A parameter loop is then `while cur.parameter(): ...`."""
        text, end = self.text, self.end
        while True:
            save = self.pos
            self.skip_ows()
            if not self.take(";"):
                self.pos = save
                return False
            self.skip_ows()
            if not (empty and (self.pos >= end or text[self.pos] in ",;")):
                return True

    def equals(self) -> bool:
        """Consume the `BWS "=" BWS` of a name's optional `[ BWS "=" BWS value ]` and say
        whether a value follows; before anything else leave the cursor where it was and say
        False, as `parameter` does for ";"."""
        save = self.pos
        self.skip_ows()
        if self.take("="):
            self.skip_ows()
            return True
        self.pos = save
        return False

    def token(self, what: str = "a token") -> str:
        m = TOKEN_RE.match(self.text, self.pos)
        if m is None:
            raise self.unexpected(what)
        self.pos = m.end()
        return m.group()

    def digits(self, what: str = "a number") -> str:
        m = _DIGITS_RE.match(self.text, self.pos)
        if m is None:
            raise self.unexpected(what)
        self.pos = m.end()
        return m.group()

    def quoted_string(self) -> str:
        """Consume a quoted-string and return its content with quoted-pairs undone."""
        m = _QUOTED_RE.match(self.text, self.pos)
        if m is None:
            raise self._quoted_string_error()
        self.pos = m.end()
        content = m.group(1)
        return _QUOTED_PAIR_RE.sub(r"\1", content) if "\\" in content else content

    def token_or_quoted(self, what: str = "a token or a quoted-string") -> str:
        if self.peek() == '"':
            return self.quoted_string()
        return self.token(what)

    def token68(self) -> str:
        m = _TOKEN68_RE.match(self.text, self.pos)
        if m is None:
            raise self.unexpected("a token68")
        self.pos = m.end()
        return m.group()

    def bracketed(self, opens: str = "") -> tuple[int, int]:
        """Consume "<" ... ">" (a URI-reference in Link, a Coded-URL or resource tag in WebDAV)
        and return where its content starts and ends; `opens` ("opens a Coded-URL that")
        names it in the error."""
        start = self.pos
        self.expect("<")
        close = self.text.find(">", self.pos)
        if close < 0:
            what = f"{opens} " if opens else ""
            raise self.error(f"'<' {what}is not closed with '>'", start)
        opened, self.pos = self.pos, close + 1
        return opened, close

    def comment(self) -> str:
        """Consume a (possibly nested) comment and return it with its parentheses."""
        start, depth, text = self.pos, 0, self.text
        if not self.take("("):
            raise self.unexpected("'('")
        depth = 1
        while self.pos < self.end:
            ch = text[self.pos]
            if ch == "\\":
                if self.pos + 1 >= self.end or not _pair_char(text[self.pos + 1]):
                    raise self.error("backslash must quote a visible character", self.pos)
                self.pos += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    self.pos += 1
                    return text[start:self.pos]
            elif not (ch == "\t" or " " <= ch <= "~" or "\x80" <= ch <= "\xff"):
                raise self.error(f"{describe(ch)} is not allowed in a comment")
            self.pos += 1
        raise self.error("comment is not closed with ')'", start)

    def _quoted_string_error(self) -> FieldError:
        """Find the exact character where a quoted-string goes wrong (the slow path)."""
        text, pos = self.text, self.pos
        if pos >= self.end or text[pos] != '"':
            return self.unexpected("a quoted-string")
        start, pos = pos, pos + 1
        while pos < self.end:
            ch = text[pos]
            if ch == '"':
                break
            if ch == "\\":
                if pos + 1 >= self.end or not _pair_char(text[pos + 1]):
                    return FieldError("backslash must quote a visible character", pos)
                pos += 2
                continue
            if not _pair_char(ch):
                return FieldError(f"{describe(ch)} is not allowed in a quoted-string", pos)
            pos += 1
        return FieldError("quoted-string is not closed with '\"'", start)


def _pair_char(ch: str) -> bool:
    return ch == "\t" or " " <= ch <= "~" or "\x80" <= ch <= "\xff"


def parse_list(
    raw: str,
    element: Callable[[Cursor], T],
    *,
    fast: Fast[T] | None = None,
    at_least_one: bool = False,
    what: str = "list",
    start: int = 0,
) -> tuple[T, ...]:
    """Parse an RFC 9110 `#element` list (`1#element` with `at_least_one`) from `raw[start:]`.

    "A recipient MUST parse and ignore a reasonable number of empty list elements" (RFC 9110,
    5.6.1.2): `[ \\t,]*` skips them (`headers/_shared/content.list_lint` warns of them, naming the
    sender's rule). OWS belongs around commas only: `#element = [ element ] *( OWS "," OWS
    [ element ] )` has none before the first element or after the last, so whitespace there
    with no comma beside it is an error. (A field value has its own surrounding whitespace
    removed before it gets here; this matters where a list starts inside a value, as after
    `bytes=`, or inside a quoted-string, as Cache-Control's `no-cache="a, b"`.)
    `element` consumes one member and leaves the cursor on what follows it; anything but OWS
    and a comma there is an error at that character. `fast`, when given, is (pattern, build):
    one expression for a whole common member and the separator after it (it ends with
    `SEP`), so that a typical value costs one `re.match` per member; whatever it does not
    match goes through `element`, the reference grammar.
    """
    end, pos = len(raw), start
    if pos < end and raw[pos] in " \t,":
        m = _LEAD_RE.match(raw, pos)
        pos = m.end() if m else pos
        if pos < end and "," not in raw[start:pos]:
            raise FieldError("whitespace before the first list element: the list rule allows "
                             "it only around a comma (RFC 9110, 5.6.1)", start)
    items: list[T] = []
    quick = fast[0].match if fast is not None and FAST_PATHS else None
    cur: Cursor | None = None  # made only when a member needs the cursor walk
    while pos < end:
        if quick is not None and fast is not None:
            m = quick(raw, pos)
            if m is not None:
                items.append(fast[1](m))
                pos = m.end()
                continue
        if cur is None:
            cur = Cursor(raw)
        cur.pos = pos
        items.append(element(cur))
        m = _SEP_RE.match(raw, cur.pos)
        if m is None:
            cur.skip_ows()
            raise cur.unexpected("',' or the end of the value")
        pos = m.end()
    if end > start and raw[end - 1] in " \t" and items:
        last = raw.rstrip(" \t,")  # no element ends with SP, HTAB or ","
        if "," not in raw[len(last):]:
            raise FieldError("whitespace after the last list element: the list rule allows it "
                             "only around a comma (RFC 9110, 5.6.1)", len(last))
    if at_least_one and not items:
        raise FieldError(f"empty {what}: at least one element is required", start)
    return tuple(items)


_TOKEN_LIST_RE = re.compile(rf"{TOKEN_RE.pattern}(?:[ \t]*,[ \t]*{TOKEN_RE.pattern})*")


def fast_token_list(lower: bool) -> Callable[[str], object]:
    """A FieldSpec.fast for `#token` / `1#token`: tokens and commas only, read in one go."""
    whole, tokens = _TOKEN_LIST_RE.fullmatch, TOKEN_RE.findall

    def fast(raw: str) -> object:
        if whole(raw) is None:
            return SLOW
        return tuple(tokens(raw.lower() if lower else raw))

    return fast


def parse_params(cur: Cursor, *, lower_names: bool = True) -> dict[str, str]:
    """Parse `*( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )` after a value.

    Parameter names are case-insensitive (RFC 9110, 5.6.6) and are returned lower-cased. A
    repeated name is an error: two values for one parameter cannot be read one way.
    """
    params: dict[str, str] = {}
    while cur.parameter(empty=True):  # the grammar's [ parameter ]: empty ones are skipped
        start = cur.pos
        name = cur.token("a parameter name")
        if lower_names:
            name = name.lower()
        cur.expect("=")
        value = cur.token_or_quoted("a parameter value")
        if name in params:
            raise FieldError(f"parameter {name!r} is repeated", start)
        params[name] = value
    return params


def write_params(params: dict[str, str]) -> str:
    return "".join(f";{name}={quote(value)}" for name, value in params.items())


# The largest count most implementations can hold (a signed 64-bit integer): the ceiling of a
# `1*DIGIT` whose grammar sets no bound (see `parse_count`).
INT_CEILING = 2**63 - 1


def parse_int(cur: Cursor, what: str = "a number", *, max_digits: int = 19) -> int:
    """`1*DIGIT` as a magnitude, where a grammar or a use bounds it: leading zeros are valid
    and not counted ("007" is 7); more than `max_digits` significant digits is an error."""
    start = cur.pos
    digits = cur.digits(what).lstrip("0")
    if len(digits) > max_digits:
        raise FieldError(f"{what} has too many digits: more than {max_digits}, leading zeros "
                         "aside", start)
    return int(digits) if digits else 0


def parse_count(cur: Cursor, what: str = "a number", *, ceiling: int = INT_CEILING) -> int:
    """`1*DIGIT` where the grammar sets no bound: its magnitude, or `ceiling` when larger.

    Any such value is valid ("a recipient MUST anticipate potentially large decimal numerals
    and prevent parsing errors due to integer conversion overflows", RFC 9110, 8.6), so a
    larger one is read as the ceiling, not refused; the field's lint says so
    (`over_ceiling`). Cut by length before `int()`, which is not linear in the digits.
    """
    return read_count(cur.digits(what), ceiling)


def read_count(digits: str, ceiling: int = INT_CEILING) -> int:
    """The value of a run of ASCII digits already matched, at most `ceiling`."""
    digits = digits.lstrip("0")
    if len(digits) > len(str(ceiling)):
        return ceiling
    return min(int(digits), ceiling) if digits else 0


def over_ceiling(digits: str, ceiling: int = INT_CEILING) -> bool:
    """Whether a run of ASCII digits is larger than `ceiling` (so it was read as it)."""
    digits = digits.lstrip("0")
    size = len(str(ceiling))
    return len(digits) > size or (len(digits) == size and int(digits) > ceiling)
