"""The server's command-line options map onto ServerConfig and Limits."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util

import pytest

from headerscope.http import Limits
from headerscope.server import ServerConfig, _loops
from headerscope.server.options import add_arguments, config_from_args


def _parse(*argv: str) -> ServerConfig:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return config_from_args(parser.parse_args(argv))


def test_defaults_are_the_dataclass_defaults() -> None:
    assert _parse() == ServerConfig()


def test_every_option() -> None:
    config = _parse(
        "--host", "::1", "--port", "0", "--workers", "3", "--certfile", "c.pem", "--keyfile",
        "k.pem", "--client-ca", "ca.pem",
        "--backlog", "10", "--no-access-log", "--header-timeout", "1.5",
        "--body-timeout", "2", "--keepalive-timeout", "3", "--write-timeout", "4",
        "--shutdown-timeout", "5", "--max-connections", "6", "--max-requests", "7",
        "--max-request-line", "100", "--max-method", "8", "--max-field-section", "200",
        "--max-fields", "9", "--max-body", "0", "--max-chunk-ext", "10",
        "--max-input-memory", "11", "--max-output-memory", "12", "--loop", "uvloop",
    )
    assert config == ServerConfig(
        host="::1", port=0, workers=3, certfile="c.pem", keyfile="k.pem",
        client_ca="ca.pem", backlog=10,
        access_log=False, header_timeout=1.5, body_timeout=2.0, keepalive_timeout=3.0,
        write_timeout=4.0, shutdown_timeout=5.0, max_connections=6, max_requests=7,
        max_input_memory=11, max_output_memory=12, loop="uvloop",
        limits=Limits(max_request_line=100, max_method=8, max_field_section=200, max_fields=9,
                      max_body=0, max_chunk_ext=10),
    )
    assert config.tls


@pytest.mark.parametrize(
    "argv",
    [["--port", "70000"], ["--port", "x"], ["--workers", "0"], ["--header-timeout", "0"],
     ["--max-fields", "0"], ["--max-body", "-1"], ["--max-input-memory", "0"],
     ["--loop", "trio"]],
)
def test_bad_values_are_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        _parse(*argv)


def test_a_key_without_a_certificate_is_refused() -> None:
    with pytest.raises(ValueError, match="certificate"):
        _parse("--keyfile", "k.pem")


def test_an_unknown_loop_is_refused_and_a_missing_uvloop_falls_back_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ValueError, match="unknown event loop"):
        ServerConfig(loop="trio")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert _loops.loop_factory("uvloop") is asyncio.new_event_loop
    assert "uvloop is not installed" in caplog.text
