"""Issue 13: `serve --compare` is no trivial DoS. A peer whose time grows faster than the value
(SimpleCookie, email's _parseparam, werkzeug's parse_cookie and MIMEAccept) is given values
up to its `limit` only; a longer one is "not run", and the page says why.

Each capped adapter is timed here on its worst inputs at its limit (the super-linear one, and
the heaviest linear one found beside it), and its worst input is shown to be super-linear,
which is why it has a limit at all. The limits were chosen from the same measurements: the
worst case is about 2 ms on the machine they were measured on; BUDGET leaves room for a
slower one.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headerscope.compare import FIELD_PEERS, Verdict, compare_field
from headerscope.compare._model import Adapter
from headerscope.compare.render import field_lines
from headerscope.pages.app import PageOptions, make_app

from ..pages.helpers import INFO, elements, html, make_request, text_of

BUDGET = 0.010  # seconds for one reading at the limit: "a few ms", with room for slow CI
Worst = Callable[[int], str]  # the length -> a value of at most that length
# (peer, field) -> its worst inputs; the first is the super-linear one.
WORST: dict[tuple[str, str], tuple[Worst, ...]] = {
    ("stdlib", "cookie"): (lambda n: "=" * (n - 1) + '"', lambda n: "a=b;" * (n // 4)),
    ("stdlib", "set-cookie"): (lambda n: "=" * (n - 1) + '"', lambda n: "a=b;" * (n // 4)),
    ("stdlib", "content-type"): (lambda n: '"' + ";" * (n - 1), lambda n: ";" * (n - 1) + '"'),
    ("werkzeug", "cookie"): (lambda n: "a=" + "\t" * (n - 3) + '"',
                             lambda n: "a=b; expires=" + " " * (n - 14) + '"'),
    ("werkzeug", "accept"): (lambda n: "a" + "\t" * (n - 3) + "=1",
                             lambda n: "a\t" + "a," * ((n - 2) // 2)),
}


def capped() -> list[tuple[str, str, Adapter]]:
    out = []
    for peer in FIELD_PEERS:
        for name, adapter in (peer.adapters() or {}).items():
            if adapter.limit is not None:
                out.append((peer.name, name, adapter))
    return out


CAPPED = capped()
IDS = [f"{peer}-{name}" for peer, name, _ in CAPPED]


def fastest(adapter: Adapter, raw: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.suppress(Exception):  # a refusal is a reading too: only time counts
            adapter.read(raw)
        best = min(best, time.perf_counter() - start)
    return best


def test_every_capped_adapter_has_its_worst_inputs_here() -> None:
    assert sorted((peer, name) for peer, name, _ in CAPPED) == sorted(WORST)


@pytest.mark.parametrize(("peer", "name", "adapter"), CAPPED, ids=IDS)
def test_the_worst_input_at_the_limit_takes_a_few_ms(peer: str, name: str,
                                                      adapter: Adapter) -> None:
    assert adapter.limit is not None
    for worst in WORST[(peer, name)]:
        raw = worst(adapter.limit)
        assert adapter.limit - 4 <= len(raw) <= adapter.limit
        assert fastest(adapter, raw) < BUDGET, raw[:20]


@pytest.mark.parametrize(("peer", "name", "adapter"), CAPPED, ids=IDS)
def test_the_capped_peer_is_super_linear(peer: str, name: str, adapter: Adapter) -> None:
    """Why it has a limit: 8 times the length takes far more than 8 times as long (64 times
    for a quadratic peer). If a new version of the peer passes this, its limit can go."""
    assert adapter.limit is not None
    worst = WORST[(peer, name)][0]
    small = fastest(adapter, worst(adapter.limit))
    large = fastest(adapter, worst(8 * adapter.limit), runs=3)
    assert large / small > 20


@pytest.mark.parametrize(("peer", "name", "adapter"), CAPPED, ids=IDS)
def test_a_longer_value_is_not_run_and_says_why(peer: str, name: str, adapter: Adapter) -> None:
    assert adapter.limit is not None
    worst = WORST[(peer, name)][0]
    at_limit = {r.peer: r for r in compare_field(name, worst(adapter.limit)).readings}
    assert at_limit[peer].verdict is not Verdict.NOT_RUN
    start = time.perf_counter()
    c = compare_field(name, worst(16384))  # a whole field section: seconds, uncapped
    assert time.perf_counter() - start < 0.5
    reading = {r.peer: r for r in c.readings}[peer]
    assert reading.verdict is Verdict.NOT_RUN
    assert reading.note == (f"value longer than {adapter.limit} characters (this peer is "
                            "super-linear)")
    assert any(line.strip() == reading.note for line in field_lines(c))


def test_the_peers_column_says_not_run() -> None:
    app = make_app(PageOptions(compare=True))
    request = make_request([("Host", "a"), ("Cookie", "=" * 4000 + '"')], target="/?format=html")
    doc = html(app(request, INFO).body)
    (row,) = [r for r in elements(doc, "//table[@class='fields']/tbody/tr")
              if text_of(r, "td[1]") == "Cookie"]
    cell = text_of(row, "td[5]")
    assert ("- stdlib: not run: value longer than 256 characters (this peer is super-linear)"
            in cell)
    assert "- werkzeug: not run: value longer than 256 characters" in cell


@settings(max_examples=50)
@given(st.sampled_from(CAPPED), st.integers(min_value=-20, max_value=20),
       st.text(st.sampled_from(' \t;,="\\/aZ09'), min_size=1, max_size=8))
def test_the_limit_is_where_the_peer_stops_being_run(capped: tuple[str, str, Adapter],
                                                     offset: int, unit: str) -> None:
    peer, name, adapter = capped
    assert adapter.limit is not None
    length = adapter.limit + offset
    raw = (unit * length)[:length]
    verdicts = {r.peer: r.verdict for r in compare_field(name, raw).readings}
    assert (verdicts[peer] is Verdict.NOT_RUN) == (len(raw.strip(" \t")) > adapter.limit)
