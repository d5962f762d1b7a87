"""Is a decoded request well formed? (RFC 9113, 8.1.1, 8.2 and 8.3)

The checks never drop a field: they return diagnostics that point at fields by index, and the
page shows every decoded field with the diagnostics beside it. A request with any diagnostic
is malformed: "Malformed requests or responses that are detected MUST be treated as a stream
error ... of type PROTOCOL_ERROR. For malformed requests, a server MAY send an HTTP response
prior to closing or resetting the stream" (8.1.1), which is what the connection lets a server do.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._events import Diagnostic
from .hpack import DecodedField

# 8.2.1: "A field name MUST NOT contain characters in the ranges 0x00-0x20, 0x41-0x5a, or
# 0x7f-0xff (all ranges inclusive)."
_BAD_NAME = re.compile(r"[\x00-\x20A-Z\x7f-\xff]")
# "A field value MUST NOT contain the zero value (ASCII NUL, 0x00), line feed (ASCII LF, 0x0a),
# or carriage return (ASCII CR, 0x0d) at any position."
_BAD_VALUE = re.compile(r"[\x00\n\r]")
# 8.2.2: "An endpoint MUST NOT generate an HTTP/2 message containing connection-specific
# header fields"; "Any message containing connection-specific header fields MUST be treated as
# malformed".
CONNECTION_SPECIFIC = frozenset(
    {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "upgrade"})
REQUEST_PSEUDO = frozenset({":method", ":scheme", ":authority", ":path"})
_DIGITS = re.compile(r"[0-9]+")
MAX_LENGTH_DIGITS = 18  # below 2**63, as the HTTP/1.1 reader has it


def length_value(value: str) -> int | None:
    """The size a content-length value declares, or None: ASCII digits (int() would also take
    "²" and then fail), at most 18 of them after leading zeros. int() of a longer string costs
    more than linear time, and Python refuses one of over 4300 digits outright."""
    if not _DIGITS.fullmatch(value):
        return None
    significant = value.lstrip("0")
    return int(significant or "0") if len(significant) <= MAX_LENGTH_DIGITS else None


def check_field(i: int, f: DecodedField, out: list[Diagnostic]) -> None:
    """The checks every field line gets, in a request or its trailers."""
    name, value = f.name, f.value
    bare = name[1:] if name.startswith(":") else name
    if not bare:
        out.append(Diagnostic("an empty field name", i))
    elif (m := _BAD_NAME.search(bare)) is not None:
        what = "an upper-case letter" if "A" <= m.group() <= "Z" else f"{m.group()!r}"
        out.append(Diagnostic(f"{what} in the field name (RFC 9113, 8.2.1: names are "
                              "lower-case tokens)", i))
    elif ":" in bare:
        out.append(Diagnostic("a colon inside a field name (RFC 9113, 8.2.1)", i))
    if _BAD_VALUE.search(value):
        out.append(Diagnostic("NUL, CR or LF in the field value (RFC 9113, 8.2.1)", i))
    elif value[:1] in (" ", "\t") or value[-1:] in (" ", "\t"):
        out.append(Diagnostic("white space at the start or end of the value (RFC 9113, 8.2.1)",
                              i))
    if name in CONNECTION_SPECIFIC:
        out.append(Diagnostic(f"{name} is connection-specific, not allowed in HTTP/2 "
                              "(RFC 9113, 8.2.2)", i))
    elif name == "te" and value.lower() != "trailers":
        out.append(Diagnostic('TE with a value other than "trailers" (RFC 9113, 8.2.2)', i))


# The fast path's screens: over all regular names at once (a colon there is also a late
# pseudo-header field), and over all values joined by NUL (which no value may contain), where
# white space next to a NUL is white space at the edge of a value. The regular fields the
# checks look at by name (te, host, content-length) are cleared one by one.
_BAD_REGULAR_NAMES = re.compile(r"[\x00-\x20A-Z:\x7f-\xff]")
_INITIALS = {":method": "m", ":authority": "a", ":scheme": "s", ":path": "p"}
_NAMED = frozenset({"te", "host", "content-length"})


class Verdict(NamedTuple):
    """What check_request found in a request's field block."""

    diagnostics: list[Diagnostic]
    pseudo_order: str  # the pseudo-header fields' initials in order, such as "m,a,s,p"
    declared_length: int | None  # content-length, when one was sent and is valid


# Verdict(...) runs a Python-level __new__; this builds the same tuple, once per request.
_new = tuple.__new__


def check_request(fields: list[DecodedField]) -> Verdict:
    """(diagnostics, pseudo-header order such as "m,a,s,p", declared content-length).

    Strategy: a screen over the whole list in a few C-level passes clears a well-formed
    request (nearly all of them); anything it cannot clear is checked field by field, which
    is what finds and places the diagnostics, so the screen only has to be right about
    "nothing to report" (a test holds it to the slow path on generated lists)."""
    names = [f[0] for f in fields]
    pseudo_count = 0
    for name in names:
        if not name.startswith(":"):
            break
        pseudo_count += 1
    regular = names[pseudo_count:]
    values = [f[1] for f in fields]
    pseudo = dict(zip(names[:pseudo_count], values, strict=False))
    joined = "\x00".join(values)
    if (len(pseudo) != pseudo_count or not REQUEST_PSEUDO.issuperset(pseudo)
            or _BAD_REGULAR_NAMES.search("".join(regular)) or "" in regular
            or joined.count("\x00") != len(fields) - 1 or "\r" in joined or "\n" in joined
            or "\x00 " in joined or " \x00" in joined or "\x00\t" in joined or "\t\x00" in joined
            or joined.startswith((" ", "\t")) or joined.endswith((" ", "\t"))
            or not CONNECTION_SPECIFIC.isdisjoint(regular)):
        return _check_slowly(fields)
    path = pseudo.get(":path")
    authority = pseudo.get(":authority")
    if (pseudo.get(":method") in (None, "CONNECT") or ":scheme" not in pseudo or path is None
            or not path.startswith("/") or authority is None):
        return _check_slowly(fields)
    declared: int | None = None
    if not _NAMED.isdisjoint(regular):
        length: str | None = None
        for name, value in zip(regular, values[pseudo_count:], strict=True):
            if name == "te":
                if value.lower() != "trailers":
                    return _check_slowly(fields)
            elif name == "host":
                if value != authority:
                    return _check_slowly(fields)
            elif name == "content-length":
                if length is None:
                    declared = length_value(value)
                    if declared is None:
                        return _check_slowly(fields)
                    length = value
                elif value != length:
                    return _check_slowly(fields)
    return _new(Verdict, ([], ",".join([_INITIALS[n] for n in names[:pseudo_count]]), declared))


def _check_slowly(fields: list[DecodedField]) -> Verdict:  # noqa: C901, PLR0912
    # One pass, one branch per rule of RFC 9113 8.2-8.3, in the RFC's order, so that each
    # rule can be read against its text.
    out: list[Diagnostic] = []
    pseudo: dict[str, str] = {}
    order: list[str] = []
    regular_seen = False
    host: str | None = None
    lengths: set[str] = set()
    for i, f in enumerate(fields):
        name = f.name
        check_field(i, f, out)
        if name.startswith(":"):
            order.append(name[1:2] or "?")
            if regular_seen:
                out.append(Diagnostic(f"{name} after a regular field: pseudo-header fields "
                                      "come first (RFC 9113, 8.3)", i))
            if name not in REQUEST_PSEUDO:
                why = ("a response pseudo-header field" if name == ":status" else
                       "needs SETTINGS_ENABLE_CONNECT_PROTOCOL (RFC 8441), not offered here"
                       if name == ":protocol" else "an unknown pseudo-header field")
                out.append(Diagnostic(f"{name}: {why} (RFC 9113, 8.3)", i))
            elif name in pseudo:
                out.append(Diagnostic(f"{name} repeated (RFC 9113, 8.3)", i))
            else:
                pseudo[name] = f.value
            continue
        regular_seen = True
        if name == "host" and host is None:
            host = f.value
        elif name == "content-length":
            lengths.add(f.value)
            if not _DIGITS.fullmatch(f.value):
                out.append(Diagnostic("a content-length that is not a number", i))
            elif length_value(f.value) is None:
                out.append(Diagnostic(f"a content-length of over {MAX_LENGTH_DIGITS} digits "
                                      "(leading zeros aside): an overflow, not a size", i))
    method = pseudo.get(":method")
    if method == "CONNECT":
        required: tuple[str, ...] = (":method", ":authority")
        out.extend(Diagnostic(f"{name} in a CONNECT request (RFC 9113, 8.5)")
                   for name in (":scheme", ":path") if name in pseudo)
    else:
        required = (":method", ":scheme", ":path")
    out.extend(Diagnostic(f"no {name} pseudo-header field (RFC 9113, 8.3.1)")
               for name in required if name not in pseudo)
    path = pseudo.get(":path")
    if path is not None and method != "CONNECT":
        if not path:
            out.append(Diagnostic("an empty :path (RFC 9113, 8.3.1)"))
        elif not path.startswith("/") and not (path == "*" and method == "OPTIONS"):
            out.append(Diagnostic(':path is neither an absolute path nor "*" for OPTIONS '
                                  "(RFC 9113, 8.3.1)"))
    authority = pseudo.get(":authority")
    if pseudo.get(":scheme") in ("http", "https") and authority is None and host is None:
        out.append(Diagnostic("neither :authority nor host (RFC 9113, 8.3.1)"))
    if authority is not None and host is not None and host != authority:
        out.append(Diagnostic("host differs from :authority (RFC 9113, 8.3.1)"))
    declared: int | None = None
    if len(lengths) > 1:
        out.append(Diagnostic("content-length fields that disagree (RFC 9110, 8.6)"))
    elif lengths:
        declared = length_value(next(iter(lengths)))
    return Verdict(out, ",".join(order), declared)


def check_trailers(fields: list[DecodedField]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for i, f in enumerate(fields):
        check_field(i, f, out)
        if f.name.startswith(":"):
            out.append(Diagnostic("a pseudo-header field in trailers (RFC 9113, 8.1)", i))
    return out
