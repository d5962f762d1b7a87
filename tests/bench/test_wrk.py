"""wrk: the Lua that sends our exact bytes, and (when wrk is installed) a short live run."""

from __future__ import annotations

import re

import pytest

from headerscope.bench.profiles import PROFILES, fill
from headerscope.bench.target import Target, free_port, headerscope_command
from headerscope.bench.wrk import lua_request, lua_string, run_wrk
from tests.conftest import require_tool


def _lua_unescape(literal: str) -> str:
    assert literal[0] == literal[-1] == '"'
    return re.sub(r"\\(\d{3})", lambda m: chr(int(m.group(1))), literal[1:-1])


@pytest.mark.parametrize("text", ['GET / HTTP/1.1\r\nX: "a\\b"\r\n\r\n', "é\x7f\t1", "\"9"])
def test_lua_strings_escape_every_unusual_byte_with_three_digits(text: str) -> None:
    literal = lua_string(text)
    assert _lua_unescape(literal) == text
    assert all(32 <= ord(c) < 127 for c in literal)


def test_a_varied_template_becomes_a_counter_in_lua() -> None:
    template = PROFILES["varied"].template("/", close=False).replace("{host}", "h")
    lua = lua_request(template)
    assert "n = n + 1" in lua and "string.format(\"%03d\", n % 1000)" in lua
    constant = lua_request("GET / HTTP/1.0\r\n\r\n")
    assert "n = n + 1" not in constant and fill("{n}", "h", 5) == "5"


def test_a_profile_of_several_requests_sends_them_in_turn_from_one_counter() -> None:
    templates = PROFILES["browser"].templates("/", close=False)
    lua = lua_request(templates)
    # Request n is entry n % 2 + 1 (Lua counts from 1); the counter starts at -2 because
    # wrk calls request() once to check it before the first request is sent.
    assert "local n = -2\n" in lua and "return requests[n % 2 + 1](n)" in lua
    entries = re.findall(r"function\(n\) return (\"[^\n]*\") end,", lua)
    assert [_lua_unescape(e) for e in entries] == list(templates)
    assert "local n = 8\n" in lua_request(templates, start=10)
    with pytest.raises(ValueError, match="no request template"):
        lua_request([])


@pytest.mark.parametrize(("profile", "close"), [("firefox", False), ("varied", False),
                                                 ("chromium", True)])
def test_wrk_loads_a_live_server_without_errors(profile: str, close: bool) -> None:
    require_tool("wrk")
    port = free_port()
    with Target(headerscope_command(port), "127.0.0.1", port):
        template = PROFILES[profile].template("/hello", close=close).replace(
            "{host}", f"127.0.0.1:{port}")
        result = run_wrk(f"http://127.0.0.1:{port}/hello", template, connections=2, seconds=1)
    assert result.requests > 0 and result.errors == 0
    assert result.generator.startswith("wrk")
    assert len(result.latencies) == 100
    assert result.p50 <= result.p99 <= result.max
