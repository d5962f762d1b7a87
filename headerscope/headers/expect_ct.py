"""Expect-CT: ask browsers to enforce Certificate Transparency for this host (RFC 9163, 2.1).

    Expect-CT           = #expect-ct-directive
    expect-ct-directive = directive-name [ "=" directive-value ]
    directive-name      = token
    directive-value     = token / quoted-string

Defined directives: max-age (REQUIRED, delta-seconds), enforce (no value), report-uri (a
quoted absolute URI). "A given directive MUST NOT appear more than once" and "Directive names
are case insensitive"; unknown directives are kept ("the UA MUST ignore those directives").
The field is obsolete: browsers enforce Certificate Transparency on their own now, and
stopped reading it; IANA lists it as obsoleted. Nothing replaces it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import INT_CEILING, Cursor, parse_list, quote, read_count
from ._shared.content import list_lint, parse_directive, unquote
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type
from .webdav import check_absolute

_KNOWN = ("max-age", "enforce", "report-uri")


@value_type
class ExpectCT:
    max_age: int
    enforce: bool = False
    report_uri: str | None = None
    extensions: tuple[tuple[str, str | None], ...] = ()  # lower-cased name, value


Directive = tuple[str, str | None, int, bool]  # name, value, where, quoted


def _directive(cur: Cursor) -> Directive:
    start = cur.pos
    m = parse_directive(cur)
    token, quoted = m.group(2), m.group(3)
    value = token if quoted is None else unquote(quoted)
    return m.group(1).lower(), value, start, quoted is not None


def parse(raw: str) -> ExpectCT:
    found: dict[str, Directive] = {}
    for d in parse_list(raw, _directive):
        if d[0] in found:
            raise FieldError(f"{d[0]!r} appears twice: a directive MUST NOT appear more than "
                             "once", d[2])
        found[d[0]] = d
    max_age = found.get("max-age")
    if max_age is None:
        raise FieldError("the max-age directive is required", None)
    if max_age[1] is None or not max_age[1].isascii() or not max_age[1].isdigit():
        raise FieldError("max-age is a number of seconds (delta-seconds)", max_age[2])
    report = found.get("report-uri")
    if report is not None:
        if report[1] is None:
            raise FieldError("report-uri needs a URI", report[2])
        check_absolute(report[1], 0, len(report[1]))
    return ExpectCT(read_count(max_age[1], INT_CEILING), "enforce" in found,
                    None if report is None else report[1],
                    tuple((n, d[1]) for n, d in found.items() if n not in _KNOWN))


def write(value: ExpectCT) -> str:
    parts = [f"max-age={value.max_age}"]
    if value.enforce:
        parts.append("enforce")
    if value.report_uri is not None:
        parts.append(f'report-uri="{value.report_uri}"')
    parts += [n if v is None else f"{n}={quote(v)}" for n, v in value.extensions]
    return ", ".join(parts)


def lint(value: ExpectCT, raw: str) -> Iterator[Diagnostic]:
    if value.report_uri is not None and 'report-uri="' not in raw.lower().replace(" ", ""):
        yield Diagnostic("report-uri's value MUST be a quoted-string (RFC 9163, 2.1.3)", None)


EXPECT_CT = FieldSpec(
    "Expect-CT", parse, write, "RFC 9163, 2.1", kind=Kind.LIST, value_type="ExpectCT",
    lint=list_lint(lint), example='max-age=86400, enforce, report-uri="https://foo.example/report"',
    deprecated="Expect-CT is obsolete: browsers enforce Certificate Transparency by default and "
               "ignore it; remove it (nothing replaces it)")
