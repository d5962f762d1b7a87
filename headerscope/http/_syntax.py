"""The byte-level grammar of a request head and a chunked body, as compiled patterns.

Each pattern is one production of RFC 9112, matched against the buffer in place (`pattern.
fullmatch(buf, start, end)` copies nothing), so validating a head costs a few C-level scans
and no Python loop per byte.

    request-line   = method SP request-target SP HTTP-version          (RFC 9112, 3)
    method         = token
    HTTP-version   = HTTP-name "/" DIGIT "." DIGIT ; HTTP-name = %s"HTTP"  (RFC 9112, 2.3)
    field-line     = field-name ":" OWS field-value OWS                (RFC 9112, 5)
    field-value    = *field-content                                    (RFC 9110, 5.5)
    field-content  = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
    field-vchar    = VCHAR / obs-text
    chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF     (RFC 9112, 7.1)
    chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    chunk-ext-val  = token / quoted-string
"""

from __future__ import annotations

import re

from ..grammar import rules
from ..grammar.rules import as_bytes

_TCHAR = as_bytes(rules.TCHAR)
_QUOTED = as_bytes(rules.QUOTED_STRING)

TCHARS = re.compile(rb"[" + _TCHAR + rb"]*")
REQUEST_LINE = re.compile(rb"([" + _TCHAR + rb"]+) ([\x21-\x7e]+) HTTP/([0-9])\.([0-9])")
# Every prefix of a request line that could still turn out well-formed. It is closed under
# prefixes, so a buffer that fails it fails however many bytes follow: bytes that are not
# HTTP at all (a TLS ClientHello) are refused at once instead of waiting for a CRLF.
REQUEST_LINE_PREFIX = re.compile(
    rb"[" + _TCHAR + rb"]*(?: [\x21-\x7e]*(?: (?:H(?:T(?:T(?:P(?:/(?:[0-9](?:\.[0-9]?)?)?)?)?)?)?"
    rb")?)?)?"
)
# The whole field section at once, each line with its CRLF: the success path is one scan.
_CONTENT = as_bytes(rules.FIELD_CONTENT)
FIELD_BLOCK = re.compile(rb"(?:[" + _TCHAR + rb"]+:" + _CONTENT + rb"\r\n)*")
FIELD_NAME = re.compile(rb"[" + _TCHAR + rb"]+")
FIELD_VALUE = re.compile(_CONTENT)
CHUNK_LINE = re.compile(
    rb"([0-9A-Fa-f]+)((?:[ \t]*;[ \t]*[" + _TCHAR + rb"]+(?:[ \t]*=[ \t]*(?:[" + _TCHAR
    + rb"]+|" + _QUOTED + rb"))?)*)"
)

# Targets (text, after the request line matched). RFC 9112, 3.2:
#   request-target = origin-form / absolute-form / authority-form / asterisk-form
ABSOLUTE_FORM = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*://")  # http-URI = "http" "://" authority
_REG_NAME = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*"
_IP_LITERAL = r"\[[0-9A-Za-z:._~!$&'()*+,;=\-]+\]"
AUTHORITY_FORM = re.compile(rf"(?:{_IP_LITERAL}|{_REG_NAME}):[0-9]+")  # uri-host ":" port
# Host = uri-host [ ":" port ] (RFC 9110, 7.2); uri-host = IP-literal / IPv4address / reg-name
HOST = re.compile(rf"(?:{_IP_LITERAL}|{_REG_NAME})(?::[0-9]*)?")
TOKEN = rules.TOKEN_RE
# transfer-coding = token *( OWS ";" OWS transfer-parameter )  (RFC 9112, 7)
_T, _OWS = rules.TOKEN, rules.OWS
TRANSFER_CODING = re.compile(
    rf"{_T}(?:{_OWS};{_OWS}{_T}{_OWS}={_OWS}(?:{_T}|{rules.QUOTED_STRING}))*")
