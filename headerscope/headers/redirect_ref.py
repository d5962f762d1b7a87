"""Redirect-Ref and Apply-To-Redirect-Ref: WebDAV redirect reference resources (RFC 4437, 12).

    Apply-To-Redirect-Ref = "Apply-To-Redirect-Ref" ":" ("T" | "F")            ; 12.1
    Redirect-Ref = "Redirect-Ref:" ( URI | relative-ref )                      ; 12.2

Apply-To-Redirect-Ref ("T") asks that a request to a redirect reference resource apply to the
reference itself rather than be answered with a 3xx redirect. Redirect-Ref, sent in every 3xx
response from a redirect reference resource, carries the link target given when the reference
was created: an RFC 3986 URI or relative reference, so a URI-reference, read as Location is.
Quoted strings in ABNF are case-insensitive, so "t" and "f" are read, as Overwrite reads them.

Source of the grammars: RFC 4437's own text could not be read here; both productions are
quoted, with their sections, by a third-party header library (Haskell modules,
Network.HTTP.Headers.ApplyToRedirectRef and .RedirectRef), and 12.1 identically by the
module that docs/fields-without-grammar.md cited before. The colon inside the quoted
"Redirect-Ref:" is as that copy has it; it names the field, and the value is what follows.
"""

from __future__ import annotations

from ._shared.spec import FieldSpec
from ._shared.uri import parse_uri_reference, write_uri_reference
from .webdav import parse_overwrite, write_overwrite

APPLY_TO_REDIRECT_REF = FieldSpec("Apply-To-Redirect-Ref", parse_overwrite, write_overwrite,
                                  "RFC 4437, 12.1", value_type="bool", example="T")
REDIRECT_REF = FieldSpec("Redirect-Ref", parse_uri_reference, write_uri_reference,
                         "RFC 4437, 12.2", value_type="Uri | RelativeRef",
                         example="http://www.example.com/docs/current.html")
