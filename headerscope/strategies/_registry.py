"""The strategy table, keyed like the field registry (lower-case names)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ..headers import REGISTRY
from ._common import FieldStrategies
from ._content import CONTENT
from ._iana import IANA
from ._iana2 import IANA2
from ._iana3_dav import IANA3_DAV
from ._iana3_media import IANA3_MEDIA
from ._iana3_negotiation import IANA3_NEGOTIATION
from ._iana3_oasis import IANA3_OASIS
from ._iana3_obsolete import IANA3_OBSOLETE
from ._iana3_security import IANA3_SECURITY
from ._identity import IDENTITY
from ._responses import RESPONSES
from ._security import SECURITY
from ._sf_policies import SF_POLICIES
from ._structured import STRUCTURED


def _table() -> dict[str, FieldStrategies]:
    table: dict[str, FieldStrategies] = {}
    for group in (CONTENT, SECURITY, IDENTITY, STRUCTURED, RESPONSES, SF_POLICIES,
                  IANA, IANA2, IANA3_OBSOLETE, IANA3_OASIS, IANA3_NEGOTIATION, IANA3_SECURITY,
                  IANA3_DAV, IANA3_MEDIA):
        for name, strategies in group.items():
            if name in table:
                raise ValueError(f"strategies for {name!r} are defined twice")
            table[name.lower()] = strategies
    return table


STRATEGIES = _table()


def _lookup(name: str) -> FieldStrategies:
    try:
        return STRATEGIES[name.lower()]
    except KeyError:
        raise KeyError(f"no strategies for field {name!r}") from None


def values(name: str) -> st.SearchStrategy[Any]:
    return _lookup(name).values


def valid(name: str) -> st.SearchStrategy[str]:
    entry = _lookup(name)
    spec = REGISTRY.get(name)
    if spec is None:
        raise KeyError(f"field {name!r} is not registered")
    canonical = entry.values.map(spec.write)
    return canonical if entry.spellings is None else st.one_of(canonical, entry.spellings)


def invalid(name: str) -> st.SearchStrategy[str]:
    return _lookup(name).invalid
