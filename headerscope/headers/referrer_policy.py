"""Referrer-Policy: how much of the referring URL a browser may send (Referrer Policy, 4.1).

    Referrer-Policy = 1#( policy-token / extension-token )
    policy-token    = "no-referrer" / "no-referrer-when-downgrade" / "strict-origin" /
                      "strict-origin-when-cross-origin" / "same-origin" / "origin" /
                      "origin-when-cross-origin" / "unsafe-url"
    extension-token = 1*( ALPHA / "-" )

"Parse a referrer policy from a Referrer-Policy header" walks the list and keeps the last
token that is a known policy, so that a site can list fallbacks for older browsers before a
newer policy. Unknown tokens are ignored by browsers: a warning, as is a list without any
known policy. The value is the list of lower-cased tokens; `effective_policy` applies the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.content import list_lint
from ._shared.spec import Diagnostic, FieldSpec, Kind

POLICIES = frozenset({
    "no-referrer", "no-referrer-when-downgrade", "strict-origin",
    "strict-origin-when-cross-origin", "same-origin", "origin", "origin-when-cross-origin",
    "unsafe-url"})
_TOKEN_RE = re.compile(r"[A-Za-z-]+")


def _element(cur: Cursor) -> str:
    m = _TOKEN_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a policy token (letters and '-')")
    cur.pos = m.end()
    return m.group().lower()


def parse(raw: str) -> tuple[str, ...]:
    return parse_list(raw, _element, what="Referrer-Policy", at_least_one=True)


def write(value: tuple[str, ...]) -> str:
    return ", ".join(value)


def effective_policy(value: tuple[str, ...]) -> str | None:
    """The policy a browser applies: the last known token (None: the browser's default)."""
    return next((t for t in reversed(value) if t in POLICIES), None)


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    for token, m in zip(value, _TOKEN_RE.finditer(raw), strict=True):
        if token not in POLICIES:  # "if token is a referrer policy ..., then set policy"
            yield Diagnostic(f"unknown policy {token!r}: browsers ignore it", m.start())
    if effective_policy(value) is None:
        yield Diagnostic("no known policy: browsers keep their default "
                         "(strict-origin-when-cross-origin)", 0)


REFERRER_POLICY = FieldSpec("Referrer-Policy", parse, write, "Referrer Policy, 4.1",
                            kind=Kind.LIST, value_type="tuple[str, ...]", lint=list_lint(lint),
                            example="strict-origin-when-cross-origin")
