"""Cache-Groups and Cache-Group-Invalidation: responses that caches treat as a group.

HTTP Cache Groups (RFC 9875), 2 and 3. Structured Field Lists of Strings:

    Cache-Groups = sf-list               ; "scripts", "ExampleJS": the groups this response
                                         ;   belongs to, opaque, compared case-sensitively
    Cache-Group-Invalidation = sf-list   ; "eurovision-results": the groups an unsafe
                                         ;   request invalidated (ignored after a safe one)

Each is "a List of Strings": another member type is an error (RFC 9651, 2.2, the field is
then ignored). "Implementations MUST support at least 32 groups in a field value, with up to
at least 32 characters in each member": more groups, or longer ones, are warnings, as a cache
may ignore them. Parameters are left out ("Unrecognised Parameters are to be ignored").
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, expect, items, member_values, sf_list_field, warning
from .sf import Item, List

SUPPORTED = 32  # groups per field, and characters per group, every cache handles


def _groups(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (str,), "each group", i):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, str):
            if len(member.value) > SUPPORTED:
                yield warning(f"a group of {len(member.value)} characters: caches need only "
                              f"support {SUPPORTED} (RFC 9875, 2)", i)
            if i == SUPPORTED:
                yield warning(f"more than {SUPPORTED} groups: caches need only support "
                              f"{SUPPORTED}, and may ignore the rest (RFC 9875, 2)", i)


CACHE_GROUPS = sf_list_field(
    "Cache-Groups", "RFC 9875, 2", check=_groups, view=member_values, unview=items,
    value_type="tuple[str, ...]", example='"ExampleJS", "scripts"')
CACHE_GROUP_INVALIDATION = sf_list_field(
    "Cache-Group-Invalidation", "RFC 9875, 3", check=_groups, view=member_values,
    unview=items, value_type="tuple[str, ...]",
    example='"eurovision-results", "kylie-minogue"')
