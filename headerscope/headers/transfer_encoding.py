"""Transfer-Encoding: the codings applied to the message body for transfer (RFC 9112, 6.1).

    Transfer-Encoding  = #transfer-coding
    transfer-coding    = token *( OWS ";" OWS transfer-parameter )
    transfer-parameter = token BWS "=" BWS ( token / quoted-string )

Names are case-insensitive and lower-cased. Whether the framing is acceptable (chunked last,
not combined with Content-Length) is the framing layer's decision; here it is reported.
Parameters on chunked are an error: "The chunked coding does not define any parameters. Their
presence SHOULD be treated as an error" (RFC 9112, 7).
"""

from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.content import (
    element_offsets,
    list_lint,
    parse_transfer_parameters,
    write_transfer_parameters,
)
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.types import TransferCoding


def _coding(cur: Cursor) -> TransferCoding:
    name = cur.token("a transfer coding such as chunked").lower()
    end = cur.pos
    params = parse_transfer_parameters(cur)
    if params and name == "chunked":
        # RFC 9112, 7: "Their presence SHOULD be treated as an error": a recipient cannot
        # know what a parameter would change in the framing, so it does not guess.
        raise FieldError("chunked takes no parameters: \"The chunked coding does not define "
                         "any parameters. Their presence SHOULD be treated as an error\" "
                         "(RFC 9112, 7)", cur.text.index(";", end))
    return TransferCoding(name, params)


def parse(raw: str) -> tuple[TransferCoding, ...]:
    return parse_list(raw, _coding)


def write(value: tuple[TransferCoding, ...]) -> str:
    return ", ".join(c.name + write_transfer_parameters(c.params) for c in value)


def lint(value: tuple[TransferCoding, ...], raw: str) -> Iterator[Diagnostic]:
    names = [c.name for c in value]
    if "chunked" not in names:
        return
    offsets = list(element_offsets(raw))
    if names.count("chunked") > 1:
        yield Diagnostic("\"A sender MUST NOT apply the chunked transfer coding more than "
                         "once to a message body\"", offsets[names.index("chunked", 1)])
    if names[-1] != "chunked":
        yield Diagnostic("chunked is not the final coding: the message length cannot be "
                         "determined (a server MUST answer such a request with 400)",
                         offsets[names.index("chunked")])


TRANSFER_ENCODING = FieldSpec(
    "Transfer-Encoding", parse, write, "RFC 9112, 6.1", kind=Kind.LIST, lint=list_lint(lint),
    value_type="tuple[TransferCoding, ...]", example="gzip, chunked",
)
