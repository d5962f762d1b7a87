"""Hobareg: the state of an HTTP Origin-Bound Authentication registration (RFC 7486, 6.1.1).

The section gives no ABNF; its prose is the grammar: "The server MUST add a header field to
the response message when the registration has succeeded in order to indicate the new state.
The header to be used is "Hobareg", and the value when registration has succeeded is to be
"regok". When registration is in an intermediate state (e.g., on an HTTP response for an
interstitial page), the server MAY add this header with a value of "reginwork"." (Read in a
verbatim quotation of 6.1.1, webconcepts.info; the RFC mirrors found held only its opening
pages.) So the value is one of the two words, a single token, spelt as given: the text names
no other value and says nothing of case.
"""

from __future__ import annotations

from ._shared.families import token_field

HOBAREG = token_field("Hobareg", "RFC 7486, 6.1.1", ("regok", "reginwork"), lower=False,
                      example="regok")
