"""Fast paths against the reference grammar: the same ParsedField either way.

Common spellings are read by shortcuts: a spec's `fast` (one fullmatch straight to the
value), the per-member fast paths of `parse_list`. The parsers with `FAST_PATHS` off are the
reference. For every field that has a shortcut, on valid, invalid and mutated values, the
registry's answer (value, error and its position, warnings) must not depend on the switch;
and the values browsers really send must take the shortcut, or it would be dead code.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.bench.profiles import PROFILES, fill
from headerscope.grammar import core
from headerscope.headers import REGISTRY, FieldSpec, ParsedField
from headerscope.headers._shared.spec import SLOW
from headerscope.strategies import invalid, valid

# The characters that steer the grammars with fast paths: separators, quotes, digits, the
# letters of their keywords, a non-ASCII letter and a control.
STEERING = "\t ,;=\"'*/:?()[]\\-._0123456789qQuvWwiItrailersgzipnoe\xe9\x7f"
FAST_SPECS = [spec for spec in REGISTRY if spec.fast is not None]
# Browser fields read without a shortcut, and why: their parser is as quick already.
NO_SHORTCUT = {"Upgrade-Insecure-Requests": "one comparison",
               "User-Agent": "parse reads it one regex match per product or comment"}


def answer(spec: FieldSpec[Any], raw: str, *, fast: bool) -> ParsedField:
    core.FAST_PATHS = fast
    try:
        return REGISTRY.parse(spec.name, raw)
    finally:
        core.FAST_PATHS = True


def test_the_browser_fields_have_fast_paths() -> None:
    assert {s.name for s in FAST_SPECS} >= {
        "Host", "Accept", "Accept-Encoding", "Accept-Language", "Connection",
        "TE", "Priority", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site",
        "Sec-Fetch-User", "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Cookie",
        "If-None-Match", "Cache-Control"}


@pytest.mark.parametrize("spec", FAST_SPECS, ids=lambda s: s.name)
@given(data=st.data())
def test_fast_paths_agree_with_the_reference(spec: FieldSpec[Any], data: st.DataObject) -> None:
    good = valid(spec.name)
    raw = data.draw(st.one_of(
        good, invalid(spec.name), st.text(STEERING, max_size=30),
        good.map(str.swapcase), good.map(str.upper),  # the paths must fold case alike
        st.tuples(good, st.text(STEERING, max_size=4)).map("".join),
        st.tuples(st.text(STEERING, max_size=3), good).map("".join),
        st.tuples(good, st.sampled_from([",", ", ", ";", " ;", ",,", "; "]), good).map("".join),
    ))
    assert answer(spec, raw, fast=True) == answer(spec, raw, fast=False), raw


# Spellings at the edge of each shortcut's expression, where a slip would show.
EDGES = [
    ("Host", "a:65535"), ("Host", "a:65536"), ("Host", "a:99999"), ("Host", "a:000080"),
    ("Host", "a:"), ("Host", "Example.COM"), ("Host", "1.2.3.4"), ("Host", "01.2.3.4"),
    ("Host", "1.2.3.256"), ("Host", "1.2.3.4.5"), ("Host", "[::1]:80"), ("Host", "a%41b"),
    ("Host", "http://a"), ("Accept", "*/html"), ("Accept", "a/b;x=1;X=2"), ("Accept", "a/b, c/d"),
    ("Accept", "A/B;q=0.5;ext=1"), ("Accept", "a/b;Q=1.000"), ("Accept", "a/b;q=1.001"),
    ("Accept", "a/b;charset=UTF-8"), ("Accept-Encoding", "GZIP;Q=0"),
    ("Accept-Language", "EN-us;q=0.123"), ("Accept-Language", "abcdefghi"),
    ("Connection", "Close, Keep-Alive"), ("TE", "chunked"), ("TE", "Trailers;q=0.5"),
    ("Priority", "u=8"), ("Priority", "u=07"), ("Priority", "i, u=1"), ("Priority", "u=1,\ti"),
    ("Priority", "i=?0"), ("Sec-Fetch-Dest", "Document"), ("Sec-Fetch-Dest", "x-new"),
    ("Sec-Fetch-User", "?0"), ("Sec-Fetch-User", "?1;x"), ("Sec-CH-UA-Platform", '"Li\\nux"'),
    ("Sec-CH-UA", '"A";v="1";v="2"'), ("Sec-CH-UA", '"A";v=1'), ("Sec-CH-UA", '"A"'),
    ("Cookie", "a=1;b=2"), ("Cookie", 'a="1"; b=2'), ("If-None-Match", 'w/"x"'),
    ("If-Match", 'W/"x", "y"'), ("Cache-Control", "max-age=x"), ("Cache-Control", "MAX-AGE=5"),
    ("Cache-Control", "max-age=99999999999"), ("Cache-Control", 'private="a, b"'),
    ("Cache-Control", "no-store=1"), ("Cache-Control", "max-age=1, max-age=2"),
]


@pytest.mark.parametrize(("name", "raw"), EDGES)
def test_fast_paths_agree_at_their_edges(name: str, raw: str) -> None:
    spec = REGISTRY.get(name)
    assert spec is not None and spec.fast is not None
    assert answer(spec, raw, fast=True) == answer(spec, raw, fast=False)


def _browser_values() -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for profile in PROFILES.values():
        if not profile.as_sent:  # varied's made-up values ("document;n=1") take the exact path
            continue
        for name, value in profile.fields:
            seen[(name, fill(value, "127.0.0.1:8080", 4711))] = None
    return list(seen)


@pytest.mark.parametrize(("name", "raw"), _browser_values())
def test_what_browsers_send_takes_the_fast_path(name: str, raw: str) -> None:
    spec = REGISTRY.get(name)
    assert spec is not None
    if spec.fast is None:
        assert name in NO_SHORTCUT
        return
    value = spec.fast(raw)
    assert value is not SLOW
    reference = answer(spec, raw, fast=False)
    assert reference.error is None and reference.warnings == ()
    assert value == reference.value
