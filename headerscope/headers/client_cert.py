"""Client-Cert and Client-Cert-Chain: a TLS client certificate passed on by a proxy (RFC 9440).

A TLS-terminating reverse proxy tells the origin which certificate the client presented:

    Client-Cert = sf-binary        ; "Its value MUST be a Byte Sequence": the DER certificate
    Client-Cert-Chain = sf-list    ; "Each item in the list MUST be a Byte Sequence"

A DER certificate is an ASN.1 SEQUENCE, whose first byte is 0x30; anything else is reported
as a warning (the proxy likely sent PEM text or a hash), and an empty certificate as an error.
"""

from collections.abc import Iterator

from ._shared.sf_family import (
    Issue,
    bare_item_field,
    error,
    expect,
    items,
    member_values,
    sf_list_field,
    warning,
)
from .sf import Item, List

_SEQUENCE = 0x30  # the DER tag of an X.509 Certificate, "Certificate ::= SEQUENCE {"


def _der(value: bytes, *at: object) -> Iterator[Issue]:
    if not value:
        yield error("the certificate is empty", *at)
    elif value[0] != _SEQUENCE:
        yield warning(f"this does not look like a DER certificate (it starts with byte "
                      f"0x{value[0]:02x}, not 0x30, an ASN.1 SEQUENCE)", *at)


def _chain(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        problem = expect(member, (bytes,), "each certificate", i)
        if problem is not None:
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, bytes):
            yield from _der(member.value, i)


CLIENT_CERT = bare_item_field(
    "Client-Cert", "RFC 9440, 2.2", (bytes,), check_value=_der,
    value_type="bytes (DER)", example=":MAoGCCqGSM49BAMC:")
CLIENT_CERT_CHAIN = sf_list_field(
    "Client-Cert-Chain", "RFC 9440, 2.3", check=_chain,
    view=member_values, unview=items,
    value_type="tuple[bytes, ...] (DER)", example=":MAoGCCqGSM49BAMC:, :MAoGCCqGSM49BAMD:")
