"""From: an email address for the human user who controls the requesting user agent
(RFC 9110, 10.1.2), written as an RFC 5322 mailbox.

    From         = mailbox
    mailbox      = name-addr / addr-spec                           (RFC 5322, 3.4)
    name-addr    = [ display-name ] angle-addr
    angle-addr   = [CFWS] "<" addr-spec ">" [CFWS]
    display-name = 1*word          ; and obs-phrase: "." between words
    word         = atom / quoted-string
    addr-spec    = local-part "@" domain
    local-part   = dot-atom / quoted-string
    domain       = dot-atom / domain-literal
    dot-atom     = [CFWS] 1*atext *( "." 1*atext ) [CFWS]

Comments (CFWS) carry no meaning in an address and are not kept; the domain is lower-cased.
"""

from __future__ import annotations

import re

from ..grammar import Cursor, describe, quote_string
from ..grammar.rules import ATEXT
from ._shared.spec import FieldSpec
from ._shared.value import value_type

_ATEXT = ATEXT
_DOT_ATOM_RE = re.compile(rf"[{_ATEXT}]+(?:\.[{_ATEXT}]+)*")
_PHRASE_WORD_RE = re.compile(rf"[{_ATEXT}.]+")
_PLAIN_PHRASE_RE = re.compile(rf"[{_ATEXT}]+(?: [{_ATEXT}]+)*")
_DOMAIN_LITERAL_RE = re.compile(r"\[[\t !-Z^-~]*\]")


@value_type
class Mailbox:
    display_name: str | None
    local_part: str  # quoted-pairs undone
    domain: str  # lower-cased; a domain literal keeps its brackets

    @property
    def address(self) -> str:
        local = self.local_part
        return (local if _DOT_ATOM_RE.fullmatch(local) else quote_string(local)) + "@" + self.domain


def _cfws(cur: Cursor) -> None:
    cur.skip_ows()
    while cur.peek() == "(":
        cur.comment()
        cur.skip_ows()


def _dot_atom(cur: Cursor, what: str) -> str:
    m = _DOT_ATOM_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected(what)
    cur.pos = m.end()
    if cur.peek() == ".":
        after = describe(cur.text[cur.pos + 1:cur.pos + 2])
        raise cur.error(f"'.' in {what} must be followed by more characters, not by {after}")
    return m.group()


def _addr_spec(cur: Cursor) -> tuple[str, str]:
    _cfws(cur)
    local = cur.quoted_string() if cur.peek() == '"' else _dot_atom(cur, "a local part")
    _cfws(cur)
    cur.expect("@")
    _cfws(cur)
    if cur.peek() == "[":
        m = _DOMAIN_LITERAL_RE.match(cur.text, cur.pos)
        if m is None:
            raise cur.error("malformed domain literal: expected '[', printable characters "
                            "and ']'")
        domain, cur.pos = m.group(), m.end()
    else:
        domain = _dot_atom(cur, "a domain").lower()
    _cfws(cur)
    return local, domain


def parse(raw: str) -> Mailbox:
    cur = Cursor(raw)
    words: list[str] = []
    while True:  # a display name, if the mailbox turns out to have an angle-addr
        _cfws(cur)
        if cur.peek() == '"':
            words.append(cur.quoted_string())
            continue
        m = _PHRASE_WORD_RE.match(cur.text, cur.pos)
        if m is None:
            break
        words.append(m.group())
        cur.pos = m.end()
    if cur.take("<"):
        local, domain = _addr_spec(cur)
        cur.expect(">")
        _cfws(cur)
        cur.expect_end()
        return Mailbox(" ".join(words) if words else None, local, domain)
    cur.pos = 0
    local, domain = _addr_spec(cur)
    cur.expect_end()
    return Mailbox(None, local, domain)


def write(value: Mailbox) -> str:
    name = value.display_name
    if name is None:
        return value.address
    if not _PLAIN_PHRASE_RE.fullmatch(name):
        name = quote_string(name)
    return f"{name} <{value.address}>"


FROM = FieldSpec("From", parse, write, "RFC 9110, 10.1.2", value_type="Mailbox",
                 example="webmaster@example.org")
