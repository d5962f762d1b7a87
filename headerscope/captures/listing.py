"""What a listing of captures asks for and gets: filters, entries, pages.

A listing returns no head or body bytes: an `Entry` is the summary kept beside them
(record.Summary), so a page of fifty captures is a few kilobytes, not megabytes.

"Field present" is the one filter that reads the heads: it looks for LF, the name and a
colon in the lower-cased head, which is where every field line but the request line starts
(a name is a token, and lower() changes ASCII letters only, so the test is exact for what a
server accepts). Nothing is written for it on the request's path; the scan costs a few
milliseconds over a thousand captures, when someone asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .record import EPOCH, Summary


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing keeps; None means no condition."""

    path_prefix: str | None = None
    method: str | None = None
    field: str | None = None  # a field name present (any case)
    has_diagnostics: bool | None = None
    bin: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One capture as a listing shows it: no head or body bytes are read for a listing."""

    id: int
    time: datetime
    bin: str | None
    client: tuple[str, int]
    protocol: str
    tls: bool
    status: int
    summary: Summary
    size: int


@dataclass(frozen=True, slots=True)
class Page:
    entries: tuple[Entry, ...]  # newest first
    page: int  # 1-based
    page_size: int
    more: bool  # a further page exists


# Each filter is a fixed SQL fragment with parameters: user text never becomes SQL.
def sql_where(f: Filters) -> tuple[str, tuple[Any, ...]]:
    parts: list[str] = []
    params: list[Any] = []
    if f.path_prefix:
        # A prefix without "?" starts the target exactly when it starts the path.
        parts.append("substr(target, 1, ?) = ?" if "?" not in f.path_prefix else "0")
        params += [len(f.path_prefix), f.path_prefix] if "?" not in f.path_prefix else []
    if f.method is not None:
        parts.append("method = ?")
        params.append(f.method)
    if f.field is not None:
        parts.append("instr(lower(CAST(head AS TEXT)), ?) > 0")
        params.append("\n" + f.field.lower() + ":")
    if f.has_diagnostics is not None:
        parts.append("diagnostics > 0" if f.has_diagnostics else "diagnostics = 0")
    if f.bin is not None:
        parts.append("bin = ?")
        params.append(f.bin)
    return (" WHERE " + " AND ".join(parts) if parts else ""), tuple(params)


def entry_of(r: tuple[Any, ...]) -> Entry:
    (id_, us, bin_, chost, cport, protocol, tls, status, method, target, count, diagnostics,
     size) = r
    return Entry(id_, EPOCH + timedelta(microseconds=us), bin_, (chost, cport), protocol,
                 bool(tls), status, Summary(method, target, count, diagnostics), size)
