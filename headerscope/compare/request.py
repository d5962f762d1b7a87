"""A whole request compared: every field line with the field peers, and the framing of the
request by h11 and by http.server beside headerscope's own reader.

`compare_request(fields, data)` takes what `headerscope parse -` reads: the (name, value)
pairs of a capture and its bytes, or None for bare field lines with no request line.
`compare_section(section, data)` is what the server calls with the fields it has already
parsed and the bytes it received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..headers import REGISTRY, FieldSection, parse_section
from ..http import Limits
from ._model import FieldComparison
from .field import compare_field, redacted
from .framing import Framing, FramingReading, compare_framing, has_head_end, our_framing
from .peers import FRAMING_PEERS, PeerStatus, peer_status


@dataclass(frozen=True, slots=True)
class RequestComparison:
    peers: tuple[PeerStatus, ...]
    fields: tuple[FieldComparison, ...]
    framed: Framing | None  # headerscope's own framing; None when there are no bytes to frame
    framing: tuple[FramingReading, ...]  # the framers' readings beside it
    framing_note: str = ""  # what was done to the bytes before framing them, or why not

    @property
    def differences(self) -> int:
        return (sum(len(c.differences) for c in self.fields)
                + sum(1 for r in self.framing if r.verdict.differs))


def compare_request(fields: Sequence[tuple[str, str]], data: bytes | None) -> RequestComparison:
    section = parse_section(REGISTRY, fields)
    if data is None:
        return compare_section(section, None, "no request line: only the fields are compared")
    data, note = framable(data)
    return compare_section(section, data, note)


def framable(data: bytes) -> tuple[bytes, str]:
    """A capture's bytes as the reader frames them, and a note of what was changed: hand-written
    input may end lines in bare LF and stop before the empty line. `headerscope parse -` frames
    the same bytes for its request verdict, so the two never differ."""
    note = ""
    if b"\r\n" not in data:
        data = data.replace(b"\n", b"\r\n")
        note = "the input has bare LF line ends; they were read as CRLF for framing"
    if not has_head_end(data):
        data += b"\r\n" if data.endswith(b"\n") else b"\r\n\r\n"
        note = "; ".join(filter(None, [note, "the input ends without the empty line that ends "
                                             "a head; one was added for framing"]))
    return data, note


def compare_section(section: FieldSection, data: bytes | None, note: str = "", *,
                    skip: frozenset[str] = frozenset(),
                    limits: Limits | None = None) -> RequestComparison:
    """`skip`: lower-case names of fields whose values no peer may see (the server's redacted
    ones: each reading says so); `limits`: those of headerscope's reader (the defaults if
    None). `data` is framed as given: the caller redacts it first (pages/compare_view.py)."""
    fields = tuple(redacted(f) if f.name in skip
                   else compare_field(f.wire_name, f.raw, parsed=f) for f in section)
    if data is None:
        return RequestComparison(peer_status(), fields, None, (), note)
    ours = our_framing(data, limits)
    framing = tuple(compare_framing(data, peer, ours) for peer in FRAMING_PEERS)
    return RequestComparison(peer_status(), fields, ours, framing, note)
