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

import itertools
from collections.abc import Iterator

from ._shared.content import list_lint
from ._shared.spec import Diagnostic, FieldSpec, Kind
from .content_security_policy import Policies, Scanned, lint_scanned, parse, policies, scan, write

_NOT_MONITORED = ("sandbox", "upgrade-insecure-requests")


def analyse(raw: str) -> tuple[Policies, Iterator[Diagnostic]]:
    """Content-Security-Policy's value and warnings, then this field's own: one scan."""
    scanned = scan(raw)
    value = policies(scanned)
    return value, itertools.chain(lint_scanned(scanned, raw),
                                  _report_only(value, [ds for ds in scanned if ds]))


def _report_only(value: Policies, scanned: Scanned) -> Iterator[Diagnostic]:
    for policy, directives in zip(value, scanned, strict=True):
        where = directives[0].at  # where the policy starts
        if "report-to" not in policy.directives and "report-uri" not in policy.directives:
            yield Diagnostic("a report-only policy without report-to or report-uri reports "
                             "nothing: it has no effect", where)
        for name in _NOT_MONITORED:
            if name in policy.directives:
                yield Diagnostic(f"{name} is ignored in a report-only policy",
                                 next(d.at for d in directives if d.name == name))


CONTENT_SECURITY_POLICY_REPORT_ONLY = FieldSpec(
    "Content-Security-Policy-Report-Only", parse, write, "CSP3, 3.2", kind=Kind.LIST,
    value_type="tuple[Policy, ...]", analyse=analyse, lint=list_lint(),
    example="default-src 'self'; script-src 'self' https://cdn.example.com; report-to csp")
