"""Proxy-Status: how each intermediary handled the response, and why it failed (RFC 9209, 2).

A Structured Field List; each member names an intermediary (a Token or a String), the one
nearest the origin first, with parameters from the HTTP Proxy-Status Parameters registry:

    Proxy-Status = sf-list   ; ExampleCDN; error=connection_timeout, "revproxy1";
                             ;   received-status=200; next-hop=backend.example.net
    error            = sf-token            ; a proxy error type (RFC 9209, 2.3 registry)
    next-hop         = sf-string / sf-token ; the next hop's hostname, address or alias
    next-protocol    = sf-token / sf-binary ; its ALPN protocol identifier
    received-status  = sf-integer          ; the status code the next hop sent
    details          = sf-string           ; free text
    next-hop-aliases = sf-string           ; DNS aliases of the next hop

The error types are a closed set: an unknown one is an error, with the nearest registered
name as a hint; so is a parameter of the wrong type. Some error types have parameters of
their own (dns_error: rcode, info-code; ...); one sent with another error type, or a
parameter the registry does not have, is a warning. Both are kept in `params`.
"""

from collections.abc import Iterator
from difflib import get_close_matches

from ._shared.frozen import EMPTY, frozen
from ._shared.sf_family import Issue, error, expect, present, sf_list_field, warning
from ._shared.sf_values import text, text_item
from ._shared.value import value_type
from .sf import BareItem, Item, List, Params, Token

_INT, _STR, _TEXT = (int,), (str,), (str, Token)
PARAMETERS: dict[str, tuple[type, ...]] = {
    "error": (Token,), "next-hop": _TEXT, "next-protocol": (Token, bytes),
    "received-status": _INT, "details": _STR, "next-hop-aliases": _STR}
# Each proxy error type of RFC 9209, 2.3, with its "Extra Parameters".
ERRORS: dict[str, dict[str, tuple[type, ...]]] = {
    "dns_timeout": {}, "dns_error": {"rcode": _STR, "info-code": _INT},
    "destination_not_found": {}, "destination_unavailable": {},
    "destination_ip_prohibited": {}, "destination_ip_unroutable": {},
    "connection_refused": {}, "connection_terminated": {}, "connection_timeout": {},
    "connection_read_timeout": {}, "connection_write_timeout": {},
    "connection_limit_reached": {}, "tls_protocol_error": {}, "tls_certificate_error": {},
    "tls_alert_received": {"alert-id": _INT, "alert-message": _TEXT},
    "http_request_error": {"status-code": _INT, "status-phrase": _STR},
    "http_request_denied": {}, "http_response_incomplete": {},
    "http_response_header_section_size": {"header-section-size": _INT},
    "http_response_header_size": {"header-name": _STR, "header-size": _INT},
    "http_response_body_size": {"body-size": _INT},
    "http_response_trailer_section_size": {"trailer-section-size": _INT},
    "http_response_trailer_size": {"trailer-name": _STR, "trailer-size": _INT},
    "http_response_transfer_coding": {"coding": _TEXT},
    "http_response_content_coding": {"coding": _TEXT}, "http_response_timeout": {},
    "http_upgrade_failed": {}, "http_protocol_error": {}, "proxy_internal_response": {},
    "proxy_internal_error": {}, "proxy_configuration_error": {}, "proxy_loop_detected": {}}
BELONGS_TO = {name: kind for kind, extra in ERRORS.items() for name in extra}


@value_type
class ProxyStatus:
    """One intermediary's account of the response; None: it did not say."""

    proxy: str  # its name, a Token or String as sent
    error: str | None = None  # a proxy error type, e.g. "connection_timeout"
    next_hop: str | None = None
    next_protocol: bytes | None = None  # an ALPN identifier, e.g. b"h2"
    received_status: int | None = None
    details: str | None = None
    params: Params = EMPTY  # the error type's own, and extensions


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (Token, str), "each intermediary's name", i):
            yield problem
            continue
        kind = member.params.get("error")
        extra = ERRORS.get(kind.value, {}) if isinstance(kind, Token) else {}
        for name, value in member.params.items():
            yield from _parameter(name, value, extra, (i, ";" + name))


def _parameter(name: str, value: BareItem, extra: dict[str, tuple[type, ...]],
               at: tuple[object, ...]) -> Iterator[Issue]:
    types = PARAMETERS.get(name) or extra.get(name)
    if types is None:
        if name in BELONGS_TO:
            yield warning(f"{name} belongs to error={BELONGS_TO[name]}; with this error type "
                          "it means nothing", *at)
        else:
            yield warning(f"{name!r} is not a parameter of the Proxy-Status registry", *at)
    elif problem := expect(value, types, name, *at):
        yield problem
    elif name == "error" and isinstance(value, Token) and value.value not in ERRORS:
        near = get_close_matches(value.value, ERRORS, 1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        yield error(f"{value.value!r} is not a proxy error type of RFC 9209, 2.3{hint}", *at)
    elif name == "next-protocol" and isinstance(value, bytes) and _token(value):
        # "If the protocol identifier is able to be expressed as a Token using ASCII
        # encoding, that form MUST be used."
        yield warning(f"next-protocol must be the Token {value.decode()} when it can be "
                      "one (RFC 9209, 2.1.3)", *at)


def _token(value: bytes) -> bool:
    return value.isascii() and isinstance(text_item(value.decode("ascii")), Token)


def _entry(member: Item) -> ProxyStatus:
    p = member.params
    protocol = p.get("next-protocol")
    if isinstance(protocol, Token):
        protocol = protocol.value.encode("ascii")
    status = p.get("received-status")
    return ProxyStatus(
        text(member) or "", error=text(p.get("error")), next_hop=text(p.get("next-hop")),
        next_protocol=protocol if isinstance(protocol, bytes) else None,
        received_status=status if type(status) is int else None,
        details=text(p.get("details")),
        params=frozen([(k, v) for k, v in p.items()
                       if k not in PARAMETERS or k == "next-hop-aliases"]))


def _view(members: List) -> tuple[ProxyStatus, ...]:
    return tuple(_entry(m) for m in members if isinstance(m, Item))


def _unview(statuses: tuple[ProxyStatus, ...]) -> List:
    out = []
    for s in statuses:
        protocol: BareItem | None = s.next_protocol
        if s.next_protocol is not None and _token(s.next_protocol):
            protocol = Token(s.next_protocol.decode("ascii"))
        params = present(
            ("error", None if s.error is None else Token(s.error)),
            ("next-hop", None if s.next_hop is None else text_item(s.next_hop)),
            ("next-protocol", protocol), ("received-status", s.received_status),
            ("details", s.details))
        out.append(Item(text_item(s.proxy), params | dict(s.params)))
    return tuple(out)


PROXY_STATUS = sf_list_field(
    "Proxy-Status", "RFC 9209, 2", check=_check, view=_view, unview=_unview,
    value_type="tuple[ProxyStatus, ...]",
    example='ExampleCDN; error=connection_timeout, "revproxy1"; received-status=200')
