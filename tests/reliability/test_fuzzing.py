"""Item 3, the bounded CI sample: mutation fuzzing of the framer (through to the real pages)
and of every registered field parser. benchmarks/stress runs the same engine on a million
inputs; tests/http/test_fuzz.py and tests/headers/test_registry.py hold the simpler
properties (arbitrary bytes, arbitrary text) that this one builds on.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headerscope.headers import REGISTRY
from headerscope.http import ConnectionInfo, Request, Response
from headerscope.pages.app import make_app
from tests.http._corpus import load_if_present

from ._fuzz import check_field, fuzz_field, fuzz_request, mutate, request_seeds

APP = make_app()
SEEDS = request_seeds([case.raw for case in load_if_present()])  # built-in seeds without it


@settings(max_examples=400)
@given(st.randoms(use_true_random=False))
def test_mutated_requests_give_requests_or_our_error_and_pages(rng: random.Random) -> None:
    fuzz_request(rng, SEEDS, APP)


@settings(max_examples=1500)
@given(st.randoms(use_true_random=False))
def test_mutated_field_values_give_values_or_field_errors(rng: random.Random) -> None:
    fuzz_field(rng)


def test_mutation_changes_its_input() -> None:
    rng = random.Random(3)
    data = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
    assert sum(mutate(rng, data, [b"x"]) != data for _ in range(50)) >= 40


def test_the_field_check_catches_a_parser_that_raises() -> None:
    spec = next(iter(REGISTRY))

    def broken(raw: str) -> object:
        raise IndexError("a parser bug")

    with pytest.raises(IndexError):
        check_field(replace(spec, parse=broken), "x")


def test_found_by_this_fuzzer_sec_websocket_key_non_ascii() -> None:
    # Sec-WebSocket-Key once let binascii's ValueError out on non-ASCII text of a valid
    # length (fixed in headers/_shared/auth.py decode_base64 while this suite was being written).
    spec = REGISTRY.get("Sec-WebSocket-Key")
    assert spec is not None
    check_field(spec, "dGhlIHNhbXBsZSBub25jZ\xe9==")


def test_the_request_check_catches_a_page_that_raises() -> None:
    def broken(request: Request, info: ConnectionInfo) -> Response:
        raise KeyError(request.target)

    with pytest.raises(KeyError):
        for seed in range(20):
            fuzz_request(random.Random(seed), SEEDS[:1], broken)
