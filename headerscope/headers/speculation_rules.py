"""Speculation-Rules: URLs of speculation rule sets (JSON) for the browser to fetch.

WICG Speculation Rules, "the Speculation-Rules header". A Structured Field List of Strings:

    Speculation-Rules = sf-list   ; "/speculationrules.json", "https://cdn.example/rules.json"

The browser processes each member on its own: "If item is not a string, then continue. Let
url be the result of URL parsing item with document's document base URL. If url is failure,
then continue": a member that is not a String, or whose URL does not parse, is a warning and
is not in the value. A path in a Token (rules.json without quotes) is the common mistake.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, expect, sf_list_field, warning
from ._shared.sf_values import skipped
from ._shared.spec import FieldError
from ._shared.uri import UriReference, parse_uri_reference, write_uri_reference
from .sf import Item, List

SKIPPED = "browsers skip it"


def _url(member: object) -> UriReference | None:
    if isinstance(member, Item) and isinstance(member.value, str):
        try:
            return parse_uri_reference(member.value)
        except FieldError:
            return None
    return None


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (str,), "each rule set URL", i):
            yield skipped(problem, SKIPPED)
        elif isinstance(member, Item) and isinstance(member.value, str):
            try:
                parse_uri_reference(member.value)
            except FieldError as exc:
                yield warning(f"{member.value!r} is not a URI reference (RFC 3986): "
                              f"{exc.reason}; browsers mend some such URLs (a space becomes "
                              "%20) and skip those they cannot parse", i)


def _view(members: List) -> tuple[UriReference, ...]:
    return tuple(url for m in members if (url := _url(m)) is not None)


def _unview(urls: tuple[UriReference, ...]) -> List:
    return tuple(Item(write_uri_reference(url)) for url in urls)


SPECULATION_RULES = sf_list_field(
    "Speculation-Rules", "WICG Speculation Rules, Speculation-Rules header", check=_check,
    view=_view, unview=_unview, value_type="tuple[UriReference, ...]",
    example='"/speculationrules.json"')
