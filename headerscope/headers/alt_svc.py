"""Alt-Svc: other places this origin can be reached, e.g. over HTTP/3 (RFC 7838, 3 and 3.1).

    Alt-Svc       = clear / 1#alt-value
    clear         = %s"clear"; "clear", case-sensitive
    alt-value     = alternative *( OWS ";" OWS parameter )
    alternative   = protocol-id "=" alt-authority
    protocol-id   = token ; percent-encoded ALPN protocol name
    alt-authority = quoted-string ; containing [ uri-host ] ":" port
    parameter     = token "=" ( token / quoted-string )
    ma            = delta-seconds ; freshness, default 24 hours
    persist       = "1"

The value is a tuple of `Alternative`s, or `(CLEAR,)`: "clear" invalidates every alternative
of the origin and must stand alone. The protocol-id is percent-decoded ("http%2F1.1" is
http/1.1); a needless or lower-case percent-encoding is a warning, since "recipients can apply
simple string comparison to match protocol identifiers". "Unknown parameters MUST be ignored"
(3): they are kept in `params`. A persist other than 1 is ignored by clients (3.1): a warning.
An empty parameter (a trailing ";", as in many copied examples) is accepted, as in RFC 9110
parameter lists. ma is a magnitude ("ma=0060" is 60); as a delta-seconds, a value too large
to count is 2^31: "the cache MUST consider the value to be 2147483648 (2^31)" (RFC 9111,
1.2.2), valid, with a warning.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping

from ..grammar import TCHARS, Cursor, over_ceiling, parse_list, quote, quote_string, read_count
from ._shared.content import list_lint
from ._shared.families import MAX_DELTA, ceiling_note
from ._shared.frozen import EMPTY, FrozenDict, frozen
from ._shared.host import Host, parse_host, write_host
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type

DEFAULT_MAX_AGE = 86400  # 3.1: "it is considered fresh for 24 hours from generation of the
# message. This can be modified with the "ma" (max-age) parameter"
_PCT_RE = re.compile(r"%(?:[0-9A-Fa-f]{2})?")
_MA_RE = re.compile(r"[0-9]+")


class Clear(enum.Enum):
    CLEAR = "clear"  # invalidate all alternatives for this origin


CLEAR = Clear.CLEAR


@value_type
class Alternative:
    protocol: str  # the ALPN protocol name, percent-decoded: "h3", "h2", "http/1.1"
    authority: Host  # an empty host means the origin's own host; the port is always there
    max_age: int = DEFAULT_MAX_AGE  # ma: seconds this alternative stays fresh
    persist: bool = False  # persist=1: keep it across network changes
    params: Mapping[str, str] = EMPTY  # unknown parameters, as sent


AltSvc = tuple[Alternative | Clear, ...]


def parse(raw: str) -> AltSvc:
    if raw == "clear":
        return (CLEAR,)
    return parse_list(raw, _alternative, at_least_one=True, what="Alt-Svc")


def _alternative(cur: Cursor, notes: list[Diagnostic] | None = None) -> Alternative:
    start = cur.pos
    token = cur.token("a protocol-id such as h3 or h2")
    if token.lower() == "clear" and cur.peek() != "=":
        raise FieldError("'clear' must be the whole value, in lower case; it cannot be listed "
                         "with alternatives", start)
    protocol = _decode_protocol(token, start, notes)
    if cur.peek() != "=":
        raise cur.unexpected("'=' and the alternative authority, as in h3=\":443\"")
    cur.pos += 1
    if cur.peek() != '"':
        raise cur.unexpected('the authority as a quoted-string, e.g. ":443" or '
                             '"alt.example.com:443"')
    quote_at = cur.pos
    content = cur.quoted_string()
    authority = _authority(cur.text, quote_at, cur.pos, content)
    return Alternative(protocol, authority, *_params(cur, notes))


def _decode_protocol(token: str, at: int, notes: list[Diagnostic] | None) -> str:
    if "%" not in token:
        return token
    for m in _PCT_RE.finditer(token):
        octet = m.group()
        if len(octet) != 3:
            raise FieldError("'%' in a protocol-id starts a percent-encoded octet: '%' and two "
                             "hex digits", at + m.start())
        if notes is None:
            continue
        # 3: octets "MUST NOT be percent-encoded if they are valid token characters except
        # "%", and, when using percent-encoding, uppercase hex digits MUST be used"
        if octet != octet.upper():
            notes.append(Diagnostic(f"percent-encoding in a protocol-id uses upper-case hex "
                                    f"digits ({octet.upper()}) so that it compares as a string",
                                    at + m.start()))
        elif (char := chr(int(octet[1:], 16))) in TCHARS and char != "%":
            notes.append(Diagnostic(f"{octet} encodes the token character {char!r}, which must "
                                    "be written as itself", at + m.start()))
    return _PCT_RE.sub(lambda m: chr(int(m.group()[1:], 16)), token)


def _authority(text: str, quote_at: int, end: int, content: str) -> Host:
    """`[ uri-host ] ":" port` inside the quotes, errors pointing into the raw value."""
    inner = text[quote_at + 1:end - 1]
    try:
        host = parse_host(text, quote_at + 1, end - 1) if inner == content else parse_host(content)
    except FieldError as exc:
        pos = exc.position if inner == content else quote_at + 1
        raise FieldError(f"{exc.reason} (in the alternative authority)", pos) from None
    if host.port is None:  # 3: "a colon (":"), and a port number"
        raise FieldError("the alternative authority needs ':' and a port, as in \":443\" or "
                         "\"alt.example.com:443\"", end - 1)
    return host


def _params(cur: Cursor,
            notes: list[Diagnostic] | None) -> tuple[int, bool, FrozenDict[str, str]]:
    """`*( OWS ";" OWS parameter )`: ma and persist typed, the others kept as sent."""
    max_age, persist = DEFAULT_MAX_AGE, False
    params: dict[str, str] = {}
    seen: set[str] = set()
    while cur.parameter(empty=True):  # a trailing ";", as in many copied examples, is skipped
        at = cur.pos
        name = cur.token("a parameter name").lower()
        cur.expect("=")
        value_at = cur.pos
        value = cur.token_or_quoted("a parameter value (a token or a quoted-string)")
        if name in seen:
            raise FieldError(f"parameter {name!r} is repeated", at)
        seen.add(name)
        if name == "ma":  # 3.1: ma = delta-seconds
            if _MA_RE.fullmatch(value) is None:
                raise FieldError(f"ma is a number of seconds (delta-seconds), not {value!r}",
                                 value_at)
            max_age = read_count(value, MAX_DELTA)
            if max_age == MAX_DELTA and notes is not None and over_ceiling(value, MAX_DELTA):
                notes.append(Diagnostic(ceiling_note("ma", MAX_DELTA), value_at))
        elif name == "persist" and value == "1":
            persist = True
        else:
            params[name] = value
            if name == "persist" and notes is not None:  # 3.1: "Clients MUST ignore "persist"
                # parameters with values other than "1""
                notes.append(Diagnostic(f"persist={value!r} is ignored: its only defined value "
                                        "is 1", value_at))
    return max_age, persist, frozen(params)


def write(value: AltSvc) -> str:
    return ", ".join(v.value if isinstance(v, Clear) else _write_alternative(v) for v in value)


def _write_alternative(a: Alternative) -> str:
    protocol = "".join(c if c in TCHARS and c != "%" else f"%{ord(c):02X}" for c in a.protocol)
    text = f"{protocol}={quote_string(write_host(a.authority))}"
    if a.max_age != DEFAULT_MAX_AGE:
        text += f"; ma={a.max_age}"
    if a.persist:
        text += "; persist=1"
    return text + "".join(f"; {k}={quote(v)}" for k, v in a.params.items())


def lint(value: AltSvc, raw: str) -> Iterator[Diagnostic]:
    notes: list[Diagnostic] = []
    if value != (CLEAR,):
        parse_list(raw, lambda cur: _alternative(cur, notes), at_least_one=True)
    return iter(notes)


ALT_SVC = FieldSpec("Alt-Svc", parse, write, "RFC 7838, 3", kind=Kind.LIST,
                    value_type="tuple[Alternative | Clear, ...]", lint=list_lint(lint),
                    example='h3=":443"; ma=86400, h2=":443"; ma=86400')
