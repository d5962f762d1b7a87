"""Permissions-Policy: which origins may use which browser features (W3C Permissions Policy).

W3C Permissions Policy, "The Permissions-Policy HTTP Header Field". A Structured Field
Dictionary of features to allowlists:

    Permissions-Policy = sf-dictionary   ; geolocation=(self "https://maps.example"),
                                         ;   camera=(), fullscreen=*
    allowlist = inner-list of ( * / self / sf-string origin ), or the Token * or self alone
    ;report-to=endpoint                  ; where violation reports go

The browser's "parse policy directive" reads each member on its own: "If value is the token
*, or if value is a list which contains the token *", everyone; "If value is the token self"
or an element is, the document's origin; "If element is a string", the origin of that URL,
unless the URL is failure or its origin opaque. Anything else in an allowlist is skipped,
and a feature the browser does not recognise is ignored: all warnings, so the header has no
semantic errors of its own. A bare String ("geolocation="https://a.example"", without the
parentheses) is no allowlist, and reads as () (nobody): a warning that says so. The
Feature-Policy syntax (geolocation 'self') fails as a Structured Field; the error says how
to write it.
"""

import enum
from collections.abc import Iterator

from ._shared.permissions_features import FEATURES, REMOVED
from ._shared.sf_family import Issue, sf_dict_field, warning
from ._shared.sf_values import text, text_item, url_origin, with_hint
from ._shared.spec import FieldError
from ._shared.uri import Origin, parse_uri_reference, write_origin
from ._shared.value import value_type
from .sf import BareItem, Dictionary, InnerList, Item, Member, Token, describe_bare


class Keyword(enum.Enum):
    ALL = "*"  # every origin
    SELF = "self"  # the document's own origin


@value_type
class Allowlist:
    """Who may use one feature: () is nobody; * (Keyword.ALL) anywhere in it is everyone."""

    entries: tuple[Keyword | Origin, ...]
    report_to: str | None = None  # the reporting endpoint's name


def _entry(item: BareItem) -> Keyword | Origin | str:
    """The allowlist entry `item` is, or why the browser skips it."""
    if isinstance(item, Token):
        if item.value in ("*", "self"):
            return Keyword(item.value)
        if item.value == "src":
            return "src only means something in an iframe's allow attribute"
        if item.value == "none":
            return "there is no none: () is the allowlist of nobody"
        if ":" in item.value:
            return f'an origin is a String: quote it, "{item.value}"'
        return f"{item.value} is not a keyword (*, self)"
    if isinstance(item, str):
        if item in ("self", "*"):
            return f"a quoted {item} is read as a URL, not the keyword: write it bare, {item}"
        try:
            origin = url_origin(parse_uri_reference(item))
        except FieldError as exc:
            return f"{item!r} is not a URL: {exc.reason}"
        return origin if origin is not None else f"{item!r} has no origin: use https://host"
    return f"{describe_bare(item)} is not an origin, * or self"


def _entries(member: Member) -> Iterator[tuple[int | None, Keyword | Origin | str]]:
    if isinstance(member, InnerList):
        for j, item in enumerate(member.items):
            yield j, _entry(item.value)
    elif isinstance(member.value, Token) and member.value.value in ("*", "self"):
        yield None, Keyword(member.value.value)
    else:
        single = member.value
        hint = (f' (an origin goes in parentheses: ("{single}"))'
                if isinstance(single, str) else "")
        yield None, f"{describe_bare(single)} is not an allowlist{hint}; it reads as (): nobody"


def _check(members: Dictionary) -> Iterator[Issue]:
    for feature, member in members.items():
        if feature in REMOVED:
            yield warning(f"{feature}: {REMOVED[feature]}", feature)
        elif feature not in FEATURES:
            yield warning(f"{feature!r} is not a feature browsers recognise; they ignore it",
                          feature)
        for j, entry in _entries(member):
            if isinstance(entry, str) and j is None:
                yield warning(f"{feature}: {entry}", feature, "=")
            elif isinstance(entry, str):
                yield warning(f"{feature}: {entry}; the browser skips it", feature, j)
        report_to = member.params.get("report-to")
        if report_to is not None and text(report_to) is None:
            yield warning(f"report-to is an endpoint name (a Token or String), not "
                          f"{describe_bare(report_to)}; it is ignored", feature, ";report-to")


def _view(members: Dictionary) -> dict[str, Allowlist]:
    return {feature: Allowlist(tuple(e for _, e in _entries(member) if not isinstance(e, str)),
                               text(member.params.get("report-to")))
            for feature, member in members.items()}


def _unview(policy: dict[str, Allowlist]) -> Dictionary:
    out: dict[str, Member] = {}
    for feature, allowlist in policy.items():
        items = tuple(Item(write_origin(e) if isinstance(e, Origin) else Token(e.value))
                      for e in allowlist.entries)
        report_to = allowlist.report_to
        out[feature] = InnerList(items, {} if report_to is None else
                                 {"report-to": text_item(report_to)})
    return out


def _feature_policy_syntax(raw: str) -> str | None:
    if "'" in raw or (" " in raw.split(";", maxsplit=1)[0] and "=" not in raw):
        return ("this looks like the Feature-Policy syntax (geolocation 'self'); "
                'Permissions-Policy writes geolocation=(self "https://example.com")')
    return None


PERMISSIONS_POLICY = with_hint(sf_dict_field(
    "Permissions-Policy", "W3C Permissions Policy, Permissions-Policy header", check=_check,
    view=_view, unview=_unview, value_type="dict[str, Allowlist]",
    example='geolocation=(self "https://maps.example.com"), camera=(), fullscreen=*'),
    _feature_policy_syntax)
