"""Obsoleted and deprecated IANA fields (issue 17, batch 3): each is recognised, flagged with
its IANA status and its replacement on every use, and read with its old grammar where it has
one, with the grammar's errors at their positions; the others are text, where a control
character is an error at its position."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers.digest_legacy import DIGEST, WANT_DIGEST, InstanceDigest
from headerscope.headers.obsolete import (
    CONTENT_BASE,
    CONTENT_VERSION,
    COOKIE2,
    DERIVED_FROM,
    PUBLIC,
    SAFE,
    TABLE,
    URI,
    check_text,
)
from headerscope.headers.types import QualityItem

from ._content_helpers import rejects, warned, warnings

# The IANA HTTP Field Name Registry's status of every obsoleted or deprecated field that is
# registered here, with what replaces it (None: nothing does).
STATUSES: dict[str, tuple[str, str | None]] = {
    # registered before this batch
    "Accept-Charset": ("deprecated", None),
    "Content-MD5": ("obsoleted", "Content-Digest"),
    "HTTP2-Settings": ("obsoleted", None),
    "Pragma": ("deprecated", "Cache-Control"),
    "Warning": ("obsoleted", None),
    "Expect-CT": ("obsoleted", None),
    # this batch
    "Access-Control": ("obsoleted", "Access-Control-Allow-Origin"),
    "Method-Check": ("obsoleted", "Access-Control-Request-Method"),
    "Method-Check-Expires": ("obsoleted", "Access-Control-Max-Age"),
    "Referer-Root": ("obsoleted", "Origin"),
    "C-Ext": ("obsoleted", None), "C-Man": ("obsoleted", None), "C-Opt": ("obsoleted", None),
    "Ext": ("obsoleted", None), "Man": ("obsoleted", None), "Opt": ("obsoleted", None),
    "C-PEP": ("obsoleted", None), "C-PEP-Info": ("deprecated", None),
    "PEP": ("obsoleted", None), "PEP-Info": ("obsoleted", None),
    "Content-Base": ("obsoleted", "Content-Location"),
    "Content-Version": ("obsoleted", None), "Derived-From": ("obsoleted", None),
    "Public": ("obsoleted", "Allow"), "URI": ("obsoleted", "Content-Location"),
    "Content-ID": ("deprecated", None), "Differential-ID": ("deprecated", None),
    "Content-Script-Type": ("obsoleted", None), "Content-Style-Type": ("obsoleted", None),
    "Default-Style": ("obsoleted", None),
    "Cookie2": ("obsoleted", "Cookie"), "Set-Cookie2": ("obsoleted", "Set-Cookie"),
    "GetProfile": ("obsoleted", None), "ProfileObject": ("obsoleted", None),
    "SetProfile": ("obsoleted", None), "P3P": ("obsoleted", None),
    "PICS-Label": ("obsoleted", None), "Protocol": ("obsoleted", None),
    "Protocol-Request": ("obsoleted", None), "Protocol-Info": ("deprecated", None),
    "Protocol-Query": ("deprecated", None), "Proxy-Features": ("obsoleted", None),
    "Proxy-Instruction": ("obsoleted", None), "Safe": ("obsoleted", None),
    "Security-Scheme": ("obsoleted", "https"),
    "Digest": ("obsoleted", "Repr-Digest"), "Want-Digest": ("obsoleted", "Want-Repr-Digest"),
}
NAMES = sorted(STATUSES)
EARLIER = {"Accept-Charset", "Content-MD5", "HTTP2-Settings", "Pragma", "Warning", "Expect-CT"}


@pytest.mark.parametrize("name", NAMES)
def test_every_obsolete_field_is_recognised_and_flagged_with_its_status(name: str) -> None:
    status, replacement = STATUSES[name]
    spec = REGISTRY.get(name)
    assert spec is not None, name
    assert spec.deprecated, name
    # "obsoleted" is named as "obsolete..." and "deprecated" as "deprecate...": the stem
    assert status[:-1] in spec.deprecated.lower(), spec.deprecated
    if replacement is not None:
        assert replacement in spec.deprecated, spec.deprecated
    parsed = REGISTRY.parse(name, spec.example)
    assert parsed.known and parsed.error is None, (name, parsed.error)
    assert parsed.warnings[0].reason == spec.deprecated  # on every use, first
    bad = REGISTRY.parse(name, spec.example + "\x00")
    assert bad.error is not None and bad.warnings[0].reason == spec.deprecated  # even so


def test_the_table_covers_the_batch_and_agrees_with_the_statuses() -> None:
    assert {row.name for row in TABLE} | {"Digest", "Want-Digest"} == set(NAMES) - EARLIER
    for row in TABLE:
        assert (row.status, row.replacement is None) == (
            STATUSES[row.name][0], STATUSES[row.name][1] is None), row.name
        wanted = STATUSES[row.name][1]
        if row.replacement is not None and wanted is not None:
            assert wanted in row.replacement, row.name
        spec = REGISTRY.get(row.name)
        assert spec is not None and spec.ref == row.ref
    text_only = sorted(row.name for row in TABLE if row.grammar == "text")
    assert "URI" in text_only and "Safe" not in text_only and len(text_only) == 33


def test_text_is_field_content_and_a_control_character_is_an_error_at_its_position() -> None:
    assert URI.parse("<http://www.example.com/doc>") == "<http://www.example.com/doc>"
    assert check_text("a\tb \xe9\xff") == "a\tb \xe9\xff"  # HTAB, SP, obs-text
    assert check_text("") == ""
    for raw, at in [("a\x00b", 1), ("\x7f", 0), ("ok\ny", 2), ("x\r", 1), ("ab\x1b[0m", 2),
                    ("\u0100", 0)]:
        rejects(URI, raw, "is not allowed in a field value", at)
    rejects(URI, "a\x00b", "U+0000", 1)
    # never combined: a line of unknown grammar stands alone
    parsed = REGISTRY.parse("P3P", 'CP="NOI DSP"')
    assert parsed.value == 'CP="NOI DSP"' and parsed.spec is not None
    assert parsed.spec.kind.name == "MULTI"


def test_public_is_a_method_list() -> None:  # RFC 2068, 14.35, with its example
    assert PUBLIC.parse("OPTIONS, MGET, MHEAD, GET, HEAD") == (
        "OPTIONS", "MGET", "MHEAD", "GET", "HEAD")
    assert PUBLIC.parse("get") == ("get",)  # methods are case-sensitive: kept as sent
    assert warnings(PUBLIC, "OPTIONS, GET") == []
    rejects(PUBLIC, "", "at least one element", 0)
    rejects(PUBLIC, "GET POST", "','", 4)
    rejects(PUBLIC, "GET, /x", "a token", 5)
    warned(PUBLIC, "GET,,HEAD", "empty list element", 4)


def test_content_base_is_an_absolute_uri() -> None:  # RFC 2068, 14.11
    assert CONTENT_BASE.parse("http://www.example.com/docs/") == "http://www.example.com/docs/"
    rejects(CONTENT_BASE, "/docs/", "absolute URI", 0)
    rejects(CONTENT_BASE, "http://a.example/#top", "no fragment", 17)


def test_version_tags_are_quoted_strings() -> None:  # RFC 2068, 19.6.2.2 and 19.6.2.3
    for raw in ('"2.1.2"', '"Fred 19950116-12:26:48"', '"2.5a4-omega7"'):  # its examples
        assert CONTENT_VERSION.write(CONTENT_VERSION.parse(raw)) == raw
    assert DERIVED_FROM.parse('"2.1.1"') == "2.1.1"
    assert DERIVED_FROM.parse(r'"a\"b"') == 'a"b'
    rejects(CONTENT_VERSION, "2.1.2", "quoted-string", 0)
    rejects(DERIVED_FROM, '"2.1.1" x', "unexpected U+0020", 7)
    rejects(DERIVED_FROM, '"2.1.1', "", 0)


def test_safe_is_yes_or_no() -> None:  # RFC 2310, 4, with its example
    assert SAFE.parse("yes") is True
    assert SAFE.parse("No") is False  # BNF literals ignore case
    assert SAFE.write(False) == "no"
    rejects(SAFE, "true", "expected 'yes' or 'no'", 0)
    rejects(SAFE, "yes, no", "expected 'yes' or 'no'", 0)


def test_cookie2_is_a_cookie_version() -> None:  # RFC 2965, 3.3.5
    assert COOKIE2.parse('$Version="1"') == "1"
    assert COOKIE2.parse("$version = 1") == "1"
    assert COOKIE2.write("1") == '$Version="1"'
    rejects(COOKIE2, "Version=1", "expected '$Version'", 0)
    rejects(COOKIE2, "$Version", "expected '='", 8)
    rejects(COOKIE2, "$Version=", "a token or a quoted-string", 9)
    rejects(COOKIE2, "$Version=1; $Path=/", "unexpected ';'", 10)


def test_want_digest() -> None:  # RFC 3230, 4.3.1, with its examples
    assert WANT_DIGEST.parse("md5") == (QualityItem("md5", WANT_DIGEST.parse("md5")[0].q),)
    value = WANT_DIGEST.parse("MD5;q=0.3, sha;q=1")
    assert [(i.value, str(i.q)) for i in value] == [("md5", "0.3"), ("sha", "1")]
    assert WANT_DIGEST.write(value) == "md5;q=0.3, sha"
    rejects(WANT_DIGEST, "md5;q=2", "q-value", 6)
    rejects(WANT_DIGEST, "md5 sha", "','", 4)


def test_digest() -> None:  # RFC 3230, 4.3.2 (the example its copies give)
    value = DIGEST.parse("SHA=thvDyvhfIqlvFe+A9MYgxAfm1q5=,unixsum=30637")
    assert value == (InstanceDigest("sha", "thvDyvhfIqlvFe+A9MYgxAfm1q5="),
                     InstanceDigest("unixsum", "30637"))
    assert DIGEST.write(value) == "sha=thvDyvhfIqlvFe+A9MYgxAfm1q5=,unixsum=30637"
    assert warnings(DIGEST, "SHA=thvDyvhfIqlvFe+A9MYgxAfm1q5=,unixsum=30637") == []
    rejects(DIGEST, "sha", "expected '='", 3)
    rejects(DIGEST, "sha=", "encoded digest output", 4)
    rejects(DIGEST, "=abc", "a digest-algorithm", 0)
    rejects(DIGEST, "md5=a b", "','", 6)
    warned(DIGEST, "md5=abc", "base64", 4)
    warned(DIGEST, "unixsum=1, MD5=thvDyvhfIqlvFe+A9MYgxAfm1q5=", "16 octets; this one has 20",
           15)
    warned(DIGEST, "UNIXcksum=x1", "decimal digits", 10)
