"""Mutation fuzzing of the request framer and of every field parser (item 3).

One engine for both uses: the hypothesis tests draw a `random.Random` and run a bounded
sample; benchmarks/stress runs the same `fuzz_one` a million times and counts the inputs.

- a request input is a seed (valid requests, the adversarial corpus, smuggling variants)
  mutated with grammar pieces, then fed to the reader whole and split at random points:
  only requests or HTTPError may come out, and the split must not change which
  (`tests.http.test_fuzz._check`, reused);
- a field input is a registered field's example or a seed value mutated the same way: the
  spec's own parse may raise only FieldError, with a position inside the value, and
  REGISTRY.parse (with the field's lint) must never report an internal error.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from headerscope.headers import REGISTRY, FieldError, FieldSpec
from headerscope.http import Limits, Request, encode_response
from headerscope.server import App
from tests.http.test_fuzz import ALPHABET, LIMITS, SEEDS, _check

from ._safety import INFO
from ._smuggling import variants

SPECS: list[FieldSpec[Any]] = sorted(REGISTRY, key=lambda s: s.key)
REQUEST_PIECES: list[bytes] = [
    *ALPHABET, b"\r\n\r\n", b"Content-Length: 0\r\n", b"Content-Length: 99999999999999999999\r\n",
    b"Transfer-Encoding: gzip, chunked\r\n", b"Expect: 100-continue\r\n", b"0\r\n\r\n",
    b"ffffffffffffffffff\r\n", b";ext=\"q\\\"\"", b"HTTP/1.0", b"HTTP/1.1", b"HTTP/1.10", b"*",
    b"CONNECT", b"http://a/", b"a:80", b"\x80", b"\xc3\xa9", b"%00", b"Host: [::1]\r\n",
    b"Connection: close\r\n", b" \r\n", b"\r\n\t", b"\n\n",
]
FIELD_PIECES: list[str] = [
    '"', "\\", ";", ",", "=", "*", "'", "%", "<", ">", "(", ")", "/", ":", "?", "#", "[", "]",
    "{", "}", "@", "0", "1", "9" * 40, "-1", ".", "e", "q=", "q=0.", "q=1.0001", "max-age=",
    "W/", '""', "bytes=", "0-", "-0", "*/*", "utf-8''", "%zz", "GMT", "Sun, 06 Nov 1994",
    " ", "\t", "\x00", "\x7f", "\xff", "\xa0", "\u00e9", "?1", "?0", "@1", ":aGk=:", "(", "a=(",
    "b;c", "=?utf-8?", "  ", ",,,,", ";;", "==", "\\\"",
]
FIELD_SEEDS: list[str] = [
    "", "a", "1", "text/html;q=0.9, */*;q=0.1", 'attachment; filename="x.txt"',
    "max-age=60, no-cache=\"Set-Cookie\"", "Sun, 06 Nov 1994 08:49:37 GMT", 'W/"abc", "d"',
    "bytes=0-1,5-", '<http://a/>; rel="next"; title*=UTF-8\'en\'x', "a=1; b=(2 3);c",
    "for=192.0.2.1;proto=https, for=\"[2001:db8::1]:80\"", 'Basic realm="x", charset="UTF-8"',
]
_SMUGGLING_SEEDS = [v.data for v in variants()[::97]]


def mutate(rng: random.Random, data: bytes, pieces: list[bytes], rounds: int = 6) -> bytes:
    """Insert, replace, delete, duplicate or splice: 1 to `rounds` edits."""
    out = bytearray(data)
    for _ in range(rng.randint(1, rounds)):
        at = rng.randint(0, len(out))
        op = rng.random()
        if op < 0.35:
            out[at:at] = rng.choice(pieces)
        elif op < 0.55:
            piece = rng.choice(pieces)
            out[at:at + len(piece)] = piece
        elif op < 0.7:
            del out[at:at + rng.randint(1, 8)]
        elif op < 0.8 and out:  # duplicate a slice: repeated lines, nested structure
            end = min(len(out), at + rng.randint(1, 32))
            out[at:at] = out[at:end] * rng.randint(1, 4)
        elif op < 0.9:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif out:
            out[at:at + 1] = bytes((out[min(at, len(out) - 1)] ^ (1 << rng.randrange(8)),))
    return bytes(out)


def request_seeds(corpus: list[bytes]) -> list[bytes]:
    return [*SEEDS, *_SMUGGLING_SEEDS, *corpus]


def fuzz_request(rng: random.Random, seeds: list[bytes], app: App | None = None) -> None:
    """One framer input: a mutated seed (sometimes two pipelined), fed whole and split; with
    `app`, every request that comes out is also served in a random view."""
    data = rng.choice(seeds)
    if len(data) > 4096:
        data = data[:4096]
    if rng.random() < 0.2:
        data += rng.choice(seeds)[:2048]
    data = mutate(rng, data, REQUEST_PIECES)
    cuts = [rng.randint(0, len(data)) for _ in range(rng.randint(0, 8))]
    limits: Limits | None = LIMITS if rng.random() < 0.3 else None
    outcome = _check(data, cuts, limits)
    if app is not None:
        for request in outcome.requests:
            serve(app, request, rng.choice(("html", "json", "text", "raw")))


def serve(app: App, request: Request, view: str) -> None:
    """The page for `request`, encoded as the server would send it: nothing may raise."""
    joiner = "&" if "?" in request.target else "?"
    request = replace(request, target=f"{request.target}{joiner}format={view}")
    response = app(request, INFO)
    encode_response(response, date=b"x", server=b"y", head_only=False, close=False)


def fuzz_field(rng: random.Random) -> None:
    """One field input: a mutated example or seed value, parsed by one registered field."""
    spec = rng.choice(SPECS)
    seed = spec.example if rng.random() < 0.7 else rng.choice(FIELD_SEEDS)
    pieces = [p.encode("latin-1", "replace") for p in FIELD_PIECES]
    raw = mutate(rng, seed.encode("latin-1", "replace"), pieces, 4).decode("latin-1")
    check_field(spec, raw)


def check_field(spec: FieldSpec[Any], raw: str) -> None:
    stripped = raw.strip(" \t")
    try:
        spec.parse(stripped)
    except FieldError as error:
        assert error.position is None or 0 <= error.position <= len(stripped), (
            spec.name, raw, error.position)
    # Any other exception propagates: the failure the fuzzer looks for.
    parsed = REGISTRY.parse(spec.name, raw)
    reasons = [d.reason for d in (parsed.error, *parsed.warnings) if d is not None]
    assert not [r for r in reasons if r.startswith("internal")], (spec.name, raw, reasons)


def fuzz_one(rng: random.Random, seeds: list[bytes], app: App | None = None) -> str:
    """One input of either kind; returns which."""
    if rng.random() < 0.4:
        fuzz_request(rng, seeds, app)
        return "request"
    fuzz_field(rng)
    return "field"
