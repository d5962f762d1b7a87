"""Concealed-Auth-Export: a TLS keying material exporter output, from frontend to backend.

The Concealed HTTP Authentication Scheme (RFC 9729), 5.2. A Structured Field Item:

    Concealed-Auth-Export = sf-binary   ; :VGhpcyBleGFtcGxlIFRMUyBleHBvcnRlciBvdXRwdXQgaXMg...:

"The Concealed-Auth-Export header field's value is a Structured Field Byte Sequence ... that
contains the 48-byte key exporter output ..., without any parameters": another type or
length is an error, a parameter a warning. A backend "MUST ignore it unless [it has]
already established that [it] trust[s] the sender" - a matter of the connection, not of the
value.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, error, expect, sf_item_field, warning
from .sf import Item

EXPORT_LENGTH = 48  # "the 48-byte key exporter output"


def _check(item: Item) -> Iterator[Issue]:
    if problem := expect(item, (bytes,), "Concealed-Auth-Export"):
        yield problem
    elif isinstance(item.value, bytes) and len(item.value) != EXPORT_LENGTH:
        yield error(f"the key exporter output is {EXPORT_LENGTH} bytes long; this one has "
                    f"{len(item.value)}")
    for name in item.params:
        yield warning(f"Concealed-Auth-Export is sent without parameters; ;{name} is "
                      "ignored", ";" + name)


def _view(item: Item) -> bytes:
    return item.value if isinstance(item.value, bytes) else b""  # a Byte Sequence, checked


CONCEALED_AUTH_EXPORT = sf_item_field(
    "Concealed-Auth-Export", "RFC 9729, 5.2", check=_check, view=_view, unview=Item,
    value_type="bytes (48)",
    example=":VGhpcyBleGFtcGxlIFRMUyBleHBvcnRlciBvdXRwdXQgaXMgNDggYnl0ZXMgI/+h:")
