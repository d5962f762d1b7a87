"""One field value, read by headerscope and by every peer: `compare_field(name, raw)`.

The verdict is decided here, the same way for every peer:

    ours \\ peer     reads it                       rejects it
    reads it        agree / disagree (normal forms)  peer rejects
    rejects it      we reject                        both reject

A peer that raises something other than `Rejected` has rejected the value too (its exception
is its complaint); an error in our own normalizing code is reported as such, never raised:
the comparison runs inside the server. For the same reason a value longer than a
super-linear peer's `limit` is not given to it ("not run"), and neither is a field the
server redacts (`compare_section`'s `skip`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..headers import REGISTRY, ParsedField
from ._known import KNOWN
from ._model import Adapter, Case, FieldComparison, Peer, Reading, Rejected, Verdict, canonical
from .peers import FIELD_PEERS


def compare_field(name: str, raw: str, *, parsed: ParsedField | None = None,
                  peers: Sequence[Peer] = FIELD_PEERS) -> FieldComparison:
    """Every peer's reading of one field line; `parsed` saves parsing it again."""
    field = parsed if parsed is not None else REGISTRY.parse(name, raw)
    return FieldComparison(field, tuple(read(peer, field) for peer in peers))


def read(peer: Peer, field: ParsedField) -> Reading:
    adapters = peer.adapters()
    if adapters is None:
        return Reading(peer.name, Verdict.MISSING, note=peer.missing_note)
    adapter = adapters.get(field.name)
    if adapter is None:
        return Reading(peer.name, Verdict.NOT_COVERED,
                       note=f"{peer.name} has no parser for {field.wire_name}")
    if not field.known:
        return Reading(peer.name, Verdict.NOT_COVERED, adapter.function,
                       note="headerscope does not parse this field yet")
    why = adapter.too_long(field.raw)
    if why is not None:
        return Reading(peer.name, Verdict.NOT_RUN, adapter.function, note=why)
    return _compare(peer, adapter, field)


REDACTED_NOTE = "redacted (its value is given to no peer)"


def redacted(field: ParsedField, peers: Sequence[Peer] = FIELD_PEERS) -> FieldComparison:
    """A field the server redacts: no peer sees its value, and the comparison says so."""
    return FieldComparison(field, tuple(Reading(peer.name, Verdict.NOT_RUN, note=REDACTED_NOTE)
                                        for peer in peers))


def _compare(peer: Peer, adapter: Adapter, field: ParsedField) -> Reading:
    theirs, complaint = None, ""
    try:
        theirs = adapter.read(field.raw)
    except Rejected as exc:
        complaint = str(exc)
    except Exception as exc:  # a peer's own exception is how it refuses a value
        complaint = f"raised {type(exc).__name__}: {exc}"
    try:
        ours = adapter.ours(field) if field.error is None else None
        canonical(theirs)
        canonical(ours)
    except Exception as exc:  # our normalizing code: report it, never take the server down
        return Reading(peer.name, Verdict.NOT_COVERED, adapter.function,
                       note=f"internal comparison error ({type(exc).__name__}); please report it")
    rejected = bool(complaint)
    if field.error is not None:
        verdict = Verdict.BOTH_REJECT if rejected else Verdict.WE_REJECT
    elif rejected:
        verdict = Verdict.PEER_REJECTS
    else:
        verdict = Verdict.AGREE if canonical(ours) == canonical(theirs) else Verdict.DISAGREE
    known = None
    if verdict.differs:
        case = Case(field.name, field.raw, field, ours, theirs, complaint)
        try:
            key = adapter.explain(case)
        except Exception:  # an explainer bug leaves the difference unexplained, no more
            key = None
        known = KNOWN.get(key) if key is not None else None
    return Reading(peer.name, verdict, adapter.function, theirs, ours, complaint, known)
