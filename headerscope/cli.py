"""headerscope: an HTTP debug server and header inspector.

Command-line parsing only: each subcommand calls into the modules that do the work.
Exit status: 0 success, 1 a field did not parse (or `parse -`: the server would refuse the
request), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="headerscope", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"headerscope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="parse one field value, or every field of a captured request",
                       description="headerscope parse NAME VALUE | headerscope parse - | FILE")
    p.add_argument("source", metavar="NAME|-|FILE",
                   help="a field name (then VALUE), '-' for standard input, or a file")
    p.add_argument("value", nargs="?", help="the field value, when the first argument is a name")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--compare", action="store_true",
                   help="also show how the installed peers (werkzeug, http-sf, h11, the "
                        "standard library) read the same bytes, and where they differ")

    f = sub.add_parser("fields", help="list the registry of known fields")
    f.add_argument("--json", action="store_true", help="print JSON instead of text")

    t = sub.add_parser("tls-hello", help="decode a TLS ClientHello and its JA3 and JA4 "
                       "fingerprints", description="headerscope tls-hello FILE | -")
    t.add_argument("source", metavar="FILE|-",
                   help="the hello as TLS records, a handshake message, or hex text (plain, or "
                        "a hex dump with offsets); '-' for standard input")
    t.add_argument("--json", action="store_true", help="print JSON instead of text")

    s = sub.add_parser("serve", help="run the inspector server")
    from .server.options import add_arguments

    add_arguments(s)
    s.add_argument("--strict", action="store_true",
                   help="answer 400 on the first invalid known field (as Guile's server does)")
    s.add_argument("--trusted-proxy", nargs="+", action="extend", default=[], metavar="CIDR",
                   help="believe Forwarded / X-Forwarded-For / X-Real-IP from these networks: "
                        "the client address is walked from the right through them, each hop "
                        "shown with its verdict (also 'loopback', 'uniquelocal', 'linklocal')")
    s.add_argument("--redact", action="append", default=[], metavar="NAME",
                   help="hide the values of this field (repeatable), e.g. Authorization")
    s.add_argument("--no-cache", action="store_true",
                   help="parse every field line afresh: no field cache (it keeps parsed lines "
                        "and their rows, never credentials or --redact fields)")
    s.add_argument("--compare", action="store_true",
                   help="add a column with the peers' readings of each field, and their "
                        "framing of the request (slower; needs the compare extra)")
    s.add_argument("--store", metavar="FILE",
                   help="keep captured requests in this SQLite file, across restarts and "
                        "shared by --workers (default: the last ones in memory)")
    s.add_argument("--store-max-requests", type=int, default=1000, metavar="N",
                   help="keep at most N captures, dropping the oldest (default 1000)")
    s.add_argument("--store-max-bytes", type=int, default=64 << 20, metavar="N",
                   help="keep at most N octets of heads and content, dropping the oldest "
                        "(default 64 MiB)")
    s.add_argument("--no-store", action="store_true",
                   help="capture nothing: no /captures pages")
    s.add_argument("--profile", metavar="FILE",
                   help="write a cProfile profile of the server to FILE at exit "
                        "(with --workers, each worker writes FILE.PID)")

    tl = sub.add_parser("tail", help="print captured requests as they arrive at a server",
                        description="headerscope tail [URL]: follow a server's /captures/live "
                                    "event stream; Ctrl+C stops")
    tl.add_argument("url", nargs="?", default="http://127.0.0.1:8080",
                    help="the server (default http://127.0.0.1:8080)")
    tl.add_argument("--json", action="store_true", help="one JSON object per line")
    tl.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="stop after this long (default: until Ctrl+C)")

    b = sub.add_parser("bench", help="load the server; CPU time, latency and memory per request")
    from .bench import add_arguments as add_bench_arguments

    add_bench_arguments(b)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help/--version
        return int(exc.code or 0)
    if args.command == "parse":
        from .commands import run_parse

        return run_parse(args.source, args.value, as_json=args.json, compare=args.compare)
    if args.command == "fields":
        from .commands import run_fields

        return run_fields(as_json=args.json)
    if args.command == "tls-hello":
        from .tls.command import run_tls_hello

        return run_tls_hello(args.source, as_json=args.json)
    if args.command == "serve":
        from .commands import run_serve

        return run_serve(args)
    if args.command == "tail":
        from .commands import run_tail

        return run_tail(args)
    if args.command == "bench":
        from .bench import run as run_bench

        return run_bench(args)
    parser.print_help(sys.stderr)
    return 2
