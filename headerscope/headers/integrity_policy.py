"""Integrity-Policy and Integrity-Policy-Report-Only: require Subresource Integrity.

W3C Subresource Integrity, "Integrity policy". Structured Field Dictionaries:

    Integrity-Policy = sf-dictionary  ; blocked-destinations=(script), endpoints=(integrity)
    blocked-destinations = inner-list of sf-token  ; script, style: what must carry integrity
    sources   = inner-list of sf-token   ; inline (the default, and the only source)
    endpoints = inner-list of sf-token   ; Reporting-Endpoints names for violation reports

"If dictionary["blocked-destinations"] contains "script", append "script" to
integrityPolicy's blocked destinations" (and style likewise); "If dictionary["sources"] does
not exist or if its value contains "inline", append "inline""; endpoints are taken as they
are. A member that is not an Inner List of Tokens is an error. A destination or source the
algorithm does not look for, an unknown member, and a policy that blocks nothing are
warnings; the value holds the members sent, with the values that count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ._shared.json import JSON
from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from ._shared.spec import FieldSpec
from ._shared.value import value_type
from .sf import Dictionary, InnerList, Item, Member, Token, describe_bare


@value_type
class IntegrityPolicy:
    """The members of an Integrity-Policy (or -Report-Only) that were sent, each with the
    Tokens that count; None: the member was not sent.

    blocked_destinations  blocked-destinations: "If dictionary["blocked-destinations"]
                          contains "script", append "script" to integrityPolicy's blocked
                          destinations" (style likewise): what must carry integrity metadata
    sources               sources: "If dictionary["sources"] does not exist or if its value
                          contains "inline", append "inline"": where the metadata may be
    endpoints             endpoints: Reporting-Endpoints names for violation reports, "taken
                          as they are"

    Unknown members are not kept: browsers ignore them. The JSON form keeps the member names
    of the field: {"blocked-destinations": ["script"]}, only those sent.
    """

    blocked_destinations: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    endpoints: tuple[str, ...] | None = None

    def members(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(member name, its Tokens) of each member sent, in the order of the definition."""
        named = (("blocked-destinations", self.blocked_destinations),
                 ("sources", self.sources), ("endpoints", self.endpoints))
        return tuple((key, names) for key, names in named if names is not None)

    def __json__(self) -> JSON:
        return {key: list(names) for key, names in self.members()}

KNOWN: dict[str, frozenset[str] | None] = {
    "blocked-destinations": frozenset({"script", "style"}),
    "sources": frozenset({"inline"}), "endpoints": None}  # None: any endpoint name


def _tokens(key: str, member: Member) -> Iterator[Issue]:
    if not isinstance(member, InnerList):
        yield error(f"{key} must be an Inner List of Tokens, as in {key}=(script), found "
                    f"{describe_bare(member)}", key, "=")
        return
    allowed = KNOWN[key]
    for j, item in enumerate(member.items):
        if problem := expect(item, (Token,), f"each of {key}", key, j):
            yield problem
        elif allowed is not None and isinstance(item.value, Token) and (
                item.value.value not in allowed):
            yield warning(f"{item.value.value!r} is not one of {key} a browser looks for "
                          f"({', '.join(sorted(allowed))}); it is ignored", key, j)


def _check(name: str) -> Callable[[Dictionary], Iterator[Issue]]:
    def check(members: Dictionary) -> Iterator[Issue]:
        for key, member in members.items():
            if key in KNOWN:
                yield from _tokens(key, member)
            else:
                yield warning(f"unknown member {key!r}: browsers ignore it", key)
        if members and not _names(members, "blocked-destinations"):
            yield warning(f"{name} names no destination browsers block (script, style): it "
                          "has no effect")
    return check


def _names(members: Dictionary, key: str) -> tuple[str, ...] | None:
    """The Tokens of the Inner List at `key` that the algorithm looks for; None if absent."""
    member, allowed = members.get(key), KNOWN[key]
    if not isinstance(member, InnerList):
        return None
    names = (i.value.value for i in member.items if isinstance(i.value, Token))
    return tuple(n for n in names if allowed is None or n in allowed)


def _view(members: Dictionary) -> IntegrityPolicy:
    return IntegrityPolicy(_names(members, "blocked-destinations"), _names(members, "sources"),
                           _names(members, "endpoints"))


def _unview(value: IntegrityPolicy) -> Dictionary:
    return {key: InnerList(tuple(Item(Token(n)) for n in names))
            for key, names in value.members()}


def _policy_field(name: str, example: str) -> FieldSpec[IntegrityPolicy]:
    return sf_dict_field(name, "W3C Subresource Integrity, Integrity policy",
                         check=_check(name), view=_view, unview=_unview,
                         value_type="IntegrityPolicy",
                         example=example)


INTEGRITY_POLICY = _policy_field(
    "Integrity-Policy", "blocked-destinations=(script), endpoints=(integrity-endpoint)")
INTEGRITY_POLICY_REPORT_ONLY = _policy_field(
    "Integrity-Policy-Report-Only", "blocked-destinations=(script style), sources=(inline)")
