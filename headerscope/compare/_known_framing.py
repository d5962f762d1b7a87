"""Known classes of disagreement in framing a request: h11 and http.server beside
headerscope's reader (see _known.py for what a class records)."""

from __future__ import annotations

from ._model import Known

_OBS_FOLD = ('"A server that receives an obs-fold in a request message that is not within a '
             '"message/http" container MUST either reject the message by sending a 400 (Bad '
             'Request) ... or replace each received obs-fold with one or more SP octets prior '
             'to interpreting the field value or forwarding the message downstream."')

FRAMING_CLASSES = (
    Known("obs-fold", "h11", "h11 replaces obs-fold with a space; headerscope answers 400",
          "RFC 9112, 5.2", _OBS_FOLD, "either"),
    Known("bare-lf", "h11, stdlib",
          "the peer accepts a bare LF as a line end; headerscope needs CRLF",
          "RFC 9112, 2.2",
          '"Although the line terminator for the start-line and fields is the sequence CRLF, '
          'a recipient MAY recognize a single LF as a line terminator and ignore any '
          'preceding CR."', "either"),
    Known("bare-cr", "stdlib",
          "http.client takes a bare CR in a field value for a line end (the rest of the line "
          "is lost); headerscope refuses it", "RFC 9112, 2.2",
          '"A recipient of such a bare CR MUST consider that element to be invalid or '
          'replace each bare CR with SP before processing the element or forwarding the '
          'message."', "headerscope"),
    Known("chunk-ext", "h11",
          "h11 accepts any bytes in a chunk extension (a NUL, a control)", "RFC 9112, 7.1.1",
          'chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )',
          "headerscope"),
    Known("h11-te-exact", "h11",
          "h11 takes Transfer-Encoding only when it is exactly 'chunked': an empty list "
          "member (', chunked') gets 501", "RFC 9110, 5.6.1",
          '"a recipient MUST accept empty list elements"', "headerscope"),
    Known("te-and-cl", "h11",
          "h11 frames a request with both Transfer-Encoding and Content-Length by "
          "Transfer-Encoding; headerscope answers 400", "RFC 9112, 6.1",
          '"A server MAY reject a request that contains both Content-Length and '
          "Transfer-Encoding or process such a request in accordance with the "
          "Transfer-Encoding alone. Regardless, the server MUST close the connection after "
          'responding to such a request"', "either"),
    Known("h11-rewrites-fields", "h11",
          "h11 rewrites the framing fields it checks: repeated identical Content-Length "
          "lines become one, a Transfer-Encoding value is lower-cased", "RFC 9110, 8.6",
          '"a recipient MAY either reject the message as invalid or replace that invalid '
          'field value with a single instance of the decimal value"', "either"),
    Known("leading-empty-line", "h11, stdlib",
          "the peer refuses a request preceded by an empty line; headerscope skips it",
          "RFC 9112, 2.2",
          '"a server that is expecting to receive and parse a request-line SHOULD ignore at '
          'least one empty line (CRLF) received prior to the request-line."', "headerscope"),
    Known("te-http10", "h11",
          "h11 frames an HTTP/1.0 request by its Transfer-Encoding", "RFC 9112, 6.1",
          '"A server or client that receives an HTTP/1.0 message containing a '
          "Transfer-Encoding header field MUST treat the message as if the framing is "
          'faulty, even if a Content-Length is present"', "headerscope"),
    Known("connect", "h11, stdlib",
          "headerscope answers CONNECT with 405 (it is not a proxy); the peer hands it to the "
          "application", "RFC 9110, 9.3.6",
          '"An origin server MAY accept a CONNECT request, but most origin servers do not '
          'implement CONNECT."', "either"),
    Known("h11-version", "h11",
          "h11 accepts any HTTP/x.y in the request line (HTTP/0.9, HTTP/2.0, the HTTP/2 "
          "preface) and leaves the application to refuse it", "RFC 9110, 15.6.6",
          '"The 505 (HTTP Version Not Supported) status code indicates that the server does '
          'not support, or refuses to support, the major version of HTTP that was used in '
          'the request message."', "either: 505 is the server's to send"),
    Known("h11-target", "h11",
          "h11 accepts any request-target (a relative path, an authority with GET)",
          "RFC 9112, 3.2",
          'request-target = origin-form / absolute-form / authority-form / asterisk-form; '
          '"Recipients of an invalid request-line SHOULD respond with either a 400 (Bad '
          'Request) error or a 301 (Moved Permanently) redirect" (RFC 9112, 3)', "headerscope"),
    Known("h11-host", "h11",
          "h11 does not check the Host field's value", "RFC 9112, 3.2",
          '"A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 '
          "request message that lacks a Host header field and to any request message that "
          "contains more than one Host header field line or a Host header field with an "
          'invalid field value."', "headerscope"),
    Known("ctl-in-value", "h11",
          "h11 accepts control characters other than CR, LF and NUL (0x01, DEL) in a field "
          "value", "RFC 9110, 5.5",
          "field-value = *field-content; field-vchar = VCHAR / obs-text: no control "
          "characters", "headerscope (the grammar; only CR, LF and NUL carry a MUST)"),
    Known("limits", "h11, stdlib",
          "a size limit differs (request line, field section, number of fields, content)",
          "RFC 9112, 3; RFC 9110, 15.5.14 and 15.5.15",
          '"It is RECOMMENDED that all HTTP senders and recipients support, at a minimum, '
          'request-line lengths of 8000 octets."', "either: each server picks its limits"),
    Known("early-reject", "h11, stdlib",
          "headerscope refuses bytes that can never start a request as soon as they arrive; "
          "the peer waits for a line end", "RFC 9112, 3",
          '"Recipients of an invalid request-line SHOULD respond with either a 400 (Bad '
          'Request) error or a 301 (Moved Permanently) redirect"', "either"),
    Known("stdlib-head-stops", "stdlib",
          "http.client.parse_headers stops at a line it cannot read (whitespace in a name or "
          "before the colon, a line without a colon) and takes the rest of the head for the "
          "body: that field and every one after it vanish", "RFC 9112, 5.1",
          '"A server MUST reject, with a response status code of 400 (Bad Request), any '
          "received request message that contains whitespace between a header field name "
          'and colon."', "headerscope"),
    Known("stdlib-head-ows", "stdlib",
          "http.client keeps the whitespace after a field value", "RFC 9112, 5.1",
          '"A field line value might be preceded and/or followed by optional whitespace '
          '(OWS) ... The field line value does not include that leading or trailing '
          'whitespace"', "headerscope"),
    Known("stdlib-request-line", "stdlib",
          "http.server splits the request line on any run of whitespace and checks neither "
          "method, target nor version form (tabs, double spaces, control characters, bytes "
          "above 0x7E and HTTP/0.9 pass)", "RFC 9112, 3",
          'request-line = method SP request-target SP HTTP-version; "Recipients of an '
          'invalid request-line SHOULD respond with either a 400 (Bad Request) error or a 301 '
          '(Moved Permanently) redirect"', "headerscope"),
    Known("stdlib-head-no-framing", "stdlib",
          "http.server checks neither Host nor Content-Length nor Transfer-Encoding: the "
          "application gets the request as sent", "RFC 9112, 6.3 and 3.2",
          '"If a message is received without Transfer-Encoding and with an invalid '
          'Content-Length header field, then the message framing is invalid"', "headerscope"),
    Known("stdlib-head-names", "stdlib",
          "http.client accepts characters outside token in a field name (a double quote)",
          "RFC 9110, 5.1",
          "field-name = token", "headerscope"),
    Known("stdlib-head-obs-fold", "stdlib",
          "http.client keeps an obs-fold in the value, CRLF and all", "RFC 9112, 5.2",
          _OBS_FOLD, "headerscope: keeping the CRLF is neither allowed choice"),
    Known("stdlib-head-ctl", "stdlib",
          "http.client accepts NUL and other control characters in a field value",
          "RFC 9110, 5.5",
          '"a recipient of CR, LF, or NUL within a field value MUST either reject the message '
          'or replace each of those characters with SP before further processing"',
          "headerscope"),
)
