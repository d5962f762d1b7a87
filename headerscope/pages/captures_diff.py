"""/captures/A/diff/B: what changed between two captures ("what did the proxy change").

The comparison itself is captures/diff.py; this draws it, field by field: added, removed,
changed (the parsed values of both sides next to each other), case or whitespace changed,
reordered, repeated lines joined or split, then the request line, the trailers, the content
and the connection facts. Every name and value from a capture is made visible where drawn.
"""

from __future__ import annotations

from typing import Any

from ..captures import Capture, CaptureDiff
from ..captures.diff import FactChange, FieldChange, Side
from ..headers import ParsedField
from ..sxml import Node
from .captures_pages import Answer
from .document import field_json
from .inspector import page
from .valueview import lines as value_lines
from .visible import visible

_NONE: Node = ("span", {"class": "none"}, "-")


def _parsed_text(f: ParsedField) -> str:
    if f.error is not None:
        return f"error: {visible(f.error.reason)}"
    if not f.known or f.value is None:
        return "(unknown field: kept verbatim)"
    return "\n".join(value_lines(f.value))


def _side_cell(s: Side | None) -> Node:
    if s is None:
        return ("td", _NONE)
    return ("td", ("pre", f"line {s.index + 1}: {visible(s.raw.decode('latin-1'))}"),
            ("pre", {"class": "ref"}, _parsed_text(s.parsed)))


def _facts_table(title: str, facts: tuple[FactChange, ...] | list[FactChange]) -> Node:
    if not facts:
        return None
    return ("section", ("h2", title), ("table", ("thead", ("tr", ("th", "What"), ("th", "A"),
                                                         ("th", "B"))),
                                       ("tbody", *(("tr", ("td", f.fact),
                                                    ("td", ("code", visible(f.a))),
                                                    ("td", ("code", visible(f.b))))
                                                   for f in facts))))


def _changes_table(title: str, changes: tuple[FieldChange, ...]) -> Node:
    if not changes:
        return None
    return ("section", ("h2", title), ("table", {"class": "diff"}, ("thead", ("tr", *(
        ("th", h) for h in ("Change", "Field", "A (as sent, then parsed)",
                            "B (as sent, then parsed)")))),
        ("tbody", *(("tr", ("td", c.kind.value), ("td", ("code", visible(c.name))),
                     _side_cell(c.a), _side_cell(c.b)) for c in changes))))


def diff_tree(a: Capture, b: Capture, d: CaptureDiff) -> Node:
    title = f"Capture #{a.id} → #{b.id}"
    sections: list[Node] = [
        _facts_table("Request line", d.request_line),
        _changes_table("Fields", d.fields),
    ]
    if d.reordered:
        sections.append(("section", ("h2", "Reordered"), ("ul", *(
            ("li", ("code", visible(m.name)), f": line {m.index_a + 1} in A, "
                   f"line {m.index_b + 1} in B") for m in d.reordered))))
    if d.regrouped:
        sections.append(("section", ("h2", "Repeated lines joined or split"), ("ul", *(
            ("li", ("code", visible(r.name)),
             f": {r.lines_a} line(s) in A, {r.lines_b} in B, the same combined value ",
             ("code", visible(r.combined)), _combines(r.allowed)) for r in d.regrouped))))
    sections.append(_changes_table("Trailer fields", d.trailers))
    if d.body is not None:
        sections.append(("section", ("h2", "Content"), ("p", _body_text(d))))
    sections.append(_facts_table("Connection", d.connection))
    if d.empty:
        sections.append(("p", "The two requests are the same, byte for byte, and so are their "
                              "connection facts."))
    return page(f"headerscope: diff #{a.id} #{b.id}",
                ("header", ("h1", title),
                 ("p", ("a", {"href": f"/captures/{a.id}"}, f"A: #{a.id}"), " · ",
                  ("a", {"href": f"/captures/{b.id}"}, f"B: #{b.id}"), " · ",
                  ("a", {"href": "/captures"}, "all captures"))),
                ("main", *sections))


def _combines(allowed: bool | None) -> str:
    if allowed is None:
        return " (an unknown field: whether it may be combined is not known)"
    return (" (RFC 9110, 5.3 lets a recipient combine it)" if allowed
            else " (this field may NOT be combined: the meaning may have changed)")


def _body_text(d: CaptureDiff) -> str:
    b = d.body
    assert b is not None
    return (f"A: {b.length_a} octets{' (cut when stored)' if b.cut_a else ''}, sha256 "
            f"{b.sha256_a}; B: {b.length_b} octets{' (cut when stored)' if b.cut_b else ''}, "
            f"sha256 {b.sha256_b}")


def diff_text(a: Capture, b: Capture, d: CaptureDiff) -> str:
    out = [f"diff capture #{a.id} -> #{b.id}"]
    out += [f"request line: {f.fact}: {visible(f.a)} -> {visible(f.b)}" for f in d.request_line]
    for label, changes in (("field", d.fields), ("trailer", d.trailers)):
        for c in changes:
            out.append(f"{label} {c.kind.value}: {visible(c.name)}")
            for mark, side in (("-", c.a), ("+", c.b)):
                if side is not None:
                    out.append(f"  {mark} line {side.index + 1}: "
                               f"{visible(side.raw.decode('latin-1'))}")
                    out.extend(f"      {line}" for line in _parsed_text(side.parsed).split("\n"))
    out += [f"reordered: {visible(m.name)}: line {m.index_a + 1} -> line {m.index_b + 1}"
            for m in d.reordered]
    out += [f"regrouped: {visible(r.name)}: {r.lines_a} line(s) -> {r.lines_b}, "
            f"combined {visible(r.combined)}{_combines(r.allowed)}" for r in d.regrouped]
    if d.body is not None:
        out.append("content: " + _body_text(d))
    out += [f"connection: {f.fact}: {visible(f.a)} -> {visible(f.b)}" for f in d.connection]
    if d.empty:
        out.append("no difference")
    return "\n".join(out) + "\n"


def _side_json(s: Side | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"line": s.index + 1, "raw": s.raw.decode("latin-1"), "parsed": field_json(s.parsed)}


def _fact_json(f: FactChange) -> dict[str, str]:
    return {"what": f.fact, "a": f.a, "b": f.b}


def _change_json(c: FieldChange) -> dict[str, Any]:
    return {"change": c.kind.value, "name": c.name, "a": _side_json(c.a), "b": _side_json(c.b)}


def diff_json(a: Capture, b: Capture, d: CaptureDiff) -> dict[str, Any]:
    body = d.body
    return {
        "a": a.id, "b": b.id, "same": d.empty,
        "request_line": [_fact_json(f) for f in d.request_line],
        "fields": [_change_json(c) for c in d.fields],
        "reordered": [{"name": m.name, "line_a": m.index_a + 1, "line_b": m.index_b + 1}
                      for m in d.reordered],
        "regrouped": [{"name": r.name, "lines_a": r.lines_a, "lines_b": r.lines_b,
                       "combined": r.combined, "may_combine": r.allowed} for r in d.regrouped],
        "trailers": [_change_json(c) for c in d.trailers],
        "content": None if body is None else {
            "length_a": body.length_a, "length_b": body.length_b, "sha256_a": body.sha256_a,
            "sha256_b": body.sha256_b, "cut_a": body.cut_a, "cut_b": body.cut_b},
        "connection": [_fact_json(f) for f in d.connection],
    }


def diff_answer(a: Capture, b: Capture, d: CaptureDiff, view: str) -> Answer:
    return Answer(view, 200, lambda: diff_tree(a, b, d), lambda: diff_text(a, b, d),
                  lambda: diff_json(a, b, d))


__all__ = ["diff_answer", "diff_json", "diff_text", "diff_tree"]
