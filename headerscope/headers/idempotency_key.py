"""Idempotency-Key: lets a client retry a POST or PATCH without doing it twice.

draft-ietf-httpapi-idempotency-key-header, 2.1: "Idempotency-Key is an Item Structured
Header. Its value MUST be a String."

    Idempotency-Key = sf-string   ; "8e03978e-40d5-43e8-bc93-6894a57f9324"

"The idempotency key MUST be unique": an empty key cannot be, hence a warning. A bare token
(no quotes) is not a String: an error, which many servers silently get wrong.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, string_item_field, warning


def _unique(value: str) -> Iterator[Issue]:
    if not value:
        yield warning('an empty key cannot be unique; "It is RECOMMENDED that a UUID or a '
                      'similar random identifier be used"')


IDEMPOTENCY_KEY = string_item_field(
    "Idempotency-Key", "draft-ietf-httpapi-idempotency-key-header-07, 2.1",
    check_value=_unique, example='"8e03978e-40d5-43e8-bc93-6894a57f9324"')
