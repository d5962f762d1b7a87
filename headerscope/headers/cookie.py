"""Cookie: the cookies a user agent sends back, in order, duplicates kept (RFC 6265, 4.2, 5.4).

    cookie-string = cookie-pair *( ";" SP cookie-pair )
    cookie-pair   = cookie-name "=" cookie-value
    cookie-name   = token
    cookie-value  = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )
    cookie-octet  = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
                  ; US-ASCII characters excluding CTLs, whitespace, DQUOTE, comma, semicolon,
                  ; and backslash

Error or warning: browsers store whatever Set-Cookie gave them (RFC 6265, 5.2) and send it
back as "the cookie's name, the %x3D ("=") character, and the cookie's value" joined by "; "
(5.4), so real Cookie values break the strict grammar above: spaces, commas, quotes and
non-ASCII in values, names that are not tokens, nameless cookies (RFC 6265bis sends just the
value), a missing space after ";" from hand-written clients. Each of those is a warning at its
character, and the pair is kept as sent. The only errors are a control character (RFC 6265bis,
5.6: a user agent ignores a cookie that contains one, so none ever comes back; RFC 9110, 5.5
calls CR, LF and NUL "invalid and dangerous") and a value with no pair at all. A value is
quoted-or-not as sent: the DQUOTEs stay part of the value, as RFC 6265 keeps them.
"""

from __future__ import annotations

import re

from ..grammar import TOKEN_RE, describe
from ..grammar.rules import TCHAR
from ._shared.spec import SLOW, Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

_OCTET = r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]"
_PAIR = rf'{TOKEN_RE.pattern}=(?:{_OCTET}*|"{_OCTET}*")'
_STRICT_RE = re.compile(rf"{_PAIR}(?:; {_PAIR})*")
CTL_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_NOT_OCTET_RE = re.compile(r"[^\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]")
_NOT_TCHAR_RE = re.compile(f"[^{TCHAR}]")


@value_type
class CookiePair:
    """One cookie as sent; `name` is "" for a nameless cookie (RFC 6265bis)."""

    name: str
    value: str


Cookies = tuple[CookiePair, ...]


def parse(raw: str) -> Cookies:
    return analyse(raw)[0]


def write(value: Cookies) -> str:
    return "; ".join(write_pair(p) for p in value)


def write_pair(pair: CookiePair) -> str:
    if pair.name:
        return f"{pair.name}={pair.value}"
    # a nameless cookie goes out as its value alone, as browsers send it, unless that would
    # read back as a name: then "=value"
    return pair.value if pair.value and "=" not in pair.value else "=" + pair.value


def _strict(raw: str) -> Cookies | None:
    """The pairs of a value that matches the strict grammar (what browsers send for well-made
    cookies), which has nothing to warn about; None for any other value."""
    if _STRICT_RE.fullmatch(raw) is None:
        return None
    return tuple([CookiePair(name, value) for name, _, value in
                  (text.partition("=") for text in raw.split("; "))])


def fast(raw: str) -> object:
    pairs = _strict(raw)
    return SLOW if pairs is None else pairs


def analyse(raw: str) -> tuple[Cookies, list[Diagnostic]]:
    """The pairs and the warnings, in one pass."""
    pairs = _strict(raw)
    if pairs is not None:
        return pairs, []
    notes: list[Diagnostic] = []
    pairs = _scan(raw, notes)
    notes.sort(key=lambda d: d.position or 0)  # in the order of the value, for reading
    return pairs, notes


def check_ctl(raw: str) -> None:
    # RFC 6265bis, 5.6: if the string contains "a %x00-08 / %x0A-1F / %x7F character (CTL
    # characters excluding HTAB): Abort these steps and ignore the set-cookie-string entirely."
    bad = CTL_RE.search(raw)
    if bad is not None:
        raise FieldError(f"{describe(bad.group())} is a control character, which a cookie "
                         "cannot hold: user agents ignore such a cookie", bad.start())


def _scan(raw: str, notes: list[Diagnostic] | None) -> Cookies:
    check_ctl(raw)
    pairs: list[CookiePair] = []
    separators: list[int] = []
    start, end = 0, len(raw)
    while True:
        stop = raw.find(";", start)
        stop = end if stop < 0 else stop
        i, j = strip_span(raw, start, stop)
        if notes is not None:
            if i == j:
                notes.append(Diagnostic("empty cookie pair", max(start - 1, 0)))
            elif j != stop:  # whitespace before ';'
                separators.append(j)
            elif start and (i - start != 1 or raw[start] != " "):
                separators.append(start - 1)
        if i < j:
            pairs.append(scan_pair(raw, i, j, notes))
        if stop == end:
            break
        start = stop + 1
    if not pairs:
        raise FieldError("no cookie in the value: expected name=value pairs separated by '; '", 0)
    if notes is not None and separators:
        more = f" (and {len(separators) - 1} more)" if len(separators) > 1 else ""
        notes.append(Diagnostic("cookie pairs should be separated by ';' and one space, as "
                                f"user agents send them{more}", separators[0]))
    return tuple(pairs)


def scan_pair(raw: str, i: int, j: int, notes: list[Diagnostic] | None) -> CookiePair:
    """The name-value pair in raw[i:j] (no surrounding whitespace), as RFC 6265bis reads it."""
    eq = raw.find("=", i, j)
    if eq < 0:
        if notes is not None:
            notes.append(Diagnostic("no '=': a nameless cookie (RFC 6265bis); some servers read "
                                    "it as a name with an empty value instead", i))
        return _checked(CookiePair("", raw[i:j]), i, i, notes)
    name_end, value_at = strip_span(raw, i, eq)[1], strip_span(raw, eq + 1, j)[0]
    pair = CookiePair(raw[i:name_end], raw[value_at:j])
    if notes is not None and (name_end != eq or value_at != eq + 1):
        notes.append(Diagnostic("whitespace around '=' is not part of the cookie's name or "
                                "value; user agents remove it",
                                name_end if name_end != eq else eq + 1))
    return _checked(pair, i, value_at, notes)


def _checked(pair: CookiePair, name_at: int, value_at: int,
             notes: list[Diagnostic] | None) -> CookiePair:
    if notes is None:
        return pair
    bad = _NOT_TCHAR_RE.search(pair.name)
    if not pair.name and value_at != name_at:
        notes.append(Diagnostic("empty cookie name", name_at))
    elif bad is not None:
        notes.append(Diagnostic(f"{describe(bad.group())} is not allowed in a cookie name (a "
                                "token, RFC 6265, 4.1.1)", name_at + bad.start()))
    value, at = pair.value, value_at
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value, at = value[1:-1], at + 1
    bad = _NOT_OCTET_RE.search(value)
    if bad is not None:
        notes.append(Diagnostic(
            f"{describe(bad.group())} in the value of {pair.name!r} is not a cookie-octet "
            "(RFC 6265, 4.1.1, excludes whitespace, DQUOTE, comma, semicolon, backslash and "
            "non-ASCII); browsers send it, but a server may split or reject the value here",
            at + bad.start()))
    return pair


def strip_span(raw: str, i: int, j: int) -> tuple[int, int]:
    while i < j and raw[i] in " \t":
        i += 1
    while j > i and raw[j - 1] in " \t":
        j -= 1
    return i, j


COOKIE = FieldSpec("Cookie", parse, write, "RFC 6265, 4.2", kind=Kind.COOKIE,
                   value_type="tuple[CookiePair, ...]", analyse=analyse, fast=fast,
                   example="sessionid=38afes7a8; csrftoken=u32t4o3tb3gg43; _ga=GA1.1.1234.1700")
