"""The character classes and the small productions of HTTP's grammar, written once.

Every pattern here is regular-expression source (text), for the modules that compile a larger
expression around it: the cursor (core.py), the request head's byte patterns (http/_syntax.py,
through `as_bytes`), the field families, Structured Fields and the strategies. A class is the
inside of a bracket expression (`TCHAR`), so that it can be combined: `f"[{TCHAR}:/]"`.

    tchar          = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
                     "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA        (RFC 9110, 5.6.2)
    token          = 1*tchar
    OWS            = *( SP / HTAB )                                     (RFC 9110, 5.6.3)
    quoted-string  = DQUOTE *( qdtext / quoted-pair ) DQUOTE            (RFC 9110, 5.6.4)
    qdtext         = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
    quoted-pair    = "\\" ( HTAB / SP / VCHAR / obs-text )
    field-vchar    = VCHAR / obs-text                                   (RFC 9110, 5.5)
    weight         = OWS ";" OWS "q=" qvalue                            (RFC 9110, 12.4.2)
    qvalue         = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    sf-token       = ( ALPHA / "*" ) *( tchar / ":" / "/" )             (RFC 9651, 3.3.4)
    attr-char      = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." /
                     "^" / "_" / "`" / "|" / "~"                        (RFC 8187, 3.2.1)
    atext          = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" /
                     "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"
                                                                        (RFC 5322, 3.2.3)
"""

from __future__ import annotations

import re
import string

TCHAR = r"!#$%&'*+\-.^_`|~0-9A-Za-z"  # a class: use as f"[{TCHAR}]"
TCHARS = frozenset("!#$%&'*+-.^_`|~" + string.digits + string.ascii_letters)
TOKEN = rf"[{TCHAR}]+"
TOKEN_RE = re.compile(TOKEN)

OWS = r"[ \t]*"
OBS_TEXT = r"\x80-\xff"  # a class
QDTEXT = rf"(?:[\t !#-\[\]-~{OBS_TEXT}]|\\[\t -~{OBS_TEXT}])*"  # the inside of a quoted-string
QUOTED_STRING = rf'"{QDTEXT}"'
FIELD_CONTENT = rf"[\t\x20-\x7e{OBS_TEXT}]*"  # a field value as received: VCHAR, SP, HTAB
FIELD_CONTENT_RE = re.compile(FIELD_CONTENT)  # for expect_run: a field kept as its text

LIST_SEP = rf"{OWS},{OWS}"  # between the members of a common list: no empty elements
# What may follow a list member: OWS, then "," (and any empty elements) or the end.
SEP = r"[ \t]*(?:,[ \t,]*|\Z)"
QVALUE = r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?"
WEIGHT = rf"(?:{OWS};{OWS}[qQ]=({QVALUE}))?"  # an optional weight, as one group
# name [ "=" ( token / quoted-string ) ]: a Cache-Control or Pragma directive, three groups.
DIRECTIVE = rf'({TOKEN})(?:=(?:({TOKEN})|"({QDTEXT})"))?'

SF_TCHAR = rf"{TCHAR}:/"  # a class: the characters after an sf-token's first
SF_TOKEN = rf"[A-Za-z*][{SF_TCHAR}]*"
BASE64URL = r"A-Za-z0-9_\-"  # a class (RFC 4648, 5): base64's alphabet with "-" and "_"
BASE64URL_RE = re.compile(rf"[{BASE64URL}]*")  # for expect_run: unpadded base64url
ATTR_CHAR = r"A-Za-z0-9!#$&+\-.^_`|~"  # a class (RFC 8187): tchar without "%", "'" and "*"
ATEXT = r"A-Za-z0-9!#$%&'*+\-/=?^_`{|}~"  # a class: RFC 5322's atext (From, 3.2.3 there)


def as_bytes(pattern: str) -> bytes:
    """The same source for a bytes pattern (the request head is matched before decoding)."""
    return pattern.encode("latin-1")
