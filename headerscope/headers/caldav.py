"""CalDAV-Timezones: whether a CalDAV client wants VTIMEZONE components in the iCalendar data
of a response (RFC 7809, 7.1).

    CalDAV-Timezones = "T" / "F"

"T" asks the server to return time zone data, "F" asks it to leave it out (the time zones are
then known by reference, from a time zone distribution service). Quoted strings in ABNF are
case-insensitive (RFC 5234, 2.3), so "t" and "f" are read as well, as WebDAV's Overwrite is.

Source of the grammar: RFC 7809's own text could not be read here (the stored copies of the
RFC stop before section 7); the production above is quoted, with its section, by a third-party
header library (a Haskell module, Network.HTTP.Headers.CalDAVTimezones). Cal-Managed-ID
(RFC 8607, 5.1) is not registered: see docs/fields-without-grammar.md.
"""

from __future__ import annotations

from ._shared.spec import FieldSpec
from .webdav import parse_overwrite, write_overwrite

CALDAV_TIMEZONES = FieldSpec("CalDAV-Timezones", parse_overwrite, write_overwrite,
                             "RFC 7809, 7.1", value_type="bool", example="F")
