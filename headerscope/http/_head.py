"""Finding and checking the head of a request: request line and field section.

Strategy: the success path finds the empty line with one `find`, then checks the request line
and the whole field section with one compiled pattern each. Only when that fails, or while the
head is still incomplete, do we walk it line by line, in the order the bytes arrive. The walk
raises at the first offending line, and it is the same walk whether the head came whole or in
pieces, so splitting a request differently never changes the answer: a limit counts as broken
at the byte that breaks it, before anything later is looked at.
"""

from __future__ import annotations

from typing import NamedTuple, NoReturn

from . import _syntax as syn
from ._errors import HTTPError
from ._limits import Limits

_CONNECT_ALLOW = (("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE, PATCH"),)


def check_line_prefix(buf: bytearray, start: int, end: int, limits: Limits) -> None:
    """Refuse a request line whose first bytes already rule it out, then one over the limit."""
    stop = min(end, start + limits.max_request_line)
    run = syn.TCHARS.match(buf, start, stop)
    if run is not None and run.end() - start > limits.max_method:
        # RFC 9112, 3: "A server that receives a method longer than any that it implements
        # SHOULD respond with a 501 (Not Implemented) status code."
        raise HTTPError(501, "method too long")
    if syn.REQUEST_LINE_PREFIX.fullmatch(buf, start, stop) is None:
        raise HTTPError(400, "malformed request line")
    if end - start > limits.max_request_line:
        # RFC 9112, 3: "A server that receives a request-target longer than any URI it wishes
        # to parse MUST respond with a 414 (URI Too Long) status code."
        raise HTTPError(414, "request line too long")


class RequestLine(NamedTuple):
    """`request-line = method SP request-target SP HTTP-version` (RFC 9112, 3)."""

    method: str
    target: str
    version: str  # as sent: "HTTP/1.1"
    minor: int  # the minor version: 0 or 1 is how the request is served


# RequestLine(...) runs a Python-level __new__; this builds the same tuple, once per request.
_new = tuple.__new__


def parse_request_line(buf: bytearray, start: int, end: int, limits: Limits) -> RequestLine:
    """Method, target, version as sent, and the minor version (served as 0 or 1)."""
    match = syn.REQUEST_LINE.fullmatch(buf, start, end)
    if (
        match is None
        or end - start > limits.max_request_line
        or match.end(1) - start > limits.max_method
    ):
        check_line_prefix(buf, start, end, limits)  # the same verdict as on partial input
        raise HTTPError(400, "malformed request line")
    method_b, target_b, major, minor = match.groups()
    if major != b"1":
        # RFC 9110, 15.6.6: 505 "indicates that the server does not support, or refuses to
        # support, the major version of HTTP that was used in the request message."
        raise HTTPError(505, "HTTP version not supported")
    method = method_b.decode("ascii")
    target = target_b.decode("ascii")
    check_target(method, target)
    return _new(RequestLine, (method, target, "HTTP/1." + chr(minor[0]), minor[0] - 48))


def check_target(method: str, target: str) -> None:
    if method == "CONNECT":
        # RFC 9112, 3.2.3: "The authority-form of request-target is only used for CONNECT
        # requests." A tunnel changes the framing of the connection; we serve no tunnels.
        if syn.AUTHORITY_FORM.fullmatch(target) is None:
            raise HTTPError(400, "CONNECT needs an authority-form target")
        raise HTTPError(405, "CONNECT is not supported", _CONNECT_ALLOW)
    if target[0] == "/":
        return  # origin-form, the common case
    if target == "*":
        if method != "OPTIONS":
            # RFC 9112, 3.2.4: the asterisk-form "is only used for a server-wide OPTIONS".
            raise HTTPError(400, "asterisk-form is only for OPTIONS")
        return
    if syn.ABSOLUTE_FORM.match(target) is None:
        raise HTTPError(400, "invalid request target")


def check_field_line(
    buf: bytearray, start: int, end: int, section: int, count: int, limits: Limits
) -> None:
    """Field line number `count` at buf[start:end] (no CRLF) of a section that began at
    `section`: its count and size limits first, then its syntax."""
    if count > limits.max_fields:
        raise HTTPError(431, "too many fields")
    if end + 2 - section > limits.max_field_section:
        raise HTTPError(431, "field section too large")
    if buf[start] in b" \t":
        # RFC 9112, 5.2: "A server that receives an obs-fold in a request message ... MUST
        # either reject the message by sending a 400 (Bad Request) ..."
        raise HTTPError(400, "obsolete line folding")
    colon = buf.find(b":", start, end)
    if colon < 0:
        raise HTTPError(400, "field line without a colon")
    name = syn.FIELD_NAME.fullmatch(buf, start, colon)
    if name is None:
        if colon > start and buf[colon - 1] in b" \t":
            # RFC 9112, 5.1: "A server MUST reject, with a response status code of 400 (Bad
            # Request), any received request message that contains whitespace between a
            # header field name and colon."
            raise HTTPError(400, "whitespace before the colon")
        raise HTTPError(400, "invalid field name")
    if syn.FIELD_VALUE.fullmatch(buf, colon + 1, end) is None:
        # RFC 9110, 5.5: "Field values containing CR, LF, or NUL characters are invalid and
        # dangerous"; other CTLs are outside field-vchar too.
        raise HTTPError(400, "invalid character in field value")


def field_section_partial(
    buf: bytearray, pos: int, end: int, section: int, count: int, limits: Limits
) -> tuple[int, int]:
    """Check the complete lines of an unfinished field section from `pos`; return where the
    unfinished line starts and how many lines are done. Limits that the unfinished line must
    already break are enforced now, so a slow sender cannot make us buffer past them."""
    while (eol := buf.find(b"\r\n", pos, end)) >= 0:
        if eol == pos:
            return pos, count  # the caller looks for the end of the section itself
        count += 1
        check_field_line(buf, pos, eol, section, count, limits)
        pos = eol + 2
    least_end = end - 1 if end > pos and buf[end - 1] == 0x0D else end  # CR may start CRLF
    if least_end > pos:
        if count + 1 > limits.max_fields:
            raise HTTPError(431, "too many fields")
        if least_end + 2 - section > limits.max_field_section:
            raise HTTPError(431, "field section too large")
    return pos, count


def diagnose_fields(buf: bytearray, section: int, end: int, limits: Limits) -> NoReturn:
    """Raise the first error in the complete field section buf[section:end] (lines + CRLF)."""
    field_section_partial(buf, section, end, section, 0, limits)
    raise HTTPError(400, "malformed field section")  # unreachable unless the patterns drift
