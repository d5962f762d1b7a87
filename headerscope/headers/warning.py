"""Warning: extra status information, obsoleted by RFC 9111 (RFC 7234, 5.5).

    Warning       = 1#warning-value
    warning-value = warn-code SP warn-agent SP warn-text [ SP warn-date ]
    warn-code     = 3DIGIT
    warn-agent    = ( uri-host [ ":" port ] ) / pseudonym
    warn-text     = quoted-string
    warn-date     = DQUOTE HTTP-date DQUOTE
"""

import re
from collections.abc import Iterator
from datetime import datetime

from ..grammar import Cursor, parse_list, quote_string
from ._shared.content import ElementOffsets, list_lint
from ._shared.dates import format_http_date, parse_http_date
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

# uri-host (an IP literal, or reg-name characters except ",") or a pseudonym token, then a
# port. "/" is allowed too: the RFC's own example agent is "anderson/1.3.37".
AGENT_RE = re.compile(r"(?:\[[0-9A-Za-z:.]+\]|[-A-Za-z0-9._~%!$&'()*+;=#^`|/]+)(?::[0-9]*)?")
_CODES = {110: "Response is Stale", 111: "Revalidation Failed", 112: "Disconnected Operation",
          113: "Heuristic Expiration", 199: "Miscellaneous Warning",
          214: "Transformation Applied", 299: "Miscellaneous Persistent Warning"}


@value_type
class WarningValue:
    code: int
    agent: str  # host[:port] or a pseudonym of the warning's author
    text: str
    date: datetime | None = None  # None: no warn-date was given


def _warning(cur: Cursor) -> WarningValue:
    start = cur.pos
    code = cur.digits("a three-digit warn-code")
    if len(code) != 3:
        raise FieldError("a warn-code has exactly three digits", start)
    cur.expect(" ")
    m = AGENT_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a warn-agent (host or pseudonym)")
    cur.pos = m.end()
    cur.expect(" ")
    text = cur.quoted_string()
    date = None
    if cur.text.startswith(' "', cur.pos):
        cur.pos += 2
        end = cur.text.find('"', cur.pos)
        if end < 0:
            raise cur.error("warn-date is not closed with '\"'", cur.pos - 1)
        try:
            date = parse_http_date(cur.text[cur.pos:end])
        except FieldError as exc:
            raise FieldError(exc.reason, cur.pos + (exc.position or 0)) from None
        cur.pos = end + 1
    return WarningValue(int(code), m.group(), text, date)


def parse(raw: str) -> tuple[WarningValue, ...]:
    return parse_list(raw, _warning, at_least_one=True, what="Warning")


def write(value: tuple[WarningValue, ...]) -> str:
    return ", ".join(f"{w.code:03d} {w.agent} {quote_string(w.text)}"
                     + ("" if w.date is None else f' "{format_http_date(w.date)}"')
                     for w in value)


def lint(value: tuple[WarningValue, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, w in enumerate(value):
        if w.code not in _CODES:
            yield Diagnostic(f"warn-code {w.code:03d} is not registered", where(i))


WARNING = FieldSpec(
    "Warning", parse, write, "RFC 7234, 5.5", kind=Kind.LIST, lint=list_lint(lint),
    value_type="tuple[WarningValue, ...]", example='110 anderson/1.3.37 "Response is stale"',
    deprecated="Warning is obsoleted by RFC 9111: it was not widely implemented, and caches "
               "no longer send it",
)
