"""Repeatability-Result: whether a server accepted a repeatable request (OASIS Repeatable
Requests Version 1.0, "Repeatability-Result").

The specification gives no ABNF; its sentence is the grammar: "Servers aware of repeatability
MUST return the Repeatability-Result response header in the result of a repeatable request with
one of the case-insensitive values accepted or rejected." So the value is one token from that
closed set, compared without case, and written in lower case.

The specification's three request fields are not registered (docs/fields-without-grammar.md):
Repeatability-Request-ID and Repeatability-Client-ID are "an opaque string" with no syntax, and
the form of Repeatability-First-Sent's date could not be read in the specification's own text.
"""

from __future__ import annotations

from ._shared.families import token_field

REPEATABILITY_RESULT = token_field(
    "Repeatability-Result", "OASIS Repeatable Requests 1.0, Repeatability-Result",
    {"accepted", "rejected"}, example="accepted")
