"""`headerscope bench`: load, server CPU time per request, latency, memory, phases, a report.

    headerscope bench                          # the inspector, Chromium-like request, wrk -c10
    headerscope bench --path /hello --mode close --request curl
    headerscope bench --phases --report bench.html

The `--phases` hooks live in `headerscope.phases` (stdlib only), which the server and the
pages import; everything here is imported only when a benchmark runs.
"""

from __future__ import annotations

import argparse

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .command import add_arguments as add

    add(parser)


def run(args: argparse.Namespace) -> int:
    from .command import run as run_bench

    return run_bench(args)
