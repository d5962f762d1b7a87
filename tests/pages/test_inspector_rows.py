"""The inspector's rows written as markup directly must be the rows sxml writes from the tree.

`fields_table` writes a common row (parsed, no warning, nothing to escape) as markup without
building its nodes. The reference is `field_row`, rendered by sxml: for every section, the
HTML (or the error) must be the same either way, and the rows browsers send must take the
shortcut, or it would be dead code.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.bench.profiles import PROFILES, fill
from headerscope.headers import REGISTRY, FieldSection
from headerscope.http import RequestReader
from headerscope.pages.inspection import inspect_fields
from headerscope.pages.inspector import _rows, field_row
from headerscope.strategies import invalid, valid
from headerscope.sxml import Raw, render

NAMES = ["Host", "Accept", "User-Agent", "Accept-Language", "Sec-CH-UA", "Priority", "Age",
         "Date", "Cookie", "Pragma", "X-Custom", "x-lower"]
HOSTILE = "&<>\"'\0\t é\u202e\ud800 ,;=/abc"


def counts_of(section: FieldSection) -> Counter[str]:
    return Counter(f.name for f in section)


def outcome(node: Any) -> str:
    """The HTML, or the error without its place: a row written as markup is not an element,
    so the `tr[n]` that locates an error in a later row may count differently."""
    try:
        return render(("tbody", node))
    except (TypeError, ValueError) as error:
        return f"{type(error).__name__}: {str(error).rsplit(' (at ', 1)[0]}"


def both(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    section = inspect_fields(pairs)
    counts = counts_of(section)
    return (outcome(_rows(section, counts)),
            outcome([field_row(f, counts) for f in section]))


@st.composite
def pairs(draw: st.DrawFn) -> list[tuple[str, str]]:
    out = []
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=6)):
        known = REGISTRY.get(name) is not None
        raw = draw(st.one_of(
            *([valid(name), invalid(name)] if known else []),
            st.text(HOSTILE, max_size=12),
            *([st.tuples(valid(name), st.text(HOSTILE, max_size=3)).map("".join)]
              if known else []),
        ))
        out.append((name, raw))
    return out


@given(pairs())
def test_markup_rows_match_the_tree(section: list[tuple[str, str]]) -> None:
    fast, reference = both(section)
    assert fast == reference


EDGES = [
    [("Accept", "text/html")],
    [("User-Agent", 'Mozilla/5.0 ("quoted")')],  # a quote to escape: the tree takes it
    [("X-Custom", "<b>&amp;</b>'")],
    [("Accept-Language", "en&de")],
    [("Host", "a"), ("Host", "b")],  # repeated singleton: warnings on both
    [("Accept", "a/b"), ("Accept", "c/d")],  # repeated list field: a badge
    [("Pragma", "no-cache")],  # deprecated
    [("Date", "Sun, 06 Nov 1994 08:49:37 GMX")],  # an error with a caret
    [("Accept", "text/html"), ("Date", "bad"), ("Accept-Language", "en")],  # runs split
    [("Sec-CH-UA-Platform", '"Linux"')],
    [("Host", "caf\xe9.test")],  # not ASCII
    [("X-Custom", "a\0b")],
    [("Accept", "a/b"), ("X-Custom", "\ud800")],  # refused by sxml: a lone surrogate
]


@pytest.mark.parametrize("section", EDGES, ids=repr)
def test_markup_rows_match_the_tree_at_the_edges(section: list[tuple[str, str]]) -> None:
    fast, reference = both(section)
    assert fast == reference


@pytest.mark.parametrize("profile", ["firefox", "curl", "host"])
def test_browser_rows_take_the_shortcut(profile: str) -> None:
    reader = RequestReader()
    head = PROFILES[profile].template("/", close=False)
    reader.feed(fill(head, "127.0.0.1:8080", 1).encode("latin-1"))
    request = reader.next_event()
    section = inspect_fields([(f.name, f.value) for f in request.fields])  # type: ignore[union-attr]
    rows = _rows(section, counts_of(section))
    assert len(rows) == 1 and type(rows[0]) is Raw
