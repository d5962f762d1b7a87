"""What every client must show: its fields known and clean, and each view telling the truth.

For each captured exchange:

- the head is parsed by `headerscope parse --json -` (its entry point, `cli.main`, called on
  the captured bytes), and every field must be known (or, for the few names a test sends on
  purpose as proprietary, unknown with its raw value kept) with no error, and no warning but
  the few notes on a field's standing listed in STANDING_NOTES;
- the view the server answered with is checked against that parse: the JSON view must equal
  it, the text view must be readable in a terminal and list every field, the raw view must
  show exactly the captured bytes, and the HTML table must hold one clean row per field.

Problems are returned as sentences, so that a test reports every bad field at once and names
the client, the field, its value and the reason (each is a bug for the registry's owners).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

from headerscope.cli import main as headerscope_main

from ._wire import Exchange

REPO = Path(__file__).resolve().parents[2]
# Screenshots and the field lists of each client: a stable folder under the repository's
# `tmp/`, which .gitignore already ignores (`/tmp/`).
ARTIFACTS = REPO / "tmp" / "test-artifacts" / "clients"


def parse_command(head: bytes) -> dict[str, Any]:
    """What `headerscope parse --json -` prints for `head` on its standard input."""
    stdin, out = io.TextIOWrapper(io.BytesIO(head), encoding="latin-1"), io.StringIO()
    saved = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(out):
            status = headerscope_main(["parse", "--json", "-"])
    finally:
        sys.stdin = saved
    assert status in (0, 1), f"headerscope parse exited {status}"  # 1: a field did not parse
    document: dict[str, Any] = json.loads(out.getvalue())
    # The server took the request (it answered it), so its reader's verdict, which the command
    # adds and the JSON view has not, is none; but the command frames with the default limits,
    # and these servers take bodies up to 2 MiB (conftest.py), so a 413 is the one exception.
    message = document.pop("message")
    assert message == {"status": None, "reason": None} or message["status"] == 413, message
    return document


# Warnings about a field's standing, not its value: the value parsed cleanly, and the note is
# what a person inspecting the request should read. Each entry is a fragment of the reason;
# any other warning is a diagnostic and fails the test.
STANDING_NOTES = {
    "http2-settings": "which RFC 9113 removed",  # curl --http2 over cleartext (h2c upgrade)
    "pragma": "Pragma is deprecated",  # wget --no-cache, and browsers on a reload
    "dnt": "Do Not Track was abandoned",  # still sent by users who set it
}


def field_problems(client: str, document: dict[str, Any],
                   proprietary: frozenset[str] = frozenset()) -> list[str]:
    problems = []
    for f in document["fields"]:
        where = f"{client}: {f['wire_name']}: {f['raw']!r}"
        if f["error"] is not None:
            problems.append(f"{where}: error at {f['error']['position']}: "
                            f"{f['error']['reason']}")
        note = STANDING_NOTES.get(f["name"])
        problems.extend(f"{where}: warning at {w['position']}: {w['reason']}"
                        for w in f["warnings"] if note is None or note not in w["reason"])
        if f["known"] and f["name"] in proprietary:
            problems.append(f"{where}: expected unknown (proprietary), but it is known")
        elif not f["known"] and f["name"] not in proprietary:
            problems.append(f"{where}: not a known field")
        elif not f["known"] and f["value"] != f["raw"]:
            problems.append(f"{where}: unknown, but its raw value is not kept")
    return problems


def _is_readable(text: str) -> bool:
    """Printable text and newlines only: nothing a terminal would interpret."""
    return all(ch == "\n" or unicodedata.category(ch)[0] != "C" for ch in text)


def text_view_problems(client: str, document: dict[str, Any], body: bytes) -> list[str]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{client}: the text view is not UTF-8"]
    lines = text.split("\n")
    request_line = f"{document['method']} {document['target']} {document['version']}"
    problems = []
    if not _is_readable(text):
        problems.append(f"{client}: the text view holds control characters")
    if lines[0] != request_line:
        problems.append(f"{client}: the text view starts {lines[0]!r}, not {request_line!r}")
    summary = f"{len(document['fields'])} fields, all parsed"
    if summary not in lines[1]:
        problems.append(f"{client}: the text view says {lines[1]!r}, expected {summary!r}")
    # Each field starts a line with its name, then (after aligning spaces) its raw value.
    pos = 2
    for f in document["fields"]:
        pattern = re.compile(re.escape(f["wire_name"]) + " +" + re.escape(f["raw"]))
        while pos < len(lines) and not pattern.fullmatch(lines[pos].split("   (unknown")[0]):
            pos += 1
        if pos == len(lines):
            problems.append(f"{client}: the text view has no line for {f['wire_name']} "
                            "in wire order")
            break
        pos += 1
    return problems


def raw_view_problems(client: str, head: bytes, body: bytes) -> list[str]:
    if not all(32 <= b < 127 or b in b"\r\n" for b in head):
        return [f"{client}: the captured head is not printable ASCII; check the raw view by hand"]
    expected = "".join(line.decode("ascii") + "\\r\\n\n" for line in head.split(b"\r\n")[:-1])
    if body.decode("utf-8") != expected:
        return [f"{client}: the raw view is not the captured head:\n{body.decode()}\n"
                f"---- captured ----\n{expected}"]
    return []


def html_view_problems(client: str, document: dict[str, Any], body: bytes) -> list[str]:
    root = lxml.html.fromstring(body)
    rows = [row for table in root.iter("table") if "fields" in (table.get("class") or "").split()
            for row in table.findall("./tbody/tr")]
    cells = [["".join(str(text) for text in cell.itertext()) for cell in row.findall("./td")]
             for row in rows]  # lxml.html gives str pieces; str() is for the stubs' union
    return table_problems(client, document, [
        ((row.get("class") or "").split(), texts) for row, texts in zip(rows, cells, strict=True)])


def table_problems(client: str, document: dict[str, Any],
                   rows: list[tuple[list[str], list[str]]]) -> list[str]:
    """The inspector table, as (row classes, cell texts), against the parsed document.

    A row's cells are name (with badges), raw value, parsed value, reference; a row without
    the class "error" is a field that parsed."""
    fields = document["fields"]
    if len(rows) != len(fields):
        return [f"{client}: the table has {len(rows)} rows for {len(fields)} fields"]
    problems = []
    for (classes, cells), f in zip(rows, fields, strict=True):
        name = cells[0].split("unknown")[0].split("repeated")[0].strip()
        if name != f["wire_name"] or cells[1].strip() != f["raw"]:
            problems.append(f"{client}: row {cells[:3]} does not show {f['wire_name']}: "
                            f"{f['raw']!r}")
        if "error" in classes:
            problems.append(f"{client}: the row of {f['wire_name']} is marked as an error")
        if f["known"] and not cells[2].strip():
            problems.append(f"{client}: the row of {f['wire_name']} shows no parsed value")
    return problems


def inspector_view(target: str) -> bool:
    path = target.split("?", 1)[0]
    return not (path in ("/hello", "/favicon.ico", "/favicon.svg") or path.startswith("/fields"))


@dataclass
class ClientReport:
    """The fields a client sent, kept for the terminal summary and the artifacts folder."""

    client: str
    requests: list[dict[str, Any]] = field(default_factory=list)


REPORTS: dict[str, ClientReport] = {}
SAVED: list[Path] = []  # screenshots and other artifacts, listed in the terminal summary


def artifact(name: str) -> Path:
    """A path in the artifacts folder for a file a test saves; printed, and listed at the end."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.unlink(missing_ok=True)  # a file left by an earlier run must not pass for this one's
    SAVED.append(path)
    print(f"saving {path}")
    return path


def check_exchanges(client: str, exchanges: list[Exchange],
                    proprietary: frozenset[str] = frozenset()) -> list[str]:
    """Every problem with what `client` sent and what each view answered, as sentences."""
    report = REPORTS.setdefault(client, ClientReport(client))
    problems: list[str] = []
    if not exchanges:
        return [f"{client}: no complete request and response was captured"]
    for ex in exchanges:
        request, response = ex.request, ex.response
        label = f"{client} ({request.request_line})"
        document = parse_command(request.head)
        report.requests.append({
            "request_line": request.request_line,
            "fields": [f["wire_name"] for f in document["fields"]],
            "unknown": [f["wire_name"] for f in document["fields"] if not f["known"]],
            "notes": [f"{f['wire_name']}: {w['reason']}" for f in document["fields"]
                      for w in f["warnings"]]})
        problems += field_problems(label, document, proprietary)
        if response.status != 200:
            problems.append(f"{label}: answered {response.status}")
            continue
        if not inspector_view(request.target):
            continue
        kind = response.media_type
        if kind == "application/json":
            # The server's JSON view is the parse document plus what only a server knows
            # (protocol, connection, http2: docs/json.md).
            served = json.loads(response.body)
            if {key: served.get(key) for key in document} != document or (
                    set(served) - set(document) != {"protocol", "connection", "http2"}):
                problems.append(f"{label}: the JSON view differs from `headerscope parse "
                                f"--json -` on the captured bytes:\n{response.body.decode()}\n"
                                f"---- parse ----\n{json.dumps(document, indent=2)}")
        elif kind == "text/plain" and "format=raw" in request.target:
            problems += raw_view_problems(label, request.head, response.body)
        elif kind == "text/plain":
            problems += text_view_problems(label, document, response.body)
        elif kind == "text/html":
            problems += html_view_problems(label, document, response.body)
        else:
            problems.append(f"{label}: unexpected Content-Type {response.media_type!r}")
    save_report(report)
    return problems


def save_report(report: ClientReport) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', report.client)}.fields.json"
    path.write_text(json.dumps(report.requests, indent=2) + "\n")
    return path


def views(exchanges: list[Exchange]) -> set[str]:
    """The inspector views the server answered with, to prove a test exercised the ones it
    meant to."""
    out = set()
    for ex in exchanges:
        if not inspector_view(ex.request.target):
            continue
        kind = ex.response.media_type
        raw = "format=raw" in ex.request.target
        out.add({"application/json": "json", "text/html": "html"}.get(
            kind, "raw" if raw else "text" if kind == "text/plain" else kind))
    return out
