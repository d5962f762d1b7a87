from __future__ import annotations

import pytest

from headerscope.headers.ua_brands import Brand

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

CHROME_130 = (Brand("Chromium", "130"), Brand("Google Chrome", "130"),
              Brand("Not?A_Brand", "99"))


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Sec-CH-UA", '"Chromium";v="130", "Google Chrome";v="130", "Not?A_Brand";v="99"',
         CHROME_130),
        # GREASE brands with the characters meant to break naive parsers
        ("Sec-CH-UA", '"Not)A;Brand";v="99", "Google Chrome";v="127", "Chromium";v="127"',
         (Brand("Not)A;Brand", "99"), Brand("Google Chrome", "127"),
          Brand("Chromium", "127"))),
        ("Sec-CH-UA", '" Not A;Brand";v="99", "Chromium";v="96"',
         (Brand(" Not A;Brand", "99"), Brand("Chromium", "96"))),
        ("Sec-CH-UA", '"Not\\"A\\\\Brand";v="8", "Chromium";v="120"',
         (Brand('Not"A\\Brand', "8"), Brand("Chromium", "120"))),
        ("Sec-CH-UA", '"Microsoft Edge";v="131",\t"Chromium";v="131";x=1',
         (Brand("Microsoft Edge", "131"), Brand("Chromium", "131"))),
        ("Sec-CH-UA-Full-Version-List",
         '"Chromium";v="142.0.7444.176", "Not_A Brand";v="99.0.0.0", '
         '"Google Chrome";v="142.0.7444.176"',
         (Brand("Chromium", "142.0.7444.176"), Brand("Not_A Brand", "99.0.0.0"),
          Brand("Google Chrome", "142.0.7444.176"))),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('Chromium;v="130"', "each brand must be a String, found the Token Chromium", 0),
        ('"Chromium";v="130", Chrome;v="130"', 'quote it: "Chrome"', 20),
        ('"Chromium";v=130', 'the "v" parameter must be a String, found the Integer 130', 11),
        ('"Chromium";v="130",', "trailing ','", 18),
        ('"Chromium";V="130"', "keys are lower-case", 11),
        ('("Chromium")', "each brand must be a String, found an Inner List", 0),
        ("'Chromium'", "quoted with", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Sec-CH-UA", raw, fragment, position)


def test_a_brand_without_version_is_a_warning() -> None:
    assert_warns("Sec-CH-UA", '"Chromium";v="1", "Other"', 'SHOULD have a "v" parameter', 18)


def test_an_empty_list_is_a_warning() -> None:
    assert_warns("Sec-CH-UA", "", "the same as not sending the field", None)
