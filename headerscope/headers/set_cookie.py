"""Set-Cookie: a cookie and its attributes, one per field line (RFC 6265, 4.1; RFC 6265bis).

    set-cookie-string = cookie-pair *( ";" SP cookie-av )
    cookie-av         = expires-av / max-age-av / domain-av / path-av / secure-av /
                        httponly-av / samesite-av / partitioned-av / extension-av
    expires-av        = "Expires=" sane-cookie-date      ; read with RFC 6265, 5.1.1
    max-age-av        = "Max-Age=" non-zero-digit *DIGIT  ; user agents also take "-" and 0
    domain-av         = "Domain=" domain-value
    path-av           = "Path=" path-value
    secure-av         = "Secure"
    httponly-av       = "HttpOnly"
    samesite-av       = "SameSite=" ( "Strict" / "Lax" / "None" )
    extension-av      = <any CHAR except CTLs or ";">

Error or warning: the cookie-pair follows the Cookie field's rules (see `cookie`). An attribute
a user agent would ignore (an unknown name, an Expires that is not a cookie-date, a Max-Age
that is not an integer, an empty Domain, a Path not starting with "/") is kept verbatim in
`extensions` with a warning saying what the browser does, since the cookie itself is still
stored. Attribute names are case-insensitive; when one repeats, "the last attribute in the
cookie-attribute-list" with that name counts (RFC 6265, 5.3), with a warning.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..grammar import read_count
from ._shared.cookie_date import parse_cookie_date
from ._shared.dates import format_http_date
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type
from .cookie import CookiePair as _Pair
from .cookie import check_ctl, scan_pair, strip_span, write_pair

_MAX_AGE_RE = re.compile(r"-?[0-9]+")
_FLAGS = {"secure": "Secure", "httponly": "HttpOnly", "partitioned": "Partitioned"}
_NON_STANDARD = {"priority": "Priority is a Chromium extension; other user agents ignore it"}
_400_DAYS = 400 * 24 * 3600


class SameSite(enum.Enum):
    STRICT = "Strict"
    LAX = "Lax"
    NONE = "None"


_SAME_SITE = {s.value.lower(): s for s in SameSite}


@value_type
class CookieAttribute:
    """An attribute kept as sent; `value` is None when it had no "="."""

    name: str
    value: str | None


@value_type
class SetCookie:
    """A cookie; None and False mean the attribute is absent. `domain` is lower-cased without
    a leading "." (RFC 6265, 5.2.3); `extensions` are attributes browsers ignore, in order."""

    name: str
    value: str
    expires: datetime | None = None
    max_age: int | None = None
    domain: str | None = None
    path: str | None = None
    secure: bool = False
    http_only: bool = False
    same_site: SameSite | None = None
    partitioned: bool = False
    extensions: tuple[CookieAttribute, ...] = ()


def parse(raw: str) -> SetCookie:
    return _scan(raw, None)


def write(value: SetCookie) -> str:
    parts = [write_pair(_Pair(value.name, value.value))]
    if value.expires is not None:
        parts.append("Expires=" + format_http_date(value.expires))
    if value.max_age is not None:
        parts.append(f"Max-Age={value.max_age}")
    if value.domain is not None:
        parts.append(f"Domain={value.domain}")
    if value.path is not None:
        parts.append(f"Path={value.path}")
    parts += [name for name, on in (("Secure", value.secure), ("HttpOnly", value.http_only))
              if on]
    if value.same_site is not None:
        parts.append(f"SameSite={value.same_site.value}")
    if value.partitioned:
        parts.append("Partitioned")
    parts += [a.name if a.value is None else f"{a.name}={a.value}" for a in value.extensions]
    return "; ".join(parts)


def analyse(raw: str) -> tuple[SetCookie, list[Diagnostic]]:
    """The cookie, and the warnings the same scan finds: one pass over the value."""
    notes: list[Diagnostic] = []
    return _scan(raw, notes), notes


def _attribute(key: str, value: str | None) -> Any:
    """The typed value of a known attribute; FieldError(reason) when browsers ignore it."""
    if key == "expires":
        try:
            return parse_cookie_date(value or "")
        except FieldError as exc:
            raise FieldError(f"browsers ignore this Expires: {exc.reason}") from None
    if key == "max-age":
        if value is None or _MAX_AGE_RE.fullmatch(value) is None:
            raise FieldError("Max-Age is not an integer, so browsers ignore it")
        # RFC 6265, 5.2.2: "Let delta-seconds be the attribute-value converted to an
        # integer": a magnitude of any length ("0060" is 60), past 2^63 - 1 read as that
        magnitude = read_count(value.lstrip("-"))
        return -magnitude if value[0] == "-" else magnitude
    if key == "domain":
        if not value:  # RFC 6265, 5.2.3: "the user agent SHOULD ignore the cookie-av entirely"
            raise FieldError("an empty Domain is ignored")
        return value.removeprefix(".").lower()
    if key == "path":
        if not value or value[0] != "/":
            raise FieldError("a Path that does not start with '/' is ignored; browsers use the "
                             "default path (the request path up to its last '/')")
        return value
    if key == "samesite":
        same_site = _SAME_SITE.get((value or "").lower())
        if same_site is None:
            raise FieldError("SameSite is not Strict, Lax or None, so browsers ignore it")
        return same_site
    return True  # a flag


def _scan(raw: str, notes: list[Diagnostic] | None) -> SetCookie:
    check_ctl(raw)
    end = len(raw)
    stop = raw.find(";")
    stop = end if stop < 0 else stop
    i, j = strip_span(raw, 0, stop)
    if i == j:
        raise FieldError("expected the cookie's name=value before the first ';'", i)
    pair = scan_pair(raw, i, j, notes)
    if not pair.name and not pair.value:
        # RFC 6265bis, 5.6: "If both the name string and the value string are empty, ignore
        # the set-cookie-string entirely."
        raise FieldError("the cookie has neither a name nor a value; browsers ignore it", i)
    attrs: dict[str, Any] = {}
    where: dict[str, int] = {}
    extensions: list[CookieAttribute] = []
    while stop < end:
        start = stop + 1
        stop = raw.find(";", start)
        stop = end if stop < 0 else stop
        i, j = strip_span(raw, start, stop)
        if i == j:
            continue
        eq = raw.find("=", i, j)
        name_end = j if eq < 0 else strip_span(raw, i, eq)[1]
        value = None if eq < 0 else raw[strip_span(raw, eq + 1, j)[0]:j]
        name = raw[i:name_end]
        key = name.lower()
        if key not in _KNOWN:
            extensions.append(CookieAttribute(name, value))
            _note(notes, _NON_STANDARD.get(key, f"unknown attribute {name!r}: user agents ignore "
                                                "attributes they do not recognize"), i)
            continue
        try:
            typed = _attribute(key, value)
        except FieldError as exc:
            extensions.append(CookieAttribute(name, value))
            _note(notes, exc.reason, i)
            continue
        if key in _FLAGS and value is not None:
            _note(notes, f"{_FLAGS[key]} takes no value; browsers ignore '={value}'", i)
        if key in attrs:
            _note(notes, f"{name} is repeated; the last one is used", i)
        attrs[key], where[key] = typed, i
        if notes is not None and key in ("expires", "domain", "max-age"):
            _check_spelling(key, value or "", typed, i, notes)
    cookie = SetCookie(pair.name, pair.value, attrs.get("expires"), attrs.get("max-age"),
                       attrs.get("domain"), attrs.get("path"), "secure" in attrs,
                       "httponly" in attrs, attrs.get("samesite"), "partitioned" in attrs,
                       tuple(extensions))
    if notes is not None:
        notes += _semantics(cookie, where)
    return cookie


_KNOWN = frozenset({"expires", "max-age", "domain", "path", "samesite", *_FLAGS})


def _note(notes: list[Diagnostic] | None, reason: str, position: int) -> None:
    if notes is not None:
        notes.append(Diagnostic(reason, position))


def _check_spelling(key: str, value: str, typed: Any, at: int, notes: list[Diagnostic]) -> None:
    if key == "expires" and value != format_http_date(typed):
        # RFC 6265, 4.1.1: expires-av = "Expires=" sane-cookie-date (an IMF-fixdate)
        notes.append(Diagnostic(f"Expires should be an IMF-fixdate "
                                f"({format_http_date(typed)!r}); other clients may not read "
                                "this form", at))
    elif key == "domain" and value.startswith("."):
        notes.append(Diagnostic("the leading '.' of Domain is ignored (RFC 6265, 5.2.3)", at))
    elif key == "max-age" and len(value.lstrip("-")) > 1 and value.lstrip("-")[0] == "0":
        # 4.1.1: max-age-av = "Max-Age=" non-zero-digit *DIGIT; a user agent reads the number
        notes.append(Diagnostic(f"Max-Age should have no leading zero (Max-Age={typed}); "
                                "browsers read the number", at))


def _semantics(c: SetCookie, where: dict[str, int]) -> Iterator[Diagnostic]:
    """The rules under which browsers reject a cookie, or shorten its life (RFC 6265bis)."""
    prefix = c.name[:9].lower()
    if prefix == "__secure-" and not c.secure:
        yield Diagnostic("a __Secure- cookie must be set with Secure; browsers reject it", 0)
    if c.name[:7].lower() == "__host-" and (not c.secure or c.domain is not None
                                             or c.path != "/"):
        yield Diagnostic("a __Host- cookie must have Secure and Path=/ and no Domain; browsers "
                         "reject it", 0)
    if c.same_site is SameSite.NONE and not c.secure:
        yield Diagnostic("SameSite=None requires Secure; browsers reject this cookie",
                         where["samesite"])
    if c.partitioned and not c.secure:
        yield Diagnostic("a Partitioned cookie must be Secure; browsers reject it",
                         where["partitioned"])
    if c.max_age is not None and c.max_age > _400_DAYS:
        yield Diagnostic("browsers cap a cookie's lifetime at 400 days (RFC 6265bis, 5.5)",
                         where["max-age"])
    if c.max_age is not None and c.max_age < 0:
        yield Diagnostic("a negative Max-Age expires the cookie at once, as 0 does; senders "
                         "must use a positive number", where["max-age"])
    if len(c.name) + len(c.value) > 4096:
        yield Diagnostic("name and value exceed 4096 octets; browsers ignore this cookie", 0)


SET_COOKIE = FieldSpec("Set-Cookie", parse, write, "RFC 6265, 4.1; RFC 6265bis",
                       kind=Kind.MULTI, value_type="SetCookie", analyse=analyse,
                       example="sid=31d4d96e407aad42; Path=/; Secure; HttpOnly; SameSite=Lax")
