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

from __future__ import annotations

import re
from collections.abc import Iterator

from ._shared.json import JSON
from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from ._shared.value import value_type
from .compression_dictionary import MAX_ID_LENGTH
from .sec_fetch import DESTINATIONS
from .sf import Dictionary, InnerList, Item, Member, Token, describe_bare


@value_type
class DictionaryUse:
    """The members of a Use-As-Dictionary that were sent (RFC 9842, 2.1); None: not sent, so
    the default in DEFAULTS applies.

    url_pattern        match: "the URL Pattern to use for request matching" (2.1.1), relative
                       to the response's URL; required
    destinations       match-dest: the request destinations the dictionary is for (2.1.2);
                       () or not sent: all of them
    dictionary_id      id: "a server identifier for the dictionary" (2.1.3), echoed in the
                       Dictionary-ID request field; default ""
    dictionary_format  type: "the file format of the supplied dictionary" (2.1.4), a Token;
                       default raw

    Unknown members are not kept: clients ignore them. The JSON form keeps the member names of
    the field: {"match": "/product/*", "match-dest": ["document"]}, only those sent.
    """

    url_pattern: str
    destinations: tuple[str, ...] | None = None
    dictionary_id: str | None = None
    dictionary_format: str | None = None

    def members(self) -> tuple[tuple[str, str | tuple[str, ...]], ...]:
        """(member name, its value) of each member sent, in the order of the definition."""
        named = (("match", self.url_pattern), ("match-dest", self.destinations),
                 ("id", self.dictionary_id), ("type", self.dictionary_format))
        return tuple((key, v) for key, v in named if v is not None)

    def __json__(self) -> JSON:
        return {key: v if isinstance(v, str) else list(v) for key, v in self.members()}


# The default of each optional member (2.1.2 to 2.1.4).
DEFAULTS: dict[str, str | tuple[str, ...]] = {"match-dest": (), "id": "", "type": "raw"}
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
    bare = {k: m.value for k, m in members.items() if isinstance(m, Item)}
    dest, dictionary_format = members.get("match-dest"), bare.get("type")
    return DictionaryUse(
        str(bare["match"]),  # _check made sure it is there, and a String
        tuple(i.value for i in dest.items if isinstance(i.value, str))
        if isinstance(dest, InnerList) else None,
        str(bare["id"]) if "id" in bare else None,
        dictionary_format.value if isinstance(dictionary_format, Token) else None)


def _unview(value: DictionaryUse) -> Dictionary:
    out: dict[str, Member] = {}
    for key, v in value.members():
        if isinstance(v, tuple):
            out[key] = InnerList(tuple(Item(d) for d in v))
        else:
            out[key] = Item(Token(v) if key == "type" else v)
    return out


USE_AS_DICTIONARY = sf_dict_field(
    "Use-As-Dictionary", "RFC 9842, 2.1", check=_check, view=_view, unview=_unview,
    value_type="DictionaryUse",
    example='match="/product/*", match-dest=("document")')
