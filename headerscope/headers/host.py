"""Host and Alt-Used: the authority a request is for, or the alternative service it used.

Host (RFC 9110, 7.2; RFC 9112, 3.2) carries the host and port of the target URI; an empty
value is what a client sends when the target URI has no authority. Alt-Used (RFC 7838, 5)
names the alternative service in use, with the same shape.

    Host     = uri-host [ ":" port ]
    Alt-Used = uri-host [ ":" port ]
    uri-host = IP-literal / IPv4address / reg-name          (RFC 3986, 3.2.2)
    port     = *DIGIT
"""

import re
from typing import Any

from ._shared.host import IPV4_RE, Host, HostKind, parse_host, write_host
from ._shared.spec import SLOW, Diagnostic, FieldError, FieldSpec


def parse(raw: str) -> Host:
    scheme_end = raw.find("://")
    if scheme_end > 0 and "/" not in raw[:scheme_end]:
        raise FieldError(f"{raw[:scheme_end]}:// starts a URI; this field takes only "
                         "host[:port]", scheme_end)
    return parse_host(raw)


def write(value: Host) -> str:
    return write_host(value)


def lint(value: Host, raw: str) -> list[Diagnostic]:
    if raw.endswith(":"):
        # "URI producers and normalizers should omit the port component and its ':'
        # delimiter if port is empty" (RFC 3986, 3.2.3)
        return [Diagnostic("empty port after ':'; omit the ':'", len(raw) - 1)]
    return []


# What browsers send: an IPv4 address or a lower-case name, and a port of up to five digits.
# Anything else (upper case, IP literals, percent-encoding, an empty port, errors) is left
# to parse.
_COMMON_RE = re.compile(rf"(?:({IPV4_RE.pattern})|([a-z0-9._~-]+))(?::([0-9]{{1,5}}))?")


def fast(raw: str) -> Any:
    m = _COMMON_RE.fullmatch(raw)
    if m is None:
        return SLOW
    ipv4, name, port = m.groups()
    number = None if port is None else int(port)
    if number is not None and number > 65535:
        return SLOW
    return Host(name, number) if ipv4 is None else Host(ipv4, number, HostKind.IPV4)


HOST = FieldSpec("Host", parse, write, "RFC 9110, 7.2", value_type="Host", lint=lint,
                 example="www.example.com:8080", fast=fast)
ALT_USED = FieldSpec("Alt-Used", parse, write, "RFC 7838, 5", value_type="Host", lint=lint,
                     example="alt.example.net:443", fast=fast)
