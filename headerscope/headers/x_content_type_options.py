"""X-Content-Type-Options: "nosniff" forbids MIME sniffing (Fetch, "X-Content-Type-Options").

    X-Content-Type-Options = "nosniff"   ; ASCII case-insensitive

Fetch's "determine nosniff" gets, decodes and splits the field as a list and looks at the
first element only: "If values[0] is an ASCII case-insensitive match for "nosniff", then
return true." So the value is the list of lower-cased tokens (repeated lines append), and a
first element other than "nosniff", or a later one that is ignored, is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import TOKEN_RE
from ._shared.content import token_list_field
from ._shared.spec import Diagnostic


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    starts = [m.start() for m in TOKEN_RE.finditer(raw)]  # one per element: the value parsed
    if value[0] != "nosniff":  # "If values[0] is an ASCII case-insensitive match for "nosniff""
        yield Diagnostic(f"{value[0]!r} is not 'nosniff', and browsers read only the first "
                         "value: MIME sniffing stays on", starts[0])
    for token, at in zip(value[1:], starts[1:], strict=True):
        if token != "nosniff":
            yield Diagnostic(f"{token!r} is ignored: only the first value counts, and only "
                             "'nosniff' is defined", at)


X_CONTENT_TYPE_OPTIONS = token_list_field(
    "X-Content-Type-Options", "Fetch, X-Content-Type-Options", lower=True, at_least_one=True,
    lint=lint, example="nosniff")
