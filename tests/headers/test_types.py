"""headerscope.headers.types holds every value type of the registry, and only those (issue 17).

A value type is a public class defined in a module of `headers/` that is a dataclass, an Enum
or a NamedTuple, minus the registry's own machinery (FieldSpec, ParsedField, ...), which
`headerscope.headers` exports. A new value type fails here until types.py exports it.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import pkgutil

import headerscope.headers as package
from headerscope.headers import types

MACHINERY = {"Diagnostic", "FieldSpec", "Kind", "ParsedField", "FieldSection", "Issue",
             "Scanned"}


def _value_types() -> set[type]:
    found: set[type] = set()
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (isinstance(value, type) and value.__module__ == info.name
                    and not name.startswith("_") and name not in MACHINERY
                    and (dataclasses.is_dataclass(value) or issubclass(value, (enum.Enum,
                                                                               tuple)))):
                found.add(value)
    return found


def test_every_value_type_is_exported_and_nothing_else() -> None:
    exported = {getattr(types, name) for name in types.__all__}
    expected = _value_types()
    assert {t.__qualname__ for t in expected - exported} == set()
    assert {t.__qualname__ for t in exported - expected} == set()
    assert len(types.__all__) == len(exported)  # no type under two names


def test_a_name_taken_twice_gets_a_qualified_one() -> None:
    from headerscope.headers import content_security_policy, cors, sec_purpose
    from headerscope.headers._shared import types as shared

    assert types.Wildcard is shared.Wildcard and types.CorsWildcard is cors.Wildcard
    assert types.CspDirective is content_security_policy.Directive
    assert types.SecPurpose is sec_purpose.Purpose
