"""Purpose, X-Purpose and X-Moz: de facto markers of a speculative request.

Chromium sends "Purpose: prefetch" for <link rel=prefetch> and prerendering (beside
Sec-Purpose); Firefox sent "X-Moz: prefetch"; Safari and old Chrome sent
"X-Purpose: preview" for page previews. Servers use them to skip analytics or refuse
prefetches. Chromium writes parameters the Structured Fields way ("prefetch;prerender"),
so the grammar takes them:

    Purpose    = token *( ";" *SP key [ "=" ( token / quoted-string ) ] )
    key        = ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ..grammar import Cursor, quote
from ._shared.frozen import EMPTY, frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type

_KEY_RE = re.compile(r"[a-z*][a-z0-9_\-.*]*")
_KNOWN = ("prefetch", "preview", "prerender")


@value_type
class Purpose:
    purpose: str  # lower-cased
    params: Mapping[str, str | bool] = EMPTY  # a bare key is True


def parse(raw: str) -> Purpose:
    cur = Cursor(raw)
    purpose = cur.token("a purpose such as 'prefetch'").lower()
    params: dict[str, str | bool] = {}
    while cur.take(";"):
        while cur.take(" "):
            pass
        m = _KEY_RE.match(raw, cur.pos)
        if m is None:
            raise cur.unexpected("a parameter name (lower-case letters, digits, '_-.*')")
        if m.group() in params:
            raise FieldError(f"parameter {m.group()!r} is repeated", cur.pos)
        cur.pos = m.end()
        params[m.group()] = cur.token_or_quoted("a parameter value") if cur.take("=") else True
    cur.expect_end()
    return Purpose(purpose, frozen(params))


def write(value: Purpose) -> str:
    return value.purpose + "".join(f";{k}" if v is True else f";{k}={quote(str(v))}"
                                   for k, v in value.params.items())


def lint(value: Purpose, raw: str) -> Iterator[Diagnostic]:
    if value.purpose not in _KNOWN:
        yield Diagnostic(f"unknown purpose {value.purpose!r}: browsers send "
                         f"{', '.join(_KNOWN)}", 0)


PURPOSE = FieldSpec("Purpose", parse, write, "de facto (Chromium)", value_type="Purpose",
                    lint=lint, example="prefetch")
X_PURPOSE = FieldSpec("X-Purpose", parse, write, "de facto (Safari, old Chrome)",
                      value_type="Purpose", lint=lint, example="preview")
X_MOZ = FieldSpec("X-Moz", parse, write, "de facto (Firefox)", value_type="Purpose", lint=lint,
                  example="prefetch",
                  deprecated="X-Moz is Firefox's old prefetch marker; browsers now send "
                             "Sec-Purpose (and Purpose)")
