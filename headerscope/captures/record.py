"""One captured request: the bytes as they arrived, the connection facts, and the answer.

Strategy: a `Capture` keeps raw bytes, never parsed values: the head exactly as received
(request line, field lines, empty line), the content up to a limit, and the trailer lines.
Pages parse them when they show them (`_wire.read_head`, then the header registry), so a
parser fix shows old captures correctly. The few facts a listing shows and filters on
(method, target, how many fields and diagnostics) are kept beside the bytes in a `Summary`,
computed once when the request is captured. Which fields are present is found in the stored
head when someone asks (store.py), not written down for every request.

Building a capture is on every request's path, so it does little: the time is an integer
(microseconds since the epoch; `Capture.time` makes the datetime when asked), and `Summary`
is a NamedTuple, for the reason `headers.ParsedField` is one.

`--redact NAME` applies before anything is stored: `redact_lines` replaces the value bytes of
those field lines by the same text the pages show, so a secret never reaches the store.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from ..headers import FieldSection
from ..http import ConnectionInfo, FieldLine, Request
from ..pages.inspection import REDACTED
from ._wire import split_lines

_REDACTED = REDACTED.encode("ascii")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
BODY_LIMIT = 64 * 1024  # octets of content kept per capture, by default
_BIN_PREFIX = "/bin/"
BIN_NAME_LIMIT = 64  # characters: a longer segment is not a bin name


@dataclass(frozen=True, slots=True)
class TLSFacts:
    """What the TLS layer negotiated; None for a field the server could not learn."""

    version: str | None = None  # "TLSv1.3"
    cipher: str | None = None  # "TLS_AES_128_GCM_SHA256"
    alpn: str | None = None  # "http/1.1", "h2"
    server_name: str | None = None  # SNI, as the client sent it


class Summary(NamedTuple):
    """What a listing shows and filters on, computed once from the request."""

    method: str
    target: str
    field_count: int  # field lines in the header section
    diagnostics: int  # errors and warnings over all field lines, as the inspector counts them

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


@dataclass(frozen=True, slots=True)
class Capture:
    """A request as it arrived. `id` is None until the store has written it."""

    id: int | None
    time_us: int  # microseconds since 1970-01-01T00:00:00Z: when the request was captured
    bin: str | None  # the NAME of /bin/NAME/..., or None
    client: tuple[str, int]  # peer address and port
    server: tuple[str, int]  # local address and port
    protocol: str  # "HTTP/1.1", "HTTP/1.0"; later "h2", "h2c"
    tls: TLSFacts | None  # None on a plain-text connection
    head: bytes  # request line and field lines exactly as received, through the empty line
    body: bytes  # the content as decoded from its framing, cut at the store's body limit
    body_length: int  # the full length of the content received
    trailers: bytes  # trailer field lines as received, each with CRLF; b"" when none
    status: int  # the status answered
    summary: Summary

    @property
    def time(self) -> datetime:
        """The time of the capture, in UTC, with microseconds."""
        return EPOCH + timedelta(microseconds=self.time_us)

    @property
    def body_cut(self) -> bool:
        """True when only the first len(body) of body_length octets were kept."""
        return len(self.body) < self.body_length

    @property
    def size(self) -> int:
        """The octets this capture counts against a store's byte limit."""
        return len(self.head) + len(self.body) + len(self.trailers)


_UNKNOWN_TLS = TLSFacts()
_new = tuple.__new__  # Summary(...) runs a Python-level __new__; this builds the same tuple


def bin_of(path: str) -> str | None:
    """The bin a path files its capture under: NAME for /bin/NAME and /bin/NAME/...

    The name is the path segment as sent (not percent-decoded), so two spellings are two bins;
    an empty segment or one longer than BIN_NAME_LIMIT is no bin.
    """
    if not path.startswith(_BIN_PREFIX):
        return None
    name = path[len(_BIN_PREFIX):].split("/", 1)[0]
    return name if 0 < len(name) <= BIN_NAME_LIMIT else None


def count_diagnostics(section: FieldSection) -> int:
    """Errors and warnings over every field line: what the inspector marks."""
    n = 0
    for f in section.lines:  # a plain loop: a third of sum() over a generator, per request
        if f.error is not None:
            n += 1
        if f.warnings:
            n += len(f.warnings)
    return n


def time_us(when: datetime) -> int:
    """Microseconds since the epoch, exactly (no float rounding)."""
    return (when - EPOCH) // timedelta(microseconds=1)


def capture_request(request: Request, info: ConnectionInfo, status: int, *, diagnostics: int,
                    tls: TLSFacts | None = None, protocol: str | None = None,
                    redact: frozenset[str] = frozenset(), body_limit: int = BODY_LIMIT,
                    when: datetime | None = None) -> Capture:
    """The capture of one answered request, built from what the server has at hand.

    `diagnostics` comes from the section the pages already parsed (`count_diagnostics`), so
    that capturing never parses a field twice. `when` defaults to now. `redact` holds
    lower-case field names whose values are replaced before anything is kept. `tls`: what
    the TLS layer negotiated (when `info.tls` is true and it is not given, an empty
    `TLSFacts()` still marks the connection as TLS). `protocol` defaults to the version in
    the request line ("h2" must be passed).
    """
    head = request.head
    trailers = b"".join(f.raw + b"\r\n" for f in request.trailers) if request.trailers else b""
    if redact and _names_any(request.fields, request.trailers, redact):
        head = redact_lines(head, redact, skip_first=True)
        trailers = redact_lines(trailers, redact)
    if tls is None and info.tls:
        tls = _UNKNOWN_TLS
    body = request.body
    target = request.target
    return Capture(
        None, time.time_ns() // 1000 if when is None else time_us(when),
        bin_of(target.split("?", 1)[0]) if target.startswith(_BIN_PREFIX) else None,
        info.client, info.server, protocol or request.version, tls, head, body[:body_limit],
        len(body), trailers, status,
        _new(Summary, (request.method, target, len(request.fields), diagnostics)),
    )


def _names_any(fields: Iterable[FieldLine], trailers: Iterable[FieldLine],
               names: frozenset[str]) -> bool:
    return any(f.name.lower() in names for f in fields) or any(
        f.name.lower() in names for f in trailers)


def redact_lines(data: bytes, names: frozenset[str], *, skip_first: bool = False) -> bytes:
    """`data` with the value of every field line named in `names` (lower case) replaced.

    The name, the colon and the whitespace after it stay as sent; the value, and any obs-fold
    continuation of it, become "(redacted)". With `skip_first` the first non-empty line is a
    request line and is never touched. Line endings stay as they were.
    """
    out: list[bytes] = []
    seen_first = not skip_first
    redacting = False  # inside a redacted field line: its continuation lines go too
    for line, end in split_lines(data):
        if not seen_first:
            seen_first = line != b""
            out.append(line + end)
            continue
        if line == b"":  # the end of the section: copy the rest untouched
            redacting = False
            out.append(line + end)
            continue
        if line[:1] in (b" ", b"\t"):
            if not redacting:
                out.append(line + end)
            continue
        colon = line.find(b":")
        redacting = colon > 0 and line[:colon].decode("latin-1").lower() in names
        if not redacting:
            out.append(line + end)
            continue
        value_start = colon + 1
        while value_start < len(line) and line[value_start] in b" \t":
            value_start += 1
        out.append(line[:value_start] + _REDACTED + end)
    return b"".join(out)
