"""Issue 13, inert views: whatever the request holds (NUL, ESC, C1, bidi overrides, tags, lone
surrogates, in the name, the value, the target, the body or the /fields form), no page
answers 500; the text and raw views hold no control but LF, and the HTML and JSON views hold
no character that visible() escapes: each is shown as its escape. visible()'s set is held to
Unicode here, over every code point.

The requests are built without the framer (tests/pages/helpers.py), as WSGI and ASGI hosts
can hand them over, so that NUL and the other controls reach every position;
tests/reliability/test_output_safety.py sends framed requests through the same pages.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from urllib.parse import quote

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from headerscope.headers import REGISTRY
from headerscope.http import Response
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.document import dumps
from headerscope.pages.fields_page import MAX_FORM_FIELD
from headerscope.pages.visible import (
    INVISIBLE,
    column,
    inert_html,
    inert_text,
    json_escape,
    visible,
)
from headerscope.strategies import valid
from tests.reliability._safety import header_problems, html_problems

from .helpers import INFO, make_request

APP = make_app()
COMPARE = make_app(PageOptions(compare=True))  # serve --compare: the peers' readings too

# Default_Ignorable_Code_Point, DerivedCoreProperties.txt of Unicode 14.0 to 16.0 (the same
# ranges; checked against Perl's Unicode::UCD, prop_invlist("Default_Ignorable_Code_Point")).
DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# The bidi controls (UAX #9, 2): embeddings, overrides, isolates, marks.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
MUST = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))
IGNORABLE = frozenset(chr(c) for a, b in DEFAULT_IGNORABLE for c in range(a, b + 1))


def must_escape(ch: str) -> bool:
    """What the issue asks visible() to escape, from Unicode's own data."""
    category = unicodedata.category(ch)
    return (category in MUST or (category == "Zs" and ch != " ") or ch in BIDI
            or ch in IGNORABLE)


def test_the_set_is_unicodes_over_every_code_point() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    escaped = {m.start() for m in INVISIBLE.finditer(every)}
    must = {code for code in range(sys.maxunicode + 1) if must_escape(chr(code))}
    assert sorted(must - escaped) == []
    # Beyond that only code points unassigned in this Python's Unicode, which a later
    # version makes format characters (U+13439-1343F: Egyptian hieroglyph format controls).
    extra = [f"U+{c:04X}" for c in sorted(escaped - must) if unicodedata.category(chr(c)) != "Cn"]
    assert extra == []


@settings(max_examples=300)
@given(st.text(), st.integers(min_value=0, max_value=50))
def test_visible_escapes_each_character_alone_and_column_points_at_it(text: str,
                                                                       at: int) -> None:
    shown = visible(text)
    assert shown == "".join(visible(ch) for ch in text)  # so a caret can count columns
    assert not any(must_escape(ch) for ch in shown)
    at = min(at, len(text))
    assert column(text, at) == len(visible(text[:at]))
    if at < len(text):
        assert shown[column(text, at):].startswith(visible(text[at]))


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_printable_ascii_is_kept_as_it_is(text: str) -> None:
    assert visible(text) is text  # the fast path returns the very string


def test_the_characters_the_issue_names() -> None:
    assert visible("adm\U000e0069in") == "adm<U+E0069>in"  # tag characters
    assert visible("a\u2028b\u2029c") == "a<U+2028>b<U+2029>c"
    assert visible("x\ufe0f\u034f\u3164") == "x<U+FE0F><U+034F><U+3164>"
    assert visible("\x9b2J\x1b[2J") == "\\x9b2J\\x1b[2J"
    assert visible("a\u202eb\u2066c\ud800") == "a<U+202E>b<U+2066>c<U+D800>"
    assert visible("\u00a0\u3000") == "\\xa0<U+3000>"  # spaces that read as SPACE


# -- the guards ----------------------------------------------------------------------------


def terminal_unsafe(text: str) -> list[str]:
    """Characters a terminal could act on, or that hide or reorder text: none but LF may be
    in a text or raw view."""
    return sorted({f"U+{ord(c):04X}" for c in text if c != "\n" and must_escape(c)})


@given(st.text())
def test_the_guards_leave_nothing_but_lf(text: str) -> None:
    assert terminal_unsafe(inert_text(text)) == []
    assert terminal_unsafe(inert_html(text)) == []
    assert inert_text(text).count("\n") == text.count("\n")
    assert inert_html(text).count("<") == text.count("<")  # its escapes are no markup


def test_the_guards_change_nothing_that_is_already_inert() -> None:
    page = "<p>é · ×</p>\nline\n"
    assert inert_text(page) is page and inert_html(page) is page
    assert inert_html("<p>\u202e</p>") == "<p>&lt;U+202E&gt;</p>"
    assert inert_text("a\x1b[2J\rb\n") == "a\\x1b[2J\\x0db\n"


JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)


@given(JSON_DATA)
# Lone surrogates, as json.loads makes them of "\ud800"; a high one right before a low one
# is no lone surrogate to JSON, which reads the two escapes as one character.
@example(["\x7f\x85\u202e\U000e0069\ud800x\udc00<&>'"])
def test_json_keeps_the_value_and_is_inert(data: object) -> None:
    text = dumps(data)
    assert json.loads(text) == data
    assert terminal_unsafe(text) == []
    assert not set("<>&'") & set(text)
    assert json_escape("[\"\U000e0069\"]") == '["\\udb40\\udc69"]'  # a surrogate pair


# -- every page, every view, hostile input in every position --------------------------------

# The controls every hostile text starts from, then any characters (in ISO-8859-1 where the
# text becomes field bytes; anything in the target of a /fields form, which is UTF-8).
CONTROLS = ["\x00", "\x1b[2J", "\x1b]8;;http://x\x1b\\", "\x9b", "\x85", "\x7f", "\r", "\n",
            "\t", "\x08", "\xa0", "\xad"]
WIDE = ["\u202e", "\u2066", "\u200b", "\u2028", "\ufeff", "\U000e0069", "\ufe0f", "\ud800",
        "\u3164"]
LATIN1 = st.one_of(st.sampled_from([*CONTROLS, '"', "\\", "<", "&"]),
                   st.characters(max_codepoint=0xFF))
ANY = st.one_of(LATIN1, st.sampled_from(WIDE), st.characters())
NAMES = sorted(spec.name for spec in REGISTRY)


def texts(pieces: st.SearchStrategy[str], min_size: int = 0,
          max_size: int = 8) -> st.SearchStrategy[str]:
    """Text made of characters and escape sequences (which are longer than a character)."""
    return st.lists(pieces, min_size=min_size, max_size=max_size).map("".join)


def spliced(text: str, extra: str, at: int) -> str:
    at = at % (len(text) + 1)
    return text[:at] + extra + text[at:]


@st.composite
def hostile_value(draw: st.DrawFn, name: str, chars: st.SearchStrategy[str]) -> str:
    """A value the field's parser reads (or one it refuses) with hostile text spliced in at
    any position, so that it reaches the parsed value, the reasons and the carets."""
    base = draw(valid(name)) if REGISTRY.get(name) is not None and draw(st.booleans()) else ""
    wide = [] if chars is LATIN1 else WIDE
    extra = draw(st.sampled_from(CONTROLS + wide)) + draw(texts(chars, max_size=3))
    value = spliced(base, extra, draw(st.integers(min_value=0)))
    return value.encode("latin-1", "replace").decode("latin-1") if chars is LATIN1 else value


@st.composite
def hostile_fields(draw: st.DrawFn) -> list[tuple[str, str]]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        name = draw(st.one_of(st.sampled_from(NAMES), texts(LATIN1, min_size=1, max_size=6)))
        out.append((name, draw(hostile_value(name, LATIN1))))
    return out


def body_for(draw: st.DrawFn) -> tuple[list[tuple[str, str]], bytes]:
    text = draw(texts(ANY, max_size=10))
    kind = draw(st.sampled_from(["none", "bytes", "json", "form", "multipart", "typed"]))
    raw = text.encode("utf-8", "surrogatepass")
    if kind == "json":
        return [("Content-Type", "application/json")], json.dumps({text: [text]}).encode()
    if kind == "form":
        return ([("Content-Type", "application/x-www-form-urlencoded")],
                b"k=" + quote(raw).encode() + b"&" + quote(raw).encode() + b"=v")
    if kind == "multipart":
        part = (b'--B\r\nContent-Disposition: form-data; name="' + raw + b'"; filename="'
                + raw + b'"\r\nContent-Type: ' + raw + b"\r\n\r\n" + raw + b"\r\n--B--\r\n")
        return [("Content-Type", "multipart/form-data; boundary=B")], part
    if kind == "typed":  # a hostile media type, which the body's summary names
        return [("Content-Type", draw(hostile_value("Content-Type", LATIN1)))], raw or b"x"
    return [], raw if kind == "bytes" else b""


# The tags the --compare column adds to those of the inspector (the judge's allow-list).
COMPARE_TAGS = frozenset(("element <div> from the request", "element <strong> from the request"))


def check_response(response: Response, view: str, where: str) -> list[str]:
    problems = [f"{where}: status {response.status}"] if response.status >= 500 else []
    if response.status != 200:
        view = "text"  # an error is plain text, whatever was asked for
    problems += [f"{where}: {p}" for p in header_problems(response, view)]
    text = response.body.decode("utf-8")  # a lone surrogate would not even encode
    problems += [f"{where}: raw {c}" for c in terminal_unsafe(text)]
    if view == "html":
        problems += [f"{where}: {p}" for p in html_problems(response.body, expect_marker=False)
                     if p not in COMPARE_TAGS]
        shown = "".join(str(t) for t in lxml.html.document_fromstring(response.body).itertext())
        problems += [f"{where}: raw {c} once parsed" for c in terminal_unsafe(shown)]
    elif view == "json":
        json.loads(text)
    return problems


@st.composite
def hostile_requests(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str, str, bytes]:
    fields = draw(hostile_fields())
    extra, body = body_for(draw)
    method = draw(st.sampled_from(["GET", "POST", "G\x1bET", "\u202eGET"]))
    method = method.encode("latin-1", "replace").decode("latin-1")
    target = "/x" + draw(texts(LATIN1)).replace("?", "")  # not /hello
    return fields + extra, method, target, body


@pytest.mark.parametrize("app", [APP, COMPARE], ids=["inspector", "compare"])
@settings(max_examples=60)
@given(request=hostile_requests())
@example(request=([("X\x1b[2J", "a\x00\x9b\u00a0b"), ("Expires", "\x00")], "GET",
                  "/\x1b]8;;x", b""))
def test_the_inspector_is_inert_in_every_view(
        app: object, request: tuple[list[tuple[str, str]], str, str, bytes]) -> None:
    fields, method, target, body = request
    problems = []
    for view in ("html", "json", "text", "raw"):
        req = make_request(fields, method=method, target=f"{target}?format={view}", body=body,
                           trailers=fields[:1])
        assert callable(app)
        problems += check_response(app(req, INFO), view, f"{view} {target!r}")
    assert problems == []


@settings(max_examples=60)
@given(st.sampled_from(NAMES) | texts(ANY, min_size=1, max_size=6), st.data())
def test_the_fields_form_is_inert_in_every_view(name: str, data: st.DataObject) -> None:
    value = data.draw(hostile_value(name, ANY))
    form = (f"name={quote(name.encode('utf-8', 'surrogatepass'))}"
            f"&value={quote(value.encode('utf-8', 'surrogatepass'))}")
    problems = []
    for view in ("html", "json", "text", "raw"):
        got = APP(make_request([], target=f"/fields?{form}&format={view}"), INFO)
        problems += check_response(got, view, f"GET {view}")
        posted = make_request([("Content-Type", "application/x-www-form-urlencoded")],
                              method="POST", target=f"/fields?format={view}",
                              body=form.encode())
        problems += check_response(APP(posted, INFO), view, f"POST {view}")
    assert problems == []


def test_a_nul_in_the_body_type_is_shown_not_a_500() -> None:
    req = make_request([("Content-Type", "text/\x00")], body=b"x", target="/?format=html")
    response = APP(req, INFO)
    assert response.status == 200 and b"of text/\\x00" in response.body


def test_the_fields_name_no_longer_reaches_the_terminal() -> None:
    osc8 = quote("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\")
    body = APP(make_request([], target=f"/fields?name={osc8}&value=1"), INFO).body.decode()
    assert "\x1b" not in body
    assert body.startswith("\\x1b]8;;http://evil\\x1b\\click")


def test_a_nul_in_the_fields_form_is_shown_not_a_500() -> None:
    for view in ("html", "json", "text"):
        response = APP(make_request([], target=f"/fields?name=Accept&value=%00&format={view}"),
                       INFO)
        assert response.status == 200, view
        assert ("\\u0000" if view == "json" else "\\x00") in response.body.decode()


def test_c1_controls_of_obs_text_are_escaped_in_the_text_view() -> None:
    # 0x9B is CSI on terminals that read 8-bit controls: ESC [ without the ESC.
    req = make_request([("X-A", "a\x9b2Jb"), ("Content-Type", "text/\x9b2J")], body=b"x")
    body = APP(req, INFO).body.decode()
    assert "\x9b" not in body and "a\\x9b2Jb" in body


def test_basic_credentials_with_a_tag_character_do_not_read_as_admin() -> None:
    import base64

    token = base64.b64encode("adm\U000e0069in:pw".encode()).decode()
    req = make_request([("Authorization", f"Basic {token}")], target="/?format=text")
    assert "adm<U+E0069>in" in APP(req, INFO).body.decode()
    req.target = "/?format=html"
    assert "adm&lt;U+E0069&gt;in" in APP(req, INFO).body.decode()


# -- the /fields form takes a field line, not a body ----------------------------------------


def test_the_fields_form_takes_values_up_to_the_field_section_limit() -> None:
    fits = "a" * (MAX_FORM_FIELD - len("Age"))
    assert APP(make_request([], method="POST", target="/fields?format=json",
                            body=f"name=Age&value={fits}".encode()), INFO).status == 200
    for body in (f"name=Age&value={fits}a".encode(), b"name=Age&value=" + b"%41" * (1 << 18)):
        response = APP(make_request([], method="POST", target="/fields?format=html",
                                    body=body), INFO)
        assert response.status == 413
        assert dict(response.headers)["Content-Type"] == "text/plain; charset=utf-8"
        assert re.fullmatch(rb"413 Content Too Large: the [a-z ]+ longer than \d+ [a-z ,]+\n",
                            response.body), response.body


@settings(max_examples=20)
@given(st.integers(min_value=-3, max_value=3), st.booleans())
def test_the_fields_form_limit_is_the_field_section(offset: int, posted: bool) -> None:
    value = "1" * (MAX_FORM_FIELD - len("Age") + offset)
    form = f"name=Age&value={value}"
    request = (make_request([], method="POST", target="/fields?format=text", body=form.encode())
               if posted else make_request([], target=f"/fields?{form}&format=text"))
    assert APP(request, INFO).status == (200 if offset <= 0 else 413)
