"""`headerscope serve --compare`: the peers' readings beside the inspector's own.

The HTML view gets a "Peers" column (a muted line per peer that reads the field as we do, a
red "!" with both readings, the reference and who is right where it does not) and a table of
the request's framing by h11 and http.server; the text and JSON views get the same data,
from `compare.render`. Nothing here is imported unless the server runs with --compare, so
the inspector costs nothing more without it.

Redaction holds here too: a redacted field's value is given to no peer (each reading says
"not run: redacted"), and the framers read the head as the raw view shows it, with the
redacted values replaced (pages/inspection.py, `redact_head`). When a redacted field decides
the framing itself (Host, Content-Length, Transfer-Encoding), the framing is not compared:
framing "(redacted)" would only compare a request nobody sent. Everything from the request
is made visible, as in the inspector.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable

from ..compare import (
    FieldComparison,
    Known,
    Reading,
    RequestComparison,
    Verdict,
    compare_field,
    compare_section,
)
from ..compare.field import redacted
from ..compare.render import (
    common_note,
    framing_summary,
    peers_line,
    reading_text,
    request_json,
    request_text,
)
from ..headers import FieldSection, ParsedField
from ..http import Limits, Response
from ..sxml import Node
from .document import request_json as document_json
from .inspection import Inspection, for_display
from .inspector import FIELDS_HEAD, field_row, inspector_tree
from .options import PageOptions
from .respond import render_view
from .text import inspector_text
from .visible import visible

Route = Callable[..., Response]  # app.route(ins, inspector=...)
_QUIET = (Verdict.NOT_COVERED, Verdict.MISSING)
# A redacted value of one of these would change the framing itself: not compared then.
_FRAMING_FIELDS = ("host", "content-length", "transfer-encoding")
# The server has framed this request under its own limits already; framing it again under
# the default ones could refuse what the server was configured to take.
_HUGE = 1 << 40
_SERVED = Limits(_HUGE, _HUGE, _HUGE, _HUGE, _HUGE, _HUGE)


def compare_pages(options: PageOptions, route: Route) -> Callable[[Inspection], Response]:
    """`route` (app.py's), with the comparison added to the inspector's HTML, text and JSON
    views."""

    def inspector(ins: Inspection, view: str) -> Response:
        rc = compare_inspection(ins, options.redact)

        def tree() -> Node:
            shown = for_display(ins)
            return inspector_tree(shown, table=_table_maker(rc, shown.fields, options.redact),
                                  after=framing_section(rc))

        return render_view(
            view, tree,
            lambda: inspector_text(ins) + "\n" + request_text(rc),
            lambda: document_json(ins.method, ins.target, ins.version, ins.fields)
            | {"compare": request_json(rc)})

    return functools.partial(route, inspector=inspector)


def compare_inspection(ins: Inspection, redact: frozenset[str] = frozenset()) -> RequestComparison:
    """`ins` as the server built it: its head already has the redacted values replaced."""
    data, note = framing_bytes(ins, redact)
    return compare_section(ins.fields, data, note, skip=redact, limits=_SERVED)


def framing_bytes(ins: Inspection, redact: frozenset[str] = frozenset()) -> tuple[bytes | None,
                                                                                   str]:
    """The request as the framers should see it, and what had to be done to get it."""
    if not ins.raw_available or not ins.head:
        return None, "the raw request bytes are not available under this server"
    if ins.http2 is not None:
        return None, ("an HTTP/2 request has no HTTP/1.1 head to frame: its fields came in "
                      "HPACK blocks (the connection section shows them)")
    deciding = [f.wire_name for f in ins.fields if f.name in redact and f.name in _FRAMING_FIELDS]
    if deciding:
        return None, (f"the framing is not compared: the redacted field {visible(deciding[0])} "
                      "decides it")
    hidden = any(f.name in redact for f in (*ins.fields, *ins.trailers))
    note = ("the values of the redacted fields were replaced by (redacted) before framing"
            if hidden else "")
    if not any(f.name == "transfer-encoding" for f in ins.fields):
        return ins.head + ins.body, note
    # The server keeps the decoded content only: send it again as one chunk.
    body = b"%x\r\n%b\r\n" % (len(ins.body), ins.body) if ins.body else b""
    trailers = b"".join(f"{f.wire_name}: {f.raw}\r\n".encode("latin-1", "replace")
                        for f in ins.trailers)
    return (ins.head + body + b"0\r\n" + trailers + b"\r\n",
            "; ".join(filter(None, [note, "the chunked content was framed again as one chunk "
                                          "(the server keeps it decoded)"])))


# -- HTML --------------------------------------------------------------------------------------

def _table_maker(rc: RequestComparison, shown: FieldSection,
                 redact: frozenset[str]) -> Callable[[FieldSection, str], Node]:
    """`shown`: the request's fields as the page draws them, line for line `rc.fields`."""
    done = {id(f): c for f, c in zip(shown.lines, rc.fields, strict=True)}

    def table(section: FieldSection, caption: str) -> Node:
        counts = Counter(f.name for f in section)
        rows = [_with_cell(field_row(f, counts), _cell(_comparison(done, f, redact)))
                for f in section]
        return ("table", {"class": "fields"}, ("caption", caption), _HEAD, ("tbody", rows))

    return table


def _comparison(done: dict[int, FieldComparison], f: ParsedField,
                redact: frozenset[str]) -> FieldComparison:
    found = done.get(id(f))  # a request field, compared with the rest of the request
    if found is not None:
        return found
    return redacted(f) if f.name in redact else compare_field(
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
    note = common_note(c)
    if note is not None:
        return ("span", {"class": "none"}, f"not run: {note}")
    shown = [r for r in c.readings if r.verdict not in _QUIET]
    if not shown:
        return ("span", {"class": "none"}, "no installed peer parses this field")
    return [_reading(r) for r in shown]


def _reading(r: Reading) -> Node:
    if r.verdict is Verdict.NOT_RUN:
        return ("div", {"class": "ref"}, f"- {r.peer}: not run: {r.note}")
    if not r.verdict.differs:
        return ("div", {"class": "ref"}, f"= {r.peer}: {r.verdict.value}")
    return ("details",
            ("summary", {"class": "diag error"}, f"! {r.peer}: {r.verdict.value}"),
            ("p", {"class": "ref"}, r.function),
            None if r.verdict is Verdict.WE_REJECT else
            ("p", "headerscope reads ", ("code", reading_text(r.ours))),
            ("p", f"{r.peer} rejects: ", visible(r.note)) if r.verdict is Verdict.PEER_REJECTS
            else ("p", f"{r.peer} reads ", ("code", reading_text(r.theirs))),
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
        detail: Node = (framing_summary(r.theirs) if r.verdict is not Verdict.MISSING
                        else visible(r.note))
        extra = [("p", f"{part} differs") for part in r.differences if part != "outcome"]
        known = _known(r.known) if r.verdict.differs else None
        rows.append(("tr", ("td", r.peer), ("td", mark), ("td", detail, extra, known)))
    return ("section", ("h2", "Framing of the request by peers"), ("p", peers_line(rc.peers)),
            ("table", ("thead", ("tr", ("th", "Framer"), ("th", "Verdict"),
                                 ("th", "Reading"))), ("tbody", rows)), note)
