"""traceparent and tracestate: W3C Trace Context (Level 1), 3.2 and 3.3.

    HEXDIGLC       = DIGIT / "a" / "b" / "c" / "d" / "e" / "f" ; lowercase hex character
    value          = version "-" version-format
    version        = 2HEXDIGLC   ; this document assumes version 00. Version ff is forbidden
    version-format = trace-id "-" parent-id "-" trace-flags
    trace-id       = 32HEXDIGLC  ; 16 bytes array identifier. All zeroes forbidden
    parent-id      = 16HEXDIGLC  ; 8 bytes array identifier. All zeroes forbidden
    trace-flags    = 2HEXDIGLC   ; 8 bit flags. Currently, only one bit is used.

    list        = list-member 0*31( OWS "," OWS list-member )
    list-member = (key "=" value) / OWS
    key = simple-key / multi-tenant-key
    simple-key = lcalpha 0*255( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
    multi-tenant-key = tenant-id "@" system-id
    tenant-id = ( lcalpha / DIGIT ) 0*240( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
    system-id = lcalpha 0*13( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
    value    = 0*255(chr) nblk-chr
    nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
    chr      = %x20 / nblk-chr

A higher traceparent version is read as 3.2.4 says: the 00 fields, then either the end or a
dash and fields this version knows nothing of (kept, unread, in `rest`). Other trace-flags
than sampled: "Vendors MUST set those to zero" (a warning). tracestate: "Empty and
whitespace-only list members are allowed" (so no empty-element warning), at most 32 members;
"Only one entry per key is allowed" is the sender's duty (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

_PARENT_RE = re.compile(r"([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
_LOOSE_RE = re.compile(r"([0-9A-Fa-f]{2})-([0-9A-Fa-f]{32})-([0-9A-Fa-f]{16})-([0-9A-Fa-f]{2})")
_KEY_RE = re.compile(r"[a-z0-9][a-z0-9_\-*/]*(?:@([a-z][a-z0-9_\-*/]*))?")
_VALUE_RE = re.compile(r"[ !-+\--<>-~]*[!-+\--<>-~]")
SAMPLED = 0x01


@value_type
class TraceParent:
    version: int  # 0 for this version; never 255
    trace_id: str  # 32 lower-case hex digits, not all zero
    parent_id: str  # 16 lower-case hex digits, not all zero
    flags: int  # 8 bits; bit 0 is "sampled"
    rest: str = ""  # a higher version's further fields, from their "-" on

    @property
    def sampled(self) -> bool:
        return bool(self.flags & SAMPLED)


def parse_traceparent(raw: str) -> TraceParent:
    m = _PARENT_RE.match(raw)
    if m is None:
        loose = _LOOSE_RE.match(raw)
        if loose is not None:  # upper-case hex: "vendors MUST ignore the traceparent"
            at = next(i for i, ch in enumerate(raw) if "A" <= ch <= "F")
            raise FieldError("hex digits are lower-case in traceparent (HEXDIGLC)", at)
        raise FieldError("expected version-trace_id-parent_id-flags: 2, 32, 16 and 2 lower-case "
                         "hex digits joined by '-'", _first_misfit(raw))
    version = int(m.group(1), 16)
    if version == 0xFF:
        raise FieldError("version ff is forbidden", 0)
    if m.group(2) == "0" * 32:
        raise FieldError("a trace-id of all zeroes is invalid", 3)
    if m.group(3) == "0" * 16:
        raise FieldError("a parent-id of all zeroes is invalid", 36)
    rest = raw[m.end():]
    if rest and (version == 0 or rest[0] != "-"):
        raise FieldError("version 00 ends after the trace-flags" if version == 0 else
                         "a higher version's further fields start with '-'", m.end())
    return TraceParent(version, m.group(2), m.group(3), int(m.group(4), 16), rest)


_TEMPLATE = "00-" + "0" * 32 + "-" + "0" * 16 + "-00"


def _first_misfit(raw: str) -> int:
    for i, ch in enumerate(raw[:len(_TEMPLATE)]):
        if (_TEMPLATE[i] == "-") != (ch == "-") or (ch != "-" and ch not in "0123456789abcdef"):
            return i
    return min(len(raw), len(_TEMPLATE))


def write_traceparent(value: TraceParent) -> str:
    return (f"{value.version:02x}-{value.trace_id}-{value.parent_id}-{value.flags:02x}"
            f"{value.rest}")


def lint_traceparent(value: TraceParent, raw: str) -> list[Diagnostic]:
    if value.version == 0 and value.flags & ~SAMPLED:
        return [Diagnostic("trace-flags other than sampled (01) are reserved: 'Vendors MUST "
                           "set those to zero'", 53)]
    return []


@value_type
class TraceStateMember:
    key: str
    value: str


def _member(cur: Cursor) -> TraceStateMember:
    m = _KEY_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a key: a lower-case letter or digit, then a-z, 0-9, _ - * /")
    key, system = m.group(), m.group(1)
    if system is None and not key[0].isalpha():
        raise cur.error("a key without '@' starts with a lower-case letter")
    if system is None and len(key) > 256:
        raise cur.error("a key is at most 256 characters")
    if system is not None and (len(key) - len(system) - 1 > 241 or len(system) > 14):
        raise cur.error("a multi-tenant key is a tenant-id of at most 241 characters, '@', and "
                        "a system-id of at most 14")
    cur.pos = m.end()
    cur.expect("=")
    v = _VALUE_RE.match(cur.text, cur.pos)
    if v is None:
        raise cur.unexpected("a value: printable ASCII but ',' and '=', not ending in a space")
    if v.end() - v.start() > 256:
        raise cur.error("a value is at most 256 characters", v.start())
    cur.pos = v.end()
    return TraceStateMember(key, v.group())


def parse_tracestate(raw: str) -> tuple[TraceStateMember, ...]:
    members = parse_list(raw, _member)
    if len(members) > 32:
        raise FieldError(f"{len(members)} list-members: there can be at most 32", None)
    return members


def write_tracestate(value: tuple[TraceStateMember, ...]) -> str:
    return ",".join(f"{m.key}={m.value}" for m in value)


def lint_tracestate(value: tuple[TraceStateMember, ...], raw: str) -> Iterator[Diagnostic]:
    if not value:
        yield Diagnostic("an empty tracestate: vendors accept it, but 'SHOULD avoid sending "
                         "them'", 0)
    seen: set[str] = set()
    for m in value:
        if m.key in seen:
            yield Diagnostic(f"key {m.key!r} is repeated: 'Only one entry per key is allowed'",
                             None)
        seen.add(m.key)


TRACEPARENT = FieldSpec("traceparent", parse_traceparent, write_traceparent,
                        "W3C Trace Context, 3.2", value_type="TraceParent",
                        lint=lint_traceparent,
                        example="00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
TRACESTATE = FieldSpec("tracestate", parse_tracestate, write_tracestate,
                       "W3C Trace Context, 3.3", kind=Kind.LIST,
                       value_type="tuple[TraceStateMember, ...]", lint=lint_tracestate,
                       example="rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
