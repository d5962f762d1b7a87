"""What `headerscope serve` asks of the pages (make_app in app.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..captures.service import StoreConfig
    from ..proxy import Networks


@dataclass(frozen=True)
class PageOptions:
    strict: bool = False  # 400 on the first invalid known field
    redact: frozenset[str] = field(default_factory=frozenset)  # names to hide, in any case
    compare: bool = False  # serve --compare: the peers' readings (pages/compare_view.py)
    # serve --trusted-proxy: the networks whose Forwarded / X-Forwarded-For are believed.
    trusted_proxies: Networks | None = None
    store: StoreConfig | None = None  # serve keeps captures (--store...); None: none kept
    cache: bool = True  # the field cache (pages/fieldcache.py); serve --no-cache: False

    def __post_init__(self) -> None:
        # Field names are case-insensitive (RFC 9110, 5.1): every reader compares lower case.
        object.__setattr__(self, "redact", frozenset(n.lower() for n in self.redact))
