"""Document-Policy and Require-Document-Policy: configure features of a document, or require
a configuration of the documents framed in it (WICG Document Policy).

Structured Field Dictionaries of features to their values:

    Document-Policy = sf-dictionary   ; oversized-images=2.0, unsized-media=?0,
                                      ;   *;report-to=main-endpoint
    <boolean feature> = sf-boolean    ; document-write=?0 turns document.write() off
    <number feature>  = sf-decimal / sf-integer   ; oversized-images=2.0 (a ratio)
    ;report-to=endpoint               ; where the feature's violations are reported
    *;report-to=endpoint              ; the endpoint of every feature that names none
                                      ;   ("none" turns reporting off)

Browsers skip a directive they cannot use and keep the others: an unknown feature, a value
of the wrong type for the feature, an Inner List, a report-to that is not a Token: each is a
warning, and is not in the value.
"""

from collections.abc import Iterator
from decimal import Decimal

from ._shared.sf_family import Issue, sf_dict_field, warning
from ._shared.sf_values import text
from ._shared.spec import FieldSpec
from ._shared.value import value_type
from .sf import Dictionary, InnerList, Item, Member, Params, Token, describe_bare

BOOLEAN = frozenset({
    "document-write", "expect-no-linked-resources", "force-load-at-top",
    "include-js-call-stacks-in-crash-reports", "js-profiling", "layout-animations",
    "sync-script", "sync-xhr", "unsized-media"})
NUMBER = frozenset({"lossless-images-max-bpp", "lossless-images-strict-max-bpp",
                    "lossy-images-max-bpp", "oversized-images"})
DEFAULT_ENDPOINT = "*"  # the key whose report-to applies to every other feature


@value_type
class PolicyEntry:
    value: bool | int | Decimal  # the feature's configuration; True for "*"
    report_to: str | None = None  # the reporting endpoint's name


def _usable(feature: str, member: Member) -> str | None:
    """Why a browser skips this directive, or None when it uses it."""
    if isinstance(member, InnerList):
        return f"{feature}: an Inner List is no feature value"
    value = member.value
    if feature == DEFAULT_ENDPOINT:
        return None if value is True else "* takes no value, only ;report-to=endpoint"
    if feature in BOOLEAN and type(value) is not bool:
        return f"{feature} is a Boolean (?0 or ?1), not {describe_bare(value)}"
    if feature in NUMBER and type(value) not in (int, Decimal):
        return f"{feature} is a number such as 2.0, not {describe_bare(value)}"
    if feature not in BOOLEAN | NUMBER:
        return f"{feature!r} is not a Document Policy feature browsers know"
    return None


def _check(members: Dictionary) -> Iterator[Issue]:
    for feature, member in members.items():
        if (reason := _usable(feature, member)) is not None:
            yield warning(f"{reason}; browsers skip the directive", feature)
        report_to = member.params.get("report-to")
        if report_to is not None and not isinstance(report_to, Token):
            yield warning(f"report-to is an endpoint name, a Token (report-to=main), not "
                          f"{describe_bare(report_to)}; browsers skip the directive",
                          feature, ";report-to")


def _view(members: Dictionary) -> dict[str, PolicyEntry]:
    out = {}
    for feature, member in members.items():
        report_to = member.params.get("report-to")
        if (_usable(feature, member) is None and isinstance(member, Item)
                and isinstance(member.value, bool | int | Decimal)
                and (report_to is None or isinstance(report_to, Token))):
            out[feature] = PolicyEntry(member.value, text(report_to))
    return out


def _unview(policy: dict[str, PolicyEntry]) -> Dictionary:
    out: dict[str, Member] = {}
    for feature, entry in policy.items():
        params: Params = {} if entry.report_to is None else {"report-to": Token(entry.report_to)}
        out[feature] = Item(entry.value, params)
    return out


def _policy_field(name: str, example: str) -> FieldSpec[dict[str, PolicyEntry]]:
    return sf_dict_field(name, f"WICG Document Policy, {name}", check=_check, view=_view,
                         unview=_unview, value_type="dict[str, PolicyEntry]", example=example)


DOCUMENT_POLICY = _policy_field("Document-Policy",
                                "oversized-images=2.0, unsized-media=?0, *;report-to=main")
REQUIRE_DOCUMENT_POLICY = _policy_field("Require-Document-Policy",
                                        "unsized-media=?0, document-write=?0")
