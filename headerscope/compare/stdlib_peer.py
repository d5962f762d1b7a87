"""The standard library, where it has a parser that people use on HTTP fields.

    email.utils.parsedate_to_datetime   the HTTP dates (werkzeug wraps it too)
    http.cookies.SimpleCookie           Cookie and Set-Cookie (http.server-era code, Django)
    email.message.Message               Content-Type (the documented stand-in for cgi)
    urllib.parse.urlsplit               Referer, Location, Content-Location, Origin, Host
    ipaddress.ip_address                X-Forwarded-For, X-Real-IP

Always present, so this peer is never missing. Two of them take time that grows faster than
the value (measured in tests/compare/test_caps.py, worst input in the comment), so a longer
value is not given to them (`Adapter.limit`): a comparison runs inside the server.
"""

from __future__ import annotations

import contextlib
import ipaddress
from collections.abc import Callable
from email.message import Message
from email.utils import collapse_rfc2231_value, parsedate_to_datetime
from http.cookies import CookieError, SimpleCookie
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from ..headers import ParsedField
from . import _normal as n
from ._model import Adapter, Case, Normal, Peer, Rejected

# SimpleCookie.load matches its cookie pattern with a lazy key over a run of key characters,
# "=" among them: "=" * n + '"' is quadratic (0.5 ms at 128 characters, 2 ms at 256, 8 ms at
# 512, 2.8 s at 8 KiB).
SIMPLECOOKIE_LIMIT = 256
# email.message's _parseparam counts the quotes before every ";" again: '"' + ";" * n is
# quadratic (0.7 ms at 1 KiB, 8 ms at 4 KiB, 270 ms at 16 KiB).
GET_PARAMS_LIMIT = 1024
# SimpleCookie's attribute names (Morsel._reserved), as they show up in a normal form.
_MORSEL = ("expires", "path", "domain", "max-age", "secure", "httponly", "samesite",
           "partitioned")


def _date(raw: str) -> Normal:
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError) as exc:
        raise Rejected(f"parsedate_to_datetime raised {type(exc).__name__}: {exc}") from None


def _cookies(raw: str) -> SimpleCookie:
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError as exc:
        raise Rejected(f"SimpleCookie.load raised CookieError: {exc}") from None
    return jar


def _read_cookie(raw: str) -> Normal:
    return [[name, morsel.value] for name, morsel in _cookies(raw).items()]


def _read_set_cookie(raw: str) -> Normal:
    out = []
    for name, morsel in _cookies(raw).items():
        attrs = {k: morsel[k] for k in _MORSEL if morsel.get(k)}
        if isinstance(attrs.get("expires"), str):  # compared as a time, not as its spelling
            with contextlib.suppress(TypeError, ValueError):
                attrs["expires"] = parsedate_to_datetime(attrs["expires"]).isoformat()
        out.append({"name": name, "value": morsel.value, "attrs": attrs})
    return out


def _our_set_cookie(f: ParsedField) -> Normal:
    c = f.value
    attrs: dict[str, Any] = {
        "expires": None if c.expires is None else c.expires.isoformat(),
        "path": c.path, "domain": c.domain,
        "max-age": None if c.max_age is None else str(c.max_age),
        "secure": c.secure, "httponly": c.http_only,
        "samesite": None if c.same_site is None else c.same_site.value,
        "partitioned": c.partitioned}
    return [{"name": c.name, "value": c.value,
             "attrs": {k: v for k, v in attrs.items() if v}}]


def _read_content_type(raw: str) -> Normal:
    m = Message()
    m["content-type"] = raw
    params = {k.lower(): collapse_rfc2231_value(v) for k, v in (m.get_params() or [])[1:] if k}
    return [m.get_content_type(), params]


def _split(raw: str) -> Normal:
    try:
        u = urlsplit(raw)
        port = u.port
    except ValueError as exc:
        raise Rejected(f"urlsplit raised ValueError: {exc}") from None
    userinfo = u.netloc.rpartition("@")[0] if "@" in u.netloc else None
    return {"scheme": u.scheme or None, "userinfo": userinfo, "host": u.hostname,
            "port": port, "path": u.path, "query": u.query, "fragment": u.fragment}


def _our_uri(f: ParsedField) -> Normal:
    v = f.value
    host = getattr(v, "host", None)
    return {"scheme": getattr(v, "scheme", None), "userinfo": v.userinfo,
            "host": None if host is None else host.host, "port": None if host is None
            else host.port, "path": v.path, "query": v.query or "", "fragment": v.fragment or ""}


def _read_host(raw: str) -> Normal:
    parts = _split("//" + raw)
    if parts["userinfo"] is not None or parts["path"] or parts["query"] or parts["fragment"]:
        return {"host": parts["host"], "port": parts["port"], "userinfo": parts["userinfo"],
                "rest": parts["path"] + parts["query"] + parts["fragment"]}
    return {"host": parts["host"], "port": parts["port"]}


def _read_origin(raw: str) -> Normal:
    if raw == "null":
        return "null"
    u = _split(raw)
    return [{"scheme": u["scheme"], "host": u["host"], "port": u["port"]}]


def _our_origin(f: ParsedField) -> Normal:
    if f.value == "null" or not isinstance(f.value, tuple):
        return "null"
    return [{"scheme": o.scheme, "host": o.host, "port": o.port} for o in f.value]


def _address(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip(" \t")))
    except ValueError as exc:
        raise Rejected(f"ipaddress.ip_address raised ValueError: {exc}") from None


def _our_node(node: Any) -> str:
    try:
        address = str(ipaddress.ip_address(node.name))
    except ValueError:
        address = node.name
    return address if node.port is None else f"{address}:{node.port}"


def _explain(keys: dict[str, str]) -> Callable[[Case], str | None]:
    """Pick the class by the first predicate name that holds."""

    def explain(case: Case) -> str | None:
        for test, key in keys.items():
            if _TESTS[test](case):
                return key
        return None

    return explain


_TESTS: dict[str, Callable[[Case], bool]] = {
    "two-digit-year": lambda c: c.ours is not None and c.theirs is not None
    and "-" in c.raw[:16],
    "no-zone": lambda c: isinstance(c.theirs, str) and "+" not in c.theirs[10:]
    and "-" not in c.theirs[10:],
    "zone": lambda c: c.ours is None and c.raw.rpartition(" ")[2].upper() != "GMT",
    "leap": lambda c: ":60" in c.raw,
    "we-reject": lambda c: c.ours is None,
    "dquote": lambda c: '"' in c.raw,
    "duplicate": lambda c: c.ours is not None and len({p[0] for p in c.ours}) < len(c.ours),
    "dollar": lambda c: "$" in c.raw,
    "reserved": lambda c: any(p.split("=")[0].strip().lower() in (*_MORSEL, "comment",
                              "version") for p in c.raw.split(";")),
    "dropped": lambda c: isinstance(c.theirs, list) and c.ours is not None
    and len(c.theirs) < len(c.ours),
    # SimpleCookie made up a cookie of its own (a name that was inside one of our values).
    "extra-cookie": lambda c: isinstance(c.theirs, list) and (
        len(c.theirs) > 1 if c.name == "set-cookie"
        else bool({p[0] for p in c.theirs} - {p[0] for p in c.ours or ()})),
    # ... or ended a value early, at a space.
    "cut-short": lambda c: c.name == "cookie" and isinstance(c.theirs, list) and any(
        b[0] == a[0] and a[1] != b[1] and a[1].startswith(b[1])
        for a, b in zip(c.ours or (), c.theirs, strict=False)),
    "raised": lambda c: c.theirs is None and "CookieError" in c.complaint,
    "always": lambda c: True,
}


explain_date = _explain({"leap": "leap-second", "two-digit-year": "stdlib-two-digit-year",
                         "zone": "lenient-date-zone", "no-zone": "stdlib-naive-date",
                         "we-reject": "lenient-date-form"})


def build(module: ModuleType) -> dict[str, Adapter]:
    date = Adapter("email.utils.parsedate_to_datetime", _date, lambda f: n.date(f.value),
                   explain_date)
    uri = Adapter("urllib.parse.urlsplit", _split, _our_uri,
                  _explain({"we-reject": "urlsplit-lenient"}))
    host = Adapter("urllib.parse.urlsplit('//' + value)", _read_host,
                   lambda f: {"host": f.value.host, "port": f.value.port},
                   _explain({"always": "urlsplit-lenient"}))
    table = {
        "cookie": Adapter(
            "http.cookies.SimpleCookie", _read_cookie,
            lambda f: [[p.name, p.value] for p in f.value],
            _explain({"we-reject": "salvaged", "raised": "simplecookie-raises",
                      "duplicate": "cookie-duplicate-name", "dollar": "simplecookie-dollar",
                      "reserved": "simplecookie-reserved", "extra-cookie": "simplecookie-splits",
                      "cut-short": "simplecookie-splits",
                      "dropped": "simplecookie-drops", "dquote": "cookie-dquote"}),
            limit=SIMPLECOOKIE_LIMIT),
        "set-cookie": Adapter(
            "http.cookies.SimpleCookie", _read_set_cookie, _our_set_cookie,
            _explain({"extra-cookie": "simplecookie-set-cookie-attribute",
                      "dquote": "cookie-dquote", "always": "simplecookie-set-cookie-attribute"}),
            limit=SIMPLECOOKIE_LIMIT),
        "content-type": Adapter(
            "email.message.Message.get_content_type/get_params", _read_content_type,
            lambda f: [f"{f.value.type}/{f.value.subtype}", n.params(f.value.params)],
            _explain({"we-reject": "email-default-type", "always": "email-default-type"}),
            limit=GET_PARAMS_LIMIT),
        "origin": Adapter("urllib.parse.urlsplit", _read_origin, _our_origin,
                          _explain({"always": "urlsplit-lenient"})),
        "x-forwarded-for": Adapter(
            "ipaddress.ip_address (each member)",
            lambda raw: [_address(m) for m in raw.split(",") if m.strip(" \t")],
            lambda f: [_our_node(node) for node in f.value],
            _explain({"always": "ipaddress-xff"})),
        "x-real-ip": Adapter("ipaddress.ip_address", _address, lambda f: _our_node(f.value),
                             _explain({"always": "ipaddress-xff"})),
    }
    for name in ("date", "expires", "last-modified", "if-modified-since",
                 "if-unmodified-since"):
        table[name] = date
    for name in ("referer", "location", "content-location"):
        table[name] = uri
    table["host"] = table["alt-used"] = host
    return table


PEER = Peer("stdlib", "email", "", build)
