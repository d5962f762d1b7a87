"""Origin: the origins that caused a request, or "null" for a privacy-sensitive one
(RFC 6454, 7; the Fetch standard sends exactly one origin).

    origin              = "Origin:" OWS origin-list-or-null OWS
    origin-list-or-null = %x6E %x75 %x6C %x6C / origin-list
    origin-list         = serialized-origin *( SP serialized-origin )
    serialized-origin   = scheme "://" host [ ":" port ]
"""

from collections.abc import Iterator

from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.uri import OpaqueOrigin, Origin, parse_origin, write_origin

Origins = tuple[Origin, ...] | OpaqueOrigin

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def parse(raw: str) -> Origins:
    # %x6E %x75 %x6C %x6C: "null" is case-sensitive, unlike an ABNF quoted literal
    if raw == "null":
        return OpaqueOrigin.NULL
    if raw == "":
        raise FieldError("empty Origin: expected a serialized origin or 'null'", 0)
    if raw.lower() == "null":
        raise FieldError("the opaque origin is written 'null', in lower case", 0)
    origins: list[Origin] = []
    pos = 0
    while True:
        stop = raw.find(" ", pos)
        stop = len(raw) if stop < 0 else stop
        if origins and (stop == pos or "://" not in raw[pos:stop]):
            # "https://exa mple.com": the space is the mistake, not what follows it
            raise FieldError("a space separates origins, and what follows this one is not "
                             "an origin (a host cannot contain spaces)", pos - 1)
        try:
            origins.append(parse_origin(raw, pos, stop))
        except FieldError:
            comma = raw.find(",", pos, stop)
            if comma >= 0:  # ',' is legal in a reg-name, but here it is a list separator
                raise FieldError("origins are separated by a space, not ','", comma) from None
            raise
        if stop == len(raw):
            return tuple(origins)
        pos = stop + 1  # origins are separated by exactly one SP


def write(value: Origins) -> str:
    if isinstance(value, OpaqueOrigin):
        return value.value
    return " ".join(write_origin(o) for o in value)


def lint(value: Origins, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, OpaqueOrigin):
        return
    for origin in value:
        if origin.port is not None and _DEFAULT_PORTS.get(origin.scheme) == origin.port:
            # browsers serialize an origin without its scheme's default port
            yield Diagnostic(f"{write_origin(origin)}: the default port of {origin.scheme} "
                             "is written out; browsers omit it")
    if len(value) > 1:
        yield Diagnostic("several origins: browsers send exactly one (Fetch standard)")


ORIGIN = FieldSpec("Origin", parse, write, "RFC 6454, 7", value_type="tuple[Origin, ...] | 'null'",
                   lint=lint, example="https://www.example.com")
