"""What each subcommand does, once cli.py has parsed its arguments."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .headers import REGISTRY, ParsedField, parse_section
from .pages.capture import Capture, CaptureError, read_capture
from .pages.document import dumps, field_json, request_json
from .pages.fields_page import spec_json
from .pages.text import field_block, fields_text, name_width
from .pages.visible import inert_text

if TYPE_CHECKING:
    from .compare import Framing

_STATUSES = frozenset(s.value for s in HTTPStatus)


def _from_argv(text: str) -> str:
    """Arguments reach us as text; fields are bytes read as ISO-8859-1, as on the wire."""
    return os.fsencode(text).decode("latin-1")


def run_parse(source: str, value: str | None, *, as_json: bool, compare: bool = False) -> int:
    if value is not None:
        field = REGISTRY.parse(_from_argv(source), _from_argv(value))
        if as_json:
            doc = field_json(field)
            if compare:
                doc["compare"] = _compare_field(field, as_json=True)
            print(dumps(doc))
        else:
            print(inert_text("\n".join(field_block(field, name_width([field])))))
            if compare:
                sys.stdout.write(inert_text(_compare_field(field, as_json=False)))
        return 1 if field.error is not None else 0
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        print(f"headerscope parse: cannot read {source!r}: {exc.strerror}. "
              "To parse one value, give NAME VALUE.", file=sys.stderr)
        return 2
    try:
        capture = read_capture(data)
    except CaptureError as exc:
        return _unreadable(data, exc, as_json=as_json)
    section = parse_section(REGISTRY, capture.fields)
    refused, message = _message(_frame(data) if capture.method is not None else None)
    if as_json:
        doc = request_json(capture.method, capture.target, capture.version, section)
        doc["message"] = refused
        if compare:
            doc["compare"] = _compare_request(capture, data, as_json=True)
        print(dumps(doc))
    else:
        # The terminal gets no control character from the input (pages/visible.py).
        if capture.method is not None:
            print(inert_text(f"{capture.method} {capture.target} {capture.version}\n"))
        sys.stdout.write(inert_text(fields_text(section)))
        print(inert_text(message))
        if compare:
            sys.stdout.write(inert_text("\n" + _compare_request(capture, data, as_json=False)))
    invalid = any(f.error is not None for f in section) or refused["status"] is not None
    return 1 if invalid else 0


def _frame(data: bytes) -> Framing:
    """The server's reader on the input, as `parse --compare -` frames it (compare.request.
    framable: bare LF read as CRLF, a missing empty line added), so the two never differ."""
    from .compare.framing import our_framing
    from .compare.request import framable

    return our_framing(framable(data)[0])


def _message(framed: Framing | None) -> tuple[dict[str, Any], str]:
    """The server's verdict on the request as a whole: the `message` object for --json and the
    `request:` line for text; `framed` is None for bare field lines (no request to frame).

    The rules that span field lines (two Content-Length values that differ, two Host lines,
    Transfer-Encoding beside Content-Length, chunked not the final coding: RFC 9112, 3.2 and
    6.1 to 6.3) are the server's reader's, and the verdict is that reader's status and reason
    (never a byte of the request: http/_errors.py), so it is the server's by construction.
    """
    from .compare.framing import Outcome

    if framed is None:
        return ({"status": None, "reason": None},
                "request: not framed: no request line, so only each field is checked")
    if framed.outcome is Outcome.REJECTED and framed.status is not None:
        status = framed.status
        phrase = HTTPStatus(status).phrase if status in _STATUSES else "-"
        return ({"status": status, "reason": framed.reason},
                f"request: {status} {phrase}: {framed.reason}")
    if framed.outcome is Outcome.INCOMPLETE:
        text = "request: framed; the server would wait for the rest of the body"
    else:
        text = f"request: framed as the server frames it (body {framed.body})"
    return {"status": None, "reason": None}, text


def _unreadable(data: bytes, error: CaptureError, *, as_json: bool) -> int:
    """Input that is not a request head of `Name: value` lines (exit 2, a usage error), unless
    it is a request the server would refuse: a head ending in an empty CRLF line as on the
    wire, or one that starts with a request line. Then no field can be shown, but the server's
    verdict can (exit 1): a field line with a space before the colon or an obs-fold is a
    framing attack, not a typing slip."""
    first = _request_line(data)
    framed = _frame(data) if first is not None or b"\r\n\r\n" in data else None
    if framed is None or framed.status is None:
        print(f"headerscope parse: {error}", file=sys.stderr)
        return 2
    print(f"headerscope parse: {error}: no field is shown", file=sys.stderr)
    refused, message = _message(framed)
    method, target, version = first or (None, None, None)
    if as_json:
        doc = request_json(method, target, version, [])
        doc["message"] = refused
        print(dumps(doc))
    else:
        if first is not None:
            print(inert_text(" ".join(first) + "\n"))
        print(inert_text(message))
    return 1


def _request_line(data: bytes) -> tuple[str, str, str] | None:
    """The request line that starts the input, if read_capture reads one there."""
    try:
        capture = read_capture(data.split(b"\n", 1)[0])
    except CaptureError:
        return None
    if capture.method is None or capture.target is None or capture.version is None:
        return None
    return capture.method, capture.target, capture.version


def _compare_field(field: ParsedField, *, as_json: bool) -> Any:
    """`parse --compare NAME VALUE`: the installed peers' readings of the same value."""
    from .compare import compare_field, peer_status
    from .compare.render import single_json, single_text

    c = compare_field(field.wire_name, field.raw, parsed=field)
    peers = peer_status(framing=False)
    return single_json(c, peers) if as_json else single_text(c, peers)


def _compare_request(capture: Capture, data: bytes, *, as_json: bool) -> Any:
    """`parse --compare -`: every field with the field peers, and the request's framing."""
    from .compare import compare_request
    from .compare.render import request_json as comparison_json
    from .compare.render import request_text

    rc = compare_request(capture.fields, data if capture.method is not None else None)
    return comparison_json(rc) if as_json else request_text(rc)


def run_fields(*, as_json: bool) -> int:
    specs = sorted(REGISTRY, key=lambda s: s.key)
    if as_json:
        print(dumps([spec_json(s) for s in specs]))
        return 0
    width = max(len(s.name) for s in specs) + 2
    ref_width = max(len(s.ref) for s in specs) + 2
    type_width = max(len(s.value_type) for s in specs) + 2
    for s in specs:
        note = "  (deprecated)" if s.deprecated else ""
        print(f"{s.name.ljust(width)}{s.ref.ljust(ref_width)}{s.kind.value:<11}"
              f"{s.value_type.ljust(type_width)}{s.module}{note}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .pages.app import PageOptions, make_app
    from .server import serve
    from .server.options import config_from_args

    config = config_from_args(args)
    redact = frozenset(name.lower() for name in args.redact)
    trusted = None
    if args.trusted_proxy:
        from .proxy import Networks

        try:
            trusted = Networks.parse(args.trusted_proxy)
        except ValueError as exc:
            print(f"headerscope serve: --trusted-proxy: {exc}", file=sys.stderr)
            return 2
    try:
        store = store_config(args)
    except ValueError as exc:
        print(f"headerscope serve: {exc}", file=sys.stderr)
        return 2
    app = make_app(PageOptions(strict=args.strict, redact=redact,
                               compare=getattr(args, "compare", False), trusted_proxies=trusted,
                               store=store, cache=not args.no_cache))
    if args.profile:
        config = dataclasses.replace(config, profile=args.profile)
    return serve(config, app)


def store_config(args: argparse.Namespace) -> Any:
    """serve's capture store options: a StoreConfig, or None for --no-store.

    The file is opened here once, so that a bad --store (not ours, a newer schema, a
    directory) is a usage error now rather than a warning in every worker; each process
    then opens its own connection on first use (captures/service.py)."""
    if args.no_store:
        return None
    from .captures import CaptureStore, StoreError, StoreLimits
    from .captures.service import StoreConfig

    if args.store_max_requests < 1 or args.store_max_bytes < 1:
        raise ValueError("--store-max-requests and --store-max-bytes must be at least 1")
    limits = StoreLimits(args.store_max_requests, args.store_max_bytes)
    if args.store is not None:
        try:
            CaptureStore(args.store, limits=limits).close()
        except StoreError as exc:
            raise ValueError(str(exc)) from exc
    return StoreConfig(args.store, limits)


def run_tail(args: argparse.Namespace) -> int:
    from .captures.tail import tail

    return tail(args.url, as_json=args.json, timeout=args.timeout)
