"""The field cache (pages/fieldcache.py): same pages with it as without, no credentials in it,
bounds that hold, rows drawn once, `--no-cache`, and the counts `headerscope bench` reads."""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headerscope.bench.alloc import serve_bytes
from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.headers import REGISTRY
from headerscope.http import Response
from headerscope.pages import fieldcache
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.fieldcache import CREDENTIALS, ROWS, FieldCache
from headerscope.strategies import invalid, valid

from .helpers import INFO, make_request

VIEWS = ("html", "json", "text", "raw")
NAMES = ["Host", "Accept", "User-Agent", "Accept-Language", "Accept-Encoding", "Sec-CH-UA",
         "Priority", "Date", "Pragma", "Cache-Control", "Content-Type", "Forwarded",
         "Link", "Signature-Input", "X-Custom", "x-custom", "ACCEPT"]
HOSTILE = "&<>\"'\t é\x85\x7f ,;=/abc"  # field values are bytes read as ISO-8859-1


def page(app: Any, pairs: list[tuple[str, str]], view: str) -> Response:
    response = app(make_request(pairs, target=f"/?format={view}"), INFO)
    assert isinstance(response, Response)
    return response


def cache_of(app: Any) -> FieldCache:
    cache = app.field_cache
    assert isinstance(cache, FieldCache)
    return cache


# -- the same pages, with the cache and without -------------------------------------------------

@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_profiles_give_the_same_bytes_with_and_without_the_cache(profile: str) -> None:
    cached, fresh = make_app(PageOptions(cache=True)), make_app(PageOptions(cache=False))
    one_cached, one_fresh = serve_bytes(cached), serve_bytes(fresh)
    for view in VIEWS:
        make = request_bytes(PROFILES[profile], "127.0.0.1:8080", f"/?format={view}",
                             close=False)
        for n in range(4):  # the second request fills the cache, the others hit it
            assert one_cached(make(n)) == one_fresh(make(n)), (profile, view, n)
    cache = cache_of(cached)
    assert cache.hits > 0  # or this test compared two uncached pages
    assert fresh.field_cache is None  # type: ignore[attr-defined]
    if profile != "varied":  # each line parsed twice: seen, then stored
        assert cache.stored == len(cache.entries) and cache.misses <= 2 * cache.stored


@st.composite
def requests(draw: st.DrawFn) -> list[tuple[str, str]]:
    out = []
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=8)):
        known = REGISTRY.get(name) is not None
        raw = draw(st.one_of(*([valid(name), invalid(name)] if known else []),
                             st.text(HOSTILE, max_size=12)))
        wire = "".join(c if ord(c) < 256 and c not in "\r\n" else "?" for c in raw)
        out.append((name, wire))
    return out


CACHED = make_app(PageOptions(cache=True))
FRESH = make_app(PageOptions(cache=False))


@settings(max_examples=60, deadline=None)
@given(requests(), st.sampled_from(VIEWS))
def test_drawn_requests_give_the_same_pages_with_and_without_the_cache(
        pairs: list[tuple[str, str]], view: str) -> None:
    expected = page(FRESH, pairs, view)
    assert page(CACHED, pairs, view) == expected  # fills the cache (and draws the rows)
    assert page(CACHED, pairs, view) == expected  # from the cache


def test_a_cached_row_is_the_row_drawn_without_it_whatever_its_kind() -> None:
    lines = [("Accept", "text/html"), ("User-Agent", 'Mozilla/5.0 ("quoted")'),
             ("Date", "Sun, 06 Nov 1994 08:49:37 GMX"), ("Pragma", "no-cache"),
             ("Host", "caf\xe9.test"), ("X-Custom", "<b>&amp;</b>"), ("Accept", "a/b")]
    app = make_app(PageOptions(cache=True))
    for pairs in ([line] for line in lines[:-1]):
        expected = page(FRESH, pairs, "html")
        for _ in range(4):  # seen; stored; its row drawn and kept; the row from the cache
            assert page(app, pairs, "html") == expected, pairs
    # A name that repeats in the request: its row has a badge, so the cached row is not used.
    assert page(app, lines[:1] + lines[-1:], "html") == page(FRESH, lines[:1] + lines[-1:],
                                                             "html")
    drawn = [e for e in cache_of(app).entries.values() if e.row is not None]
    assert len(drawn) >= 5  # rows of every kind were kept (error, deprecated, escaped, ...)


def test_a_hit_is_the_same_object_equal_to_a_fresh_parse() -> None:
    cache = FieldCache(REGISTRY)
    seen = cache.parse("Accept", "text/html;q=0.9, */*;q=0.8")
    assert len(cache) == 0  # a first sight is not stored: the line may never come again
    first = cache.parse("Accept", "text/html;q=0.9, */*;q=0.8")
    again = cache.parse("Accept", "text/html;q=0.9, */*;q=0.8")
    assert again is first and seen is not first  # no copy once stored
    assert again == REGISTRY.parse("Accept", "text/html;q=0.9, */*;q=0.8")
    assert (cache.hits, cache.misses, cache.stored) == (1, 2, 1)
    # The name as sent is part of the key: another spelling is another line.
    other = cache.parse("accept", "text/html;q=0.9, */*;q=0.8")
    assert other.wire_name == "accept" and first.wire_name == "Accept"


# -- credentials --------------------------------------------------------------------------------

def test_credentials_and_redacted_fields_never_enter_the_cache() -> None:
    app = make_app(PageOptions(cache=True, redact=frozenset({"X-Secret"})))
    pairs = [("Authorization", "Basic dXNlcjpwYXNz"), ("proxy-authorization", "Bearer abc"),
             ("Cookie", "session=s3cret"), ("X-Secret", "hunter2"), ("x-secret", "hunter3"),
             ("COOKIE", "a=b"), ("Accept", "text/html")]
    for view in VIEWS:
        page(app, pairs, view)
        page(app, pairs, view)
    cache = cache_of(app)
    names = {name.lower() for name, _ in cache.entries}
    assert names == {"accept"}
    assert not names & (CREDENTIALS | {"x-secret"})
    values = {raw for _, raw in cache.entries}
    assert not values & {"Basic dXNlcjpwYXNz", "Bearer abc", "session=s3cret", "hunter2"}
    held = [e.field for e in ROWS.values()]
    assert not any(f.name in CREDENTIALS or f.name == "x-secret" for f in held)
    assert cache.skipped == 6 * 2 * len(VIEWS)


def test_a_cache_made_for_other_redacted_names_is_not_used() -> None:
    from headerscope.pages.inspection import inspect_fields

    cache = FieldCache(REGISTRY)
    inspect_fields([("X-Secret", "hunter2")], frozenset({"x-secret"}), cache)
    assert len(cache) == 0 and cache.hits + cache.misses + cache.skipped == 0


# -- bounds ------------------------------------------------------------------------------------

def test_entries_bytes_and_long_values_are_bounded_oldest_first() -> None:
    cache = FieldCache(REGISTRY, max_entries=8, max_bytes=300, max_value=64)
    for i in range(100):
        for _ in range(2):  # seen, then stored
            cache.parse("Age", str(i))
            cache.parse("X-Filler", "x" * (i % 50))
        assert len(cache) <= 8
        assert cache.bytes <= 300
        assert cache.bytes == sum(e.size for e in cache.entries.values())
    keys = list(cache.entries)
    assert keys[-1] == ("Age", "99")  # the newest stay, the oldest went (FIFO)
    assert ("X-Filler", "x" * 49) in keys
    assert ("Age", "0") not in cache.entries
    cache.parse("X-Long", "y" * 65)
    cache.parse("X-Long", "y" * 65)
    assert ("X-Long", "y" * 65) not in cache.entries and cache.skipped == 2
    alive = {id(e.field) for e in cache.entries.values()}
    mine = [e for e in ROWS.values() if e in cache.entries.values()]
    assert {id(e.field) for e in mine} == alive  # evicted entries left the row index too


def test_a_line_seen_once_is_not_stored_and_the_doorkeeper_forgets_in_time() -> None:
    cache = FieldCache(REGISTRY, max_entries=4096)
    for i in range(5000):  # values that never come again: the varied benchmark's lines
        cache.parse("Age", str(i))
    # Only two keys in one bucket store a first sighting: about 5000^2 / 2^19 of them.
    assert cache.stored == len(cache) < 5000 // 20
    assert cache.misses == 5000 and cache.hits == 0
    cache.parse("Age", "7")  # the second sighting of a line stores it
    assert ("Age", "7") in cache.entries
    for i in range(fieldcache.DOOR_MARKS):  # the window of first sightings ends: all forgotten
        cache.parse("X-Window", str(i))
    assert sum(cache._door) < fieldcache.DOOR_MARKS // 2


def test_two_threads_share_a_cache_safely() -> None:
    cache = FieldCache(REGISTRY, max_entries=16, max_bytes=400)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(2000):
                f = cache.parse("Age", str((i * 7 + offset) % 40))
                assert f.value == (i * 7 + offset) % 40
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert len(cache) <= 16 and cache.bytes == sum(e.size for e in cache.entries.values())


# -- serve --no-cache --------------------------------------------------------------------------

def test_no_cache_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import headerscope.pages.app
    import headerscope.server
    from headerscope.cli import build_parser
    from headerscope.commands import run_serve

    made: list[PageOptions] = []
    real = headerscope.pages.app.make_app

    def spy(options: PageOptions) -> Any:
        made.append(options)
        return real(options)

    monkeypatch.setattr(headerscope.pages.app, "make_app", spy)
    monkeypatch.setattr(headerscope.server, "serve", lambda config, app: 0)
    for argv, on in ((["serve", "--no-store"], True), (["serve", "--no-store", "--no-cache"],
                                                       False)):
        assert run_serve(build_parser().parse_args(argv)) == 0
        assert made[-1].cache is on
    off = real(made[-1])
    assert off.field_cache is None  # type: ignore[attr-defined]
    before = len(ROWS)
    for _ in range(3):
        page(off, [("Accept", "text/html"), ("User-Agent", "curl/8")], "html")
    assert len(ROWS) == before


# -- the counts headerscope bench reads ------------------------------------------------------

def test_sigusr2_writes_the_counts_that_collect_stats_adds_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "cache.json")
    monkeypatch.setenv(fieldcache.STATS_ENV, path)
    previous = signal.getsignal(fieldcache.STATS_SIGNAL)
    try:
        assert fieldcache.install_stats_signal()
        app = make_app(PageOptions(cache=True))
        for _ in range(3):
            page(app, [("Accept", "text/html"), ("Cookie", "a=b")], "html")
        expected = fieldcache.process_stats()
        got = fieldcache.collect_stats(path, [os.getpid()])
        assert got == expected
        assert got is not None and got["hits"] >= 2 and got["skipped"] >= 3
        written = json.loads(Path(f"{path}.{os.getpid()}").read_text())
        assert written["pid"] == os.getpid()
    finally:
        signal.signal(fieldcache.STATS_SIGNAL, previous)
