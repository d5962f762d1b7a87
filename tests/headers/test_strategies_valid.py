"""Every valid() draw of a field whose strategies draw parameters parses without an error.

Where a field's grammar or parser lets a parameter name occur once, the strategies must draw
names that differ case-insensitively ("Parameter names are case-insensitive", RFC 9110, 5.6.6),
and Accept's media-range parameters must hold no "q": "q" is the weight that separates them
from the extension parameters (RFC 9110, 12.5.1). `valid("Accept")` once drew
`0/0;0=0;0=C;Q=0`, which the parser rightly rejects; each field below is drawn many times.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headerscope.headers import REGISTRY
from headerscope.strategies import valid

# The fields whose strategies draw `;name=value` parameters or auth-params: found by grepping
# headerscope/strategies/ for the parameter building blocks. Structured Fields are left out:
# their parameters are a dict of lower-case keys by the type itself (RFC 9651, 3.1.2).
PARAMETER_FIELDS = [
    "Accept", "Accept-Patch", "Accept-Post", "Alt-Svc", "Authentication-Info",
    "Authorization", "Content-Disposition", "Content-Type", "Expect", "Forwarded", "Link",
    "Link-Template", "Prefer", "Proxy-Authenticate", "Proxy-Authentication-Info",
    "Proxy-Authorization", "Purpose", "Sec-WebSocket-Extensions", "Server-Timing", "TE",
    "Transfer-Encoding", "WWW-Authenticate",
]


@pytest.mark.parametrize("name", PARAMETER_FIELDS)
@settings(max_examples=150)
@given(data=st.data())
def test_valid_draws_parse(name: str, data: st.DataObject) -> None:
    raw = data.draw(valid(name))
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, (raw, parsed.error)


@pytest.mark.parametrize(("name", "raw"), [
    ("Accept", "0/0;0=0;0=C;Q=0"),  # the draw of the issue: one name twice, in two cases
    ("Accept", "text/html;a=1;A=2"),
    ("Content-Type", "text/plain;Charset=a;charset=b"),
    ("Sec-WebSocket-Extensions", "x; a=1; a=2"),
])
def test_the_parser_refuses_a_repeated_name(name: str, raw: str) -> None:
    """What the property above guards against is a real error: it could fail."""
    error = REGISTRY.parse(name, raw).error
    assert error is not None and "repeated" in error.reason
