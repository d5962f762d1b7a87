"""Strategies for the IANA fields of issue 17's second batch: Sec-WebSocket-Accept,
Replay-Nonce, MIME-Version, Timing-Allow-Origin and OData's four fields.

Invalid texts are the mistakes each grammar rules out: base64 that decodes to the wrong number
of octets, padding where none belongs, a version without its dot, an origin with a path, an
OData version the grammar does not admit.
"""

from __future__ import annotations

import base64

from hypothesis import strategies as st

from ..headers.types import MimeVersion
from ._common import FieldStrategies, invalid, joined, sample, tuples
from ._security import SECURITY

_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

_tao_members = SECURITY["access-control-allow-origin"].values
_iri_chars = st.characters(min_codepoint=0x21, max_codepoint=0xFF,
                           exclude_characters="\x7f" + "".join(map(chr, range(0x7F, 0xA0))))

IANA2: dict[str, FieldStrategies] = {
    "sec-websocket-accept": FieldStrategies(
        values=st.binary(min_size=20, max_size=20),
        invalid=st.one_of(
            sample("", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo==",
                   "s3pPLMBiTxaQ9kYGzzhZRbK-xOo=", "dGhlIHNhbXBsZSBub25jZQ==",
                   "s3pPLMBiTxaQ9kYGzzhZRbK+xOo= x"),
            st.binary(max_size=40).filter(lambda b: len(b) != 20).map(
                lambda b: base64.b64encode(b).decode("ascii")))),
    "replay-nonce": FieldStrategies(
        values=st.text(_B64URL, min_size=1, max_size=32),
        invalid=sample("", "oFvnlFP1wIhRlYS2jTaXbA==", "a b", "a+b", "a/b", '"abc"', "abc,def",
                       "\u00e9")),
    "mime-version": FieldStrategies(
        values=st.builds(MimeVersion, st.integers(0, 99), st.integers(0, 99)),
        invalid=sample("", "1", "1.", ".0", "1,0", "1.0.0", "v1.0", "1.0 (x", "1 0", "(1.0)",
                       "-1.0"),
        spellings=sample("1.0 (produced by MetaSend Vx.x)", "(produced by MetaSend Vx.x) 1.0",
                         "1.(produced by MetaSend Vx.x)0", "01.00", "1 . 0")),
    "timing-allow-origin": FieldStrategies(
        values=tuples(_tao_members, min_size=1),
        invalid=invalid(["", "example.com", "https://a.example/", "NULL", "**",
                         "https://a.example https://b.example", "'*'", ","],
                        joined(sample("*", "null", "https://a.example")),
                        ["a.example", "https://a.example/x", "Null"]),
        spellings=joined(sample("*", "null", "https://www.example.com",
                                "http://[2001:db8::1]:8080"))),
    "odata-version": FieldStrategies(
        values=st.sampled_from(["4.0", "4.01"]) | st.from_regex(r"4\.0[1-9]", fullmatch=True),
        invalid=sample("", "4", "4.1", "4.010", "04.01", "4 .0", "v4.0", "4,0", "3.0")),
    "odata-maxversion": FieldStrategies(
        values=st.from_regex(r"[0-9]{1,3}\.[0-9]{1,3}", fullmatch=True),
        invalid=sample("", "4", "4.", ".1", "4.0.1", "4.0a", "4 .0", "-4.0")),
    "odata-isolation": FieldStrategies(
        values=st.just("snapshot"),
        invalid=sample("", "snap", "snapshots", "snapshot, snapshot", '"snapshot"'),
        spellings=sample("Snapshot", "SNAPSHOT")),
    "odata-entityid": FieldStrategies(
        values=st.text(_iri_chars, min_size=1, max_size=40),
        invalid=sample("", "https://host/a b", "a\tb", "\u0100", "x\x7f")),
}
