"""Strategies for the WebDAV-family fields of issue 17's third batch: CalDAV-Timezones,
RFC 2518's Status-URI, Apply-To-Redirect-Ref, Redirect-Ref and Position.

Invalid texts are the mistakes each grammar rules out: a flag spelled as a word or quoted, a
status code of two or four digits, a Coded-URL that is not absolute or not closed, a position
that is not a placement, a segment with a space or a broken escape.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..headers.types import CodedUrl, Placement, Position, StatusUriEntry
from ._addresses import BAD_URIS, dns_names, segments, uri_references
from ._common import FieldStrategies, sample, tuples

_BAD_FLAGS = ("", "true", "TF", "1", "T, F", '"T"', "Y", "T F")

_coded_urls = st.one_of(
    st.builds(lambda u: CodedUrl(f"urn:uuid:{u}"), st.uuids()),
    st.builds(lambda s, h, p: CodedUrl(f"{s}://{h}/{p}"), st.sampled_from(["http", "https"]),
              dns_names, segments))
_status_entries = st.builds(StatusUriEntry, st.integers(0, 999), _coded_urls)
# RFC 2396's segment: pchar runs with ";" params; escapes as written
_rfc2396_segments = st.from_regex(r"(?:[A-Za-z0-9\-_.!~*'():@&=+$,;]|%[0-9A-Fa-f]{2}){1,12}",
                                  fullmatch=True)
_positions = st.one_of(
    st.sampled_from([Position(Placement.FIRST), Position(Placement.LAST)]),
    st.builds(Position, st.sampled_from([Placement.BEFORE, Placement.AFTER]), _rfc2396_segments))

IANA3_DAV: dict[str, FieldStrategies] = {
    "caldav-timezones": FieldStrategies(values=st.booleans(), invalid=sample(*_BAD_FLAGS),
                                        spellings=sample("t", "f")),
    "status-uri": FieldStrategies(
        values=tuples(_status_entries),
        invalid=sample("20 <urn:x>", "2000 <urn:x>", "200", "200 urn:x", "200 <x>", "<urn:x>",
                       "200 <urn:x>, 404 <urn:y>", "200 <urn:x", "200 <urn:x#f>",
                       "200 <urn:x> 404", "OK <urn:x>", "200 < urn:x>"),
        spellings=sample("200<urn:x>404<urn:y>", "102  <http://a.example/>\t200 <urn:z>",
                         "007 <urn:x>")),
    "apply-to-redirect-ref": FieldStrategies(values=st.booleans(), invalid=sample(*_BAD_FLAGS),
                                             spellings=sample("t", "f")),
    "redirect-ref": FieldStrategies(values=uri_references(), invalid=sample(*BAD_URIS)),
    "position": FieldStrategies(
        values=_positions,
        invalid=sample("", "middle", "afterx", "first x", "last;", "before/x", "after a b",
                       "after a%2", "after a%zz", "after \u00e9", "after a/b", "after a?b",
                       '"first"', "after a#b"),
        spellings=sample("First", "LAST", "Before\t a%20b;v=1", "after", "AFTER  x")),
}
