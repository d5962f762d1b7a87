"""Strategies for the OASIS, W3C and WHATWG fields of issue 17's third batch: OData's
Isolation, OSLC's fields, Repeatable Requests, SOAPAction, hyperlink auditing's Ping-From and
Ping-To, Refresh and the Edge Architecture's Surrogate fields.

Invalid texts are the mistakes each grammar rules out.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..headers.types import Refresh
from ._common import FieldStrategies, sample

# serialized URLs: absolute, ASCII, as the URL serializer writes them
_serialized_urls = st.sampled_from(
    ["https://www.example.com/", "http://a.example:8080/p?q=1#f", "https://x.example/a%20b",
     "data:text/plain,a b", "mailto:someone@example.com", "file:///tmp/x"]) | st.from_regex(
    r"https?://[a-z0-9]{1,10}\.example/[A-Za-z0-9._~%/-]{0,20}(?:\?[A-Za-z0-9=&]{0,10})?",
    fullmatch=True)
_PING = FieldStrategies(
    values=_serialized_urls,
    invalid=sample("", "/relative/path", "www.example.com", "https://a.example/\u00e9",
                   "1http://a.example/", ":x", "https://a.example/\x7f", "\u00e9:x"),
    spellings=sample("HTTPS://WWW.EXAMPLE.COM", "https://a.example?x", "http:a.example/"))

# what a Refresh URL can be written as: URL units, not starting with a quote
_refresh_urls = st.sampled_from(["", "/next", "https://www.example.com/a?b=c#d", "page.html"]) | (
    st.from_regex(r"[A-Za-z0-9/._~%?&=#-]{1,24}", fullmatch=True).filter(
        lambda u: not u.lower().startswith("javascript:")))

IANA3_OASIS: dict[str, FieldStrategies] = {
    "isolation": FieldStrategies(
        values=st.just("snapshot"),
        invalid=sample("", "snap", "snapshots", "snapshot, snapshot", '"snapshot"'),
        spellings=sample("Snapshot", "SNAPSHOT")),
    "repeatability-result": FieldStrategies(
        values=st.sampled_from(["accepted", "rejected"]),
        invalid=sample("", "accept", "ok", "accepted, rejected", '"accepted"', "true", "fail"),
        spellings=sample("Accepted", "REJECTED")),
    "soapaction": FieldStrategies(
        values=st.none() | st.sampled_from(
            ["", "http://electrocommerce.org/abc#MyMessage", "myapp.sdl", "urn:example:Op",
             "#frag", "/a/b?c=d"]) | st.from_regex(
                r"[a-z][a-z0-9+.-]{0,6}:(?:[A-Za-z0-9._~-][A-Za-z0-9/._~-]{0,20})?",
                fullmatch=True),
        invalid=sample("urn:example:Op", '"a b"', '"abc', '"a" "b"', '"a", "b"', "''",
                       '"http://[::1"', '"a\\b"', '"x:y" z')),
    "refresh": FieldStrategies(
        values=st.builds(Refresh, st.integers(0, 10**6), st.none() | _refresh_urls),
        invalid=sample("", "x", "5x", "-5", "+5", ";5", "url=/x", "5; javascript:alert(1)",
                       "5; url=JavaScript:void(0)", "5;url='javascript:x'", "5a; url=/x"),
        spellings=sample("5;URL=/x", "0, url=/x", "5 /x", "5.5", "5; url='/x'", ".5",
                         "5; url = /next", "3;https://a.example/")),
    "ping-from": _PING,
    "ping-to": _PING,
}
