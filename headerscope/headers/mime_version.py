"""MIME-Version: the version of MIME a message claims to conform to (RFC 9112, B.1; the
grammar is RFC 2045, 4).

    version := "MIME-Version" ":" 1*DIGIT "." 1*DIGIT

RFC 9112, B.1: "HTTP is not a MIME-compliant protocol. However, messages can include a single
MIME-Version header field to indicate what version of the MIME protocol was used to construct
the message." RFC 2045, 4: "When checking MIME-Version values any RFC 822 comment strings that
are present must be ignored", so comments (and the white space of RFC 822's structured fields)
may come before, between and after the numbers: "1.(produced by MetaSend Vx.x)0" is 1.0. The
writer leaves comments out. MIME has only ever had version 1.0: any other gets a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import Cursor, parse_count
from ._shared.spec import Diagnostic, FieldSpec
from ._shared.value import value_type


@value_type
class MimeVersion:
    major: int
    minor: int


def _skip_cfws(cur: Cursor) -> None:
    """RFC 822 white space and comments, which carry nothing here."""
    while True:
        cur.skip_ows()
        if cur.peek() != "(":
            return
        cur.comment()


def parse(raw: str) -> MimeVersion:
    cur = Cursor(raw)
    _skip_cfws(cur)
    major = parse_count(cur, "the major version")
    _skip_cfws(cur)
    cur.expect(".")
    _skip_cfws(cur)
    minor = parse_count(cur, "the minor version")
    _skip_cfws(cur)
    cur.expect_end()
    return MimeVersion(major, minor)


def write(value: MimeVersion) -> str:
    return f"{value.major}.{value.minor}"


def lint(value: MimeVersion, raw: str) -> Iterator[Diagnostic]:
    if (value.major, value.minor) != (1, 0):
        yield Diagnostic(f"MIME-Version {write(value)}: 1.0 is the only MIME version (RFC 2045, "
                         "4)", 0)


MIME_VERSION = FieldSpec("MIME-Version", parse, write, "RFC 9112, B.1", value_type="MimeVersion",
                         lint=lint, example="1.0")
