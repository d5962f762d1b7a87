"""Issue 13: the access log escapes what it writes (server/_log.py), so that a request cannot
forge the fields of its line, another line, or drive the terminal that tails the log; and it
holds no field value, so no value hidden by --redact."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.pages.app import PageOptions, make_app
from headerscope.server._log import log_text

from ._support import Start, exchange

_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8}))")


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(next(g for g in m.groups() if g), 16)), text)


@given(st.text())
def test_log_text_is_one_printable_ascii_field_that_can_be_read_back(text: str) -> None:
    logged = log_text(text)
    assert logged.isascii() and logged.isprintable() and '"' not in logged
    assert "\\" not in _ESCAPE.sub("", logged)  # every backslash starts an escape
    assert unescape(logged) == text


def test_log_text_escapes_as_nginx_does() -> None:
    assert log_text('/a"b\\c\x1b[2J\r\n\x9b\xe9\u202e\U000e0069') == (
        "/a\\x22b\\x5cc\\x1b[2J\\x0d\\x0a\\x9b\\xe9\\u202e\\U000e0069")
    plain = "/index.html?q=1&r=%22"
    assert log_text(plain) is plain


def test_a_forged_line_is_escaped_and_no_field_value_is_logged(
        start: Start, caplog: pytest.LogCaptureFixture) -> None:
    server = start(access_log=True, app=make_app(PageOptions(redact=frozenset({"cookie"}))))
    forged = b'/x"-"\\'  # the framer refuses a space in the target: quotes are what is left
    with caplog.at_level(logging.INFO, logger="headerscope.access"):
        exchange(server.port, b"GET " + forged + b" HTTP/1.1\r\nHost: a\r\n"
                 b"Cookie: sid=s3cret\r\nConnection: close\r\n\r\n")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "headerscope.access"]
    assert line.startswith('127.0.0.1 "GET /x\\x22-\\x22\\x5c HTTP/1.1" 200 ')
    assert line.count('"') == 2 and "s3cret" not in line
