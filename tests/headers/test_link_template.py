from __future__ import annotations

import pytest

from headerscope.headers.link_template import LinkTemplate, template_error

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

NAME = "Link-Template"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9652's examples
        ('"/{username}"; rel="item"', (LinkTemplate("/{username}", {"rel": "item"}),)),
        ('"/books/{book_id}/author"; rel="author"; anchor="#{book_id}"',
         (LinkTemplate("/books/{book_id}/author", {"rel": "author", "anchor": "#{book_id}"}),)),
        ('"/widgets/{widget_id}"; rel="https://example.org/rel/widget"; '
         'var-base="https://example.org/vars/"',
         (LinkTemplate("/widgets/{widget_id}", {"rel": "https://example.org/rel/widget",
                                                "var-base": "https://example.org/vars/"}),)),
        ('"/search{?q,page}"; rel="search", "{+base}/x{#frag}"; rel="next"',
         (LinkTemplate("/search{?q,page}", {"rel": "search"}),
          LinkTemplate("{+base}/x{#frag}", {"rel": "next"}))),
    ],
)
def test_parses(raw: str, expected: tuple[LinkTemplate, ...]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('"/{username"; rel="item"', "'/{username' is not a URI Template: malformed "
         "expression at 1", 0),
        ('"/{=x}"; rel="item"', "the operator '=' at 2 is reserved for future extensions", 0),
        ('"/a b"; rel="item"', "' ' at 2 is not allowed in a URI Template", 0),
        ('"/%zz"; rel="item"', "'%' at 1 must start a percent-encoding", 0),
        ("/{username}", "expected an item", 0),
        ('"/x"; rel=item', 'rel must be a String, found the Token item', 6),
        ('"/x"; rel="a"; anchor="#{"', "anchor is not a URI Template", 15),
        ('"/x"; rel="a"; var-base="a b"', "var-base is not a URI reference", 15),
        ("x; rel=\"a\"", "each link template must be a String", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


def test_a_template_without_rel_is_warned() -> None:
    assert_warns(NAME, '"/a", "/{b}"; rel="x"', "without rel: its relation type is unknown", 0)


def test_relation_types_are_case_insensitive() -> None:
    assert LinkTemplate("/x", {"rel": "Next  Author"}).rel == ("next", "author")


@pytest.mark.parametrize("template", ["", "/", "{x}", "{x:3,y*}", "{.a.b}", "%41{a}%42",
                                      "http://example.com/{;x,y}{&z}"])
def test_valid_templates(template: str) -> None:
    assert template_error(template) is None


@pytest.mark.parametrize("template", ["{", "}", "{x:0}", "{x:10000}", "{-x}", "<", "{x,}",
                                      "{a b}", "^", "{|x}"])
def test_invalid_templates(template: str) -> None:
    assert template_error(template) is not None
