"""Sec-Purpose: the request is speculative, for a page the user may open next (WHATWG Fetch).

A Structured Field List of Tokens with parameters:

    Sec-Purpose = sf-list   ; prefetch, prefetch;prerender, prefetch;anonymous-client-ip

prefetch is the one purpose defined so far; Chromium marks a prerender as
`prefetch;prerender` and a prefetch sent through an anonymizing proxy as
`prefetch;anonymous-client-ip`. A member that is not a Token is an error; an unknown
purpose or parameter is a warning (a new one may be defined), and is not in the value.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, expect, sf_list_field, warning
from ._shared.value import value_type
from .sf import Item, List, Token

PURPOSES = frozenset({"prefetch"})
FLAGS = {"prerender": "prerender", "anonymous-client-ip": "anonymous_client_ip"}


@value_type
class Purpose:
    purpose: str  # "prefetch"
    prerender: bool = False  # ;prerender: fetched for a prerendered page
    anonymous_client_ip: bool = False  # ;anonymous-client-ip: sent through a privacy proxy


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (Token,), "a purpose", i):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, Token):
            if member.value.value not in PURPOSES:
                yield warning(f"{member.value.value!r} is not a defined purpose (prefetch)", i)
            for name, value in member.params.items():
                if name not in FLAGS:
                    yield warning(f"unknown parameter {name!r} (known: prerender, "
                                  "anonymous-client-ip); it is ignored", i, ";" + name)
                elif type(value) is not bool:
                    yield warning(f"{name} is a flag, true when present: ;{name}", i,
                                  ";" + name)


def _view(members: List) -> tuple[Purpose, ...]:
    return tuple(Purpose(m.value.value, **{attr: m.params.get(name) is True
                                           for name, attr in FLAGS.items()})
                 for m in members if isinstance(m, Item) and isinstance(m.value, Token))


def _unview(purposes: tuple[Purpose, ...]) -> List:
    return tuple(Item(Token(p.purpose), {name: True for name, attr in FLAGS.items()
                                         if getattr(p, attr)}) for p in purposes)


SEC_PURPOSE = sf_list_field("Sec-Purpose", "WHATWG Fetch, Sec-Purpose", check=_check,
                            view=_view, unview=_unview, value_type="tuple[Purpose, ...]",
                            example="prefetch;prerender")
