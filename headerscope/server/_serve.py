"""`serve(config, app)`: run until SIGINT or SIGTERM, in one process or as supervised workers.

Apart from _run.py (one process) and _workers.py (the supervisor, whose workers each run
_run.py's loop), so that neither of those imports the other's caller.
"""

from __future__ import annotations

import logging
import sys

from ..http import App
from ._run import run_one
from ._server import raise_fd_limit
from ._workers import supervise
from .config import ServerConfig


def serve(config: ServerConfig, app: App) -> int:
    """Serve until SIGINT or SIGTERM; return the process exit status."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    raise_fd_limit()
    if config.workers > 1:
        return supervise(config, app)
    return run_one(config, app)
