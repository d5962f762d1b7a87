"""Readings of Structured Field bare items that several policy and caching units share.

- Text that a field lets be a Token or a String (cache and proxy names in Cache-Status and
  Proxy-Status, media ranges in Accept-Query, endpoint names in report-to): `text()` reads
  either as `str`, `text_item()` writes it back as a Token when it is one, else as a String.
- Origins and URLs carried in Strings (Permissions-Policy, Reporting-Endpoints,
  Speculation-Rules), read with the RFC 3986 productions of _uri.py: `url_origin()` is the
  origin a browser takes from a URL, `potentially_trustworthy()` is Secure Contexts, 3.1.
- `skipped()`: an error turned into a warning, for fields whose processing model skips one
  bad member and keeps the others (a browser's, as opposed to RFC 9651, 2.2's "the entire
  field is also ignored").
- `with_hint()`: a spec whose errors say what to send instead of a legacy form.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Callable
from typing import TypeVar

from ..sf import Item, Token, bare_item
from .host import HostKind
from .sf_family import Issue, warning
from .spec import FieldError, FieldSpec
from .uri import Origin, Uri, UriReference

T = TypeVar("T")
R = TypeVar("R")
# The schemes whose URLs have a tuple origin (WHATWG URL, "origin"); any other is opaque.
TUPLE_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}


def text(value: object) -> str | None:
    """The text of a Token or a String (an Item's, or a bare item's); None for anything else."""
    bare = value.value if type(value) is Item else value
    if type(bare) is str:
        return bare
    return bare.value if type(bare) is Token else None


def text_item(value: str) -> Token | str:
    """`value` as a Token when it is one, else as a String."""
    token = Token(value)
    try:
        bare_item(token)
    except ValueError:
        return value
    return token


def skipped(problem: Issue, consequence: str) -> Issue:
    """The same finding as a warning: the recipient skips the member and keeps the rest."""
    return warning(f"{problem.reason}; {consequence}", *problem.at)


def url_origin(ref: UriReference) -> Origin | None:
    """The tuple origin of an absolute URL (default port left out), None when it is opaque."""
    if not isinstance(ref, Uri) or ref.host is None or ref.scheme not in TUPLE_SCHEMES:
        return None
    port = ref.host.port
    if port == DEFAULT_PORTS[ref.scheme]:
        port = None
    return Origin(ref.scheme, ref.host.host, port, ref.host.kind)


def potentially_trustworthy(ref: UriReference) -> bool:
    """Secure Contexts, 3.1, for an absolute URL: https and wss, or a loopback host. A relative
    reference resolves against the response's own URL, which is trusted if the page is."""
    if not isinstance(ref, Uri):
        return True
    if ref.scheme in ("https", "wss"):
        return True
    host = ref.host
    if host is None:
        return False
    if host.kind is HostKind.IPV4 or host.kind is HostKind.IPV6:
        return ipaddress.ip_address(host.host).is_loopback
    # "If origin's host is "localhost" or "localhost.", or ... ends with ".localhost"
    return host.host in ("localhost", "localhost.") or host.host.rstrip(".").endswith(
        ".localhost")


def with_hint(spec: FieldSpec[T], hint: Callable[[str], str | None]) -> FieldSpec[T]:
    """`spec`, whose errors gain a sentence from `hint(raw)` when it has one: for a value in
    an older, non-SF form of the field (an HTTP-date, Feature-Policy's syntax)."""
    def hinted(parse: Callable[[str], R]) -> Callable[[str], R]:
        def parse_hinted(raw: str) -> R:
            try:
                return parse(raw)
            except FieldError as exc:
                extra = hint(raw)
                if extra is None:
                    raise
                raise FieldError(f"{exc.reason}; {extra}", exc.position) from None
        return parse_hinted

    analyse = None if spec.analyse is None else hinted(spec.analyse)
    return dataclasses.replace(spec, parse=hinted(spec.parse), analyse=analyse)
