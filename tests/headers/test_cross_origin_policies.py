from __future__ import annotations

import pytest

from headerscope.headers.cross_origin_policies import (
    CrossOriginPolicy,
    EmbedderPolicyValue,
    OpenerPolicyValue,
)

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

COEP, COOP = "Cross-Origin-Embedder-Policy", "Cross-Origin-Opener-Policy"
E, OP = EmbedderPolicyValue, OpenerPolicyValue


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        (COEP, "require-corp", CrossOriginPolicy(E.REQUIRE_CORP)),
        (COEP, 'credentialless; report-to="coep"', CrossOriginPolicy(E.CREDENTIALLESS, "coep")),
        (COEP, "unsafe-none", CrossOriginPolicy(E.UNSAFE_NONE)),
        (COOP, "same-origin", CrossOriginPolicy(OP.SAME_ORIGIN)),
        # what Google's pages send
        (COOP, 'same-origin-allow-popups; report-to="gws"',
         CrossOriginPolicy(OP.SAME_ORIGIN_ALLOW_POPUPS, "gws")),
        (COOP, "noopener-allow-popups", CrossOriginPolicy(OP.NOOPENER_ALLOW_POPUPS)),
        (COEP + "-Report-Only", 'require-corp; report-to="default"',
         CrossOriginPolicy(E.REQUIRE_CORP, "default")),
        (COOP + "-Report-Only", 'same-origin; report-to="coop";x=1',
         CrossOriginPolicy(OP.SAME_ORIGIN, "coop")),
    ],
)
def test_parses(name: str, raw: str, expected: CrossOriginPolicy) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        # a closed set: anything else is ignored, and the browser applies unsafe-none
        (COOP, "same-origin-allow-popup",
         "'same-origin-allow-popup' is not a policy value (did you mean "
         "same-origin-allow-popups?)", 0),
        (COEP, "require_corp", "(did you mean require-corp?)", 0),
        (COEP, "cross-origin", "the browser applies unsafe-none", 0),
        (COEP, '"require-corp"', "must be a Token, found the String", 0),
        (COOP, "same-origin, unsafe-none", "unexpected ','", 11),  # two lines: a List
        (COOP, "same-origin; report-to=", "expected an item", 23),
        (COEP + "-Report-Only", "", "expected an item", 0),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        # "if parsedItem[1]["report-to"] exists and it is a string"
        (COOP, "same-origin; report-to=coop", 'quote it: "coop"); browsers ignore it', 13),
        (COEP, 'unsafe-none; report-to="e"', "report-to is ignored with unsafe-none", 13),
        (COOP + "-Report-Only", "same-origin", "without a report-to endpoint does nothing",
         0),
        (COEP + "-Report-Only", "unsafe-none", "restricts nothing, so there is nothing", 0),
    ],
)
def test_warns(name: str, raw: str, fragment: str, position: int) -> None:
    assert_warns(name, raw, fragment, position)
