"""Reporting-Endpoints: named URLs that a document's reports are delivered to.

W3C Reporting API, "The Reporting-Endpoints HTTP Response Header Field". A Structured Field
Dictionary of endpoint names to URLs in Strings:

    Reporting-Endpoints = sf-dictionary   ; default="https://example.com/reports",
                                          ;   csp-endpoint="/csp-reports"

"If endpoint url string is not a string, then continue. ... If endpoint url is failure,
then continue. If endpoint url's origin is not potentially trustworthy, then continue": each
of these skips one endpoint and keeps the others, so each is a warning, and the value holds
the endpoints a browser registers. A URL in a Token (default=https://... without quotes) is
the common mistake, and the warning says so. Relative URLs resolve against the response's.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, expect, sf_dict_field, warning
from ._shared.sf_values import potentially_trustworthy, skipped
from ._shared.spec import FieldError
from ._shared.uri import UriReference, parse_uri_reference, write_uri_reference
from .sf import Dictionary, Item

SKIPPED = "browsers skip this endpoint"
UNPARSED = ("browsers mend some such URLs (a space becomes %20) and skip the endpoints whose "
            "URL they cannot parse")


def _check(members: Dictionary) -> Iterator[Issue]:
    for name, member in members.items():
        if problem := expect(member, (str,), f"the URL of {name}", name, "="):
            yield skipped(problem, SKIPPED)
        elif isinstance(member, Item) and isinstance(member.value, str):
            try:
                url = parse_uri_reference(member.value)
            except FieldError as exc:
                yield warning(f"the URL of {name} is not a URI reference (RFC 3986): "
                              f"{exc.reason}; {UNPARSED}", name, "=")
                continue
            if not potentially_trustworthy(url):
                yield warning(f"{member.value} is not potentially trustworthy (Secure "
                              f"Contexts, 3.1: https, or a loopback host); {SKIPPED}",
                              name, "=")


def _view(members: Dictionary) -> dict[str, UriReference]:
    out = {}
    for name, member in members.items():
        if isinstance(member, Item) and isinstance(member.value, str):
            try:
                url = parse_uri_reference(member.value)
            except FieldError:
                continue
            if potentially_trustworthy(url):
                out[name] = url
    return out


def _unview(endpoints: dict[str, UriReference]) -> Dictionary:
    return {name: Item(write_uri_reference(url)) for name, url in endpoints.items()}


REPORTING_ENDPOINTS = sf_dict_field(
    "Reporting-Endpoints", "W3C Reporting API, Reporting-Endpoints", check=_check,
    view=_view, unview=_unview, value_type="dict[str, UriReference]",
    example='default="https://example.com/reports", csp-endpoint="/csp-reports"')
