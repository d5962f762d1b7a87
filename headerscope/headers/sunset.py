"""Sunset: when the resource is expected to become unresponsive (RFC 8594, 3).

    Sunset = HTTP-date

"Timestamps in the past mean that the resource is expected to become unavailable at any
time." All three HTTP-date forms parse; the obsolete ones are warnings, as for every date.
"""

from ._shared.families import date_field

SUNSET = date_field("Sunset", "RFC 8594, 3", example="Thu, 31 Dec 2026 23:59:59 GMT")
