"""How a whole request is framed: by headerscope's reader and by a peer, part by part.

Framing decides where a request ends and the next begins, so two framers that differ on
the same bytes are how request smuggling works. A `Framing` records what one framer made of
the first request in some bytes: accepted (with its request line, fields, body framing,
content and the number of bytes it used), rejected (with the status it would answer), or
still waiting for bytes. A peer reports only the parts it decides (`None` elsewhere: the
standard library's http.server frames no body), and only those parts are compared.
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from types import ModuleType

from ..grammar.rules import TOKEN, as_bytes
from ..http import HeadComplete, HTTPError, Limits, Request, RequestReader
from ._known import KNOWN
from ._model import Known, Verdict


class Outcome(enum.Enum):
    REQUEST = "request"
    REJECTED = "rejected"
    INCOMPLETE = "incomplete"  # waiting for more bytes


Lines = tuple[tuple[str, str], ...]  # (lower-case name, value) in wire order


@dataclass(frozen=True, slots=True)
class Framing:
    outcome: Outcome
    status: int | None = None  # of a rejection: the status the framer answers with
    reason: str = ""
    request_line: tuple[str, str, str] | None = None  # method, target, "HTTP/1.1"
    fields: Lines | None = None
    head_length: int | None = None  # bytes up to the end of the empty line: the body starts here
    body: str | None = None  # "none", "content-length 5" or "chunked"
    content: bytes | None = None  # the body as delivered (chunks decoded)
    trailers: Lines | None = None
    consumed: int | None = None  # bytes of the input this request used: where the next starts


PARTS = tuple(f.name for f in fields(Framing))[3:]  # what two accepted requests compare on


@dataclass(frozen=True, slots=True)
class FramingReading:
    peer: str
    verdict: Verdict
    function: str = ""
    theirs: Framing | None = None
    ours: Framing | None = None
    differences: tuple[str, ...] = ()  # the PARTS that differ, for two accepted requests
    note: str = ""
    known: Known | None = None


@dataclass(frozen=True)
class FramingPeer:
    name: str
    module: str  # the import that must succeed
    install: str  # "" for the standard library
    function: str
    frame: Callable[[ModuleType, bytes], Framing]
    explain: Callable[[bytes, Framing, Framing], str | None]

    def load(self) -> ModuleType | None:
        try:
            return importlib.import_module(self.module)
        except ImportError:
            return None


def body_framing(lines: Lines) -> str:
    """How a request's content is delimited, from fields a framer has already accepted."""
    names = [name for name, _ in lines]
    if "transfer-encoding" in names:
        return "chunked"
    if "content-length" in names:
        return "content-length " + dict(lines)["content-length"]
    return "none"


def our_framing(data: bytes, limits: Limits | None = None) -> Framing:
    """headerscope's reader on the bytes (a head whose body has not all come is INCOMPLETE,
    with the parts the head decides); `limits` as the server's, the defaults if None."""
    reader = RequestReader(limits)
    reader.feed(data)
    head: Request | None = None
    try:
        event = reader.next_event()
        while isinstance(event, HeadComplete):
            head = event.request
            event = reader.next_event()
    except HTTPError as exc:
        return Framing(Outcome.REJECTED, exc.status, exc.reason)
    if isinstance(event, Request):
        return _framing(Outcome.REQUEST, event, len(data) - reader.buffered)
    return Framing(Outcome.INCOMPLETE) if head is None else _framing(Outcome.INCOMPLETE, head)


def _framing(outcome: Outcome, r: Request, consumed: int | None = None) -> Framing:
    body = ("chunked" if r.chunked else "none" if r.content_length is None
            else f"content-length {r.content_length}")
    done = outcome is Outcome.REQUEST
    return Framing(outcome, None, "", (r.method, r.target, r.version),
                   tuple((f.name.lower(), f.value) for f in r.fields), len(r.head), body,
                   r.body if done else None,
                   tuple((f.name.lower(), f.value) for f in r.trailers) if done else None,
                   consumed)


def compare_framing(data: bytes, peer: FramingPeer, ours: Framing) -> FramingReading:
    module = peer.load()
    if module is None:
        return FramingReading(peer.name, Verdict.MISSING, note=f"missing: pip install "
                                                                f"{peer.install}")
    try:
        theirs = peer.frame(module, data)
    except Exception as exc:  # a peer that crashes has not framed the request
        theirs = Framing(Outcome.REJECTED, None, f"raised {type(exc).__name__}: {exc}")
    verdict, differences = _verdict(ours, theirs)
    known = None
    if verdict.differs:
        key = peer.explain(data, ours, theirs)
        known = KNOWN.get(key) if key is not None else None
    return FramingReading(peer.name, verdict, peer.function, theirs, ours, differences,
                          theirs.reason, known)


def _verdict(ours: Framing, theirs: Framing) -> tuple[Verdict, tuple[str, ...]]:
    a, b = ours.outcome, theirs.outcome
    if (a is Outcome.INCOMPLETE and ours.fields is not None and b is Outcome.REQUEST
            and theirs.body is None):
        a = Outcome.REQUEST  # we wait for the body; the peer does not read bodies at all
    if a is Outcome.REQUEST and b is Outcome.REQUEST:
        differences = tuple(p for p in PARTS if getattr(theirs, p) is not None
                            and getattr(theirs, p) != getattr(ours, p))
        return (Verdict.DISAGREE if differences else Verdict.AGREE), differences
    if a is b:
        return (Verdict.BOTH_REJECT if a is Outcome.REJECTED else Verdict.AGREE), ()
    if a is Outcome.REQUEST and b is Outcome.REJECTED:
        return Verdict.PEER_REJECTS, ()
    if a is Outcome.REJECTED and b is Outcome.REQUEST:
        return Verdict.WE_REJECT, ()
    return Verdict.DISAGREE, ("outcome",)  # one waits for bytes, the other has decided


# -- what explain functions look at ------------------------------------------------------

_HEAD_END = re.compile(rb"\r?\n\r?\n")


def head_of(data: bytes) -> bytes:
    m = _HEAD_END.search(data)
    return data[: m.end()] if m else data


def sections(data: bytes) -> bytes:
    """The head, and the trailer section after a last chunk, where field rules apply."""
    end = data.rfind(b"\r\n0\r\n")
    return head_of(data) + (data[end + 5:] if end > 0 else b"")


def has_obs_fold(data: bytes) -> bool:
    return re.search(rb"\n[ \t]", sections(data).rstrip(b"\r\n")) is not None


def has_head_end(data: bytes) -> bool:
    return _HEAD_END.search(data) is not None


def has_bare_lf(data: bytes) -> bool:
    return re.search(rb"(?<!\r)\n", sections(data)) is not None


def has_bare_cr(data: bytes) -> bool:
    return re.search(rb"\r(?!\n)", sections(data)) is not None


def count_field(data: bytes, name: bytes) -> int:
    return len(re.findall(rb"(?im)^" + re.escape(name) + rb"[ \t]*:", head_of(data)))


_CTL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_REQUEST_LINE = re.compile(as_bytes(TOKEN) + rb" [\x21-\x7e]+ HTTP/1\.[0-9]\r?\n")


def has_ctl(data: bytes) -> bool:
    return _CTL.search(sections(data)) is not None


def rejected_after_head(data: bytes, ours: Framing) -> bool:
    """We refused the request for its body or trailers: its head alone is good to us."""
    return (ours.outcome is Outcome.REJECTED
            and our_framing(head_of(data)).outcome is not Outcome.REJECTED)


def waits_where_we_refuse(ours: Framing, theirs: Framing) -> bool:
    return ours.outcome is Outcome.REJECTED and theirs.outcome is Outcome.INCOMPLETE


def odd_request_line(data: bytes) -> bool:
    """A request line that is not `method SP target SP HTTP/1.x` in visible ASCII."""
    return _REQUEST_LINE.match(data) is None


def is_limit(ours: Framing, theirs: Framing) -> bool:
    """A rejection for size: limits are each server's own choice (RFC 9112, 3 and 5)."""
    return {ours.status, theirs.status} & {413, 414, 431} != set() or (
        "too long" in ours.reason or "too large" in ours.reason)


def first_known(data: bytes, tests: Sequence[tuple[Callable[[bytes], bool], str]]) -> str | None:
    for test, key in tests:
        if test(data):
            return key
    return None
