from __future__ import annotations

import pytest

from headerscope.headers._shared.host import Host, HostKind
from headerscope.headers.alt_svc import ALT_SVC, CLEAR, Alternative, AltSvc

from ._content_helpers import rejects, round_trips, warned, warnings

HERE_443 = Host("", 443)


@pytest.mark.parametrize(("raw", "expected"), [
    ("clear", (CLEAR,)),
    # Cloudflare and Google
    ('h3=":443"; ma=86400', (Alternative("h3", HERE_443, 86400),)),
    ('h3=":443"; ma=2592000,h3-29=":443"; ma=2592000',
     (Alternative("h3", HERE_443, 2592000), Alternative("h3-29", HERE_443, 2592000))),
    # RFC 7838's examples
    ('h2="new.example.org:80"', (Alternative("h2", Host("new.example.org", 80)),)),
    ('h2c=":8000", h2=":443"', (Alternative("h2c", Host("", 8000)), Alternative("h2", HERE_443))),
    ('h2=":443"; ma=2592000; persist=1', (Alternative("h2", HERE_443, 2592000, True),)),
    ('w%3Dx%3Ay#z=":1"', (Alternative("w=x:y#z", Host("", 1)),)),  # the RFC's escaping table
    ('x%25y=":1"', (Alternative("x%y", Host("", 1)),)),
    ('http%2F1.1="[2001:db8::1]:8080"',
     (Alternative("http/1.1", Host("2001:db8::1", 8080, HostKind.IPV6)),)),
    # Google's old QUIC advertisement: an unknown parameter is kept, and ignored
    ('quic=":443"; ma=2592000; v="46,43"',
     (Alternative("quic", HERE_443, 2592000, False, {"v": "46,43"}),)),
    ('h3=":443"; ma=86400;', (Alternative("h3", HERE_443, 86400),)),  # MDN's trailing ";"
    ('H3="Alt.Example.COM:443"; MA="60"', (Alternative("H3", Host("alt.example.com", 443), 60),)),
])
def test_parses(raw: str, expected: AltSvc) -> None:
    assert ALT_SVC.parse(raw) == expected


def test_writes_canonical_text() -> None:
    round_trips(ALT_SVC, 'h3=":443";ma=86400;persist=1, http%2f1.1=":80"',
                'h3=":443"; persist=1, http%2F1.1=":80"')  # 86400 is ma's default


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element is required", 0),
    ('clear, h2=":443"', "'clear' must be the whole value", 0),
    ("Clear", "'clear' must be the whole value, in lower case", 0),
    ("h2=:443", "expected the authority as a quoted-string", 3),
    ('h2 = ":443"', "expected '=' and the alternative authority", 2),
    ('h2="example.com"', "needs ':' and a port", 15),
    ('h2=""', "needs ':' and a port", 4),
    ('h2=":99999"', "port 99999 is out of range", 5),
    ('h2="a b:1"', "U+0020 is not allowed in a host", 5),
    ('h2=":443"; ma=-1', "ma is a number of seconds (delta-seconds), not '-1'", 14),
    ('h2=":443"; ma=1d', "ma is a number of seconds", 14),
    ('h2=":443"; ma=1; MA=2', "parameter 'ma' is repeated", 17),
    ('h%2=":1"', "'%' in a protocol-id starts a percent-encoded octet", 1),
    ('h2=":443" h3=":443"', "expected ',' or the end of the value, found 'h'", 10),
    ('h2=":443"; persist', "expected '='", 18),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ALT_SVC, raw, fragment, position)


def test_warnings() -> None:
    assert warnings(ALT_SVC, 'h3=":443"; ma=86400, h3-29=":443"; ma=86400') == []
    warned(ALT_SVC, 'h2=":443"; persist=0', "persist='0' is ignored", 19)
    warned(ALT_SVC, 'http%2f1.1=":80"', "upper-case hex digits (%2F)", 4)
    warned(ALT_SVC, 'h%32=":80"', "%32 encodes the token character '2'", 1)
    assert warnings(ALT_SVC, 'a%25b=":80"') == []  # "%" itself must be encoded
