"""Digest and Want-Digest: RFC 3230's instance digests, obsoleted by RFC 9530.

    Want-Digest = "Want-Digest" ":"
                  #(digest-algorithm [ ";" "q" "=" qvalue])   ; RFC 3230, 4.3.1
    Digest = "Digest" ":" #(instance-digest)                  ; RFC 3230, 4.3.2
    instance-digest = digest-algorithm "="
                      <encoded digest output>                 ; RFC 3230, 4.2
    digest-algorithm = token                                  ; RFC 3230, 4.1

Sources: 4.3.1 as quoted with its section by a page that quotes RFC 3230 (with the RFC's
examples `Want-Digest: md5` and `Want-Digest: MD5;q=0.3, sha;q=1`); 4.2 as quoted with its
section in a comment of a signature library; the Digest production as quoted "from RFC 3230"
by wget's parser and by a reference page. The copies agree. Early drafts of RFC 9530 restate
them with changes (`OWS 1#`); this module follows RFC 3230's text.

"Digest-algorithm values are case-insensitive": they are lower-cased. The encoded output's
form is the algorithm's (the IANA registry RFC 3230 created: MD5 and SHA are base64 of 16 and
20 octets, UNIXsum and UNIXcksum decimal digits); inside a list it can hold no comma or white
space. An output that does not fit its registered algorithm is a warning: the field still
reads, and a recipient would only fail to verify it.

Both fields are obsoleted by RFC 9530 (Digest Fields): Repr-Digest / Content-Digest replace
Digest, and Want-Repr-Digest / Want-Content-Digest replace Want-Digest.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ..grammar.rules import SEP, TOKEN
from ._shared.content import list_lint, weighted_list_field
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type
from .obsolete import ROWS, notice

_DIGEST_RE = re.compile(rf"({TOKEN})=([!-+\--~\x80-\xff]+)")
_FAST = re.compile(rf"{_DIGEST_RE.pattern}{SEP}")
_BASE64 = {"md5": 16, "sha": 20}  # octets, base64-encoded
_DECIMAL = ("unixsum", "unixcksum")


@value_type
class InstanceDigest:
    algorithm: str  # lower-cased: digest-algorithm values are case-insensitive
    output: str  # the encoded digest output, as sent


def _located(cur: Cursor) -> tuple[InstanceDigest, int]:
    """One instance-digest, and where its output starts."""
    m = _DIGEST_RE.match(cur.text, cur.pos)
    if m is None:  # walk it again to say where it goes wrong
        cur.token("a digest-algorithm")
        cur.expect("=")
        raise cur.unexpected("the encoded digest output")
    cur.pos = m.end()
    return InstanceDigest(m.group(1).lower(), m.group(2)), m.start(2)


def _member(cur: Cursor) -> InstanceDigest:
    return _located(cur)[0]


def parse(raw: str) -> tuple[InstanceDigest, ...]:
    return parse_list(raw, _member, fast=(_FAST, lambda m: InstanceDigest(
        m.group(1).lower(), m.group(2))))


def write(value: tuple[InstanceDigest, ...]) -> str:
    return ",".join(f"{d.algorithm}={d.output}" for d in value)


def _output_issue(d: InstanceDigest) -> str | None:
    size = _BASE64.get(d.algorithm)
    if size is not None:
        try:
            found = len(base64.b64decode(d.output, validate=True))
        except (binascii.Error, ValueError):
            return f"a {d.algorithm} digest is base64; this one is not"
        if found != size:
            return f"a {d.algorithm} digest is {size} octets; this one has {found}"
    elif d.algorithm in _DECIMAL and not (d.output.isascii() and d.output.isdigit()):
        return f"a {d.algorithm} digest is decimal digits"
    return None


def lint(value: tuple[InstanceDigest, ...], raw: str) -> Iterator[Diagnostic]:
    if all(_output_issue(d) is None for d in value):
        return  # the usual case: no second walk of the list for positions
    for digest, at in parse_list(raw, _located):
        problem = _output_issue(digest)
        if problem is not None:
            yield Diagnostic(f"{problem} (the IANA registry of RFC 3230's algorithms): a "
                             "recipient cannot verify it", at)


DIGEST = FieldSpec(
    "Digest", parse, write, "RFC 3230, 4.3.2", kind=Kind.LIST,
    value_type="tuple[InstanceDigest, ...]", lint=list_lint(lint),
    example="SHA=thvDyvhfIqlvFe+A9MYgxAfm1q5=,unixsum=30637",
    deprecated=notice(ROWS["Digest"]))


def _algorithm(cur: Cursor) -> str:
    return cur.token("a digest-algorithm").lower()


WANT_DIGEST = dataclasses.replace(
    weighted_list_field("Want-Digest", "RFC 3230, 4.3.1", _algorithm, TOKEN, lower=True,
                        example="MD5;q=0.3, sha;q=1"),
    deprecated=notice(ROWS["Want-Digest"]))
