"""`headerscope serve --compare`: the peers' readings beside the inspector's own.

The HTML view gets a "Peers" column (a muted line per peer that reads the field as we do, a
red "!" with both readings, the reference and who is right where it does not) and a table of
the request's framing by h11 and http.server; the text and JSON views get the same data,
from `compare.render`. Nothing here is imported unless the server runs with --compare, so
the inspector costs nothing more without it.

Redacted fields are not compared, and their values are scrubbed from the framers' readings,
which see the raw head.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable

from ..compare import (
    FieldComparison,
    Framing,
    FramingReading,
    Known,
    Reading,
    RequestComparison,
    Verdict,
    compare_field,
    compare_section,
)
from ..compare._model import canonical
from ..compare.framing import Lines
from ..compare.render import framing_summary, peers_line, request_json, request_text
from ..headers import FieldSection, ParsedField
from ..http import Limits, Response
from ..sxml import Node
from .app import PageOptions, render_view, route
from .document import request_json as document_json
from .inspection import REDACTED, Inspection
from .inspector import FIELDS_HEAD, field_row, inspector_tree
from .text import inspector_text

_QUIET = (Verdict.NOT_COVERED, Verdict.MISSING)
_WITHHELD = "(withheld: it quotes a redacted field)"
# The server has framed this request under its own limits already; framing it again under
# the default ones could refuse what the server was configured to take.
_HUGE = 1 << 40
_SERVED = Limits(_HUGE, _HUGE, _HUGE, _HUGE, _HUGE, _HUGE)


def compare_pages(options: PageOptions) -> Callable[[Inspection], Response]:
    """A `route` that adds the comparison to the inspector's HTML, text and JSON views."""

    def inspector(ins: Inspection, view: str) -> Response:
        rc = compare_inspection(ins, options.redact)
        return render_view(
            view, lambda: inspector_tree(ins, table=_table_maker(rc), after=framing_section(rc)),
            lambda: inspector_text(ins) + "\n" + request_text(rc),
            lambda: document_json(ins.method, ins.target, ins.version, ins.fields)
            | {"compare": request_json(rc)})

    return functools.partial(route, inspector=inspector)


def compare_inspection(ins: Inspection, redact: frozenset[str] = frozenset()) -> RequestComparison:
    data, note = framing_bytes(ins)
    rc = compare_section(ins.fields, data, note, skip=redact, limits=_SERVED)
    if not redact or rc.framed is None:
        return rc
    secrets = [v for n, v in rc.framed.fields or () if n in redact]
    return dataclasses.replace(rc, framed=_clean(rc.framed, redact, secrets),
                               framing=tuple(_scrub(r, redact, secrets) for r in rc.framing))


def framing_bytes(ins: Inspection) -> tuple[bytes | None, str]:
    """The request as the framers should see it, and what had to be done to get it."""
    if not ins.raw_available or not ins.head:
        return None, "the raw request bytes are not available under this server"
    if not any(f.name == "transfer-encoding" for f in ins.fields):
        return ins.head + ins.body, ""
    # The server keeps the decoded content only: send it again as one chunk.
    body = b"%x\r\n%b\r\n" % (len(ins.body), ins.body) if ins.body else b""
    trailers = b"".join(f"{f.wire_name}: {f.raw}\r\n".encode("latin-1", "replace")
                        for f in ins.trailers)
    return (ins.head + body + b"0\r\n" + trailers + b"\r\n",
            "the chunked content was framed again as one chunk (the server keeps it decoded)")


def _scrub(r: FramingReading, redact: frozenset[str], secrets: list[str]) -> FramingReading:
    note = _WITHHELD if any(s and s in r.note for s in secrets) else r.note
    return dataclasses.replace(r, theirs=_clean(r.theirs, redact, secrets),
                               ours=_clean(r.ours, redact, secrets), note=note)


def _clean(f: Framing | None, redact: frozenset[str], secrets: list[str]) -> Framing | None:
    """A framing with the values of redacted fields, and any reason quoting one, hidden."""
    if f is None:
        return None

    def hide(lines: Lines | None) -> Lines | None:
        return None if lines is None else tuple((n, REDACTED if n in redact else v)
                                                for n, v in lines)

    reason = _WITHHELD if any(s and s in f.reason for s in secrets) else f.reason
    return dataclasses.replace(f, fields=hide(f.fields), trailers=hide(f.trailers),
                               reason=reason)


# -- HTML --------------------------------------------------------------------------------------

def _table_maker(rc: RequestComparison) -> Callable[[FieldSection, str], Node]:
    done = {id(c.field): c for c in rc.fields}

    def table(section: FieldSection, caption: str) -> Node:
        counts = Counter(f.name for f in section)
        rows = [_with_cell(field_row(f, counts), _cell(_comparison(done, f)))
                for f in section]
        return ("table", {"class": "fields"}, ("caption", caption), _HEAD, ("tbody", rows))

    return table


def _comparison(done: dict[int, FieldComparison], f: ParsedField) -> FieldComparison:
    found = done.get(id(f))  # a request field, compared with the rest of the request
    if found is not None:
        return found
    return FieldComparison(f, ()) if f.raw == REDACTED else compare_field(
        f.wire_name, f.raw, parsed=f)  # a trailer field


def _with_cell(row: Node, cell: Node) -> Node:
    assert isinstance(row, tuple)
    return (*row, ("td", cell))


def _head() -> Node:
    head = FIELDS_HEAD  # ("thead", ("tr", *cells)): the inspector's, with one cell more
    assert isinstance(head, tuple) and isinstance(head[1], tuple)
    return (head[0], (*head[1], ("th", "Peers")))


_HEAD = _head()


def _cell(c: FieldComparison) -> Node:
    if not c.readings:
        return ("span", {"class": "none"}, "not compared")
    shown = [r for r in c.readings if r.verdict not in _QUIET]
    if not shown:
        return ("span", {"class": "none"}, "no installed peer parses this field")
    return [_reading(r) for r in shown]


def _reading(r: Reading) -> Node:
    if not r.verdict.differs:
        return ("div", {"class": "ref"}, f"= {r.peer}: {r.verdict.value}")
    return ("details",
            ("summary", {"class": "diag error"}, f"! {r.peer}: {r.verdict.value}"),
            ("p", {"class": "ref"}, r.function),
            None if r.verdict is Verdict.WE_REJECT else
            ("p", "headerscope reads ", ("code", canonical(r.ours))),
            ("p", f"{r.peer} rejects: ", r.note) if r.verdict is Verdict.PEER_REJECTS else
            ("p", f"{r.peer} reads ", ("code", canonical(r.theirs))),
            _known(r.known))


def _known(k: Known | None) -> Node:
    if k is None:
        return ("p", {"class": "diag warning"}, "not a known class of difference (please "
                                                "report it)")
    return [("p", k.behaviour), ("p", {"class": "ref"}, f"{k.ref}: {k.rule}"),
            ("p", "right: ", ("strong", k.right))]


def framing_section(rc: RequestComparison) -> Node:
    note = ("p", {"class": "ref"}, rc.framing_note) if rc.framing_note else None
    if rc.framed is None:
        return ("section", ("h2", "Peers"), ("p", peers_line(rc.peers)), note)
    rows: list[Node] = [("tr", ("td", "headerscope"), ("td", "(ours)"),
                         ("td", framing_summary(rc.framed)))]
    for r in rc.framing:
        mark: Node = (("span", {"class": "diag error"}, f"! {r.verdict.value}")
                      if r.verdict.differs else r.verdict.value)
        detail: Node = framing_summary(r.theirs) if r.verdict is not Verdict.MISSING else r.note
        extra = [("p", f"{part} differs") for part in r.differences if part != "outcome"]
        known = _known(r.known) if r.verdict.differs else None
        rows.append(("tr", ("td", r.peer), ("td", mark), ("td", detail, extra, known)))
    return ("section", ("h2", "Framing of the request by peers"), ("p", peers_line(rc.peers)),
            ("table", ("thead", ("tr", ("th", "Framer"), ("th", "Verdict"),
                                 ("th", "Reading"))), ("tbody", rows)), note)
