"""werkzeug's readings (werkzeug.http and werkzeug.datastructures), beside ours.

werkzeug rarely refuses a value: a parse function returns None, an empty object, or what it
could salvage. None (and an empty result for a non-empty value, where that is werkzeug's way
of saying no) counts as a rejection; a salvaged value counts as a reading, so that what
werkzeug dropped shows up as a disagreement.

Two of its readers take time that grows faster than the value (measured in
tests/compare/test_caps.py; the worst input is in the comment): a longer value is not given
to them (`Adapter.limit`), since a comparison runs inside the server.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from ..headers import ParsedField
from ..headers._shared.types import ANY
from ..headers.types import EntityTag
from . import _normal as n
from ._model import Adapter, Normal, Peer, Rejected
from ._werkzeug_why import (
    accept_explain,
    auth_explain,
    cookie_explain,
    csp_explain,
    directive_explain,
    list_explain,
    options_explain,
    range_explain,
)
from .stdlib_peer import explain_date

# parse_cookie's pattern backtracks over a run of spaces or tabs around "=" for every split of
# the run: "a=" + "\t" * n + '"' is quadratic (0.6 ms at 256 characters, 10 ms at 1 KiB,
# 1.5 s at 8 KiB).
PARSE_COOKIE_LIMIT = 256
# MIMEAccept sorts its values by specificity, splitting each on /|[ \t]*;[ \t]*, which tries
# every position of a run of blanks: "a" + "\t" * n + "=1" is quadratic (0.6 ms at 512
# characters, 9 ms at 2 KiB, 0.9 s at 16 KiB).
MIME_ACCEPT_LIMIT = 512
# Arguments that are numbers (delta-seconds; Keep-Alive's timeout and max): werkzeug's typed
# accessors (max_age) read "007" as 7, and so does headerscope.
_NUMBERS = frozenset({"max-age", "s-maxage", "max-stale", "min-fresh", "stale-while-revalidate",
                      "stale-if-error", "timeout", "max"})


def _number(name: str, value: Any) -> Any:
    if name in _NUMBERS and isinstance(value, str) and value.isdigit() and value.isascii():
        return str(int(value))
    return value


def _ranges(value: Any) -> list[list[int | None]]:
    from ..headers._shared.types import ByteRange, SuffixRange

    out: list[list[int | None]] = []
    for r in value.ranges:
        if isinstance(r, ByteRange):
            out.append([r.first, None if r.last is None else r.last + 1])
        elif isinstance(r, SuffixRange):
            out.append([-r.length, None])
        else:
            out.append([r.text, None])
    return out


def _credentials(value: Any) -> Normal:
    if value.scheme == "basic" and hasattr(value, "user_id"):
        return {"scheme": "basic", "token": None,
                "params": {"username": value.user_id, "password": value.password}}
    return {"scheme": value.scheme, "token": value.token68, "params": value.params}


def _directives(value: Any) -> Normal:
    out = []
    for d in value:
        arg = d.argument
        text = ", ".join(arg) if isinstance(arg, tuple) else None if arg is None else str(arg)
        out.append([d.name, text])
    return n.unordered(out)


def _etag_set(value: Any) -> Normal:
    if value == (ANY,):
        return {"any": True, "strong": [], "weak": []}
    tags: list[EntityTag] = list(value)
    return {"any": False, "strong": sorted({t.opaque for t in tags if not t.weak}),
            "weak": sorted({t.opaque for t in tags if t.weak})}


def _none_is_no(result: Any, what: str) -> Any:
    """werkzeug's None is its refusal."""
    if result is None:
        raise Rejected(f"{what} returned None")
    return result


def _dict_reader(fn: Callable[[str], Any]) -> Callable[[str], Normal]:
    return lambda raw: n.unordered([k.lower(), _number(k.lower(), v)]
                                   for k, v in fn(raw).items())


def _set_reader(fn: Callable[[str], Any], fold: bool) -> Callable[[str], Normal]:
    return lambda raw: n.lower(fn(raw)) if fold else list(fn(raw))


def _our_list(fold: bool) -> Callable[[ParsedField], Normal]:
    return lambda f: n.lower(f.value) if fold else list(f.value)


def _our_host(f: ParsedField) -> Normal:
    text = str(f.value).lower()
    return text[:-3] if text.endswith(":80") else text


def _our_disposition(f: ParsedField) -> Normal:
    v = f.value
    return [v.type, n.params({**v.params,
                              **({"filename": v.filename} if v.filename is not None else {}),
                              **({"filename*": v.filename_ext} if v.filename_ext else {})})]


def _our_content_range(f: ParsedField) -> Normal:
    v = f.value
    return [v.unit, getattr(v, "first", None), None if not hasattr(v, "last") else v.last + 1,
            v.length]


def _our_if_range(f: ParsedField) -> Normal:
    if isinstance(f.value, EntityTag):
        return {"etag": f.value.opaque, "weak": f.value.weak, "date": None}
    return {"etag": None, "weak": None, "date": f.value.isoformat()}


# One function per family of fields, each importing the part of werkzeug it calls (werkzeug
# is optional: nothing of it is imported before `build`). Together they are the table.


def _accept_fields() -> dict[str, Adapter]:
    """Accept and its siblings: werkzeug.http.parse_accept_header, with the class of each."""
    from werkzeug import http as wh
    from werkzeug.datastructures import Accept, CharsetAccept, LanguageAccept, MIMEAccept

    def read_media(raw: str) -> Normal:
        out = []
        for value, q in wh.parse_accept_header(raw, MIMEAccept):
            media, params = wh.parse_options_header(value)
            out.append([media.lower(), n.params(params), n.weight(q)])
        return n.unordered(out)

    def accept(cls: Any) -> Callable[[str], Normal]:
        def read(raw: str) -> Normal:
            return n.unordered([value.lower(), n.weight(q)]
                               for value, q in wh.parse_accept_header(raw, cls))

        return read

    table = {"accept": Adapter(
        "werkzeug.http.parse_accept_header(MIMEAccept)", read_media,
        lambda f: n.unordered([f"{r.type}/{r.subtype}", n.params(r.params), n.weight(r.q)]
                              for r in f.value), accept_explain, limit=MIME_ACCEPT_LIMIT)}
    for name, cls in (("accept-charset", CharsetAccept), ("accept-encoding", Accept),
                      ("accept-language", LanguageAccept)):
        table[name] = Adapter(
            f"werkzeug.http.parse_accept_header({cls.__name__})", accept(cls),
            lambda f: n.unordered([i.value.lower(), n.weight(i.q)] for i in f.value),
            accept_explain)
    return table


def _credential_fields() -> dict[str, Adapter]:
    """Authorization and WWW-Authenticate (and their proxy twins): werkzeug.datastructures."""
    from werkzeug.datastructures import Authorization, WWWAuthenticate

    def read_auth(cls: Any) -> Callable[[str], Normal]:
        def read(raw: str) -> Normal:
            a = _none_is_no(cls.from_header(raw), f"{cls.__name__}.from_header")
            return {"scheme": a.type.lower(), "token": a.token or None,
                    "params": dict(a.parameters)}

        return read

    authorization = Adapter("werkzeug.datastructures.Authorization.from_header",
                            read_auth(Authorization), lambda f: _credentials(f.value),
                            auth_explain)
    authenticate = Adapter("werkzeug.datastructures.WWWAuthenticate.from_header",
                           lambda raw: [read_auth(WWWAuthenticate)(raw)],
                           lambda f: [_credentials(c) for c in f.value], auth_explain)
    return {"authorization": authorization, "proxy-authorization": authorization,
            "www-authenticate": authenticate, "proxy-authenticate": authenticate}


def _directive_fields() -> dict[str, Adapter]:
    """Fields of name=value directives: Cache-Control, Pragma, Keep-Alive."""
    from werkzeug import http as wh

    return {
        "cache-control": Adapter("werkzeug.http.parse_cache_control_header",
                                 _dict_reader(wh.parse_cache_control_header),
                                 lambda f: _directives(f.value), directive_explain),
        "keep-alive": Adapter("werkzeug.http.parse_dict_header",
                              _dict_reader(wh.parse_dict_header),
                              lambda f: n.unordered([p.name, str(p.value)] for p in f.value),
                              list_explain),
        "pragma": Adapter("werkzeug.http.parse_dict_header", _dict_reader(wh.parse_dict_header),
                          lambda f: _directives(f.value), directive_explain),
    }


def _content_fields() -> dict[str, Adapter]:
    """What describes a representation: its type, disposition, length and security policy."""
    from werkzeug import http as wh
    from werkzeug.sansio.utils import get_content_length

    def read_options(raw: str) -> Normal:
        value, params = wh.parse_options_header(raw)
        if not value:
            raise Rejected("parse_options_header found no value")
        return [value.lower(), n.params(params)]

    return {
        "content-disposition": Adapter("werkzeug.http.parse_options_header", read_options,
                                       _our_disposition, options_explain),
        "content-length": Adapter(
            "werkzeug.sansio.utils.get_content_length",
            lambda raw: get_content_length(http_content_length=raw), lambda f: f.value,
            lambda c: "werkzeug-length-zero" if c.theirs == 0 else None),
        "content-security-policy": Adapter(
            "werkzeug.http.parse_csp_header",
            lambda raw: [dict(wh.parse_csp_header(raw))],
            lambda f: [{k: " ".join(v) for k, v in p.directives.items()} for p in f.value],
            csp_explain),
        "content-type": Adapter("werkzeug.http.parse_options_header", read_options,
                                lambda f: [f"{f.value.type}/{f.value.subtype}",
                                           n.params(f.value.params)], options_explain),
    }


def _range_fields() -> dict[str, Adapter]:
    """Range and Content-Range: werkzeug.http's range parsers, None when they refuse."""
    from werkzeug import http as wh

    def read_range(raw: str) -> Normal:
        r = _none_is_no(wh.parse_range_header(raw), "parse_range_header")
        return {"unit": r.units, "ranges": [list(x) for x in r.ranges]}

    def read_content_range(raw: str) -> Normal:
        r = _none_is_no(wh.parse_content_range_header(raw), "parse_content_range_header")
        return [r.units, r.start, r.stop, r.length]

    return {
        "content-range": Adapter("werkzeug.http.parse_content_range_header",
                                 read_content_range, _our_content_range,
                                 lambda c: "content-range-invalid"),
        "range": Adapter("werkzeug.http.parse_range_header", read_range,
                         lambda f: {"unit": f.value.unit, "ranges": _ranges(f.value)},
                         range_explain),
    }


def _etag_fields() -> dict[str, Adapter]:
    """Entity tags and the conditions on them: ETag, If-Match, If-None-Match, If-Range."""
    from werkzeug import http as wh

    def read_etags(raw: str) -> Normal:
        tags = wh.parse_etags(raw)
        strong = tags.as_set()
        return {"any": tags.star_tag, "strong": sorted(strong),
                "weak": sorted(tags.as_set(include_weak=True) - strong)}

    def read_if_range(raw: str) -> Normal:
        r = wh.parse_if_range_header(raw)
        if r.etag is None and r.date is None:
            raise Rejected("parse_if_range_header found neither an entity tag nor a date")
        # IfRange keeps no weakness: 'W/"a"' comes back as the tag "a", as if strong.
        return {"etag": r.etag, "weak": False if r.etag is not None else None,
                "date": None if r.date is None else r.date.isoformat()}

    condition = Adapter("werkzeug.http.parse_etags", read_etags, lambda f: _etag_set(f.value),
                        lambda c: "werkzeug-etag")
    return {
        "etag": Adapter("werkzeug.http.unquote_etag", lambda raw: list(wh.unquote_etag(raw)),
                        lambda f: [f.value.opaque, f.value.weak], lambda c: "werkzeug-etag"),
        "if-match": condition,
        "if-none-match": condition,
        "if-range": Adapter("werkzeug.http.parse_if_range_header", read_if_range,
                            _our_if_range, lambda c: "werkzeug-etag"),
    }


def _time_fields() -> dict[str, Adapter]:
    """The dates (werkzeug.http.parse_date, one adapter for all five) and Age."""
    from werkzeug import http as wh

    date = Adapter("werkzeug.http.parse_date", lambda raw: n.date(wh.parse_date(raw)),
                   lambda f: n.date(f.value), explain_date)
    table = dict.fromkeys(("date", "expires", "last-modified", "if-modified-since",
                           "if-unmodified-since"), date)
    table["age"] = Adapter("werkzeug.http.parse_age",
                           lambda raw: int(_none_is_no(wh.parse_age(raw), "parse_age")
                                           .total_seconds()),
                           lambda f: f.value, lambda c: "python-int")
    return table


def _list_fields() -> dict[str, Adapter]:
    """Comma-separated lists: parse_set_header and parse_list_header, case-folded or not."""
    from werkzeug import http as wh

    table: dict[str, Adapter] = {}
    for name, fold in (("vary", True), ("content-language", True), ("allow", False)):
        table[name] = Adapter("werkzeug.http.parse_set_header",
                              _set_reader(wh.parse_set_header, fold), _our_list(fold),
                              list_explain)
    for name, fold in (("connection", True), ("trailer", True), ("content-encoding", True),
                       ("accept-ranges", True), ("access-control-request-headers", True),
                       ("proxy-connection", True), ("x-content-type-options", True),
                       ("sec-websocket-protocol", False)):
        table[name] = Adapter("werkzeug.http.parse_list_header",
                              _set_reader(wh.parse_list_header, fold), _our_list(fold),
                              list_explain)
    return table


def _request_fields() -> dict[str, Adapter]:
    """What werkzeug's Request reads itself (werkzeug.sansio): Cookie and Host."""
    from werkzeug.sansio.http import parse_cookie
    from werkzeug.sansio.utils import get_host

    def read_host(raw: str) -> Normal:
        host: str = get_host("http", raw)
        if not host:
            raise Rejected("get_host returned '' (an invalid Host)")
        return host.lower()

    return {
        # What Request.cookies calls; werkzeug.http.parse_cookie(str) also decodes UTF-8
        # strictly and raises UnicodeDecodeError on any other byte above 0x7F.
        "cookie": Adapter(
            "werkzeug.sansio.http.parse_cookie (Request.cookies)",
            lambda raw: [list(p) for p in parse_cookie(raw).items(multi=True)],
            lambda f: [[p.name, p.value] for p in f.value], cookie_explain,
            limit=PARSE_COOKIE_LIMIT),
        "host": Adapter("werkzeug.sansio.utils.get_host", read_host, _our_host,
                        lambda c: "werkzeug-host-chars" if c.theirs is None else None),
    }


# The table of contents: every field werkzeug is compared on is in one of these families.
_FAMILIES: tuple[Callable[[], dict[str, Adapter]], ...] = (
    _accept_fields, _credential_fields, _directive_fields, _content_fields, _range_fields,
    _etag_fields, _time_fields, _list_fields, _request_fields)


def build(module: ModuleType) -> dict[str, Adapter]:
    """How werkzeug reads each field, by lower-case name: the families' tables in one."""
    table: dict[str, Adapter] = {}
    for family in _FAMILIES:
        table.update(family())
    return table


PEER = Peer("werkzeug", "werkzeug", "werkzeug", build)
