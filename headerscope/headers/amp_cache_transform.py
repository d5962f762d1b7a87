"""AMP-Cache-Transform: which AMP cache a requester wants a signed exchange tailored for.

AMP's specification (amphtml, spec/amp-cache-transform.md), "Header syntax": "The header
value is a parameterised list from header-structure-07", whose identifiers are tokens; read
here as its successor, the RFC 9651 List: each member a Token with parameters. The `v`
parameter, "Version negotiation":

    The `v` parameter value must be a string. Its value (after parsing as a string) must
    conform to the following ABNF:

        v_spec = #v_range
        v_range = sh-integer / sh-integer OWS ".." OWS sh-integer

    Each `sh-integer` must be non-negative. Two integers in a pair `X..Y` must satisfy
    `X<=Y`. No two ranges in a spec should intersect.

Nothing in it makes the whole field unusable: the server "should attempt to match the next
one" when an identifier "contains any parameters besides those mentioned above", is neither
`any` nor an id of caches.json, or has a `v` that fails to parse ("should not immediately
fail the entire parameterised list"). So each of these is a warning, as is a member that is
not a Token (header-structure-07 has only identifiers there). An id that caches.json does not
list (it has listed google, bing and cloudflare) is a warning too: the list changes.

    AMP-Cache-Transform: google;v="1..3,5"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ._shared.sf_family import Issue, sf_list_field, warning
from ._shared.spec import FieldSpec
from .sf import List, Token, describe_bare

ANY = "any"
CACHES = frozenset({"google", "bing", "cloudflare"})  # ids caches.json has listed
# sh-integer (header-structure-07, 4.5): an optional "-" and at most 15 digits
_RANGE_RE = re.compile(r"(-?[0-9]{1,15})(?:[ \t]*\.\.[ \t]*(-?[0-9]{1,15}))?")


def version_ranges(spec: str) -> tuple[tuple[int, int], ...] | None:
    """The ranges of a `v_spec` (a single version X as (X, X)), or None when it does not
    parse. `#v_range` is an RFC 7230 list: OWS around commas, empty elements allowed, and
    no element at all (which names no version)."""
    ranges = []
    for element in spec.split(","):
        element = element.strip(" \t")
        if not element:
            continue
        m = _RANGE_RE.fullmatch(element)
        if m is None:
            return None
        low = int(m.group(1))
        ranges.append((low, int(m.group(2)) if m.group(2) is not None else low))
    return tuple(ranges)


def _version_issues(v: object, *at: object) -> Iterator[Issue]:
    if not isinstance(v, str):
        yield warning(f"v must be a String, as in v=\"1..3,5\": found {describe_bare(v)}", *at)
        return
    ranges = version_ranges(v)
    if ranges is None:
        yield warning(f'v="{v}" is not a list of versions and ranges (1..3,5): the server '
                      "cannot satisfy this identifier", *at)
    elif not ranges:
        yield warning(f'v="{v}" names no version: the server cannot satisfy this identifier',
                      *at)
    elif any(low < 0 for low, _ in ranges):
        yield warning(f'v="{v}": each version must be non-negative', *at)
    elif any(low > high for low, high in ranges):
        yield warning(f'v="{v}": a range X..Y must have X <= Y', *at)
    elif _intersect(ranges):
        yield warning(f'v="{v}": no two ranges should intersect', *at)


def _intersect(ranges: tuple[tuple[int, int], ...]) -> bool:
    ordered = sorted(ranges)  # timsort: linear when they come in order, as senders write them
    return any(a[1] >= b[0] for a, b in pairwise(ordered))


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        bare = getattr(member, "value", None)
        if not isinstance(bare, Token):
            yield warning("each member is an identifier (a Token: any, or a cache id such as "
                          f"google); {describe_bare(member)} cannot be satisfied", i)
        elif bare.value != ANY and bare.value not in CACHES:
            yield warning(f"{bare.value} is neither any nor a cache id of caches.json "
                          f"({', '.join(sorted(CACHES))}): servers skip it", i)
        for name, value in member.params.items():
            if name == "v":
                yield from _version_issues(value, i, ";v")
            else:
                yield warning(f"parameter {name!r} is not defined: an identifier with it "
                              "'cannot be satisfied'", i, f";{name}")


AMP_CACHE_TRANSFORM: FieldSpec[List] = sf_list_field(
    "AMP-Cache-Transform", "AMP, spec/amp-cache-transform.md", check=_check,
    value_type="sf.List (Token identifiers with an optional v String)",
    example='google;v="1..3,5"')
