"""From a checked head to a Request: the fields, then how the body is framed.

RFC 9112, 6.3 decides the body length; the checks here are the ones that keep two parsers from
disagreeing about where a request ends (request smuggling), so each is strict and each closes
the connection.
"""

from __future__ import annotations

from . import _syntax as syn
from ._errors import HTTPError
from ._limits import Limits
from ._model import FieldLine, Request

# Lower-cased names of the fields that change framing or connection handling.
_HOST, _CL, _TE, _CONNECTION, _EXPECT = (
    "host", "content-length", "transfer-encoding", "connection", "expect",
)
_SPECIAL = frozenset((_HOST, _CL, _TE, _CONNECTION, _EXPECT))
_MAX_CL_DIGITS = 18  # below 2**63: anything longer is an overflow, not a size


_new = tuple.__new__  # FieldLine(...) goes through a Python-level __new__; this does not


def split_fields(text: str, raw: bytes) -> list[FieldLine]:
    """Field lines from the decoded and raw field section (checked lines joined by CRLF)."""
    fields: list[FieldLine] = []
    append = fields.append
    for line, raw_line in zip(text.split("\r\n"), raw.split(b"\r\n"), strict=True):
        name, _, value = line.partition(":")
        append(_new(FieldLine, (name, value.strip(" \t"), raw_line)))
    return fields


def build_request(
    head: bytes, line_len: int, method: str, target: str, version: str, minor: int,
    limits: Limits,
) -> Request:
    """`head` runs from the request line through the empty line; the lines are checked."""
    text = head.decode("latin-1")
    fields = split_fields(text[line_len + 2 : -4], head[line_len + 2 : -4]) if (
        len(head) > line_len + 4
    ) else []
    request = Request(method, target, version, head, fields, keep_alive=minor > 0)
    special = [f for f in fields if f.name.lower() in _SPECIAL]
    if special or minor > 0:
        _apply_special(request, special, minor, limits)
    return request


def _apply_special(request: Request, special: list[FieldLine], minor: int, limits: Limits) -> None:
    hosts: list[str] = []
    lengths: list[str] = []
    codings: list[str] = []
    connection: set[str] = set()
    for f in special:
        name = f.name.lower()
        if name == _HOST:
            hosts.append(f.value)
        elif name == _CL:
            lengths.append(f.value)
        elif name == _TE:
            codings.append(f.value)
        elif name == _CONNECTION:
            connection.update(t.strip(" \t").lower() for t in f.value.split(","))
        elif minor > 0 and f.value.lower() == "100-continue":
            # RFC 9110, 10.1.1: "A server that receives a 100-continue expectation in an
            # HTTP/1.0 request MUST ignore that expectation."
            request.expect_continue = True
    _check_host(hosts, minor)
    if "close" in connection:
        request.keep_alive = False
    elif minor == 0 and "keep-alive" in connection:
        request.keep_alive = True
    if codings:
        _check_transfer_coding(codings, bool(lengths), minor)
        request.chunked = True
    elif lengths:
        request.content_length = _content_length(lengths, limits)


def _check_host(hosts: list[str], minor: int) -> None:
    # RFC 9112, 3.2: "A server MUST respond with a 400 (Bad Request) status code to any
    # HTTP/1.1 request message that lacks a Host header field and to any request message that
    # contains more than one Host header field line or a Host header field with an invalid
    # field value."
    if len(hosts) > 1:
        raise HTTPError(400, "more than one Host")
    if not hosts:
        if minor > 0:
            raise HTTPError(400, "missing Host")
    elif syn.HOST.fullmatch(hosts[0]) is None:
        raise HTTPError(400, "invalid Host")


def _check_transfer_coding(values: list[str], has_length: bool, minor: int) -> None:
    if minor == 0:
        # RFC 9112, 6.1: "A server or client that receives an HTTP/1.0 message containing a
        # Transfer-Encoding header field MUST treat the message as if the framing is faulty".
        raise HTTPError(400, "Transfer-Encoding in HTTP/1.0")
    if has_length:
        # RFC 9112, 6.1: "A server MAY reject a request that contains both Content-Length and
        # Transfer-Encoding or process such a request in accordance with the Transfer-Encoding
        # alone. Regardless, the server MUST close the connection after responding".
        raise HTTPError(400, "both Content-Length and Transfer-Encoding")
    # RFC 9110, 5.6.1: empty list elements are ignored.
    codings = [c.strip(" \t") for v in values for c in v.split(",") if c.strip(" \t")]
    if not all(syn.TRANSFER_CODING.fullmatch(c) for c in codings):
        raise HTTPError(400, "invalid Transfer-Encoding")
    if not codings or codings[-1].lower() != "chunked" or any(
        c.lower() == "chunked" for c in codings[:-1]
    ):
        # RFC 9112, 6.3: "If a Transfer-Encoding header field is present in a request and the
        # chunked transfer coding is not the final encoding, the message body length cannot be
        # determined reliably; the server MUST respond with the 400 (Bad Request) status code
        # and then close the connection." (and 7: chunked is applied at most once)
        raise HTTPError(400, "chunked is not the final transfer coding")
    if len(codings) > 1:
        # RFC 9112, 6.1: "A server that receives a request message with a transfer coding it
        # does not understand SHOULD respond with 501 (Not Implemented)."
        raise HTTPError(501, "transfer coding not implemented")


def _content_length(values: list[str], limits: Limits) -> int:
    # Content-Length = 1*DIGIT. RFC 9110, 8.6: a list of identical values ("42, 42") may be
    # taken as that value; anything else is "an unrecoverable error".
    items = {item.strip(" \t") for v in values for item in v.split(",")}
    if len(items) != 1:
        raise HTTPError(400, "conflicting Content-Length")
    (digits,) = items
    if not digits.isdigit() or not digits.isascii():
        raise HTTPError(400, "invalid Content-Length")
    if len(digits) > _MAX_CL_DIGITS:
        raise HTTPError(400, "Content-Length overflows")
    length = int(digits)
    if length > limits.max_body:
        raise HTTPError(413, "content too large")
    return length
