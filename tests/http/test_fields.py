"""Field lines (RFC 9112, 5 and RFC 9110, 5.5): raw bytes kept, strict syntax."""

from __future__ import annotations

import pytest

from headerscope.http import FieldLine

from ._support import bytewise, error, one, read

START = b"GET / HTTP/1.1\r\nHost: a\r\n"


@pytest.mark.parametrize(
    ("line", "name", "value"),
    [
        (b"X-A: b", "X-A", "b"),
        (b"x-a:b", "x-a", "b"),  # case as sent, no space needed
        (b"X-Ows: \t v \t ", "X-Ows", "v"),  # OWS around the value is not part of it
        (b"X-Tab: a\tb", "X-Tab", "a\tb"),
        (b"X-Empty:", "X-Empty", ""),
        (b"X-Name: caf\xc3\xa9", "X-Name", "caf\xc3\xa9"),  # obs-text: one char per byte
        (b"X-Hi: \xff", "X-Hi", "\xff"),
        (b"X-'`!#$%&*+.^_|~: v", "X-'`!#$%&*+.^_|~", "v"),
        (b"X-Colons: a:b: c", "X-Colons", "a:b: c"),
    ],
)
def test_field_line(line: bytes, name: str, value: str) -> None:
    request = one(START + line + b"\r\n\r\n")
    assert request.fields[1] == FieldLine(name, value, line)


def test_order_case_and_duplicates_are_kept() -> None:
    request = one(START + b"B: 1\r\na: 2\r\nB: 3\r\n\r\n")
    assert [(f.name, f.value) for f in request.fields] == [
        ("Host", "a"), ("B", "1"), ("a", "2"), ("B", "3")
    ]


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        (b"Foo\t: bar", "whitespace before the colon"),
        (b"Foo : bar", "whitespace before the colon"),
        (b"X: first\r\n second", "obsolete line folding"),
        (b"X: first\r\n\tsecond", "obsolete line folding"),
        (b" \r\nX: y", "obsolete line folding"),
        (b"A space: foo", "invalid field name"),
        (b"foo\x00bar: x", "invalid field name"),
        (b'X"y: z', "invalid field name"),
        (b": no name", "invalid field name"),
        (b"NoColon", "without a colon"),
        (b"X: a\x00b", "invalid character in field value"),
        (b"X: a\x7fb", "invalid character in field value"),
        (b"X: a\x0bb", "invalid character in field value"),
        (b"X: a\x01b", "invalid character in field value"),
        (b"X: a\rb", "invalid character in field value"),  # bare CR
        (b"X: a\nb", "invalid character in field value"),  # bare LF
    ],
)
def test_rejects(lines: bytes, fragment: str) -> None:
    data = START + lines + b"\r\n\r\n"
    for chunks in ([data], bytewise(data)):
        failure = read(chunks).error
        assert failure is not None and failure.status == 400
        assert fragment in failure.reason


def test_whitespace_before_first_field_is_refused() -> None:
    assert error(b"GET / HTTP/1.1\r\n Host: a\r\n\r\n").reason == "obsolete line folding"


def test_error_reasons_reflect_nothing_of_the_request() -> None:
    marker = b"<script>alert(1)</script>"
    for data in (START + marker + b": x\r\n\r\n", b"GET /" + marker + b" HTTP/9.9\r\n\r\n",
                 START + b"Host: " + marker + b"\r\n\r\n"):
        failure = error(data)
        assert "<" not in failure.reason and "script" not in failure.reason
