"""SOAPAction: the intent of a SOAP 1.1 HTTP request (SOAP 1.1, a W3C Note, 6.1.1; IANA spells
the name SoapAction, and field names ignore case).

    soapaction    = "SOAPAction" ":" [ <"> URI-reference <"> ]
    URI-reference = <as defined in RFC 2396 >

"The header field value of empty string ("") means that the intent of the SOAP message is
provided by the HTTP Request-URI. No value means that there is no indication of the intent of
the message." The two differ, so the value keeps them apart: None for no value, "" for `""`,
else the URI reference as written. "SOAP places no restrictions on the format or specificity of
the URI or that it is resolvable." The reference is read with RFC 3986's URI-reference, which
obsoletes RFC 2396. A URI without its quotes is an error: the grammar requires them (some
clients leave them off, and some servers strip them if present).
"""

from __future__ import annotations

from ._shared.spec import FieldError, FieldSpec
from ._shared.uri import parse_uri_reference


def parse(raw: str) -> str | None:
    if not raw:
        return None  # no indication of the intent
    if raw[0] != '"':
        raise FieldError('the URI must be in double quotes: "..." (SOAP 1.1, 6.1.1)', 0)
    close = raw.find('"', 1)
    if close < 0:
        raise FieldError("the quoted URI is not closed with '\"'", len(raw))
    if close + 1 < len(raw):
        raise FieldError("nothing may follow the quoted URI", close + 1)
    parse_uri_reference(raw, 1, close)  # raises with the position of the bad character
    return raw[1:close]


def write(value: str | None) -> str:
    return "" if value is None else f'"{value}"'


SOAP_ACTION = FieldSpec("SOAPAction", parse, write, "SOAP 1.1, 6.1.1",
                        value_type="str | None (a URI reference; None: no value)",
                        example='"http://electrocommerce.org/abc#MyMessage"')
