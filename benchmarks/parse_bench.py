"""Field parsing: headerscope's registry against werkzeug's parse functions.

Two workloads, over the fields werkzeug has a parse function for:

- realistic browser requests (Chromium's and Firefox's field sets for a page load): every
  field werkzeug covers is parsed by both, per field and per request;
- per-field corpora: values as Chromium, Firefox, curl and common servers send them.

Contenders are interleaved: each round times headerscope, then werkzeug, on the same values
(the order alternates between rounds), so machine noise hits both alike; times are the CPU
time of the process, so that time spent descheduled on a shared machine is not counted. The
report gives the median time per call of each and the ratio werkzeug / headerscope (above 1
means headerscope is faster). "ours" is the field's `FieldSpec.parse`, the counterpart of a
werkzeug parse function; the line "ours via REGISTRY.parse" adds what the server does on top
of it (stripping, lint warnings, building the ParsedField). Target: at least 2x in total over
the requests' fields.

    .venv/bin/python benchmarks/parse_bench.py [--rounds 21] [--target-ms 4]

To add a field: one line in WERKZEUG (and, optionally, its values in CORPORA).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from werkzeug import http as wz
from werkzeug.datastructures import (
    CharsetAccept,
    LanguageAccept,
    MIMEAccept,
    RequestCacheControl,
)
from werkzeug.sansio.utils import get_content_length

from headerscope.bench.profiles import PROFILES, fill
from headerscope.headers import REGISTRY

Parse = Callable[[str], Any]

# One line per field: the lower-case field name -> werkzeug's parser for its raw value.
WERKZEUG: dict[str, Parse] = {
    "accept": lambda v: wz.parse_accept_header(v, MIMEAccept),
    "accept-charset": lambda v: wz.parse_accept_header(v, CharsetAccept),
    "accept-encoding": wz.parse_accept_header,
    "accept-language": lambda v: wz.parse_accept_header(v, LanguageAccept),
    "age": wz.parse_age,
    "allow": wz.parse_set_header,
    "cache-control": lambda v: wz.parse_cache_control_header(v, cls=RequestCacheControl),
    "content-disposition": wz.parse_options_header,
    "content-language": wz.parse_set_header,
    "content-length": lambda v: get_content_length(http_content_length=v),
    "content-range": wz.parse_content_range_header,
    "content-type": wz.parse_options_header,
    "date": wz.parse_date,
    "etag": wz.unquote_etag,
    "expires": wz.parse_date,
    "if-match": wz.parse_etags,
    "if-modified-since": wz.parse_date,
    "if-none-match": wz.parse_etags,
    "if-range": wz.parse_if_range_header,
    "if-unmodified-since": wz.parse_date,
    "last-modified": wz.parse_date,
    "pragma": wz.parse_set_header,
    "range": wz.parse_range_header,
    "vary": wz.parse_set_header,
}

def revisit(profile: str, validators: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A benchmark profile's page load, revisited with a cached copy (hence the validators)."""
    page = [(n, fill(v, "localhost:8080", 1)) for n, v in PROFILES[profile].fields]
    return page + validators


CHROMIUM = revisit("chromium", [
    ("Cache-Control", "max-age=0"),
    ("If-None-Match", 'W/"5e1-18f2a3c4b5d"'),
    ("If-Modified-Since", "Tue, 14 May 2024 09:12:44 GMT"),
])
FIREFOX = revisit("firefox", [
    ("If-Modified-Since", "Tue, 14 May 2024 09:12:44 GMT"),
    ("If-None-Match", '"33a64df551425fcc55e4d42a148795d9f25f89d4"'),
    ("Pragma", "no-cache"),
    ("Cache-Control", "no-cache"),
])
REQUESTS = {"Chromium": CHROMIUM, "Firefox": FIREFOX}

# Per-field corpora: what browsers, curl and common servers (nginx, Apache, CDNs) send.
CORPORA: dict[str, list[str]] = {
    "accept": [
        dict(CHROMIUM)["Accept"], dict(FIREFOX)["Accept"],
        "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
        "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5",
        "text/css,*/*;q=0.1", "*/*", "application/json, text/plain, */*",
    ],
    "accept-charset": ["utf-8, iso-8859-1;q=0.5", "ISO-8859-1,utf-8;q=0.7,*;q=0.7"],
    "accept-encoding": ["gzip, deflate, br, zstd", "gzip, deflate, br", "gzip, deflate",
                        "identity", "br;q=1.0, gzip;q=0.8, *;q=0.1"],
    "accept-language": ["en-US,en;q=0.9", "en-US,en;q=0.5", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7",
                        "fr", "zh-CN,zh;q=0.9"],
    "age": ["0", "3600"],
    "allow": ["GET, HEAD, OPTIONS", "GET, POST, PUT, DELETE, PATCH"],
    "cache-control": ["max-age=0", "no-cache", "no-cache, no-store, must-revalidate",
                      "public, max-age=31536000, immutable", "private, max-age=0",
                      "max-age=604800, stale-while-revalidate=86400"],
    "content-disposition": [
        'attachment; filename="report.pdf"', "inline", 'form-data; name="file"; filename="a.png"',
        "attachment; filename=\"EURO rates.txt\"; filename*=UTF-8''%e2%82%ac%20rates.txt",
    ],
    "content-language": ["en-US", "de-DE, en"],
    "content-length": ["0", "348", "1048576"],
    "content-range": ["bytes 0-1023/146515", "bytes */47022", "bytes 21010-47021/47022",
                      "bytes 0-99/*"],
    "content-type": ["text/html; charset=utf-8", "application/json",
                     "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
                     "application/x-www-form-urlencoded", 'text/plain; charset="UTF-8"'],
    "date": ["Tue, 26 Nov 2024 10:49:32 GMT"],
    "etag": ['"33a64df551425fcc55e4d42a148795d9f25f89d4"', 'W/"5e1-18f2a3c4b5d"',
             '"686897696a7c876b7e"'],
    "expires": ["Thu, 01 Dec 1994 16:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT"],
    "if-match": ['"xyzzy"', '"xyzzy", "r2d2xxxx"', "*"],
    "if-modified-since": ["Tue, 14 May 2024 09:12:44 GMT", "Wed, 21 Oct 2015 07:28:00 GMT"],
    "if-none-match": ['W/"5e1-18f2a3c4b5d"', '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
                      '"xyzzy", "r2d2xxxx", "c3piozzzz"', "*"],
    "if-range": ['"33a64df551425fcc55e4d42a148795d9f25f89d4"', "Wed, 21 Oct 2015 07:28:00 GMT"],
    "last-modified": ["Tue, 14 May 2024 09:12:44 GMT"],
    "pragma": ["no-cache"],
    "range": ["bytes=0-", "bytes=0-1023", "bytes=500-999", "bytes=-500", "bytes=0-99,200-,-50"],
    "vary": ["Accept-Encoding", "Origin", "Accept-Encoding, Origin", "Cookie, Accept-Language"],
}


@dataclass
class Case:
    """One measured workload: the same (field, value) calls made by each contender."""

    label: str
    ours: list[tuple[Parse, str]]
    theirs: list[tuple[Parse, str]]
    per: int = 1  # calls per reported unit: 1 for "per call", len(fields) for "per request"
    inner: int = 1
    mine: list[float] | None = None
    other: list[float] | None = None


def ours_for(name: str) -> Parse:
    spec = REGISTRY.get(name)
    if spec is None:
        raise SystemExit(f"{name!r} is not registered")
    return spec.parse


def registry_parse(name: str) -> Parse:
    return lambda value: REGISTRY.parse(name, value)


def field_case(label: str, name: str, values: Sequence[str]) -> Case:
    for value in values:  # every benchmark value must be valid for us, or the race is unfair
        parsed = REGISTRY.parse(name, value)
        if parsed.error is not None:
            raise SystemExit(f"{name}: {value!r} does not parse: {parsed.error.reason}")
    return Case(label, [(ours_for(name), v) for v in values],
                [(WERKZEUG[name], v) for v in values])


def request_case(label: str, fields: list[tuple[str, str]], *, registry: bool = False) -> Case:
    covered = [(n.lower(), v) for n, v in fields if n.lower() in WERKZEUG]
    mine = [(registry_parse(n) if registry else ours_for(n), v) for n, v in covered]
    return Case(label, mine, [(WERKZEUG[n], v) for n, v in covered], per=len(covered))


def run(calls: list[tuple[Parse, str]], inner: int) -> float:
    # CPU time of this process: on a shared machine, time spent descheduled is not ours
    start = time.process_time_ns()
    for _ in range(inner):
        for fn, value in calls:
            fn(value)
    return (time.process_time_ns() - start) / inner / 1000  # µs per pass over `calls`


def measure(cases: list[Case], rounds: int, target_ms: float) -> None:
    for case in cases:  # calibrate: each timing lasts about target_ms for the slower side
        once = max(run(case.ours, 50), run(case.theirs, 50))
        case.inner = max(1, int(target_ms * 1000 / once))
        case.mine, case.other = [], []
    for r in range(rounds):
        for case in cases:
            assert case.mine is not None and case.other is not None
            if r % 2:
                case.other.append(run(case.theirs, case.inner))
                case.mine.append(run(case.ours, case.inner))
            else:
                case.mine.append(run(case.ours, case.inner))
                case.other.append(run(case.theirs, case.inner))


def medians(case: Case) -> tuple[float, float]:
    assert case.mine and case.other
    scale = len(case.ours) / case.per  # µs per pass -> µs per call (or per request)
    return statistics.median(case.mine) / scale, statistics.median(case.other) / scale


def table(title: str, cases: list[Case], unit: str) -> None:
    print(f"\n{title}")
    print(f"  {'':34} {'ours ' + unit:>14} {'werkzeug':>10} {'werkzeug/ours':>14}")
    for case in cases:
        m, o = medians(case)
        print(f"  {case.label:34} {m:14.2f} {o:10.2f} {o / m:13.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--target-ms", type=float, default=4.0,
                        help="length of one timing, per contender (default 4 ms)")
    args = parser.parse_args(argv)

    corpus = [field_case(name, name, values) for name, values in sorted(CORPORA.items())]
    per_field: dict[str, list[Case]] = {}
    totals: list[Case] = []
    for browser, fields in REQUESTS.items():
        per_field[browser] = [field_case(n.lower(), n.lower(), [v]) for n, v in fields
                              if n.lower() in WERKZEUG]
        totals.append(request_case(f"{browser}: all {len(per_field[browser])} fields", fields))
        totals.append(request_case(f"{browser}: ours via REGISTRY.parse", fields,
                                   registry=True))
    both = request_case("both requests", CHROMIUM + FIREFOX)
    everything = [*corpus, *[c for cs in per_field.values() for c in cs], *totals, both]
    measure(everything, args.rounds, args.target_ms)

    print(f"werkzeug {importlib.metadata.version('werkzeug')} parse functions vs headerscope, "
          f"{args.rounds} interleaved rounds, median µs")
    table("Per-field corpora (µs per call)", corpus, "µs")
    for browser, fields in REQUESTS.items():
        table(f"{browser} request: the {len(per_field[browser])} of {len(fields)} fields "
              "werkzeug parses (µs per call)", per_field[browser], "µs")
    table("Whole requests (µs per request, those fields only)", totals, "µs")
    m, o = medians(both)
    print(f"\nTotal over both requests: werkzeug/ours = {o / m:.2f}x (target >= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
