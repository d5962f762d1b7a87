"""The inspector page: every field of the request, raw and parsed, as an SXML tree.

One table row per field line in wire order: the name (with badges for unknown, repeated and
deprecated fields), the raw value with invisible characters made visible, the parsed value as
nested lists and maps, warnings, and for a bad value the reason with a caret under the bad
character. The tree is rendered by `headerscope.sxml`, which escapes every string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from ..headers import REGISTRY, FieldSection, ParsedField
from ..sxml import Node, Raw, render
from .body import body_summary
from .fieldcache import ROWS
from .inspection import REDACTED, Inspection
from .style import CSS
from .valueview import show
from .visible import column, utf8_hint, visible

_DOT = Raw(" &middot; ")

# The parts of every page that never change are rendered once, by sxml itself, and then
# reused as trusted markup: rendering them again on every request would only cost time.
_META = Raw(render([
    ("meta", {"charset": "utf-8"}),
    ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})]))
_STYLE = Raw(render([
    ("link", {"rel": "icon", "href": "/favicon.svg", "type": "image/svg+xml"}),
    ("style", CSS)]))
_NAV = Raw(render(
    ("nav", [("a", {"href": f"?format={f}"}, f) for f in ("html", "json", "text", "raw")],
     ("a", {"href": "/fields"}, "fields"))))


def page(title: str, *content: Node) -> Node:
    return ("html", {"lang": "en"}, ("head", _META, ("title", title), _STYLE), ("body", *content))


def nav() -> Node:
    return _NAV


def caret(raw: str, position: int) -> Node:
    shown = visible(raw)
    col = column(raw, position)
    return ("pre", {"class": "caret"}, shown, "\n", " " * col, "^")


def diagnostics(f: ParsedField) -> list[Node]:
    out: list[Node] = []
    if f.error is not None:
        if f.error.position is not None and f.raw:
            out.append(caret(f.raw, f.error.position))
        out.append(("p", {"class": "diag error"}, "error: ", f.error.reason))
    for w in f.warnings:
        where = f" (at {w.position})" if w.position is not None else ""
        out.append(("p", {"class": "diag warning"}, f"warning{where}: ", w.reason))
    hint = utf8_hint(f.raw)
    if hint is not None:
        out.append(("p", {"class": "diag"}, "as UTF-8: ", ("code", visible(hint))))
    return out


def field_row(f: ParsedField, counts: Mapping[str, int]) -> Node:
    """One row: name (and badges), raw value, parsed value, reference.

    Cells carry no attributes, and the parsed value is one preformatted text (the stylesheet
    keeps its line breaks): a row is a handful of nodes, because every node costs time to
    render on every request. The reference cell is markup made once per field at import.
    """
    spec = f.spec
    raw = f.raw
    repeats = counts.get(f.name, 1)
    value = f.value
    if (spec is not None and value is not None and f.error is None and not f.warnings
            and repeats == 1 and not spec.deprecated and raw.isascii()):  # the common row
        return ("tr", ("td", f.wire_name), ("td", visible(raw)), ("td", show(value)),
                _REF_CELLS.get(spec.key) or ("td", spec.ref))
    classes: list[str] = []
    badges: list[Node] = []
    if f.error is not None:
        classes.append("error")
    if spec is None:
        classes.append("unknown")
        badges.append(_UNKNOWN)
    elif spec.deprecated:
        badges.append(_DEPRECATED)
    if repeats > 1:
        classes.append("repeated")
        badges.append(("span", {"class": "badge"}, f"repeated ×{repeats}"))
    if f.error is None and value is not None and spec is not None:
        parsed: Node = show(value)
    elif raw == REDACTED:
        parsed = "(redacted)"
    else:
        parsed = ""
    extra = diagnostics(f) if f.error is not None or f.warnings or not raw.isascii() else None
    name: Node = [f.wire_name, badges] if badges else f.wire_name
    cells = (("td", name), ("td", visible(raw)), ("td", parsed, extra) if extra else
             ("td", parsed), ("td", spec.ref if spec is not None else ""))
    return ("tr", {"class": classes}, *cells) if classes else ("tr", *cells)


_UNKNOWN: Node = ("span", {"class": "badge"}, "unknown")
_DEPRECATED: Node = ("span", {"class": "badge"}, "deprecated")
# Each registered field's reference cell, rendered once: it is the same on every request.
_REF_CELLS = {spec.key: Raw(render(("td", spec.ref))) for spec in REGISTRY}
_REF_HTML = {key: cell.html for key, cell in _REF_CELLS.items()}


def fields_table(section: FieldSection, caption: str) -> Node:
    names = [f.name for f in section]
    counts = Counter(names) if len(set(names)) < len(names) else _NO_REPEATS
    return ("table", {"class": "fields"},
            ("caption", caption),
            _FIELDS_HEAD_HTML,
            ("tbody", _rows(section, counts)))


def _rows(section: FieldSection, counts: Mapping[str, int]) -> list[Node]:
    """`field_row` for each line; a run of common rows comes as the markup sxml would write.

    A common row (see `field_row`) whose texts need no escaping at all (ASCII, and none of
    & < > " ' or NUL) renders to a fixed pattern: it is written here directly, because walking
    its nodes costs more than the rest of the page. Any other row stays a tree, so every
    string that needs escaping, or could be refused, still goes through sxml.

    A line the field cache holds (pages/fieldcache.py: the same ParsedField object on every
    request that sends it) has its row drawn once, as markup kept beside it in the cache: the
    row is a function of the line alone when its name does not repeat in the request. Such a
    line then costs a lookup here and a join. The markup is kept from the line's second
    request on: most lines of a client that varies its values come once, and rendering their
    rows apart from the page would cost more than the page does.
    """
    out: list[Node] = []
    markup: list[str] = []
    cached = ROWS.get
    for f in section.lines:
        entry = cached(id(f)) if ROWS else None
        if entry is not None and entry.field is f and counts.get(f.name, 1) == 1:
            html = entry.row
            if html is None and entry.seen:
                drawn = _row(f, counts)
                html = entry.row = drawn if type(drawn) is str else render(drawn)
            if html is not None:
                markup.append(html)
                continue
            entry.seen = True  # a line seen once may never come again: drawn with the page
        row = _row(f, counts)
        if type(row) is str:
            markup.append(row)
            continue
        if markup:
            out.append(Raw("".join(markup)))
            markup = []
        out.append(row)
    if markup:
        out.append(Raw("".join(markup)))
    return out


def _row(f: ParsedField, counts: Mapping[str, int]) -> Node:
    """The row of `f`: its markup when it is a common row with nothing to escape (a str),
    else its tree."""
    key, name, raw, value, error, warnings, spec = f
    if (spec is not None and value is not None and error is None and not warnings
            and counts.get(key, 1) == 1 and not spec.deprecated and raw.isascii()
            and (ref := _REF_HTML.get(key)) is not None):
        shown = raw if raw.isprintable() else visible(raw)  # visible's own first test
        parsed = show(value)
        texts = name + shown + parsed
        if not ("&" in texts or "<" in texts or ">" in texts or '"' in texts
                or "'" in texts or "\0" in texts or not texts.isascii()):
            return f"<tr><td>{name}</td><td>{shown}</td><td>{parsed}</td>{ref}</tr>"
        return ("tr", ("td", name), ("td", shown), ("td", parsed), _REF_CELLS[key])
    return field_row(f, counts)


_NO_REPEATS: Mapping[str, int] = {}
FIELDS_HEAD: Node = ("thead", ("tr", ("th", "Field"), ("th", "Raw value"), ("th", "Parsed value"),
                         ("th", "Reference")))
_FIELDS_HEAD_HTML = Raw(render(FIELDS_HEAD))


def _connection(ins: Inspection) -> Node:
    if ins.details is None and ins.http2 is None and ins.walk is None:
        return None  # plain HTTP/1.x: nothing imported, nothing drawn
    from .connection import connection_tree

    return connection_tree(ins)


def inspector_tree(ins: Inspection, table: Callable[[FieldSection, str], Node] = fields_table,
                   after: Node = None) -> Node:
    """`table` and `after`: the hook for serve --compare (a column, a section after it)."""
    errors = sum(1 for f in ins.fields if f.error is not None)
    summary = (f"{len(ins.fields)} fields, {errors} with errors" if errors
               else f"{len(ins.fields)} fields, all parsed")
    return page(
        f"headerscope: {ins.method} {visible(ins.target)[:80]}",
        ("header",
         ("h1", f"{ins.method} {visible(ins.target)} {ins.version}"),
         # &middot; rather than "·": an all-ASCII page is encoded by a copy (issue 18).
         ("p", "from ", ("code", ins.client or "unknown"), _DOT, f"request {ins.number} "
               "on this connection", _DOT, summary),
         nav()),
        ("main",
         _connection(ins),
         table(ins.fields, "Request fields, in the order received"),
         table(ins.trailers, "Trailer fields") if len(ins.trailers) else None,
         after,
         body_summary(ins.body, ins.fields) if ins.body else None))
