"""Accept-CH: the client hints a server wants in the requests that follow (RFC 8942, 3.1).

A Structured Field List of Tokens, each the name of a hint's request header field:

    Accept-CH = sf-list   ; Sec-CH-UA-Model, Sec-CH-UA-Platform-Version, Sec-CH-DPR

"Accept-CH is a Structured Header. Its value MUST be an sf-list ... whose members are
tokens": a member of another type is an error (RFC 9651, 2.2: the field is then ignored). Hints are
field names, compared without regard to case. A hint no browser knows is a warning, as it is
ignored; so is a legacy name that Client Hints Infrastructure renamed Sec-CH-*, and the
deprecated Sec-CH-UA-Full-Version. The value keeps each hint as sent.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, expect, sf_list_field, warning
from .sf import Item, List, Token

HINTS = frozenset({
    "sec-ch-ua", "sec-ch-ua-arch", "sec-ch-ua-bitness", "sec-ch-ua-form-factors",
    "sec-ch-ua-full-version-list", "sec-ch-ua-mobile", "sec-ch-ua-model",
    "sec-ch-ua-platform", "sec-ch-ua-platform-version", "sec-ch-ua-wow64",
    "sec-ch-prefers-color-scheme", "sec-ch-prefers-reduced-motion",
    "sec-ch-prefers-reduced-transparency", "sec-ch-prefers-contrast", "sec-ch-forced-colors",
    "sec-ch-device-memory", "sec-ch-dpr", "sec-ch-viewport-width", "sec-ch-viewport-height",
    "sec-ch-width", "downlink", "ect", "rtt", "save-data"})
RENAMED = {"dpr": "Sec-CH-DPR", "width": "Sec-CH-Width", "viewport-width":
           "Sec-CH-Viewport-Width", "device-memory": "Sec-CH-Device-Memory",
           "sec-ch-ua-full-version": "Sec-CH-UA-Full-Version-List"}


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (Token,), "each client hint", i):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, Token):
            hint = member.value.value
            if hint.lower() in RENAMED:
                yield warning(f"{hint} is superseded: ask for {RENAMED[hint.lower()]}, "
                              "which browsers send instead", i)
            elif hint.lower() not in HINTS:
                yield warning(f"{hint!r} is not a client hint browsers know; they ignore it",
                              i)


def _view(members: List) -> tuple[str, ...]:
    return tuple(m.value.value for m in members
                 if isinstance(m, Item) and isinstance(m.value, Token))


def _unview(hints: tuple[str, ...]) -> List:
    return tuple(Item(Token(hint)) for hint in hints)


ACCEPT_CH = sf_list_field("Accept-CH", "RFC 8942, 3.1", check=_check, view=_view,
                          unview=_unview, value_type="tuple[str, ...] (hint names)",
                          example="Sec-CH-UA-Model, Sec-CH-UA-Platform-Version")
