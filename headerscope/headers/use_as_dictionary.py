"""Use-As-Dictionary: keep this response as a compression dictionary for matching requests.

Compression Dictionary Transport (RFC 9842), 2.1. A Structured Field Dictionary:

    Use-As-Dictionary = sf-dictionary   ; match="/product/*", match-dest=("document")
    match      = sf-string              ; a URL Pattern, relative to the response's URL
    match-dest = inner-list of sf-string ; request destinations; () (the default): all
    id         = sf-string              ; echoed in Dictionary-ID; up to 1024 characters
    type       = sf-token               ; the dictionary format; "raw" (the default)

"The "match" value is required and MUST be included ... for the dictionary to be considered
valid", and a pattern with regexp groups "MUST NOT be used": either is an error, as is a
member of the wrong type or an id over 1024 characters. "If a client receives a dictionary
with a type that it does not understand, it MUST NOT use the dictionary": an unknown type is
a warning (other formats may be defined), as are an unknown destination and an unknown
member. The value holds the members that were sent (the defaults are in DEFAULTS).
"""

import re
from collections.abc import Iterator
from typing import TypedDict

from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from .compression_dictionary import MAX_ID_LENGTH
from .sec_fetch import DESTINATIONS
from .sf import Dictionary, InnerList, Item, Member, Token, describe_bare

DictionaryUse = TypedDict("DictionaryUse", {
    "match": str, "match-dest": tuple[str, ...], "id": str, "type": str}, total=False)
DEFAULTS: DictionaryUse = {"match-dest": (), "id": "", "type": "raw"}
TYPES = frozenset({"raw"})
# Fetch's request destinations: Sec-Fetch-Dest's "empty" is the empty string here.
REQUEST_DESTINATIONS = (DESTINATIONS - {"empty"}) | {""}
_REGEXP_GROUP_RE = re.compile(r"(?<!\\)\(")  # URL Pattern: "(" opens a regexp group


def _check(members: Dictionary) -> Iterator[Issue]:
    bare = {k: m.value for k, m in members.items() if isinstance(m, Item)}
    if "match" not in members:
        yield error('match is required: the URL Pattern of the requests this dictionary '
                    'serves, as in match="/app/*/main.js"')
    elif problem := expect(members["match"], (str,), "match", "match", "="):
        yield problem
    elif _REGEXP_GROUP_RE.search(str(bare["match"])):
        yield error("match has a regexp group: a pattern with regexp groups MUST NOT be used "
                    "(RFC 9842, 2.1.1)", "match", "=")
    if "match-dest" in members:
        yield from _destinations(members["match-dest"])
    if "id" in members:
        if problem := expect(members["id"], (str,), "id", "id", "="):
            yield problem
        elif len(str(bare["id"])) > MAX_ID_LENGTH:
            yield error(f"id is at most {MAX_ID_LENGTH} characters; this one has "
                        f"{len(str(bare['id']))}", "id", "=")
    if "type" in members:
        kind = bare.get("type")
        if problem := expect(members["type"], (Token,), "type", "type", "="):
            yield problem
        elif isinstance(kind, Token) and kind.value not in TYPES:
            yield warning(f"type={kind.value} is not a dictionary format a client knows (raw):"
                          " clients MUST NOT use a dictionary of a type they do not "
                          "understand", "type", "=")
    for key in members.keys() - DEFAULTS.keys() - {"match"}:
        yield warning(f"unknown member {key!r}: clients ignore it", key)


def _destinations(member: Member) -> Iterator[Issue]:
    if not isinstance(member, InnerList):
        yield error("match-dest must be an Inner List of Strings, as in "
                    f'match-dest=("document"), found {describe_bare(member)}', "match-dest", "=")
        return
    for j, item in enumerate(member.items):
        if problem := expect(item, (str,), "each destination", "match-dest", j):
            yield problem
        elif isinstance(item.value, str) and item.value not in REQUEST_DESTINATIONS:
            yield warning(f"{item.value!r} is not a request destination: no request matches "
                          "it", "match-dest", j)


def _view(members: Dictionary) -> DictionaryUse:
    value: DictionaryUse = {}
    for key, member in members.items():
        bare = member.value if isinstance(member, Item) else None
        if key == "match-dest" and isinstance(member, InnerList):
            value["match-dest"] = tuple(i.value for i in member.items
                                        if isinstance(i.value, str))
        elif key == "match" and isinstance(bare, str):
            value["match"] = bare
        elif key == "id" and isinstance(bare, str):
            value["id"] = bare
        elif key == "type" and isinstance(bare, Token):
            value["type"] = bare.value
    return value


def _unview(value: DictionaryUse) -> Dictionary:
    out: dict[str, Member] = {}
    if "match" in value:
        out["match"] = Item(value["match"])
    if "match-dest" in value:
        out["match-dest"] = InnerList(tuple(Item(d) for d in value["match-dest"]))
    if "id" in value:
        out["id"] = Item(value["id"])
    if "type" in value:
        out["type"] = Item(Token(value["type"]))
    return out


USE_AS_DICTIONARY = sf_dict_field(
    "Use-As-Dictionary", "RFC 9842, 2.1", check=_check, view=_view, unview=_unview,
    value_type='dict ("match", "match-dest", "id", "type")',
    example='match="/product/*", match-dest=("document")')
