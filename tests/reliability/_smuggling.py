"""Transfer-Encoding obfuscations for request-smuggling tests (item 2), and how to judge them.

Every variant is one request, `POST /first`, carrying some spelling of Transfer-Encoding
(capitalisation, whitespace and other bytes around name and value, duplicate lines, chunked
not last, junk codings, line folding, bare CR or LF) with or without Content-Length, a body
that hides a third request, `GET /smuggled`, and then a pipelined `GET /second`.

The body is built so that the smuggled request only becomes a request of its own when a
server frames the message differently from another plausible reading of the same bytes:

- "cl-covers": Content-Length covers `0 CRLF CRLF` + the smuggled request. Framed by
  Content-Length the smuggled request is body; framed as chunked it is a request (CL.TE).
- "cl-short": the body is chunked with the smuggled request inside one chunk, and
  Content-Length covers only the chunk-size line. Framed as chunked it is body; framed by
  Content-Length it is a request (TE.CL). Only used with names some parser reads as
  Transfer-Encoding: for a field that is plainly another one (X-Transfer-Encoding), framing
  by Content-Length is the only reading and there is nothing to smuggle.
- "no-cl": the same chunked body and no Content-Length. Framed as chunked it is body; a
  server that ignores the Transfer-Encoding sees `25` as the next request line.

Strategy (the property): whatever the spelling, the server answers the bytes in one way
only: never the smuggled request; after a framing error nothing more; otherwise /first with
exactly the body of the framing it chose, then /second. `classify` checks a reader outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from headerscope.http import Request

SMUGGLED = b"GET /smuggled?format=raw HTTP/1.1\r\nHost: a\r\n\r\n"
SECOND = b"GET /second?format=raw HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
CHUNKED_BODY = b"%x\r\n%s\r\n0\r\n\r\n" % (len(SMUGGLED), SMUGGLED)
COVERS_BODY = b"0\r\n\r\n" + SMUGGLED

# (name as sent, whether some parser reads it as Transfer-Encoding)
NAMES: list[tuple[bytes, bool]] = [
    (b"Transfer-Encoding", True), (b"transfer-encoding", True), (b"TRANSFER-ENCODING", True),
    (b"TrAnSfEr-EnCoDiNg", True), (b"Transfer-Encoding ", True), (b"Transfer-Encoding\t", True),
    (b" Transfer-Encoding", True), (b"\tTransfer-Encoding", True),
    (b"Transfer-Encoding\x0b", True), (b"Transfer-Encoding\x00", True),
    (b"Transfer-Encoding\r", True), (b"\x0bTransfer-Encoding", True),
    (b"Transfer-Encoding\xff", True), (b"Transfer\x00-Encoding", True),
    (b"Transfer-\nEncoding", True), (b"X-Transfer-Encoding", False),
    (b"Transfer_Encoding", False), (b"Transfer-Encodings", False), (b"Transfer-Encod", False),
]
VALUES: list[bytes] = [
    b"chunked", b"Chunked", b"CHUNKED", b"cHuNkEd", b" chunked", b"chunked ", b"\tchunked",
    b"chunked\t", b"  chunked  ", b"\x0bchunked", b"chunked\x0b", b"\x0cchunked",
    b"chunked\x0c", b"\x00chunked", b"chunked\x00", b"chu\x00nked", b"\x85chunked",
    b"\xa0chunked", b"chunked\xa0", b"chunked\r", b"\rchunked", b"chunked\n", b'"chunked"',
    b"'chunked'", b"chunked;", b"chunked; a=b", b"chunked;a", b"chunked,", b",chunked",
    b", chunked", b"chunked , ", b"chunked, identity", b"identity, chunked", b"gzip, chunked",
    b"chunked, gzip", b"chunked, chunked", b"x, chunked", b"cow", b"identity", b"chunk",
    b"chunkedx", b"xchunked", b"ch unked", b"chunked-false", b"", b" ", b"\r\n chunked",
    b"x\r\n chunked", b"\r\n\tchunked", b"chunked\r\n x", b"chunked\r\nX: y",
]
# Field lines placed around the Transfer-Encoding line (duplicates, folds, decoys).
EXTRAS: list[bytes] = [
    b"", b"Transfer-Encoding: chunked\r\n", b"Transfer-Encoding: identity\r\n",
    b"Transfer-Encoding: gzip\r\n", b"Transfer-Encoding:\r\n", b" chunked\r\n",
]
SHAPES = ("cl-covers", "cl-short", "no-cl")


@dataclass(frozen=True)
class Variant:
    name: str  # a printable description, for reports
    data: bytes  # /first (+ body) + /second
    shape: str
    te_like: bool
    expected_body: dict[str, bytes]  # the body of /first under each framing it may get

    def __str__(self) -> str:
        return self.name


def _variant(name: bytes, te_like: bool, value: bytes, extra: bytes, shape: str,
             extra_first: bool) -> Variant:
    te = name + b": " + value + b"\r\n"
    lines = extra + te if extra_first else te + extra
    if shape == "cl-covers":
        body = COVERS_BODY
        length = b"Content-Length: %d\r\n" % len(body)
    elif shape == "cl-short":
        body = CHUNKED_BODY
        length = b"Content-Length: %d\r\n" % CHUNKED_BODY.index(b"\r\n")
    else:
        body, length = CHUNKED_BODY, b""
    head = b"POST /first?format=raw HTTP/1.1\r\nHost: a\r\n" + length + lines + b"\r\n"
    before, after = (extra, b"") if extra_first else (b"", extra)
    described = f"{shape} {before!r}{te!r}{after!r}"
    expected = {"chunked": SMUGGLED if shape != "cl-covers" else b""}
    if length:
        cut = len(body) if shape == "cl-covers" else CHUNKED_BODY.index(b"\r\n")
        expected["length"] = body[:cut]
    else:
        expected["none"] = b""
    return Variant(described, head + body + SECOND, shape, te_like, expected)


def variants() -> list[Variant]:
    """Every combination: about 30,000 requests."""
    found: list[Variant] = []
    for name, te_like in NAMES:
        for value in VALUES:
            for extra in EXTRAS:
                for shape in SHAPES:
                    if shape == "cl-short" and not te_like:
                        continue
                    found.extend(_variant(name, te_like, value, extra, shape, extra_first)
                                 for extra_first in ((True, False) if extra else (False,)))
    return found


def classify(variant: Variant, requests: list[Request], error_status: int | None) -> list[str]:
    """What is wrong with one reader outcome for `variant`; empty when it is sound."""
    problems = []
    targets = [r.target.split("?")[0] for r in requests]
    if "/smuggled" in targets:
        problems.append("the smuggled request was framed as a request")
    if error_status is not None and error_status not in (400, 501):
        problems.append(f"unexpected error status {error_status}")
    if error_status is None and targets != ["/first", "/second"]:
        problems.append(f"requests {targets} without an error")
    if requests and targets[0] == "/first":
        first = requests[0]
        framing = ("chunked" if first.chunked else
                   "length" if first.content_length is not None else "none")
        if variant.expected_body.get(framing) != first.body:
            problems.append(f"/first framed by {framing} with body {first.body[:40]!r}")
        if first.chunked and variant.shape != "no-cl":
            problems.append("chunked framing chosen although Content-Length was present")
    return problems
