"""Responses to bytes: owned fields, HEAD, bodiless statuses, refused CR/LF."""

from __future__ import annotations

import pytest

from headerscope.http import DateCache, Response, _writer, encode_response, error_response


def _encode(response: Response, **options: bool) -> bytes:
    settings = {"head_only": False, "close": False, **options}
    return encode_response(response, date=b"D", server=b"S", **settings)


def test_fields_the_server_owns() -> None:
    data = _encode(Response(200, [("Content-Length", "99"), ("X-A", "b"), ("date", "x")], b"hi"))
    assert data == (b"HTTP/1.1 200 OK\r\nDate: D\r\nServer: S\r\nX-A: b\r\n"
                    b"Content-Length: 2\r\n\r\nhi")


@pytest.mark.parametrize(
    ("options", "tail"),
    [
        ({"close": True}, b"Content-Length: 2\r\nConnection: close\r\n\r\nhi"),
        ({"keep_alive": True}, b"Content-Length: 2\r\nConnection: keep-alive\r\n\r\nhi"),
        ({"head_only": True}, b"Content-Length: 2\r\n\r\n"),
    ],
)
def test_options(options: dict[str, bool], tail: bytes) -> None:
    assert _encode(Response(200, [], b"hi"), **options).endswith(b"Server: S\r\n" + tail)


@pytest.mark.parametrize("status", [204, 304, 101])
def test_bodiless_statuses(status: int) -> None:
    data = _encode(Response(status, [], b"ignored"))
    assert b"Content-Length" not in data and data.endswith(b"\r\n\r\n")


@pytest.mark.parametrize("value", ["a\r\nSet-Cookie: x", "a\nb", "a\rb"])
@pytest.mark.parametrize("kind", [list, tuple])
def test_response_splitting_is_refused(value: str, kind: type) -> None:
    for _ in range(2):  # a refused tuple is not remembered as encoded
        with pytest.raises(ValueError, match="CR or LF"):
            _encode(Response(200, kind([("X", value)])))


def test_a_tuple_of_fields_is_encoded_as_a_list_is() -> None:
    fields = [("Content-Type", "text/plain"), ("Server", "mine"), ("X-A", "b")]
    expected = _encode(Response(200, fields, b"hi"))
    for _ in range(3):
        assert _encode(Response(200, tuple(fields), b"hi")) == expected


def test_encoded_tuples_are_bounded() -> None:
    for i in range(_writer._MAX_BLOCKS + 50):
        data = _encode(Response(200, (("X-N", str(i)),)))
        assert f"X-N: {i}\r\n".encode() in data
    assert len(_writer._BLOCKS) <= _writer._MAX_BLOCKS


def test_unknown_status_has_an_empty_phrase() -> None:
    assert _encode(Response(299)).startswith(b"HTTP/1.1 299 \r\n")
    with pytest.raises(ValueError, match="status"):
        _encode(Response(1000))


def test_error_response_is_inert_plain_text() -> None:
    response = error_response(431, "too many fields", (("Allow", "GET"),))
    headers = dict(response.headers)
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Allow"] == "GET"
    assert response.body == b"431 Request Header Fields Too Large: too many fields\n"


def test_date_is_an_imf_fixdate_made_once_per_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    now = [784111777.25]
    monkeypatch.setattr(time, "time", lambda: now[0])
    cache = DateCache()
    first = cache.get()
    assert first == b"Sun, 06 Nov 1994 08:49:37 GMT"  # the example of RFC 9110, 5.6.7
    now[0] = 784111777.75
    assert cache.get() is first
    now[0] = 784111778.0
    assert cache.get() == b"Sun, 06 Nov 1994 08:49:38 GMT"
