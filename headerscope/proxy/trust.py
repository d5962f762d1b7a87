"""The client's address behind trusted proxies: a walk over Forwarded or X-Forwarded-For.

Any client can write any Forwarded or X-Forwarded-For it likes: "The Forwarded HTTP header
field cannot be relied upon to be correct, as it may be modified, whether mistakenly or for
malicious reasons, by every node on the way to the server, including the client making the
request" (RFC 7239, 8.1). Each proxy appends the address it received the request from, so
the list is only as good as the proxies that wrote its right end. The well-known rule (nginx
`real_ip_recursive on`, Express `trust proxy` with a list, RFC 7239, 5.2 for the meaning of
`for=`): start from the socket's peer and walk the hops from the right; while the address
in hand belongs to a trusted proxy, believe what it says about the hop before it; the first
address that is not trusted is the client.

The rules this module decides, each for a reason:
- The peer itself must be trusted, or no header is considered at all: an untrusted peer
  is the client, whatever it writes (its headers are listed as ignored).
- Which field: Forwarded (for= of each element) when present; otherwise X-Forwarded-For;
  otherwise X-Real-IP as a single hop. When Forwarded and X-Forwarded-For are both present
  and list different nodes, a diagnostic says so and Forwarded is used: it is the standard
  form (RFC 7239, 7.4 shows how one maps onto the other), and a client forging one of them
  would leave the other to disagree. X-Real-IP is compared too when another field is used.
- Repeated field lines combine in order, as one list (RFC 9110, 5.3).
- Hops are parsed one element at a time by the registry's own parsers (headers/forwarded.py,
  x_forwarded.py), so that one bad element is pinned to its place: a malformed element, an
  element without for=, "unknown" (RFC 7239, 6.2) or an obfuscated identifier (6.3) stops
  the walk and is never believed. The answer is then the nearest trusted address (the hop to
  its right), as nginx does when an address does not parse.
- When every hop is trusted, the leftmost is the furthest that is known, and the answer.

So the answer is always the peer, or an address from the header every hop to the right of
which is trusted.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from ipaddress import ip_address
from typing import Any

from ..headers import REGISTRY
from ..headers.forwarded import Node, NodeKind
from ._networks import CIDRError, Networks, as_address, parse_cidr

__all__ = ["AddressWalk", "CIDRError", "Hop", "HopSource", "Networks", "Verdict",
           "client_address", "parse_cidr"]

_FIELDS = ("Forwarded", "X-Forwarded-For", "X-Real-IP")


class Verdict(enum.StrEnum):
    TRUSTED = "trusted"  # in a trusted network: what it says about the hop to its left counts
    CLIENT = "client"  # the first address from the right that is not trusted: the answer
    STOPPED = "stopped"  # not an address that can be believed: the walk ends before it
    IGNORED = "ignored"  # never reached: left of where the walk ended, or the peer untrusted


@dataclass(frozen=True, slots=True)
class HopSource:
    """Where a hop was written: the socket's peer (`field` "peer", the rest None), or a field
    line (0-based among the lines of that field), the element's index in the combined list
    (from the left, 0-based) and its character offset in that line's value."""

    field: str
    line: int | None = None
    element: int | None = None
    position: int | None = None


PEER = HopSource("peer")


@dataclass(frozen=True, slots=True)
class Hop:
    """One node on the way: `text` as written, `address` its canonical IP text when it is
    one, and the walk's `verdict` on it with the `reason`. `error_position` points into the
    line's value for a malformed element."""

    text: str
    address: str | None
    port: int | str | None
    source: HopSource
    verdict: Verdict
    reason: str
    error_position: int | None = None


@dataclass(frozen=True, slots=True)
class AddressWalk:
    """The answer: `client` and why; `hops` are the peer and then the chosen field's elements
    from the right to the left; `field` is the one read (None when none was)."""

    client: str
    reason: str
    source: HopSource
    hops: tuple[Hop, ...]
    field: str | None = None
    diagnostics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Element:
    text: str
    source: HopSource
    node: Node | None = None  # None: malformed, or a Forwarded element without for=
    error: str | None = None
    error_position: int | None = None


def _spans(value: str, quotes: bool) -> list[tuple[int, int]]:
    """(start, end) of each non-empty list element, commas inside quoted strings kept."""
    spans: list[tuple[int, int]] = []
    start, quoted, escaped = 0, False, False
    for i, ch in enumerate(value + ","):
        if escaped:
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif quotes and ch == '"' and i < len(value):
            quoted = not quoted
        elif ch == "," and (not quoted or i == len(value)):
            text = value[start:i]
            left = len(text) - len(text.lstrip(" \t"))
            if text.strip(" \t"):
                spans.append((start + left, start + len(text.rstrip(" \t"))))
            start = i + 1
    return spans


def _elements(name: str, lines: list[str], first: int) -> list[_Element]:
    out: list[_Element] = []
    for number, value in enumerate(lines):
        spans = _spans(value, quotes=name == "Forwarded")
        if not spans:
            source = HopSource(name, number, first + len(out), 0)
            out.append(_Element(value, source, error="an empty field line", error_position=0))
        for start, end in spans:
            out.append(_parse(name, value[start:end], HopSource(name, number, first + len(out),
                                                                 start)))
    return out


def _parse(name: str, text: str, source: HopSource) -> _Element:
    parsed = REGISTRY.parse(name, text)
    if parsed.error is not None:
        at = parsed.error.position
        return _Element(text, source, error=parsed.error.reason,
                        error_position=None if at is None else (source.position or 0) + at)
    value: Any = parsed.value
    if name == "X-Real-IP":
        return _Element(text, source, node=value)
    if name == "X-Forwarded-For":
        return _Element(text, source, node=value[0])
    return _Element(text, source, node=value[0].for_,
                    error=None if value[0].for_ is not None else "no for= parameter")


def _judge(el: _Element, trusted: Networks) -> Hop:
    node = el.node

    def hop(verdict: Verdict, reason: str, address: str | None = None) -> Hop:
        return Hop(el.text, address, None if node is None else node.port, el.source, verdict,
                   reason, el.error_position)

    if node is None:
        if el.error == "no for= parameter":
            return hop(Verdict.STOPPED, "no for= parameter: this proxy did not say whom it "
                                        "received the request from")
        return hop(Verdict.STOPPED, f"malformed: {el.error}")
    if node.kind is NodeKind.UNKNOWN:
        return hop(Verdict.STOPPED, "unknown: the proxy did not know or would not say")
    if node.kind is NodeKind.OBFUSCATED:
        return hop(Verdict.STOPPED, f"obfuscated identifier {node.name}")
    ip = ip_address(node.name)
    net = trusted.match(ip)
    if net is not None:
        return hop(Verdict.TRUSTED, f"in {net}", str(ip))
    return hop(Verdict.CLIENT, "not in any trusted network", str(ip))


def _label(el: _Element) -> str:
    if el.node is None:
        return el.text if el.error != "no for= parameter" else "(no for=)"
    if el.node.kind in (NodeKind.IPV4, NodeKind.IPV6):
        return str(ip_address(el.node.name))
    return el.node.name


def _where(source: HopSource) -> str:
    return f"{source.field} element {(source.element or 0) + 1}"


def client_address(peer: str, fields: Iterable[tuple[str, str]], trusted: Networks) -> AddressWalk:
    """The client's address for a request from `peer` (the socket's peer address, or the
    PROXY protocol's source) with these `(name, value)` field lines."""
    lines: dict[str, list[str]] = {name: [] for name in _FIELDS}
    spelling = {name.lower(): name for name in _FIELDS}
    for name, value in fields:
        canonical = spelling.get(name.lower())
        if canonical is not None:
            lines[canonical].append(value)
    present = [name for name in _FIELDS if lines[name]]
    chosen = present[0] if present else None
    elements = _elements(chosen, lines[chosen], 0) if chosen else []
    diagnostics: list[str] = []

    peer_ip = as_address(peer)
    net = trusted.match(peer_ip) if peer_ip is not None else None
    peer_text = peer if peer_ip is None else str(peer_ip)
    if net is None:
        why = "not an IP address" if peer_ip is None else "not in any trusted network"
        hops = [Hop(peer, None if peer_ip is None else peer_text, None, PEER, Verdict.CLIENT,
                    why)]
        hops += [Hop(el.text, None, None, el.source, Verdict.IGNORED,
                     "not believed: the peer is not a trusted proxy") for el in reversed(elements)]
        if present:
            diagnostics.append(f"{' and '.join(present)} ignored: the peer {peer_text} is not "
                               "a trusted proxy, so what it says about the client is not "
                               "believed")
        return AddressWalk(peer_text, f"the peer is the client: it is {why}", PEER,
                           tuple(hops), None, tuple(diagnostics))

    if chosen == "X-Real-IP" and len(lines[chosen]) > 1:
        source = HopSource(chosen, 0, 0, 0)
        elements = [_Element(", ".join(lines[chosen]), source, error=f"X-Real-IP appears on "
                             f"{len(lines[chosen])} lines; it holds one address")]
    hops = [Hop(peer, peer_text, None, PEER, Verdict.TRUSTED, f"in {net}")]
    client, client_source = peer_text, PEER
    reason = (f"the peer is a trusted proxy and sent no {', '.join(_FIELDS)}: it is the "
              "furthest address known")
    for i in range(len(elements) - 1, -1, -1):
        hop = _judge(elements[i], trusted)
        hops.append(hop)
        if hop.verdict is Verdict.TRUSTED and hop.address is not None:
            client, client_source = hop.address, hop.source
            reason = "every hop is trusted: the leftmost is the furthest address known"
            continue
        if hop.verdict is Verdict.CLIENT and hop.address is not None:
            client, client_source = hop.address, hop.source
            reason = f"{_where(hop.source)} is the first address from the right not in a " \
                     "trusted network"
        else:
            reason = (f"the walk stopped at {_where(hop.source)} ({hop.reason}), so the "
                      f"nearest trusted address, {client}, is the furthest known")
        hops += [Hop(el.text, None, None, el.source, Verdict.IGNORED,
                     "left of where the walk ended: not believed")
                 for el in reversed(elements[:i])]
        break

    if chosen is not None:
        diagnostics += _disagreements(chosen, elements, lines, client)
    return AddressWalk(client, reason, client_source, tuple(hops), chosen, tuple(diagnostics))


def _disagreements(chosen: str, elements: list[_Element], lines: dict[str, list[str]],
                   client: str) -> list[str]:
    out: list[str] = []
    both = chosen == "Forwarded" and lines["X-Forwarded-For"]
    if not both and (chosen == "X-Real-IP" or not lines["X-Real-IP"]):
        return out
    labels = [_label(el) for el in elements]
    if both:
        xff = [_label(el) for el in _elements("X-Forwarded-For", lines["X-Forwarded-For"], 0)]
        if xff != labels:
            out.append(f"Forwarded and X-Forwarded-For disagree: Forwarded lists "
                       f"{', '.join(labels)}; X-Forwarded-For lists {', '.join(xff)}. "
                       "Forwarded is used")
    if chosen != "X-Real-IP" and lines["X-Real-IP"]:
        real = [_label(el) for el in _elements("X-Real-IP", lines["X-Real-IP"], 0)]
        if real[-1:] != labels[-1:] and real != [client]:
            out.append(f"X-Real-IP ({', '.join(real)}) is neither the last {chosen} hop nor "
                       f"the client found; {chosen} is used")
    return out
