"""Strategies for the obsoleted and deprecated IANA fields of issue 17's third batch
(headers/obsolete.py and headers/digest_legacy.py).

Text-only fields draw any field-content (visible characters, SP, HTAB, obs-text) and are
refused a control character; the fields read with their old grammar draw that grammar's values
and its mistakes: a method list with a bad member, a relative URI where an absolute one is
due, an unquoted version tag, a Safe that is neither yes nor no, a digest without its "=".
"""

from __future__ import annotations

import base64

from hypothesis import strategies as st

from ..headers.digest_legacy import InstanceDigest
from ..headers.obsolete import TABLE
from ..headers.types import QualityItem
from ._common import (
    FieldStrategies,
    invalid,
    joined,
    lower_tokens,
    quoted_contents,
    sample,
    tokens,
    tuples,
)
from ._content import q_values

_text = st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]) | st.just("\t"),
                max_size=40).map(lambda s: s.strip(" \t"))
_CONTROLS = ["a\x00b", "\x7f", "x\ny", "a\rb", "\x1b[0m", "ok\x01", "tab\tok\x0b", "\u2028"]
_TEXT = FieldStrategies(values=_text, invalid=sample(*_CONTROLS),
                        spellings=_text.map(lambda s: s + "\x80"))

_GRAMMARS: dict[str, FieldStrategies] = {
    "content-base": FieldStrategies(
        values=st.sampled_from(["http://www.example.com/docs/", "urn:isbn:0451450523",
                                "https://a.example/x?y=1", "ftp://ftp.example.org/pub/"]),
        invalid=sample("", "/docs/", "docs/", "https://a.example/#frag", "http://a b/",
                       "\x00")),
    "content-version": FieldStrategies(
        values=quoted_contents,
        invalid=sample("", "2.1.2", '"2.1.2', '"a" "b"', '"x"y', "'2.1'"),
        spellings=sample('"2.5a4-omega7"', '"Fred 19950116-12:26:48"', r'"a\"b"')),
    "derived-from": FieldStrategies(
        values=quoted_contents,
        invalid=sample("", "2.1.1", '"2.1.1', '"a",', "\"a\"\x00")),
    "public": FieldStrategies(
        values=tuples(tokens, min_size=1),
        invalid=invalid(["", ",", "GET POST", "GET;", "(GET)", '"GET"', "GET, /"],
                        joined(tokens), ["@", "a b"]),
        spellings=joined(tokens)),
    "cookie2": FieldStrategies(
        values=quoted_contents | st.just("1"),
        invalid=sample("", "1", "$Version", "$Version=", "Version=1", "$Version=1 2",
                       '$Version="1', "$Path=1"),
        spellings=sample("$Version=1", "$version = \"1\"", "$VERSION=2")),
    "safe": FieldStrategies(
        values=st.booleans(),
        invalid=sample("", "true", "1", "yes no", "y", "yes,no", '"yes"'),
        spellings=sample("Yes", "NO", "YES")),
    "digest": FieldStrategies(
        values=tuples(st.builds(InstanceDigest, lower_tokens,
                                st.binary(min_size=1, max_size=24).map(
                                    lambda b: base64.b64encode(b).decode("ascii"))),
                      min_size=0),
        invalid=invalid(["sha", "sha=", "=abc", "sha=a b", "sha=a;b c", "md5 = abc"],
                        joined(sample("SHA=thvDyvhfIqlvFe+A9MYgxAfm1q5=", "unixsum=30637")),
                        ["sha", "=x"]),
        spellings=joined(sample("SHA=thvDyvhfIqlvFe+A9MYgxAfm1q5=", "UNIXsum=30637",
                                "md5=HUXZLQLMuI/KZ5KDcJPcOA=="))),
    "want-digest": FieldStrategies(
        values=tuples(st.builds(QualityItem, lower_tokens, q_values)),
        invalid=invalid(["md5;q=2", "md5;q=", "md5;x=1", "md5 sha", "md5;q=0.5000", "=md5"],
                        joined(sample("md5", "sha;q=1", "MD5;q=0.3")), ["md5;q=1.5"]),
        spellings=joined(sample("md5", "MD5;q=0.3", "sha;q=1", "unixsum ; q=0"))),
}

IANA3_OBSOLETE: dict[str, FieldStrategies] = {
    row.name.lower(): _GRAMMARS.get(row.name.lower(), _TEXT) for row in TABLE
}
