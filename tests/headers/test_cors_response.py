from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.grammar import core
from headerscope.headers import REGISTRY, FieldError, FieldSpec
from headerscope.headers.cors_response import (
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
)
from headerscope.strategies import invalid, valid

from ._content_helpers import rejects, warned, warnings

# the CORS block of the nginx configuration everyone copies
NGINX_HEADERS = "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range"


def test_allow_credentials_is_exactly_true() -> None:
    assert ACCESS_CONTROL_ALLOW_CREDENTIALS.parse("true") is True
    assert ACCESS_CONTROL_ALLOW_CREDENTIALS.write(True) == "true"


@pytest.mark.parametrize(("raw", "fragment"), [
    ("True", "'True' is not 'true': the value is case-sensitive"),  # Fetch, 3.3.5's example
    ("TRUE", "case-sensitive"),
    ("false", "to refuse credentials, leave the field out"),
    ("1", "expected exactly 'true'"),
    ('"true"', "expected exactly 'true'"),
    ("true, true", "expected exactly 'true'"),  # two lines combined
    ("", "expected exactly 'true'"),
])
def test_allow_credentials_rejects(raw: str, fragment: str) -> None:
    rejects(ACCESS_CONTROL_ALLOW_CREDENTIALS, raw, fragment, 0)


@pytest.mark.parametrize(("raw", "expected"), [
    (NGINX_HEADERS, ("dnt", "user-agent", "x-requested-with", "if-modified-since",
                     "cache-control", "content-type", "range")),
    ("*", ("*",)),  # a wildcard for requests without credentials
    ("Authorization, *", ("authorization", "*")),
    ("", ()),
])
def test_allow_headers(raw: str, expected: tuple[str, ...]) -> None:
    assert ACCESS_CONTROL_ALLOW_HEADERS.parse(raw) == expected
    assert ACCESS_CONTROL_EXPOSE_HEADERS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Content Type", "found 'T'", 8),
    ("X-Token;", "found ';'", 7),
    ('"x-token"', "expected a token", 0),
])
def test_header_lists_reject(raw: str, fragment: str, position: int) -> None:
    rejects(ACCESS_CONTROL_ALLOW_HEADERS, raw, fragment, position)
    rejects(ACCESS_CONTROL_EXPOSE_HEADERS, raw, fragment, position)


def test_expose_headers_warns_about_set_cookie() -> None:
    assert warnings(ACCESS_CONTROL_EXPOSE_HEADERS, "Content-Length,Content-Range") == []
    warned(ACCESS_CONTROL_EXPOSE_HEADERS, "X-Request-Id, Set-Cookie",
           "set-cookie is a forbidden response-header name", 14)


def test_allow_methods_keep_their_case_and_warn_about_it() -> None:
    raw = "GET, post, OPTIONS, PROPFIND"
    assert ACCESS_CONTROL_ALLOW_METHODS.parse(raw) == ("GET", "post", "OPTIONS", "PROPFIND")
    assert warnings(ACCESS_CONTROL_ALLOW_METHODS, raw) == [
        ("methods are case-sensitive: 'post' is not 'POST'", 5)]
    assert warnings(ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,PUT,DELETE,PATCH,OPTIONS,*") == []
    rejects(ACCESS_CONTROL_ALLOW_METHODS, "GET POST", "found 'P'", 4)


@pytest.mark.parametrize(("raw", "expected", "warning"), [
    ("600", 600, None),
    ("7200", 7200, None),
    ("86400", 86400, "Chromium at 7200 seconds (2 hours), Firefox keeps it"),
    ("1728000", 1728000, "Firefox at 86400 (24 hours)"),  # nginx's snippet: 20 days
    ("0", 0, None),
])
def test_max_age(raw: str, expected: int, warning: str | None) -> None:
    parsed = REGISTRY.parse("Access-Control-Max-Age", raw)
    assert parsed.value == expected
    if warning is None:
        assert parsed.warnings == ()
    else:
        (found,) = parsed.warnings
        assert warning in found.reason
        assert found.position == 0


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("-1", "expected a number of seconds, found '-'", 0),
    ("1.5", "unexpected '.'", 1),
    ("600, 600", "unexpected ','", 3),
    ("", "expected a number of seconds", 0),
])
def test_max_age_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCESS_CONTROL_MAX_AGE, raw, fragment, position)


def _outcome(spec: FieldSpec[Any], raw: str, fast: bool) -> tuple[str, Any]:
    core.FAST_PATHS = fast
    try:
        return "value", spec.parse(raw)
    except FieldError as exc:
        return "error", (exc.reason, exc.position)
    finally:
        core.FAST_PATHS = True


@pytest.mark.parametrize("spec", [ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
                                  ACCESS_CONTROL_EXPOSE_HEADERS], ids=lambda s: s.name)
@given(data=st.data())
def test_fast_and_slow_paths_agree(spec: FieldSpec[Any], data: st.DataObject) -> None:
    raw = data.draw(valid(spec.name) | invalid(spec.name) | st.text("\t ,;=\"*-aB(", max_size=30))
    raw = raw.strip(" \t")
    assert _outcome(spec, raw, True) == _outcome(spec, raw, False), raw
