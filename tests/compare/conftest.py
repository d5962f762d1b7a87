"""`block`: make peers impossible to import for one test, as if they were not installed."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

PEER_MODULES = ("werkzeug", "http_sf", "h11")


@pytest.fixture
def block(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """`block("h11")` or `block()` for every optional peer: a None in sys.modules makes
    `import name` raise ImportError, which is what a missing package does."""

    def blocker(*names: str) -> None:
        for name in names or PEER_MODULES:
            monkeypatch.setitem(sys.modules, name, None)

    return blocker
