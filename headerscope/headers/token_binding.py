"""Sec-Token-Binding: the client's Token Binding message on a request (RFC 8473, 2).

    Sec-Token-Binding = EncodedTokenBindingMessage

RFC 8473, 2: the field's single value, EncodedTokenBindingMessage, "is a base64url encoding of
a single TokenBindingMessage, as defined in [RFC8471], using the URL- and filename-safe
character set described in Section 5 of [RFC4648], with all trailing pad characters '='
omitted and without the inclusion of any line breaks, whitespace, or other additional
characters." (Read in two verbatim copies of the section, ldapwiki.com and webconcepts.info;
the RFC mirrors found held only its opening pages.) So padding, white space and any character
outside the base64url alphabet are errors, as is a length of 4n+1 characters, which encodes
no octet string. The value is the decoded TokenBindingMessage octets: checking its TLS
structure (RFC 8471) is the server's Token Binding stack's job, not a field parser's.

RFC 4648, 3.5 has encoders set the bits past the last octet to zero; a value whose unused bits
are not zero still decodes, so it gets a warning. Browsers abandoned Token Binding: no
browser sends the field any more. IANA still lists it as permanent and no RFC obsoletes it, so
that is a note on every use, not a deprecation.

Where the IANA entry gives RFC 8473 without a section, the section number 2 ("The
Sec-Token-Binding HTTP Request Header Field") is the RFC's own table of contents.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

from ..grammar import expect_run
from ..grammar.rules import BASE64URL_RE
from ._shared.auth import decode_base64url
from ._shared.spec import Diagnostic, FieldError, FieldSpec


def parse(raw: str) -> bytes:
    expect_run(raw, BASE64URL_RE, "is not a base64url character (letters, digits, '-' and "
               "'_'; no '=' padding, no white space)")
    if not raw:
        raise FieldError("a TokenBindingMessage is at least one octet: expected base64url "
                         "characters", 0)
    if len(raw) % 4 == 1:
        raise FieldError(f"{len(raw)} base64url characters encode no octet string (a length "
                         "of 4n+1 is impossible)", len(raw))
    return decode_base64url(raw)


def write(value: bytes) -> str:
    return base64.urlsafe_b64encode(value).decode("ascii").rstrip("=")


def lint(value: bytes, raw: str) -> Iterator[Diagnostic]:
    if write(value) != raw:  # the alphabet and the length are checked: only the unused bits
        yield Diagnostic("the bits past the last octet are not zero; an encoder MUST set "
                         "them to zero (RFC 4648, 3.5)", len(raw) - 1)
    yield Diagnostic("browsers abandoned Token Binding (RFC 8471, 8473): none sends or honours "
                     "this field any more", None)


SEC_TOKEN_BINDING = FieldSpec(
    "Sec-Token-Binding", parse, write, "RFC 8473, 2", value_type="bytes", lint=lint,
    example="AIkAAgBBQFzK4_bhAqLDwRQxqJWte33d7hZ0hZWHwk-miKPg4E9fcgs7gBPoz-9RfuDfN9WCw6keHEw1"
            "ZPQMGs9CxpuHm-YAQM_j")
