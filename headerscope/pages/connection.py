"""The connection a request came on, as every view shows it (issues 14 and 15).

    protocol         HTTP/2 (h2: ALPN on TLS)
    client           127.0.0.1:40000 (the socket's peer)
    PROXY v2         203.0.113.7:51000 -> 198.51.100.1:443 (PROXY, TCP over IPv4)
    TLS              TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN h2, new session
    JA4              t13d1516h2_8daaf6152771_e5627efa2ab1
    SETTINGS         HEADER_TABLE_SIZE=65536, ENABLE_PUSH=0, ...
    fingerprint      1:65536;2:0;4:6291456;6:262144|15663105|0|m,a,s,p

`facts` gives those (label, text) pairs once for the HTML, text and JSON views; `fields_h2`
lists an HTTP/2 request's fields as sent, pseudo-header fields first, each with its HPACK
representation. Everything that comes from the client is made visible. The ClientHello is the
same for every request on a connection, so its text is drawn once per hello and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..headers import REGISTRY, ParsedField
from ..headers.http2_settings import NAMES as SETTING_NAMES
from ..http import ClientCertificate, ConnectionDetails, HTTP2Details, TLSDetails
from ..http2.hpack import Kind, Representation
from ..proxy import ProxyHeader
from ..proxy.trust import AddressWalk, Hop
from ..sxml import Node, Raw, render
from .inspection import REDACTED, Inspection
from .limits import MAX_MEMBERS, more
from .visible import visible

_WAYS = {"h2": "h2: ALPN on TLS", "h2c": "h2c: cleartext, prior knowledge",
         "h2c upgrade": "h2c: cleartext, Upgrade from HTTP/1.1"}
_KINDS = {Kind.INDEXED: "indexed", Kind.INCREMENTAL: "literal, incremental indexing",
          Kind.WITHOUT: "literal without indexing", Kind.NEVER: "literal never indexed"}
_FINGERPRINT_LABELS = {"ja3": "JA3", "ja3_hash": "JA3 (MD5)", "ja4": "JA4", "ja4_r": "JA4_r",
                       "ja4_o": "JA4_o", "ja4_ro": "JA4_ro"}
_HELLO_CACHE: dict[bytes, _Hello] = {}  # hello records -> its three views
_HELLO_CACHE_SIZE = 256
# What an HTTP/2 field block looks like in each view, by the block's field list: a client
# repeats its blocks, and the decoder hands back the same (read-only) list for a repeat, so
# the rows are drawn once. The entry holds the list itself, so its id cannot be reused while
# the entry lives.
_BLOCK_CACHE: dict[tuple[int, frozenset[str], str], tuple[object, Any]] = {}
_BLOCK_CACHE_SIZE = 256


def _make_room(cache: dict[Any, Any], size: int) -> None:
    """Drop the oldest entry of a full cache. Pages are drawn on two threads (the server's
    loop, and its worker for large requests: server/_offload.py), so the other may drop the
    same entry, or change the dict, between our two steps: then the whole cache goes."""
    if len(cache) >= size:
        try:
            cache.pop(next(iter(cache)), None)
        except (RuntimeError, StopIteration):
            cache.clear()


def _per_block(ins: Inspection, view: str, build: Callable[[], Any]) -> Any:
    assert ins.http2 is not None
    fields = ins.http2.block.fields
    key = (id(fields), ins.redacted, view)
    hit = _BLOCK_CACHE.get(key)
    if hit is not None and hit[0] is fields:
        return hit[1]
    value = build()
    _make_room(_BLOCK_CACHE, _BLOCK_CACHE_SIZE)
    _BLOCK_CACHE[key] = (fields, value)
    return value


def protocol(ins: Inspection) -> str:
    if ins.http2 is not None:
        return f"HTTP/2 ({_WAYS.get(ins.http2.way, ins.http2.way)})"
    return visible(ins.version)


def shown(ins: Inspection) -> bool:
    """Whether the request has a connection worth a section (TLS, PROXY, HTTP/2, a walk)."""
    return ins.details is not None or ins.http2 is not None or ins.walk is not None


# -- facts ---------------------------------------------------------------------------------

def facts(ins: Inspection) -> list[tuple[str, str]]:
    out = [("protocol", protocol(ins)), ("client", f"{ins.client or 'unknown'} (the socket)")]
    details = ins.details
    if details is not None and details.proxy is not None:
        out.append(_proxy_fact(details.proxy))
    if ins.walk is not None:
        out.append(("client address", f"{visible(ins.walk.client)}: {visible(ins.walk.reason)}"))
    if details is not None and details.tls is not None:
        out += _tls_facts(details.tls)
    if ins.http2 is not None:
        out += _http2_facts(ins.http2)
    return out


def _proxy_fact(header: ProxyHeader) -> tuple[str, str]:
    client, server = header.client, header.server
    where = (f"{_address(client)} -> {_address(server)}" if client and server
             else "no addresses (the connection's own are used)")
    kind = f"{header.command.name}, {header.transport.name} over {header.family.name}"
    notes = "".join(f"; {visible(n)}" for n in header.notes)
    tlvs = f"; {len(header.tlvs)} TLVs" if header.tlvs else ""
    return (f"PROXY v{header.version}", f"{where} ({kind}{tlvs}{notes})")


def _address(pair: tuple[str, int]) -> str:
    host, port = pair
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _tls_facts(tls: TLSDetails) -> list[tuple[str, str]]:
    alpn = f"ALPN {visible(tls.alpn)}" if tls.alpn else "no ALPN"
    out = [("TLS", f"{tls.version}, {tls.cipher}, {alpn}, "
                   f"{'resumed session' if tls.resumed else 'new session'}")]
    hello = tls.hello
    if hello is not None:
        if hello.server_name is not None:
            out.append(("SNI", visible(hello.server_name)))
        out += [(_FINGERPRINT_LABELS.get(k, k), v) for k, v in tls.fingerprints]
    elif tls.hello_error is not None:
        out.append(("ClientHello", f"not decoded: {visible(str(tls.hello_error))}"))
    elif not tls.client_hello:
        out.append(("ClientHello", "not kept (serve --no-client-hello)"))
    cert = tls.client_certificate
    if cert is not None:
        out += [("client certificate", visible(cert.subject)),
                ("  issued by", visible(cert.issuer)),
                ("  valid", f"{cert.not_before} to {cert.not_after}"),
                ("  names", visible(", ".join(cert.names)) or "(none)"),
                ("  SHA-256", cert.sha256)]
    return out


def _http2_facts(h2: HTTP2Details) -> list[tuple[str, str]]:
    out = [("stream", str(h2.stream_id))]
    if h2.upgrade_settings is not None:
        out.append(("HTTP2-Settings", settings_text(h2.upgrade_settings)))
    out.append(("SETTINGS", settings_text(h2.settings) or "(none yet)"))
    out.append(("WINDOW_UPDATE", str(h2.window_update) if h2.window_update else "none"))
    if h2.priority:
        out.append(("PRIORITY", ", ".join(
            f"stream {sid} on {p.depends_on}, weight {p.weight}"
            + (", exclusive" if p.exclusive else "") for sid, p in h2.priority)))
    out.append(("pseudo-headers", h2.pseudo_order or "(none)"))
    if h2.fingerprint:
        out.append(("fingerprint", h2.fingerprint))
    out += [("malformed", visible(d.reason)) for d in h2.diagnostics]
    return out


def settings_text(settings: tuple[tuple[int, int], ...]) -> str:
    text = _SETTINGS_TEXT.get(settings)
    if text is None:
        text = ", ".join(f"{setting_name(i)}={v}" for i, v in settings)
        if len(settings) <= 16:  # a client's own few; a flood of them is not kept
            _make_room(_SETTINGS_TEXT, _BLOCK_CACHE_SIZE)
            _SETTINGS_TEXT[settings] = text
    return text


_SETTINGS_TEXT: dict[tuple[tuple[int, int], ...], str] = {}  # a client repeats its SETTINGS


def setting_name(identifier: int) -> str:
    name = SETTING_NAMES.get(identifier)
    return name.removeprefix("SETTINGS_") if name else f"0x{identifier:x}"


# -- HTTP/2 fields ---------------------------------------------------------------------------

def representation(rep: Representation) -> str:
    """How a field was sent: "indexed 2", "literal, incremental indexing, name 4, Huffman"."""
    parts = [_KINDS[rep.kind]]
    if rep.kind is Kind.INDEXED:
        parts[0] += f" {rep.table_index}"
    else:
        parts.append(f"name {rep.table_index}" if rep.table_index is not None else
                     "literal name" + (" (Huffman)" if rep.name_huffman else ""))
        parts.append("Huffman value" if rep.value_huffman else "plain value")
    return ", ".join(parts)


def fields_h2(ins: Inspection) -> list[tuple[str, str, str, int]]:
    """(name, value, representation, offset) of every field as sent, redacted ones hidden."""
    h2 = ins.http2
    if h2 is None:
        return []
    return [(visible(f.name), REDACTED if f.name in ins.redacted else visible(f.value),
             representation(f.representation), f.representation.offset)
            for f in h2.block.fields]


def combined_cookie(ins: Inspection) -> ParsedField | None:
    """RFC 9113, 8.2.3: a client may split Cookie into crumbs, one field each; "these MUST
    be concatenated into a single octet string using the two-octet delimiter of 0x3b, 0x20
    ("; ")" before an HTTP/1.1 reader sees them. None unless there are two or more."""
    if ins.http2 is None or "cookie" in ins.redacted:
        return None
    crumbs = [f.value for f in ins.http2.block.fields if f.name == "cookie"]
    return REGISTRY.parse("Cookie", "; ".join(crumbs)) if len(crumbs) > 1 else None


# -- the views ---------------------------------------------------------------------------------

class _Hello(NamedTuple):
    """A decoded ClientHello as each view shows it, made once per hello: the text (several
    kilobytes), its JSON document, and its HTML markup (over HTTP/2 the section is drawn per
    request, as its HTTP/2 part is the stream's own; the hello's part is the connection's)."""

    text: str
    document: dict[str, Any]
    markup: Raw


def _hello(tls: TLSDetails) -> _Hello | None:
    if tls.hello is None:
        return None
    cached = _HELLO_CACHE.get(tls.client_hello)
    if cached is None:
        from ..tls.render import hello_json, hello_text

        text = visible_lines(hello_text(tls.hello))
        markup = Raw(render(("details", ("summary", "ClientHello, decoded"), ("pre", text))))
        _make_room(_HELLO_CACHE, _HELLO_CACHE_SIZE)
        cached = _HELLO_CACHE[tls.client_hello] = _Hello(text, hello_json(tls.hello), markup)
    return cached


def visible_lines(text: str) -> str:
    return "\n".join(visible(line) for line in text.split("\n"))


_SECTION_CACHE: dict[tuple[int, str, str], tuple[object, Node]] = {}


def connection_tree(ins: Inspection) -> Node:
    """The section; without HTTP/2 or a walk it is the same for every request of a connection
    (its details, its client), so it is drawn once per connection and kept as markup."""
    details = ins.details
    if ins.walk is not None:
        return _connection_tree(ins)
    if ins.http2 is not None:
        return _h2_section(ins)
    if details is None:
        return _connection_tree(ins)
    key = (id(details), ins.client, ins.version)
    hit = _SECTION_CACHE.get(key)
    if hit is not None and hit[0] is details:
        return hit[1]
    markup = Raw(render(_connection_tree(ins)))
    _make_room(_SECTION_CACHE, _BLOCK_CACHE_SIZE)
    _SECTION_CACHE[key] = (details, markup)
    return markup


_ROW_CACHE: dict[tuple[str, str], Raw] = {}
_ROW_CACHE_SIZE = 1024
_ROW_TEXT_MAX = 256  # so the cache holds at most about 1024 x 400 bytes


def _fact_row(label: str, text: str) -> Raw:
    """One row of the facts table as markup, made once per (label, text): over HTTP/2 the
    section is drawn for every request, and its rows repeat from one request to the next
    (the stream's number aside), so most cost a lookup instead of a walk of the serializer."""
    key = (label, text)
    row = _ROW_CACHE.get(key)
    if row is None:
        row = Raw(render(("tr", ("th", label), ("td", ("code", text)))))
        if len(text) <= _ROW_TEXT_MAX:  # a client's long SETTINGS list is not kept
            _make_room(_ROW_CACHE, _ROW_CACHE_SIZE)
            _ROW_CACHE[key] = row
    return row


_H2_SECTION_CACHE: dict[tuple[Any, ...], tuple[object, object, str, str]] = {}
# Sections kept at most this long: browsers' are 2-12 KB (their hello included), and a client
# that sends a maximal header block must not make each of the 256 entries hold its table.
_SECTION_MAX = 32 * 1024


def _h2_section(ins: Inspection) -> Raw:
    """The section of an HTTP/2 request: everything in it but the stream's number is the same
    for the requests of a connection that send the same block (the connection's SETTINGS,
    its fingerprint, the block's HPACK table), so it is kept as two pieces of markup, either
    side of the stream row, by what it is made of."""
    h2 = ins.http2
    assert h2 is not None
    details, fields = ins.details, h2.block.fields
    key = (id(details), id(fields), ins.client, ins.redacted, h2.way, h2.settings,
           h2.upgrade_settings, h2.window_update, h2.priority, h2.pseudo_order, h2.fingerprint,
           h2.diagnostics)
    hit = _H2_SECTION_CACHE.get(key)
    if hit is None or hit[0] is not details or hit[1] is not fields:
        html = _connection_tree(ins).html
        stream = _fact_row("stream", str(h2.stream_id)).html
        if len(html) <= _SECTION_MAX:  # a maximal block's table is not kept twice
            before, _, after = html.partition(stream)
            _make_room(_H2_SECTION_CACHE, _BLOCK_CACHE_SIZE)
            _H2_SECTION_CACHE[key] = (details, fields, before, after)
        return Raw(html)
    return Raw(hit[2] + _fact_row("stream", str(h2.stream_id)).html + hit[3])


def _connection_tree(ins: Inspection) -> Raw:
    # Markup joined here rather than a tree for the serializer: every part is markup already
    # (the rows, the hello, the HTTP/2 table are made once and kept), and over HTTP/2 this
    # runs for every request. The same bytes as the tree
    # ("section", {"class": "connection"}, ("h2", "Connection"), ("table", ...), ...).
    rows = "".join([_fact_row(label, text).html for label, text in facts(ins)])
    parts = ['<section class="connection"><h2>Connection</h2><table class="facts"><tbody>',
             rows, "</tbody></table>"]
    walk = ins.walk
    if walk is not None and len(walk.hops) > 1:
        parts.append(render(_walk_table(walk)))
    tls = ins.details.tls if ins.details is not None else None
    hello = _hello(tls) if tls is not None else None
    if hello is not None:
        parts.append(hello.markup.html)
    if ins.http2 is not None:
        parts.append(_per_block(ins, "html", lambda: Raw(render(_h2_table(ins)))).html)
    parts.append("</section>")
    return Raw("".join(parts))


def _shown_hops(walk: AddressWalk) -> tuple[tuple[Hop, ...], int]:
    """The hops a page shows (the peer and the nearest MAX_MEMBERS - 1: where the walk is
    decided), and how many further ones it leaves out: a field of thousands of addresses,
    every one a hop, would otherwise be a table of thousands of rows."""
    return walk.hops[:MAX_MEMBERS], max(len(walk.hops) - MAX_MEMBERS, 0)


def _walk_table(walk: AddressWalk) -> Node:
    hops, left = _shown_hops(walk)
    rows: list[Node] = [("tr", ("td", ("code", visible(h.text))), ("td", h.source.field),
                         ("td", h.verdict.value), ("td", visible(h.reason))) for h in hops]
    if left:
        rows.append(("tr", ("td", {"colspan": "4"}, more(left, "hop"))))
    return ("table", {"class": "walk"},
            ("caption", "The client address, walked from the right"),
            ("thead", ("tr", ("th", "hop"), ("th", "from"), ("th", "verdict"), ("th", "why"))),
            ("tbody", rows))


def _h2_table(ins: Inspection) -> Node:
    rows: list[Node] = [("tr", ("td", ("code", name)), ("td", ("code", value)), ("td", rep),
                         ("td", str(offset))) for name, value, rep, offset in fields_h2(ins)]
    cookie = combined_cookie(ins)
    if cookie is not None:
        from .valueview import show

        rows.append(("tr", {"class": "combined"}, ("td", "cookie (the crumbs combined, "
                                                          "RFC 9113, 8.2.3)"),
                     ("td", ("code", visible(cookie.raw))),
                     ("td", show(cookie.value) if cookie.error is None
                      else f"error: {cookie.error.reason}"), ("td", "")))
    return ("table", {"class": "fields"},
            ("caption", "HTTP/2 fields as sent, pseudo-header fields first, with their HPACK "
                        "representation"),
            ("thead", ("tr", ("th", "Name"), ("th", "Value"), ("th", "HPACK"),
                       ("th", "Offset"))),
            ("tbody", rows))


def connection_text(ins: Inspection) -> str:
    width = 18
    lines = ["connection:"]
    lines += [f"  {label.ljust(width)}{text}" for label, text in facts(ins)]
    walk = ins.walk
    if walk is not None and len(walk.hops) > 1:
        hops, left = _shown_hops(walk)
        lines += [f"  hop {visible(h.text)} ({h.source.field}): {h.verdict.value}, "
                  f"{visible(h.reason)}" for h in hops]
        if left:
            lines.append(f"  {more(left, 'hop')}")
    if ins.http2 is not None:
        lines += _per_block(ins, "text", lambda: _h2_lines(ins))
    tls = ins.details.tls if ins.details is not None else None
    hello = _hello(tls) if tls is not None else None
    if hello is not None:
        lines += ["", hello.text.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _h2_lines(ins: Inspection) -> list[str]:
    lines = ["HTTP/2 fields as sent (HPACK representation, offset):"]
    lines += [f"  {name}: {value}    [{rep}, at {offset}]"
              for name, value, rep, offset in fields_h2(ins)]
    cookie = combined_cookie(ins)
    if cookie is not None:
        lines.append(f"  cookie, the crumbs combined (RFC 9113, 8.2.3): {visible(cookie.raw)}")
    return lines


def connection_json(ins: Inspection) -> dict[str, Any]:
    """The `connection` object of the JSON view (docs/json.md)."""
    details = ins.details or ConnectionDetails()
    out: dict[str, Any] = {"client": ins.client, "proxy": None, "client_address": None,
                           "tls": None}
    if details.proxy is not None:
        out["proxy"] = _proxy_json(details.proxy)
    if ins.walk is not None:
        out["client_address"] = _walk_json(ins.walk)
    tls = details.tls
    if tls is not None:
        hello = _hello(tls)
        out["tls"] = {
            "version": tls.version, "cipher": tls.cipher, "alpn": tls.alpn,
            "resumed": tls.resumed, "client_hello": hello.document if hello else None,
            "client_hello_error": str(tls.hello_error) if tls.hello_error else None,
            "fingerprints": dict(tls.fingerprints),
            "client_certificate": _certificate_json(tls.client_certificate)}
    return out


def _certificate_json(cert: ClientCertificate | None) -> dict[str, Any] | None:
    if cert is None:
        return None
    return {"subject": cert.subject, "issuer": cert.issuer, "not_before": cert.not_before,
            "not_after": cert.not_after, "serial": cert.serial, "names": list(cert.names),
            "sha256": cert.sha256}


def _proxy_json(header: ProxyHeader) -> dict[str, Any]:
    return {"version": header.version, "command": header.command.name,
            "family": header.family.name, "transport": header.transport.name,
            "client": list(header.client) if header.client else None,
            "server": list(header.server) if header.server else None,
            "tlvs": [type(t).__name__ for t in header.tlvs], "notes": list(header.notes)}


def _walk_json(walk: AddressWalk) -> dict[str, Any]:
    hops, left = _shown_hops(walk)
    return {"client": walk.client, "reason": walk.reason, "field": walk.field,
            "diagnostics": list(walk.diagnostics),
            "hops": [{"text": h.text, "address": h.address, "field": h.source.field,
                      "element": h.source.element, "verdict": h.verdict.value,
                      "reason": h.reason} for h in hops],
            "hops_elided": left}


def http2_json(ins: Inspection) -> dict[str, Any] | None:
    """The `http2` object of the JSON view (docs/json.md); None for HTTP/1.x."""
    h2 = ins.http2
    if h2 is None:
        return None
    return {
        "way": h2.way, "stream_id": h2.stream_id,
        "settings": [{"id": i, "name": setting_name(i), "value": v} for i, v in h2.settings],
        "upgrade_settings": [{"id": i, "name": setting_name(i), "value": v}
                             for i, v in h2.upgrade_settings]
        if h2.upgrade_settings is not None else None,
        "window_update": h2.window_update,
        "priority": [{"stream_id": sid, "depends_on": p.depends_on, "weight": p.weight,
                      "exclusive": p.exclusive} for sid, p in h2.priority],
        "pseudo_header_order": h2.pseudo_order, "fingerprint": h2.fingerprint,
        "fields": _per_block(ins, "json", lambda: [
            {"name": f.name, "value": REDACTED if f.name in ins.redacted else f.value,
             "hpack": hpack_json(f.representation)} for f in h2.block.fields]),
        "frames": [{"type": f.type_name, "flags": f.flag_names, "stream_id": f.stream_id,
                    "length": f.length, "offset": f.offset} for f in h2.frames],
        "diagnostics": [d.reason for d in h2.diagnostics],
    }


def regular_hpack(ins: Inspection) -> list[dict[str, Any]]:
    """The representation of each regular field (not a pseudo-header field), in order: what
    the JSON view adds to each of its `fields`."""
    assert ins.http2 is not None
    block = ins.http2.block
    rows: list[dict[str, Any]] = _per_block(
        ins, "hpack", lambda: [hpack_json(f.representation) for f in block.fields
                               if not f.name.startswith(":")])
    return rows


def hpack_json(rep: Representation) -> dict[str, Any]:
    return {"kind": rep.kind.name.lower(), "index": rep.table_index,
            "name_huffman": rep.name_huffman, "value_huffman": rep.value_huffman,
            "offset": rep.offset, "length": rep.length}


def raw_extra(ins: Inspection) -> str:
    """What the raw view adds: the stream's frames and the HPACK instructions, the hello's
    bytes. Values of redacted fields stay hidden."""
    out: list[str] = []
    h2 = ins.http2
    if h2 is not None:
        out.append(f"HTTP/2 stream {h2.stream_id}: frames (type, flags, length, offset)")
        out += [f"  {f.type_name} [{', '.join(f.flag_names) or 'no flags'}] stream "
                f"{f.stream_id}, {f.length} bytes at {f.offset}" for f in h2.frames]
        out.append("HPACK instructions (offset in the field block, length, representation)")
        for update in h2.block.size_updates:
            out.append(f"  {update.offset:>5} +{update.length}: dynamic table size update "
                       f"to {update.size}")
        for name, value, rep, offset in fields_h2(ins):
            out.append(f"  {offset:>5}: {name}: {value}  [{rep}]")
    details = ins.details
    if details is not None and details.tls is not None:
        data = details.tls.client_hello
        out.append(f"TLS ClientHello records, {len(data)} bytes:")
        out += [f"  {i:04x}  {data[i:i + 16].hex(' ')}" for i in range(0, len(data), 16)]
    return "\n".join(out) + "\n" if out else ""
