"""Build requests for page tests without a socket."""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml.html import HtmlElement

from headerscope.http import ConnectionInfo, FieldLine, Request


def make_request(fields: list[tuple[str, str]], *, method: str = "GET", target: str = "/",
                 body: bytes = b"", trailers: list[tuple[str, str]] | None = None) -> Request:
    lines = [FieldLine(n, v, f"{n}: {v}".encode("latin-1")) for n, v in fields]
    head = (f"{method} {target} HTTP/1.1\r\n".encode("latin-1")
            + b"".join(line.raw + b"\r\n" for line in lines) + b"\r\n")
    tlines = [FieldLine(n, v, f"{n}: {v}".encode("latin-1")) for n, v in trailers or []]
    return Request(method, target, "HTTP/1.1", head, lines, body=body, trailers=tlines)


INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 3, False)


def elements(node: Any, path: str) -> list[HtmlElement]:
    """XPath that selects elements, typed for mypy (lxml's stubs return a wide union)."""
    found = node.xpath(path)
    assert isinstance(found, list)
    return [e for e in found if isinstance(e, HtmlElement)]


def text_of(node: Any, path: str = ".") -> str:
    return str(node.xpath(f"string({path})"))


def html(body: bytes) -> HtmlElement:
    return lxml.html.fromstring(body)
