"""What every connection of one server shares: settings, the app, the Date cache, the roster."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..http import DateCache
from .config import ServerConfig

if TYPE_CHECKING:
    from ._connection import App, HTTPConnection


@dataclass(slots=True, eq=False)
class ServerState:
    config: ServerConfig
    app: App
    loop: asyncio.AbstractEventLoop
    max_connections: int  # the configured maximum, lowered to fit the file-descriptor limit
    dates: DateCache = field(default_factory=DateCache)
    connections: set[HTTPConnection] = field(default_factory=set)
    server_name: bytes = b""  # the Server field value, encoded once

    def __post_init__(self) -> None:
        self.server_name = self.config.server_name.encode("latin-1")

    @property
    def access_log(self) -> bool:
        return self.config.access_log
