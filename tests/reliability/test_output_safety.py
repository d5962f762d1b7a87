"""Item 9: no markup from the request reaches the HTML, JSON is valid and safe to embed, and
the security headers are present: on every view (html, json, text, raw) of the inspector and
of the /fields form (GET and POST), for hypothesis-generated hostile names, values, targets
and bodies, and for every request of the adversarial corpus. The requests go through the real
framer and make_app(); benchmarks/stress runs many more examples of the same property.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings

from headerscope.http import Request, Response
from headerscope.pages.app import make_app
from tests.http._corpus import load
from tests.http._support import read

from ._safety import (
    INFO,
    VIEWS,
    Hostile,
    check,
    hostile_requests,
    html_problems,
    json_problems,
    page_problems,
    with_query,
)

APP = make_app()
@settings(max_examples=150)
@given(hostile_requests())
def test_hostile_requests_are_inert_in_every_view(hostile: Hostile) -> None:
    assert check(APP, hostile) == []


def _as_view(request: Request, view: str) -> Request:
    # The request as framed, with the view forced (the head keeps its original bytes).
    return replace(request, target=with_query(request.target, f"format={view}"))


def test_every_corpus_request_is_inert_in_every_view() -> None:
    failures: dict[tuple[str, str], list[str]] = {}
    served = 0
    for case in load():
        for request in read(case.raw).requests:
            for view in VIEWS:
                forced = _as_view(request, view)
                response = APP(forced, INFO)
                problems = page_problems(response, view, expect_marker=False)
                body = response.body.decode("utf-8", "replace")
                if view in ("html", "json"):
                    problems += [f"reflects {s!r}" for s in case.must_not_reflect if s in body]
                if problems:
                    failures[(case.name, view)] = problems
                served += 1
    assert failures == {}
    assert served > 100


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"<!DOCTYPE html><html><body><hsx></hsx></body></html>", "element <hsx>"),
        (b"<html><body><p onclick=x>hsx</p></body></html>", "attribute onclick="),
        (b"<html><body><a href='javascript:x'>hsx</a></body></html>", "href="),
        (b"<html><body><!--hsx--></body></html>", "non-element node"),
        (b"<html><body><p>nothing</p></body></html>", "not shown at all"),
    ],
)
def test_the_html_judge_can_fail(body: bytes, fragment: str) -> None:
    assert any(fragment in p for p in html_problems(body, expect_marker=True))


def test_the_json_and_header_judges_can_fail() -> None:
    assert json_problems(b'{"a": "<b>"}') == ["raw '<' in JSON", "raw '>' in JSON"]
    assert json_problems(b"{") and json_problems(b'{"a": "&"}')
    bare = Response(200, [("Content-Type", "text/html; charset=utf-8")], b"<p>hsx</p>")
    assert len(page_problems(bare, "html", expect_marker=True)) >= 5
