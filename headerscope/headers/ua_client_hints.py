"""The one-value User-Agent Client Hints: Sec-CH-UA-Arch, -Bitness, -Form-Factors,
-Full-Version, -Mobile, -Model, -Platform, -Platform-Version and -WoW64.

User-Agent Client Hints (WICG), section 3. Structured Fields:

    Sec-CH-UA-Arch = sf-string              ; "x86", "arm", or "" when unknown
    Sec-CH-UA-Bitness = sf-string           ; "64", "32"
    Sec-CH-UA-Form-Factors = sf-list        ; of sf-string: "Desktop", "Mobile", "XR", ...
    Sec-CH-UA-Full-Version = sf-string      ; deprecated: Sec-CH-UA-Full-Version-List
    Sec-CH-UA-Mobile = sf-boolean           ; ?1 when the browser wants a mobile experience
    Sec-CH-UA-Model = sf-string             ; "Pixel 7", "" on desktops
    Sec-CH-UA-Platform = sf-string          ; "Windows", "macOS", "Linux", "Android", ...
    Sec-CH-UA-Platform-Version = sf-string  ; "15.0.0"
    Sec-CH-UA-WoW64 = sf-boolean            ; a 32-bit browser on 64-bit Windows
"""

from collections.abc import Iterator

from ._shared.sf_family import (
    Issue,
    boolean_item_field,
    expect,
    items,
    member_values,
    sf_list_field,
    string_item_field,
    warning,
)
from .sf import Item, List

REF = "WICG UA Client Hints"  # one section per field, named after it
FORM_FACTORS = frozenset({"Automotive", "Desktop", "EInk", "Mobile", "Tablet", "Watch", "XR"})

SEC_CH_UA_ARCH = string_item_field("Sec-CH-UA-Arch", REF, example='"x86"')
SEC_CH_UA_BITNESS = string_item_field("Sec-CH-UA-Bitness", REF, example='"64"')
SEC_CH_UA_FULL_VERSION = string_item_field(
    "Sec-CH-UA-Full-Version", REF, example='"130.0.6723.91"',
    deprecated="Sec-CH-UA-Full-Version is deprecated: read Sec-CH-UA-Full-Version-List")
SEC_CH_UA_MOBILE = boolean_item_field("Sec-CH-UA-Mobile", REF, example="?0")
SEC_CH_UA_MODEL = string_item_field("Sec-CH-UA-Model", REF, example='""')
SEC_CH_UA_PLATFORM = string_item_field("Sec-CH-UA-Platform", REF, example='"Linux"')
SEC_CH_UA_PLATFORM_VERSION = string_item_field("Sec-CH-UA-Platform-Version", REF,
                                               example='"6.8.0"')
SEC_CH_UA_WOW64 = boolean_item_field("Sec-CH-UA-WoW64", REF, example="?0")


def _form_factors(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        problem = expect(member, (str,), "each form factor", i)
        if problem is not None:
            yield problem
        elif isinstance(member, Item) and member.value not in FORM_FACTORS:
            yield warning(f"{member.value!r} is not a known form factor "
                           f"({', '.join(sorted(FORM_FACTORS))})", i)


SEC_CH_UA_FORM_FACTORS = sf_list_field(
    "Sec-CH-UA-Form-Factors", REF, check=_form_factors,
    view=member_values, unview=items,
    value_type="tuple[str, ...]", example='"Desktop"')
