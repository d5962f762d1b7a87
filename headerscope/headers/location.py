"""Location and Content-Location: URIs that a response points to (RFC 9110, 10.2.2 and 8.7).

Location refers to a redirect target or a created resource; a relative reference is resolved
against the target URI, and a fragment-less one inherits the request's fragment.
Content-Location identifies the representation in the response; a fragment or userinfo in
it is reported as a warning, since its grammar does not allow them.

    Location         = URI-reference
    Content-Location = absolute-URI / partial-URI
"""

from ._shared.spec import FieldSpec
from ._shared.uri import parse_uri_reference, write_uri_reference
from .referer import lint_fragment_and_userinfo

LOCATION = FieldSpec("Location", parse_uri_reference, write_uri_reference, "RFC 9110, 10.2.2",
                     value_type="Uri | RelativeRef", example="https://www.example.com/index.html")
CONTENT_LOCATION = FieldSpec("Content-Location", parse_uri_reference, write_uri_reference,
                             "RFC 9110, 8.7", value_type="Uri | RelativeRef",
                             lint=lint_fragment_and_userinfo, example="/documents/foo.json")
