"""If: WebDAV's state-token and entity-tag preconditions (RFC 4918, 10.4.2).

    If = "If" ":" ( 1*No-tag-list | 1*Tagged-list )
    No-tag-list = List
    Tagged-list = Resource-Tag 1*List
    List = "(" 1*Condition ")"
    Condition = ["Not"] (State-token | "[" entity-tag "]")
    ; entity-tag: see Section 3.11 of [RFC2616]
    ; No LWS allowed between "[", entity-tag and "]"
    State-token = Coded-URL
    Resource-Tag = "<" Simple-ref ">"
    ; Simple-ref: see Section 8.3
    ; No LWS allowed in Resource-Tag

The grammar is RFC 2616's, with implied LWS between its elements: whitespace is optional
between lists, conditions, "Not" and what it negates. "Note that the two list types cannot be
mixed within an If header", and "the If header syntax does not allow multiple instances of If
headers in a single request": a singleton. The value is one `StateList` with no resource for
the untagged form, and one per Resource-Tag for the tagged form; an entity-tag is RFC 2616's
(`[ "W/" ] quoted-string`: the section's own examples have spaces in them, which RFC 9110's
etagc no longer allows); the lists of one StateList
are alternatives (any may match), the conditions of one list must all hold.
"""

from __future__ import annotations

from ..grammar import Cursor, quote_string
from ._shared.spec import FieldSpec
from ._shared.types import EntityTag
from ._shared.uri import UriReference, write_uri_reference
from ._shared.value import value_type
from .webdav import CodedUrl, parse_coded_url, parse_simple_ref


@value_type
class Condition:
    subject: CodedUrl | EntityTag  # a state token (a lock token), or an entity tag
    negated: bool = False  # "Not"


@value_type
class StateList:
    resource: UriReference | None  # None: the untagged form, for the Request-URI
    lists: tuple[tuple[Condition, ...], ...]


def _condition(cur: Cursor) -> Condition:
    negated = cur.text[cur.pos:cur.pos + 3].lower() == "not"
    if negated:
        cur.pos += 3
        cur.skip_ows()
    if cur.peek() == "<":
        return Condition(parse_coded_url(cur), negated)
    if cur.take("["):
        weak = cur.text.startswith("W/", cur.pos)
        cur.pos += 2 if weak else 0
        tag = EntityTag(cur.quoted_string(), weak)
        cur.expect("]")
        return Condition(tag, negated)
    raise cur.unexpected("a state token '<...>', an entity tag '[\"...\"]' or 'Not'")


def _list(cur: Cursor) -> tuple[Condition, ...]:
    cur.expect("(")
    cur.skip_ows()
    conditions = [_condition(cur)]
    cur.skip_ows()
    while not cur.take(")"):
        if cur.at_end():
            raise cur.error("a list is not closed with ')'")
        conditions.append(_condition(cur))
        cur.skip_ows()
    return tuple(conditions)


def _resource_tag(cur: Cursor) -> UriReference:
    opened, close = cur.bracketed("opens a resource tag that")
    return parse_simple_ref(cur.text, opened, close)


def parse(raw: str) -> tuple[StateList, ...]:
    cur = Cursor(raw)
    tagged = cur.peek() == "<"
    found: list[StateList] = []
    while not cur.at_end():
        resource = _resource_tag(cur) if tagged else None
        cur.skip_ows()
        lists = [_list(cur)]
        cur.skip_ows()
        while cur.peek() == "(":
            lists.append(_list(cur))
            cur.skip_ows()
        if not tagged and cur.peek() == "<":
            raise cur.error("an untagged If cannot go on with a resource tag: the two list "
                            "types cannot be mixed (RFC 4918, 10.4.2)")
        if not tagged and not cur.at_end():
            raise cur.unexpected("'(' or the end of the value")
        found.append(StateList(resource, tuple(lists)))
    if not found:
        raise cur.unexpected("'(' or a resource tag '<...>'")
    return tuple(found)


def _write_condition(c: Condition) -> str:
    if isinstance(c.subject, CodedUrl):
        subject = str(c.subject)
    else:
        subject = f"[{'W/' if c.subject.weak else ''}{quote_string(c.subject.opaque)}]"
    return f"Not {subject}" if c.negated else subject


def _write_lists(lists: tuple[tuple[Condition, ...], ...]) -> str:
    return " ".join("(" + " ".join(_write_condition(c) for c in conditions) + ")"
                    for conditions in lists)


def write(value: tuple[StateList, ...]) -> str:
    return " ".join(_write_lists(s.lists) if s.resource is None
                    else f"<{write_uri_reference(s.resource)}> {_write_lists(s.lists)}"
                    for s in value)


IF = FieldSpec("If", parse, write, "RFC 4918, 10.4", value_type="tuple[StateList, ...]",
               example='(<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2> ["I am an ETag"]) '
                       '(["I am another ETag"])')

