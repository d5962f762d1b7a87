"""Comparisons as text lines (terminal, text view) and as JSON data (--json, JSON view).

Text marks every reading with "=" (the peer reads the value as we do, or both refuse it),
"!" (a difference) or "-" (not run: the value is too long for a super-linear peer, or
redacted), and follows a difference with both readings, the known class, the reference and
who it says is right. Everything that comes from the request (names, readings, a peer's
complaint, which may quote the value) is made visible (pages/visible.py): the text goes to
terminals. JSON is the readings' dataclasses as plain data, exact:

    {"peer", "verdict", "function", "ours", "theirs", "note",
     "known": {"key", "peer", "behaviour", "ref", "rule", "right"} | null}
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..headers import to_json
from ..pages.visible import visible
from ._model import FieldComparison, Known, Reading, Verdict, canonical
from .framing import Framing, FramingReading, Outcome
from .peers import PeerStatus
from .request import RequestComparison

_WIDTH = 100  # a reading longer than this is cut, with "..."


def peers_line(peers: tuple[PeerStatus, ...]) -> str:
    present = [f"{p.name} {p.version}".rstrip() for p in peers if p.available]
    missing = [f"{p.name} (missing: pip install {p.install})" for p in peers if not p.available]
    return "compared with: " + ", ".join(present + missing)


def _cut(text: str) -> str:
    text = visible(text)
    return text if len(text) <= _WIDTH else text[: _WIDTH - 3] + "..."


def reading_text(value: object) -> str:
    """A reading as one line of visible text (its canonical JSON keeps characters raw)."""
    return visible(canonical(value))


def known_lines(known: Known | None, pad: str) -> list[str]:
    if known is None:
        return [f"{pad}why: not a known class of difference (please report it)"]
    wrap = textwrap.TextWrapper(_WIDTH, initial_indent=pad, subsequent_indent=pad + "  ",
                                break_long_words=False, break_on_hyphens=False)
    return [*wrap.wrap(f"why: {known.behaviour} [{known.key}]"),
            *wrap.wrap(f"{known.ref}: {known.rule}"), f"{pad}right: {known.right}"]


def reading_lines(r: Reading, pad: str = "  ") -> list[str]:
    """One line per covered peer; a difference gets both readings and its explanation."""
    mark = "!" if r.verdict.differs else "-" if r.verdict is Verdict.NOT_RUN else "="
    lines = [f"{pad}{mark} {r.peer:<9} {r.verdict.value:<13} {r.function}".rstrip()]
    if r.verdict is Verdict.NOT_RUN:
        return [*lines, f"{pad}    {r.note}"]
    if not r.verdict.differs:
        return lines
    inner = pad + "    "
    if r.verdict is not Verdict.WE_REJECT:
        lines.append(_cut(f"{inner}headerscope reads: {canonical(r.ours)}"))
    if r.verdict is Verdict.PEER_REJECTS:
        lines.append(_cut(f"{inner}{r.peer} rejects: {r.note}"))
    else:
        lines.append(_cut(f"{inner}{r.peer} reads: {canonical(r.theirs)}"))
    return lines + known_lines(r.known, inner)


def common_note(c: FieldComparison) -> str | None:
    """The note when no peer was run, all for one reason (a redacted field), else None."""
    notes = {r.note for r in c.readings if r.verdict is Verdict.NOT_RUN}
    if len(notes) == 1 and all(r.verdict is Verdict.NOT_RUN for r in c.readings):
        return notes.pop()
    return None


def field_lines(c: FieldComparison, pad: str = "  ") -> list[str]:
    note = common_note(c)
    if note is not None:
        return [f"{pad}(not run: {note})"]
    shown = [r for r in c.readings if r.verdict not in (Verdict.NOT_COVERED, Verdict.MISSING)]
    lines = [line for r in shown for line in reading_lines(r, pad)]
    if not c.readings:
        lines.append(f"{pad}(not compared)")
    elif not shown:
        lines.append(f"{pad}(no installed peer parses {visible(c.field.wire_name)})")
    return lines


def framing_summary(f: Framing | None) -> str:
    if f is None:
        return ""
    if f.outcome is Outcome.REJECTED:  # a framer's reason may quote the request
        return f"rejected: {f.status or '-'} {visible(f.reason)}".rstrip()
    if f.outcome is Outcome.INCOMPLETE:
        return "incomplete: waiting for more bytes"
    method, target, version = f.request_line or ("?", "?", "?")
    parts = [f"request {visible(method)} {visible(target[:40])} {visible(version)}",
             f"{len(f.fields or ())} fields"]
    if f.body is not None:
        parts.append(f"body {f.body}")
    if f.consumed is not None:
        parts.append(f"{f.consumed} bytes used")
    return ", ".join(parts)


def framing_lines(r: FramingReading, pad: str = "  ") -> list[str]:
    mark = "!" if r.verdict.differs else "="
    if r.verdict is Verdict.MISSING:
        return [f"{pad}- {r.peer:<11} {visible(r.note)}"]
    lines = [f"{pad}{mark} {r.peer:<11} {r.verdict.value:<13} {framing_summary(r.theirs)}"]
    if not r.verdict.differs:
        return lines
    inner = pad + "    "
    for part in r.differences:
        if part == "outcome":
            continue
        ours, theirs = getattr(r.ours, part), getattr(r.theirs, part)
        lines.append(_cut(f"{inner}{part}: headerscope {_show(ours)}"))
        lines.append(_cut(f"{inner}{' ' * len(part)}  {r.peer} {_show(theirs)}"))
    return lines + known_lines(r.known, inner)


def _show(value: object) -> str:
    if isinstance(value, bytes):
        return repr(value)  # ASCII: repr escapes every other byte
    return reading_text(to_json(value))


def request_text(rc: RequestComparison) -> str:
    """The comparison section of the text view and of `parse --compare -`."""
    out = [peers_line(rc.peers)]
    width = min(28, max((len(c.field.wire_name) for c in rc.fields), default=0)) + 2
    for c in rc.fields:
        lines = field_lines(c, "")
        out.append(visible(c.field.wire_name).ljust(width) + lines[0].lstrip())
        out.extend(" " * width + line for line in lines[1:])
    if rc.framed is not None:
        out.append(f"framing  headerscope  {framing_summary(rc.framed)}")
        out.extend(line for r in rc.framing for line in framing_lines(r, "         "))
    if rc.framing_note:
        out.append(f"note: {rc.framing_note}")
    n = rc.differences
    out.append(f"{n} difference{'s' if n != 1 else ''} between headerscope and its peers")
    return "\n".join(out) + "\n"


def field_json(c: FieldComparison) -> list[Any]:
    return [to_json(r) for r in c.readings]


def request_json(rc: RequestComparison) -> dict[str, Any]:
    return {"peers": [to_json(p) for p in rc.peers],
            "fields": [field_json(c) for c in rc.fields],
            "framed": to_json(rc.framed), "framing": [to_json(r) for r in rc.framing],
            "framing_note": rc.framing_note, "differences": rc.differences}


def single_text(c: FieldComparison, peers: tuple[PeerStatus, ...]) -> str:
    """`parse --compare NAME VALUE`: the peers, then one reading per covered peer."""
    n = len(c.differences)
    return "\n".join([peers_line(peers), *field_lines(c),
                      f"{n} difference{'s' if n != 1 else ''} between headerscope and its "
                      "peers"]) + "\n"


def single_json(c: FieldComparison, peers: tuple[PeerStatus, ...]) -> dict[str, Any]:
    return {"peers": [to_json(p) for p in peers], "readings": field_json(c),
            "differences": len(c.differences)}
