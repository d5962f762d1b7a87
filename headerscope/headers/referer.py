"""Referer: the URI of the resource the request target was obtained from (RFC 9110, 10.1.3).

    Referer      = absolute-URI / partial-URI
    absolute-URI = scheme ":" hier-part [ "?" query ]               (RFC 3986, 4.3)
    partial-URI  = relative-part [ "?" query ]                      (RFC 9110, 4.1)

A fragment or userinfo is parsed (the value is a URI-reference) and reported as a warning.
"""

from collections.abc import Iterator

from ._shared.spec import Diagnostic, FieldSpec
from ._shared.uri import UriReference, parse_uri_reference, write_uri_reference


def lint_fragment_and_userinfo(value: UriReference, raw: str) -> Iterator[Diagnostic]:
    # a user agent "MUST NOT include the fragment and userinfo components of the URI
    # reference" (RFC 9110, 10.1.3); Content-Location's grammar has no room for them either
    if value.userinfo is not None:
        yield Diagnostic("userinfo (credentials before '@') must not be sent", raw.find("@"))
    if value.fragment is not None:
        yield Diagnostic("a fragment ('#...') must not be sent", raw.find("#"))


REFERER = FieldSpec("Referer", parse_uri_reference, write_uri_reference, "RFC 9110, 10.1.3",
                    value_type="Uri | RelativeRef", lint=lint_fragment_and_userinfo,
                    example="https://www.example.org/hypertext/Overview.html?q=1")
