from __future__ import annotations

import pytest

from headerscope.headers._shared.uri import Origin
from headerscope.headers.permissions_policy import Allowlist, Keyword

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "Permissions-Policy"
NOBODY = Allowlist(())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('geolocation=(self "https://example.com"), camera=()',
         {"geolocation": Allowlist((Keyword.SELF, Origin("https", "example.com"))),
          "camera": NOBODY}),
        # the common hardening header
        ("camera=(), microphone=(), geolocation=(), payment=()",
         dict.fromkeys(("camera", "microphone", "geolocation", "payment"), NOBODY)),
        ("fullscreen=*", {"fullscreen": Allowlist((Keyword.ALL,))}),
        ("fullscreen=(* self)", {"fullscreen": Allowlist((Keyword.ALL, Keyword.SELF))}),
        ("autoplay=self", {"autoplay": Allowlist((Keyword.SELF,))}),
        ("geolocation=();report-to=main", {"geolocation": Allowlist((), "main")}),
        # the origin of a URL: default port left out, a path dropped, case folded
        ('geolocation=("https://Maps.Example.com:443/embed" "http://localhost:8080")',
         {"geolocation": Allowlist((Origin("https", "maps.example.com"),
                                    Origin("http", "localhost", 8080)))}),
        ("unload=()", {"unload": NOBODY}),  # what Google's pages send
    ],
)
def test_parses(raw: str, expected: dict[str, Allowlist]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # the Feature-Policy syntax, which this header replaced
        ("geolocation 'self'; camera 'none'",
         "this looks like the Feature-Policy syntax (geolocation 'self'); Permissions-Policy "
         'writes geolocation=(self "https://example.com")', 12),
        ("Geolocation=()", "keys are lower-case", 0),
        ("camera=(self,none)", "expected a space or ')' after an item of an inner list", 12),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position", "expected"),
    [
        # GitHub's FLoC opt-out, years after FLoC was withdrawn
        ("interest-cohort=()", "interest-cohort: FLoC was withdrawn", 0,
         {"interest-cohort": NOBODY}),
        ("geolocation=(self), teleport=()", "'teleport' is not a feature browsers recognise",
         20, {"geolocation": Allowlist((Keyword.SELF,)), "teleport": NOBODY}),
        # an origin without quotes is a Token, and the browser skips it
        ("geolocation=(self https://example.com)",
         'an origin is a String: quote it, "https://example.com"; the browser skips it', 18,
         {"geolocation": Allowlist((Keyword.SELF,))}),
        # a single origin without parentheses is no allowlist: nobody may use the feature
        ('geolocation="https://example.com"',
         'is not an allowlist (an origin goes in parentheses: ("https://example.com")); it '
         "reads as (): nobody", 12, {"geolocation": NOBODY}),
        ("camera=(none)", "there is no none: () is the allowlist of nobody", 8,
         {"camera": NOBODY}),
        ('camera=("self")', "a quoted self is read as a URL", 8, {"camera": NOBODY}),
        ("camera=(src)", "src only means something in an iframe's allow attribute", 8,
         {"camera": NOBODY}),
        ('camera=("data:text/plain,x")', "has no origin", 8, {"camera": NOBODY}),
        ("camera=();report-to=1", "report-to is an endpoint name", 10, {"camera": NOBODY}),
    ],
)
def test_warns(raw: str, fragment: str, position: int, expected: object) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == expected
