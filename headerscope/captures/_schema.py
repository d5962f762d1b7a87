"""The capture store's SQLite schema, its version, and the conversion of a row to a Capture.

The version lives twice in the file: in `PRAGMA user_version` (read without touching any
table, so a file from another program or another version is refused before anything is read)
and in the `meta` table (which also names the application, so that any SQLite file with
user_version 1 is not taken for ours). Change the schema only with a new SCHEMA_VERSION.
"""

from __future__ import annotations

from typing import Any

from .record import Capture, Summary, TLSFacts

SCHEMA_VERSION = 1
APPLICATION = "headerscope captures"
# Every column costs on every request (sqlite3 binds each parameter in Python), so the row
# holds what a listing shows or filters on, and the bytes; nothing derived from them. The
# TLS facts, NULL on plain text, are one text column: version, cipher, ALPN and server name
# joined by TAB (none of them holds one: registered names and a DNS name).
CREATE = (
    """CREATE TABLE captures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so newer_than(id) misses nothing
        time_us INTEGER NOT NULL,              -- microseconds since 1970-01-01T00:00:00Z
        bin TEXT,
        client_host TEXT NOT NULL, client_port INTEGER NOT NULL,
        server_host TEXT NOT NULL, server_port INTEGER NOT NULL,
        protocol TEXT NOT NULL,
        tls TEXT,
        head BLOB NOT NULL, body BLOB NOT NULL, body_length INTEGER NOT NULL,
        trailers BLOB NOT NULL,
        status INTEGER NOT NULL,
        method TEXT NOT NULL, target TEXT NOT NULL,
        field_count INTEGER NOT NULL, diagnostics INTEGER NOT NULL,
        size INTEGER NOT NULL                  -- Capture.size, which the byte limit counts
    )""",
    "CREATE INDEX captures_bin ON captures (bin, id) WHERE bin IS NOT NULL",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Running totals, kept in the same transaction as every insert and delete, so that the
    # limits are checked without a scan, and agree across processes sharing the file.
    """CREATE TABLE totals (one INTEGER PRIMARY KEY CHECK (one = 1),
        count INTEGER NOT NULL, bytes INTEGER NOT NULL)""",
    "INSERT INTO totals VALUES (1, 0, 0)",
)

INSERT = (
    "INSERT INTO captures (time_us, bin, client_host, client_port, server_host, server_port,"
    " protocol, tls, head, body, body_length, trailers, status, method, target, field_count,"
    " diagnostics, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

ENTRY_COLUMNS = ("id, time_us, bin, client_host, client_port, protocol, tls IS NOT NULL,"
                 " status, method, target, field_count, diagnostics, size")
CAPTURE_COLUMNS = ("id, time_us, bin, client_host, client_port, server_host, server_port,"
                   " protocol, tls, head, body, body_length, trailers, status, method, target,"
                   " field_count, diagnostics")


def to_row(c: Capture) -> tuple[Any, ...]:
    s = c.summary
    client = c.client
    server = c.server
    head, body, trailers = c.head, c.body, c.trailers
    return (
        c.time_us, c.bin, client[0], client[1], server[0], server[1], c.protocol,
        None if c.tls is None else tls_column(c.tls), head, body, c.body_length, trailers,
        c.status, s[0], s[1], s[2], s[3], len(head) + len(body) + len(trailers),
    )


def tls_column(t: TLSFacts) -> str:
    return "\t".join(x or "" for x in (t.version, t.cipher, t.alpn, t.server_name))


def tls_of(column: str) -> TLSFacts:
    version, cipher, alpn, name = [*column.split("\t"), "", "", ""][:4]
    return TLSFacts(version or None, cipher or None, alpn or None, name or None)


def capture_of(row: tuple[Any, ...]) -> Capture:
    (id_, us, bin_, chost, cport, shost, sport, protocol, tls, head, body, body_length,
     trailers, status, method, target, count, diagnostics) = row
    return Capture(
        id_, us, bin_, (chost, cport), (shost, sport), protocol,
        None if tls is None else tls_of(tls), bytes(head), bytes(body), body_length,
        bytes(trailers), status, Summary(method, target, count, diagnostics),
    )
