"""Host and Alt-Used: the authority a request is for, or the alternative service it used.

Host (RFC 9110, 7.2; RFC 9112, 3.2) carries the host and port of the target URI; an empty
value is what a client sends when the target URI has no authority. Alt-Used (RFC 7838, 5)
names the alternative service in use, with the same shape.

    Host     = uri-host [ ":" port ]
    Alt-Used = uri-host [ ":" port ]
    uri-host = IP-literal / IPv4address / reg-name          (RFC 3986, 3.2.2)
    port     = *DIGIT
"""

from collections.abc import Iterator

from ._spec import Diagnostic, FieldError, FieldSpec
from ._uri import Host, parse_host, write_host


def parse(raw: str) -> Host:
    scheme_end = raw.find("://")
    if scheme_end > 0 and "/" not in raw[:scheme_end]:
        raise FieldError(f"{raw[:scheme_end]}:// starts a URI; this field takes only "
                         "host[:port]", scheme_end)
    return parse_host(raw)


def write(value: Host) -> str:
    return write_host(value)


def lint(value: Host, raw: str) -> Iterator[Diagnostic]:
    if raw.endswith(":"):
        # "URI producers and normalizers should omit the port component and its ':'
        # delimiter if port is empty" (RFC 3986, 3.2.3)
        yield Diagnostic("empty port after ':'; omit the ':'", len(raw) - 1)


HOST = FieldSpec("Host", parse, write, "RFC 9110, 7.2", value_type="Host", lint=lint,
                 example="www.example.com:8080")
ALT_USED = FieldSpec("Alt-Used", parse, write, "RFC 7838, 5", value_type="Host", lint=lint,
                     example="alt.example.net:443")
