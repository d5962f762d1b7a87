"""/fields: the registry as a page, and a form that parses a pasted value.

    /fields               every registered field: name, reference, kind, value type
    /fields/NAME          one field: its reference, example, and the example parsed
    /fields?name=N&value=V (or a POSTed form)  V parsed as field N

The form takes what a field line could hold: a name and value longer together than a
request's whole field section (`MAX_FORM_FIELD`, the server's default limit) is refused with
413, as the server refuses such a head with 431. The name and value are typed by a person
and can be anything: both are shown made visible (visible.py), in the form too, since HTML
cannot carry NUL and a bidi override in an input would reorder what it shows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote

from ..headers import REGISTRY, FieldSpec, ParsedField
from ..http import Limits
from ..sxml import Node
from .document import field_json
from .inspection import shown
from .inspector import FIELDS_HEAD, field_row, nav, page
from .text import field_block, name_width
from .valueview import show
from .visible import visible

MAX_FORM_FIELD = Limits().max_field_section  # 16 KiB: a name and a value, together
# A urlencoded form spells a byte in three at most: a larger body cannot hold a value the
# form takes, and is refused before it is read.
_MAX_FORM_BODY = 3 * MAX_FORM_FIELD + 1024


class FormTooLarge(ValueError):
    """A /fields form larger than a field line may be: the page answers 413 with `reason`."""

    status = 413

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def spec_json(s: FieldSpec[Any]) -> dict[str, Any]:
    return {"name": s.name, "ref": s.ref, "value_type": s.value_type, "kind": s.kind.value,
            "deprecated": s.deprecated, "example": s.example, "module": s.module}


def form_input(query: str, body: bytes) -> tuple[str, str] | None:
    """The (name, value) a person asked to parse, from the query or a urlencoded body.

    Raises FormTooLarge when they are longer together than `MAX_FORM_FIELD` octets.
    """
    pairs = dict(parse_qsl(query, keep_blank_values=True))
    if "name" not in pairs and body:
        if len(body) > _MAX_FORM_BODY:
            raise FormTooLarge(f"the form is longer than {_MAX_FORM_BODY} bytes")
        pairs = dict(parse_qsl(body.decode("latin-1"), keep_blank_values=True))
    if "name" not in pairs:
        return None
    # A browser sends UTF-8; fields are bytes read as ISO-8859-1, so re-read it that way.
    name = pairs["name"].strip()
    value = pairs.get("value", "").encode("utf-8", "replace").decode("latin-1")
    if len(name.encode("utf-8", "replace")) + len(value) > MAX_FORM_FIELD:
        raise FormTooLarge(f"the name and value are longer than {MAX_FORM_FIELD} bytes, "
                           "the limit of a whole field section")
    return name, value


def the_form(name: str = "", value: str = "") -> Node:
    return ("form", {"method": "post", "action": "/fields"},
            ("label", "Field name ", ("input", {"type": "text", "name": "name", "value": name,
                                                "required": True, "list": "names"})),
            ("label", "Value ", ("input", {"type": "text", "name": "value", "value": value,
                                           "size": 80})),
            ("datalist", {"id": "names"}, [("option", {"value": s.name}) for s in REGISTRY]),
            ("button", {"type": "submit"}, "Parse"))


def registry_tree() -> Node:
    rows = [("tr", ("td", ("a", {"href": "/fields/" + quote(s.name)}, ("code", s.name))),
             ("td", {"class": "ref"}, s.ref), ("td", s.kind.value), ("td", ("code", s.value_type)),
             ("td", "deprecated" if s.deprecated else ""))
            for s in sorted(REGISTRY, key=lambda s: s.key)]
    return page("headerscope: fields",
                ("header", ("h1", f"{len(REGISTRY)} known fields"), nav()),
                ("main", the_form(),
                 ("table", ("thead", ("tr", ("th", "Field"), ("th", "Reference"), ("th", "Kind"),
                                      ("th", "Value type"), ("th", ""))),
                  ("tbody", rows))))


def spec_tree(s: FieldSpec[Any]) -> Node:
    example = REGISTRY.parse(s.name, s.example)
    return page(f"headerscope: {s.name}",
                ("header", ("h1", s.name), nav()),
                ("main",
                 ("dl", ("dt", "reference"), ("dd", s.ref), ("dt", "kind"), ("dd", s.kind.value),
                  ("dt", "value type"), ("dd", ("code", s.value_type)),
                  ("dt", "defined in"), ("dd", ("code", s.module)),
                  ("dt", "deprecated") if s.deprecated else None,
                  ("dd", s.deprecated) if s.deprecated else None,
                  ("dt", "example"), ("dd", ("code", s.example)),
                  ("dt", "parsed"), ("dd", ("pre", show(example.value)))),
                 the_form(s.name, s.example)))


def parsed_tree(f: ParsedField) -> Node:
    from collections import Counter

    f = shown(f)
    return page(f"headerscope: {f.wire_name}",
                ("header", ("h1", "Parsed ", ("code", f.wire_name)), nav()),
                ("main",
                 ("table", {"class": "fields"}, FIELDS_HEAD,
                  ("tbody", field_row(f, Counter([f.name])))),
                 the_form(f.wire_name, visible(f.raw))))


def parsed_text(f: ParsedField) -> str:
    f = shown(f)
    return "\n".join(field_block(f, name_width([f]))) + "\n"


def parsed_json(f: ParsedField) -> dict[str, Any]:
    return field_json(f)
