"""Content-Security-Policy-Report-Only: a policy that is monitored, not enforced (CSP3, 3.2).

    Content-Security-Policy-Report-Only = 1#serialized-policy

The grammar and the value are those of Content-Security-Policy (see content_security_policy),
and so are its warnings. This field "allows web developers to experiment with policies by
monitoring (but not enforcing) their effects", which it can only do by reporting: a policy
without report-to or report-uri has no effect but console messages. Browsers also ignore
sandbox and upgrade-insecure-requests in a report-only policy (Chromium says so in the
console): warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._spec import Diagnostic, FieldSpec, Kind
from .content_security_policy import Policies, parse, write
from .content_security_policy import lint as lint_policy

_NOT_MONITORED = ("sandbox", "upgrade-insecure-requests")


def lint(value: Policies, raw: str) -> Iterator[Diagnostic]:
    yield from lint_policy(value, raw)
    for i, policy in enumerate(value):
        where = _policy_start(raw, i)
        if "report-to" not in policy.directives and "report-uri" not in policy.directives:
            yield Diagnostic("a report-only policy without report-to or report-uri reports "
                             "nothing: it has no effect", where)
        for name in _NOT_MONITORED:
            if name in policy.directives:
                yield Diagnostic(f"{name} is ignored in a report-only policy",
                                 _directive_at(raw, where, name))


def _policy_start(raw: str, index: int) -> int:
    """Where the index-th non-empty policy (comma-separated) starts."""
    at, seen = 0, -1
    for part in raw.split(","):
        if part.strip(" \t;"):
            seen += 1
            if seen == index:
                return at + len(part) - len(part.lstrip(" \t;"))
        at += len(part) + 1
    return 0


def _directive_at(raw: str, start: int, name: str) -> int:
    """Where the directive `name` of the policy that starts at `start` is."""
    end = raw.find(",", start)
    text = raw[start:] if end < 0 else raw[start:end]
    m = re.search(rf"(?:^|;)[ \t]*({re.escape(name)})(?=[ \t;]|$)", text, re.IGNORECASE)
    return start if m is None else start + m.start(1)


CONTENT_SECURITY_POLICY_REPORT_ONLY = FieldSpec(
    "Content-Security-Policy-Report-Only", parse, write, "CSP3, 3.2", kind=Kind.LIST,
    value_type="tuple[Policy, ...]", lint=lint,
    example="default-src 'self'; script-src 'self' https://cdn.example.com; report-to csp")
