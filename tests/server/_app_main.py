"""`python -m tests.server._app_main [server options]`: the test app behind `serve()`, for the
tests that need a real process (workers, signals). Each body ends with the worker's pid."""

from __future__ import annotations

import argparse
import os
import sys

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server import serve
from headerscope.server.options import add_arguments, config_from_args

from ._support import echo_app


def app(request: Request, info: ConnectionInfo) -> Response:
    response = echo_app(request, info)
    response.body += f"pid={os.getpid()}\n".encode()
    return response


def main() -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return serve(config_from_args(parser.parse_args()), app)


if __name__ == "__main__":
    sys.exit(main())
