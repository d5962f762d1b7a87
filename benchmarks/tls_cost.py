"""What TLS, and the ClientHello's fingerprints, cost per request: issue 15's target.

    .venv/bin/python benchmarks/tls_cost.py                 # 5 rounds, 5 s each, the inspector
    .venv/bin/python benchmarks/tls_cost.py --path /hello --protocols https,h2

Issue 15: "The inspector with TLS and fingerprints costs at most 10 % more CPU per request
than without (keep-alive: the hello is per connection)". Three servers side by side, each one
process on CPU 0, loaded from CPU 1 with the same request (Firefox's) over keep-alive
connections: plain HTTP/1.1; TLS with the ClientHello kept, decoded and fingerprinted (the
default); TLS with `--no-client-hello` (the same handshake and records, no hello kept, none
shown). Interleaved in every round, the order reversed every other round; medians of the
server's CPU time per request, and the ratios from this run. With --protocols https,h2 the
two TLS servers are measured over HTTP/2 as well (h2load).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from headerscope.bench.command import certificate  # noqa: E402
from headerscope.bench.measure import LoadSpec, interleaved, measure, progress  # noqa: E402
from headerscope.bench.profiles import PROFILES  # noqa: E402
from headerscope.bench.results import fmt_us, median  # noqa: E402
from headerscope.bench.target import Target, free_port, headerscope_command  # noqa: E402

TARGET = 1.10  # fingerprints ÷ no fingerprints, both over TLS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("-d", "--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--path", default="/", help="/ (the inspector) or /hello")
    parser.add_argument("--protocols", default="https",
                        help="TLS protocols to measure, comma-separated: https, h2")
    args = parser.parse_args(argv)
    tls_protocols = [p.strip() for p in args.protocols.split(",") if p.strip()]
    if not tls_protocols or any(p not in ("https", "h2") for p in tls_protocols):
        parser.error("--protocols: https and/or h2")
    with tempfile.TemporaryDirectory(prefix="headerscope-tls-cost-") as folder:
        tls = certificate(Path(folder))
        targets: dict[str, Target] = {}
        try:
            for name, extra in (("plain", []), ("tls, fingerprints", tls),
                                ("tls, --no-client-hello", [*tls, "--no-client-hello"])):
                port = free_port()
                targets[name] = Target(headerscope_command(port, extra=extra), "127.0.0.1",
                                       port, cpus="0")
            runs = [("plain", "http1")] + [(name, protocol) for protocol in tls_protocols
                                           for name in ("tls, fingerprints",
                                                        "tls, --no-client-hello")]
            cpu: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
            for round_, (name, protocol) in interleaved(runs, args.rounds):
                target = targets[name]
                spec = LoadSpec(PROFILES["firefox"], args.path, False, 10, args.duration,
                                args.warmup, "auto", "1", protocol)
                m = measure(f"{name} {protocol}", spec, "127.0.0.1", target.port, target.pid)
                if m.cpu_us is not None and m.load.errors == 0:
                    cpu[(name, protocol)].append(m.cpu_us)
                print(progress(round_, f"{name} over {protocol}", m), file=sys.stderr)
        finally:
            for target in targets.values():
                target.__exit__(None, None, None)
    medians = {run: median(values) for run, values in cpu.items()}
    print(f"| server | protocol | CPU µs/req (median of {args.rounds}) | min–max |")
    print("|---|---|---:|---:|")
    for (name, protocol), values in cpu.items():
        print(f"| {name} | {protocol} | {fmt_us(medians[(name, protocol)])} | "
              f"{fmt_us(min(values, default=None))}–{fmt_us(max(values, default=None))} |")
    print(f"\npath {args.path}; Firefox's request; keep-alive, 10 connections; "
          f"{args.duration:g} s per run")
    plain = medians[("plain", "http1")]
    for protocol in tls_protocols:
        with_ = medians[("tls, fingerprints", protocol)]
        without = medians[("tls, --no-client-hello", protocol)]
        if with_ and without:
            verdict = "met" if with_ / without <= TARGET else "MISSED"
            print(f"- {protocol}: fingerprints ÷ none {with_ / without:.2f} "
                  f"(target ≤ {TARGET:.2f}: {verdict})")
        if with_ and plain:
            print(f"- {protocol} with fingerprints ÷ plain http1: {with_ / plain:.2f} "
                  f"(context: TLS itself)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
