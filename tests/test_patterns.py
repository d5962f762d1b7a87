"""Every compiled pattern of the package avoids the constructs that older 3.11 releases match
wrongly, so a value is read the same under every Python the package supports.

CPython 3.11.0 to 3.11.4 (Debian 12 ships 3.11.2) match a possessive repeat of a group wrongly
when the group can backtrack inside (gh-106052, gh-100061): `(?:a,b?)*+` accepted "a," there.
A possessive repeat of a single character or class is not affected. The SF tests fail on such
an interpreter; this test fails on every interpreter, so the construct cannot come back
unnoticed by whoever runs the suite on a newer one.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import headerscope

# The regular expression parser (private, and untyped in typeshed: `re._parser` since 3.11).
parser: Any = importlib.import_module("re._parser")

# one position: a literal, a class or any character
_SINGLE = {"LITERAL", "NOT_LITERAL", "IN", "ANY", "CATEGORY"}


def _patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    for info in pkgutil.walk_packages(headerscope.__path__, "headerscope."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{info.name}.{name}", value


def _subpatterns(arg: Any) -> Iterator[Any]:
    """The subpatterns inside an opcode's argument, however deeply it nests them."""
    if isinstance(arg, parser.SubPattern):
        yield arg
    elif isinstance(arg, tuple | list):
        for part in arg:
            yield from _subpatterns(part)


def _group_possessives(tree: Any) -> Iterator[str]:
    for op, arg in tree:
        if str(op) == "POSSESSIVE_REPEAT":
            body = arg[2]
            if not (len(body) == 1 and str(body[0][0]) in _SINGLE):
                yield str(body)
        for sub in _subpatterns(arg):
            yield from _group_possessives(sub)


def test_the_walk_finds_patterns_and_the_construct() -> None:
    assert sum(1 for _ in _patterns()) > 30
    assert list(_group_possessives(parser.parse(r"(?:a,b?)*+")))
    assert not list(_group_possessives(parser.parse(r"[ \t]*+,(?>(?:a,b?)*)x++")))


def test_no_possessive_repeat_of_a_group() -> None:
    offenders = [(where, found) for where, pattern in _patterns()
                 for found in _group_possessives(parser.parse(pattern.pattern, pattern.flags))]
    assert offenders == [], "use an atomic group (?>(?:...)*) instead"
