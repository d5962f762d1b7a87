"""Multipart bodies (RFC 2046, 5.1; RFC 7578): cut into parts, shown in the HTML and text views."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.pages.app import make_app
from headerscope.pages.limits import MAX_MEMBERS
from headerscope.pages.multipart import Part, split_parts, valid_boundary

from .helpers import INFO, elements, html, make_request, text_of

APP = make_app()
B = "------------------------7db483e7b974007e"


def form(*parts: bytes, boundary: str = B, preamble: bytes = b"", epilogue: bytes = b"") -> bytes:
    d = b"--" + boundary.encode()
    return preamble + b"".join(d + b"\r\n" + p + b"\r\n" for p in parts) + d + b"--\r\n" + epilogue


CURL = form(b'Content-Disposition: form-data; name="name"\r\n\r\nvalue',
            b'Content-Disposition: form-data; name="file"; filename="a;b \\"c\\".txt"\r\n'
            b"Content-Type: text/plain\r\n\r\nline 1\r\nline 2\n")


def parts_of(body: bytes, boundary: str) -> list[Part] | None:
    """All the parts, or None."""
    split = split_parts(body, boundary, MAX_MEMBERS)
    assert split is None or split[1] == 0
    return split[0] if split is not None else None


def test_what_curl_F_sends() -> None:
    parts = parts_of(CURL, B)
    assert parts is not None and len(parts) == 2
    assert parts[0] == Part((("Content-Disposition", 'form-data; name="name"'),), b"value")
    assert parts[0].disposition == {"name": "name"}
    assert parts[1].disposition == {"name": "file", "filename": 'a;b "c".txt'}
    assert parts[1].header("content-type") == "text/plain"
    assert parts[1].content == b"line 1\r\nline 2\n"  # a CRLF inside the content is content


def test_filename_star_is_decoded_and_an_invalid_disposition_is_shown_as_sent() -> None:
    body = form(b"Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''%C3%A9.txt"
                b"\r\n\r\nx", b"Content-Disposition: form-data; name=\"a\r\n\r\ny",
                b"\r\nno disposition")
    parts = parts_of(body, B)
    assert parts is not None
    assert [p.disposition for p in parts] == [{"name": "f", "filename": "é.txt"}, None, {}]
    text = _posted(body, view="text").decode()
    assert "  part 1: name=f filename=é.txt (1 byte): x\n" in text
    assert '  part 2: name=Content-Disposition: form-data; name="a (1 byte): y\n' in text
    assert "  part 3: (14 bytes): no disposition\n" in text


def test_an_empty_part() -> None:
    assert parts_of(b"--b\r\n\r\n--b--", "b") == [Part((), b"")]
    assert parts_of(b"--b\r\n--b--", "b") is None  # the CRLF cannot serve both


def test_preamble_padding_epilogue_and_a_part_without_headers() -> None:
    body = (b"preamble\r\n--" + B.encode() + b" \t\r\n\r\nno headers\r\n--" + B.encode()
            + b"--\r\nepilogue")
    assert parts_of(body, B) == [Part((), b"no headers")]
    assert parts_of(form(boundary="x y", preamble=b"p\r\n"), "x y") == []


@pytest.mark.parametrize(("body", "boundary"), [
    (b"not multipart at all", B),
    (CURL[:-4], B),  # no close delimiter
    (form(b"Content-Disposition: form-data; name=a"), B),  # no empty line after the headers
    (form(b"no colon here\r\n\r\nx"), B),
    (form(b" Indented: x\r\n\r\nx"), B),
    (form(b"\r\nx").replace(b"--\r\n", b"junk\r\n", 1), B),  # junk after a delimiter
    (CURL, "a" * 71),  # boundaries are 1 to 70 characters
    (CURL, ""),
    (CURL, "ends with space "),
    (CURL, "bad<char"),
    (form(*[b"\r\nx"] * 5, b"no empty line"), B),  # a bad part after the first ones
], ids=repr)
def test_malformed_bodies_give_none(body: bytes, boundary: str) -> None:
    assert split_parts(body, boundary, 2) is None


def test_parts_after_the_limit_are_counted_not_kept() -> None:
    body = form(*[b"\r\n%d" % i for i in range(7)])
    assert split_parts(body, B, 3) == ([Part((), b"0"), Part((), b"1"), Part((), b"2")], 4)
    assert split_parts(body, B, 7) == ([Part((), b"%d" % i) for i in range(7)], 0)
    assert split_parts(body, B, 0) == ([], 7)


def test_boundary_grammar() -> None:
    assert valid_boundary("'()+_,-./:=? aZ09")
    assert not valid_boundary("é") and not valid_boundary("a\r\nb")


_BCHARS = st.sampled_from("0123456789abcXYZ'()+_,-./:=?")
_NAMES = st.text("abcé \"\\;=", max_size=8)


@given(st.lists(st.tuples(_NAMES, st.binary(max_size=40)), max_size=5),
       st.text(_BCHARS, min_size=1, max_size=70))
def test_parts_come_back_as_they_were_sent(parts: list[tuple[str, bytes]], boundary: str) -> None:
    delimiter = b"\r\n--" + boundary.encode()
    sent = [(name, content) for name, content in parts if delimiter not in b"\r\n" + content
            + b"\r\n" and not (content + b"\r\n").startswith(b"--" + boundary.encode())]
    quoted = ['"' + n.replace("\\", "\\\\").replace('"', '\\"') + '"' for n, _ in sent]
    body = form(*[b"Content-Disposition: form-data; name=" + q.encode("utf-8") + b"\r\n\r\n" + c
                  for q, (_, c) in zip(quoted, sent, strict=True)], boundary=boundary)
    found = parts_of(body, boundary)
    assert found is not None
    # header text is ISO-8859-1, as on the wire; the name was sent as UTF-8
    assert [((p.disposition or {})["name"].encode("latin-1").decode("utf-8"), p.content)
            for p in found] == sent


@given(st.binary(max_size=300), st.text(max_size=80))
def test_never_raises(body: bytes, boundary: str) -> None:
    split_parts(body, boundary, 2)
    split_parts(b"--" + boundary.encode("utf-8", "replace") + b"\r\n" + body, boundary, 2)


def _posted(body: bytes, boundary: str = B, view: str = "html") -> bytes:
    fields = [("Host", "h"), ("Content-Type", f"multipart/form-data; boundary={boundary}"),
              ("Content-Length", str(len(body)))]
    request = make_request(fields, method="POST", target=f"/?format={view}", body=body)
    return APP(request, INFO).body


def test_the_html_view_shows_each_part() -> None:
    hostile = form('Content-Disposition: form-data; name="<b>ü\0"'.encode() + b"\r\n\r\n<i>\0")
    doc = html(_posted(CURL))
    rows = elements(doc, "//section[@class='body']//tbody/tr")
    assert [text_of(r, "td[3]") for r in rows] == ["", 'a;b "c".txt']
    assert text_of(rows[1], "td[5]") == "15 bytes"
    assert text_of(rows[1], "td[6]") == "line 1\\x0d\\x0aline 2\\x0a"
    doc = html(_posted(hostile))
    (row,) = elements(doc, "//section[@class='body']//tbody/tr")
    # NUL makes the disposition invalid: it is shown as sent, made visible
    assert text_of(row, "td[2]") == 'Content-Disposition: form-data; name="<b>ü\\x00"'
    assert text_of(row, "td[6]") == "<i>\\x00"
    assert not elements(doc, "//section[@class='body']//b | //section[@class='body']//i")


def test_the_text_view_lists_each_part() -> None:
    text = _posted(CURL, view="text").decode()
    assert "  part 1: name=name (5 bytes): value\n" in text
    assert ('  part 2: name=file filename=a;b "c".txt type=text/plain (15 bytes): '
            "line 1\\x0d\\x0aline 2\\x0a\n") in text


def test_one_byte_is_one_byte() -> None:
    text = _posted(form(b'Content-Disposition: form-data; name="a"\r\n\r\nb'), view="text")
    assert "  part 1: name=a (1 byte): b\n" in text.decode()


def test_a_malformed_body_is_previewed_as_bytes() -> None:
    text = _posted(CURL[:-4], view="text").decode()
    assert "part 1" not in text and "Content-Disposition: form-data" in text
