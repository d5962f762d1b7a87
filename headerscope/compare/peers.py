"""The peers, in the order they are shown: field parsers, then request framers."""

from __future__ import annotations

import functools
import platform
from dataclasses import dataclass

from . import h11_peer, sf_peer, stdlib_head, stdlib_peer, werkzeug_peer
from ._model import Peer
from .framing import FramingPeer

FIELD_PEERS: tuple[Peer, ...] = (werkzeug_peer.PEER, sf_peer.PEER, stdlib_peer.PEER)
FRAMING_PEERS: tuple[FramingPeer, ...] = (h11_peer.PEER, stdlib_head.PEER)


@dataclass(frozen=True, slots=True)
class PeerStatus:
    name: str
    version: str  # "" when missing
    install: str  # what to pip install; "" for the standard library
    available: bool


def peer_status(*, framing: bool = True) -> tuple[PeerStatus, ...]:
    """Which peers are installed, for the heading of every comparison (`framing`: include
    the request framers, which a single field does not use)."""
    python = f"Python {platform.python_version()}"
    out: list[PeerStatus] = []
    for peer in FIELD_PEERS:
        ok = peer.adapters() is not None
        version = (_version(peer.install) if peer.install else python) if ok else ""
        out.append(PeerStatus(peer.name, version, peer.install, ok))
    for framer in FRAMING_PEERS if framing else ():
        ok = framer.load() is not None
        version = ""
        if ok:
            version = _version(framer.install) if framer.install else python
        out.append(PeerStatus(framer.name, version, framer.install, ok))
    return tuple(out)


@functools.cache  # asked on every request under serve --compare; versions do not change
def _version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""
