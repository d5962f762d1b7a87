from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError, parse_section
from headerscope.headers.content_security_policy import CONTENT_SECURITY_POLICY, Policy

GITHUB = ("default-src 'none'; base-uri 'self'; child-src github.com/assets-cdn/worker/; "
          "connect-src 'self' uploads.github.com; font-src github.githubassets.com; "
          "form-action 'self' github.com; frame-ancestors 'none'; img-src 'self' data: "
          "github.githubassets.com; upgrade-insecure-requests")
STRICT = ("script-src 'nonce-r4nd0m' 'strict-dynamic' https: 'unsafe-inline'; object-src "
          "'none'; base-uri 'none'; report-uri https://csp.example.com/r; report-to csp")


@pytest.mark.parametrize(("raw", "expected"), [
    ("default-src 'self'", (Policy({"default-src": ("'self'",)}),)),
    ("DEFAULT-SRC 'self'  https://cdn.example.com\t'unsafe-inline' ;; img-src * ; ",
     (Policy({"default-src": ("'self'", "https://cdn.example.com", "'unsafe-inline'"),
              "img-src": ("*",)}),)),
    ("upgrade-insecure-requests", (Policy({"upgrade-insecure-requests": ()}),)),
    # two policies (two lines combined, or a comma): both are enforced
    ("default-src 'self', img-src *, , ;", (Policy({"default-src": ("'self'",)}),
                                            Policy({"img-src": ("*",)}))),
    # "the user agent ... ignore[s] the duplicate": the first one is kept
    ("script-src 'self'; script-src *", (Policy({"script-src": ("'self'",)}),)),
    (STRICT, (Policy({"script-src": ("'nonce-r4nd0m'", "'strict-dynamic'", "https:",
                                     "'unsafe-inline'"), "object-src": ("'none'",),
                      "base-uri": ("'none'",), "report-uri": ("https://csp.example.com/r",),
                      "report-to": ("csp",)}),)),
])
def test_parses(raw: str, expected: tuple[Policy, ...]) -> None:
    assert CONTENT_SECURITY_POLICY.parse(raw) == expected


def test_parses_githubs_policy() -> None:
    (policy,) = CONTENT_SECURITY_POLICY.parse(GITHUB)
    assert list(policy.directives)[:3] == ["default-src", "base-uri", "child-src"]
    assert policy.directives["img-src"] == ("'self'", "data:", "github.githubassets.com")
    assert REGISTRY.parse("Content-Security-Policy", GITHUB).warnings == ()


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "no directive", 0),
    (" ; , ;", "no directive", 0),
    ("script_src 'self'", "'_' is not allowed in a directive name", 6),
    ("default-src 'self'; img.src *", "'.' is not allowed in a directive name", 23),
    ("img-src https://ex\xe4mple.com", "U+00E4 cannot appear in a policy", 18),
    ("img-src *\x00", "U+0000 cannot appear", 9),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        CONTENT_SECURITY_POLICY.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("script-src 'self'; script-src *", [("repeated directive 'script-src'", 19)]),
    ("default-src 'self'; scirpt-src 'self'", [("unknown directive 'scirpt-src'", 20)]),
    ("block-all-mixed-content", [("block-all-mixed-content: obsolete", 0)]),
    ("report-uri /csp", [("report-uri is deprecated", 0)]),
    ("script-src self", [("'self' is read as a host name: keywords are quoted", 11)]),
    ("default-src 'none' 'self'", [("'none' has no effect", 12)]),
    ("script-src 'unsafe-evil'", [("not a valid source expression for script-src", 11)]),
    ("script-src 'nonce-'", [("not a valid source expression", 11)]),
    ("img-src https://a.com:x", [("not a valid source expression", 8)]),
    ("frame-ancestors 'unsafe-inline'", [("not a valid source expression for frame-ancestors",
                                          16)]),
    ("script-src 'sha256-abc='", [("sha256 hash is not the base64 of a sha256 digest", 11)]),
    ("script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' https://*.a.com:443/x/ "
     "wss: *.b.c 'report-sample' 'NONCE-abc+/_-=='", []),
    ("sandbox allow-scripts; webrtc 'block'", []),
    (STRICT, []),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Content-Security-Policy", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


def test_writes() -> None:
    value = (Policy({"default-src": ("'self'",), "upgrade-insecure-requests": ()}),
             Policy({"img-src": ("*", "data:")}))
    text = "default-src 'self'; upgrade-insecure-requests, img-src * data:"
    assert CONTENT_SECURITY_POLICY.write(value) == text
    assert CONTENT_SECURITY_POLICY.parse(text) == value


def test_lines_combine_into_more_policies() -> None:
    section = parse_section(REGISTRY, [("Content-Security-Policy", "default-src 'self'"),
                                       ("Content-Security-Policy", "img-src *")])
    assert len(section.get("content-security-policy")) == 2
