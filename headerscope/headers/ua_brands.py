"""Sec-CH-UA and Sec-CH-UA-Full-Version-List: the browser's brands and their versions.

User-Agent Client Hints (WICG), 3.1 and 3.4. Each is a Structured Field List of Strings,
the brand, each with a String parameter "v", its significant or full version:

    Sec-CH-UA = sf-list                    ; "Chromium";v="130", "Not?A_Brand";v="99"
    Sec-CH-UA-Full-Version-List = sf-list  ; "Chromium";v="130.0.6723.91", ...

"The list's items MUST be string. The value of each item SHOULD include a "v" parameter,
indicating the user agent's version": a member that is not a String, or whose "v" is not a
String, makes the list unusable; a missing "v" is a warning; other parameters are ignored.
Browsers add made-up "GREASE" brands with "escaped double-quotes, commas and semi-colons"
("Not?A_Brand", "Not)A;Brand") so that servers parse the list rather than match it: they
are legal, and parsed like any other brand.
"""

import re
from collections.abc import Iterator
from typing import Any

from ._shared.sf_family import Issue, expect, sf_list_field, warning
from ._shared.spec import SLOW, FieldSpec
from ._shared.value import value_type
from .sf import Item, List


@value_type
class Brand:
    brand: str  # "Google Chrome"
    version: str | None  # "130", "130.0.6723.91" in the full version list; None if not sent


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        problem = expect(member, (str,), "each brand", i)
        if problem is not None:
            yield problem
        elif isinstance(member, Item):  # always, once expect() took it
            version = member.params.get("v")
            if version is None:
                yield warning(f'the brand "{member.value!s}" has no version: each brand '
                              'SHOULD have a "v" parameter, as in "Chromium";v="130"', i)
            elif (problem := expect(version, (str,), 'the "v" parameter', i, ";v")):
                yield problem


def _view(members: List) -> tuple[Brand, ...]:
    return tuple(Brand(m.value, m.params.get("v"))  # type: ignore[union-attr, arg-type]
                 for m in members)


def _unview(brands: tuple[Brand, ...]) -> List:
    return tuple(Item(b.brand, {} if b.version is None else {"v": b.version}) for b in brands)


# What browsers send: each brand an sf-string without escapes with only its "v" parameter,
# also such a string; GREASE brands with escapes, and everything else, take the exact path.
_BRAND = r'"([ !#-\[\]-~]*)";v="([ !#-\[\]-~]*)"'
_BRAND_RE = re.compile(_BRAND)
_BRANDS_RE = re.compile(rf"{_BRAND}(?:[ \t]*,[ \t]*{_BRAND})*")


def _fast(raw: str) -> Any:
    if _BRANDS_RE.fullmatch(raw) is None:
        return SLOW
    return tuple([Brand(brand, version) for brand, version in _BRAND_RE.findall(raw)])


def _brand_list(name: str, ref: str, example: str) -> FieldSpec[tuple[Brand, ...]]:
    return sf_list_field(name, ref, view=_view, unview=_unview, check=_check,
                         value_type="tuple[Brand(brand, version), ...]", example=example,
                         fast=_fast)


SEC_CH_UA = _brand_list(
    "Sec-CH-UA", "WICG UA Client Hints",
    '"Chromium";v="130", "Google Chrome";v="130", "Not?A_Brand";v="99"')
SEC_CH_UA_FULL_VERSION_LIST = _brand_list(
    "Sec-CH-UA-Full-Version-List", "WICG UA Client Hints",
    '"Chromium";v="130.0.6723.91", "Google Chrome";v="130.0.6723.91", '
    '"Not?A_Brand";v="99.0.0.0"')
