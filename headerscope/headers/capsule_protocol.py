"""Capsule-Protocol: the data stream of this request or response carries capsules (RFC 9297).

RFC 9297, 3.4. A Structured Field Item:

    Capsule-Protocol = sf-boolean   ; ?1

"Its value MUST be a Boolean; any other value type MUST be handled as if the field were not
present by recipients": another type is an error. "A Capsule-Protocol header field with a
false value has the same semantics as when the header is not present": ?0 is a warning.
"Receivers MUST ignore unknown parameters", so parameters are left out of the value.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, boolean_item_field, warning


def _meaningful(value: bool) -> Iterator[Issue]:
    if not value:
        yield warning("Capsule-Protocol: ?0 means the same as not sending the field "
                      "(RFC 9297, 3.4); the capsule protocol is not in use")


CAPSULE_PROTOCOL = boolean_item_field("Capsule-Protocol", "RFC 9297, 3.4", example="?1",
                                      check_value=_meaningful)
