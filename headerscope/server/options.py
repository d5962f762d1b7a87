"""The server's command-line options: `add_arguments(parser)` and `config_from_args(ns)`.

Every option maps to one ServerConfig or Limits field and shows its default in --help.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..http import Limits
from ..proxy import Networks
from ._loops import LOOPS
from .config import ServerConfig

_DEFAULTS = ServerConfig()
_LIMITS = Limits()


def _at_least(low: float, kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value >= low:
            raise argparse.ArgumentTypeError(f"must be at least {low:g}")
        return value

    parse.__name__ = kind.__name__
    return parse


_COUNT = _at_least(1, int)
_SIZE = _at_least(0, int)
_SECONDS = _at_least(0.001, float)


def _port(text: str) -> int:
    port = _SIZE(text)
    if port > 65535:
        raise argparse.ArgumentTypeError("must be at most 65535")
    return int(port)


def _networks(text: str) -> str:
    try:
        Networks.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    listen = parser.add_argument_group("listening")
    listen.add_argument("--host", default=_DEFAULTS.host,
                        help="address to listen on, e.g. ::1 for IPv6 (default: %(default)s)")
    listen.add_argument("--port", type=_port, default=_DEFAULTS.port,
                        help="TCP port; 0 picks a free one (default: %(default)s)")
    listen.add_argument("--workers", type=_COUNT, default=_DEFAULTS.workers,
                        help="processes sharing the port (default: %(default)s)")
    listen.add_argument("--certfile", help="PEM certificate chain: serve HTTPS")
    listen.add_argument("--keyfile", help="PEM private key, if not in the certificate file")
    listen.add_argument("--client-ca", metavar="FILE",
                        help="PEM CA certificates: ask each TLS client for a certificate signed "
                             "by one of them, and show it (mTLS)")
    listen.add_argument("--backlog", type=_COUNT, default=_DEFAULTS.backlog,
                        help="listen queue length (default: %(default)s)")
    listen.add_argument("--no-access-log", dest="access_log", action="store_false",
                        help="do not log a line per request")
    listen.add_argument("--proxy-protocol-from", nargs="+", action="extend", default=[],
                        metavar="CIDR", type=_networks,
                        help="accept a PROXY protocol header (v1 or v2, as HAProxy sends) "
                             "from these networks, and refuse every other peer; e.g. "
                             "10.0.0.0/8 ::1 (off by default)")
    listen.add_argument("--http1-only", action="store_true",
                        help="serve HTTP/1.1 only: no h2 by ALPN, no h2c preface or upgrade")
    listen.add_argument("--no-client-hello", dest="client_hello", action="store_false",
                        help="with TLS: do not keep or decode the ClientHello (no JA3/JA4, "
                             "no decoded hello in the pages)")
    listen.add_argument("--loop", choices=LOOPS, default=_DEFAULTS.loop,
                        help="event loop: uvloop needs the extra, pip install "
                             "'headerscope[uvloop]' (default: %(default)s)")
    times = parser.add_argument_group("timeouts, in seconds")
    for name, what in (("header", "to receive a request head, from its first byte"),
                       ("body", "to receive a request body, after its head"),
                       ("keepalive", "an idle connection stays open"),
                       ("write", "a client may leave our output unread"),
                       ("shutdown", "requests in flight get after SIGTERM")):
        times.add_argument(f"--{name}-timeout", type=_SECONDS,
                           default=getattr(_DEFAULTS, f"{name}_timeout"),
                           help=f"time {what} (default: %(default)s)")
    limits = parser.add_argument_group("limits")
    limits.add_argument("--max-connections", type=_COUNT, default=_DEFAULTS.max_connections,
                        help="open connections per process; more get 503 (default: %(default)s)")
    limits.add_argument("--max-requests", type=_COUNT, default=_DEFAULTS.max_requests,
                        help="requests per connection (default: %(default)s)")
    for name, what in (("input", "request bytes buffered across all connections; a request "
                                 "that would pass it gets 503"),
                       ("output", "answers not yet read by their clients, across all "
                                  "connections; past it, large answers are replaced by 503")):
        limits.add_argument(f"--max-{name}-memory", type=_COUNT,
                            default=getattr(_DEFAULTS, f"max_{name}_memory"),
                            help=f"octets of {what} (default: %(default)s)")
    for name, what, kind in (
        ("request_line", "octets in the request line (414 above)", _COUNT),
        ("method", "octets in the method (501 above)", _COUNT),
        ("field_section", "octets of header or trailer lines (431 above)", _COUNT),
        ("fields", "header or trailer lines (431 above)", _COUNT),
        ("body", "octets of request content (413 above)", _SIZE),
        ("chunk_ext", "octets of chunk extensions on one chunk (400 above)", _COUNT),
    ):
        limits.add_argument(f"--max-{name.replace('_', '-')}", type=kind,
                            default=getattr(_LIMITS, f"max_{name}"),
                            help=f"{what} (default: %(default)s)")


def config_from_args(ns: argparse.Namespace) -> ServerConfig:
    """The ServerConfig for parsed arguments; raises ValueError for inconsistent ones."""
    limits = Limits(
        max_request_line=ns.max_request_line, max_method=ns.max_method,
        max_field_section=ns.max_field_section, max_fields=ns.max_fields,
        max_body=ns.max_body, max_chunk_ext=ns.max_chunk_ext,
    )
    return ServerConfig(
        host=ns.host, port=ns.port, workers=ns.workers, certfile=ns.certfile,
        keyfile=ns.keyfile, client_ca=ns.client_ca, limits=limits,
        header_timeout=ns.header_timeout,
        body_timeout=ns.body_timeout, keepalive_timeout=ns.keepalive_timeout,
        write_timeout=ns.write_timeout, shutdown_timeout=ns.shutdown_timeout,
        max_connections=ns.max_connections, max_requests=ns.max_requests,
        max_input_memory=ns.max_input_memory, max_output_memory=ns.max_output_memory,
        backlog=ns.backlog, access_log=ns.access_log, loop=ns.loop,
        proxy_protocol_from=tuple(ns.proxy_protocol_from), http1_only=ns.http1_only,
        client_hello=ns.client_hello,
    )
