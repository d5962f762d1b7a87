"""The data of a comparison: a peer, its adapters, a verdict, a reading, a known difference.

Strategy: a peer never hands us its own types. Each adapter turns the peer's result, and
headerscope's value, into one *normal form*: plain JSON data in which a list is ordered and
an object is not (an order that matters, as in a Structured Field Dictionary, is a list of
pairs). Two readings agree when their canonical JSON texts are equal, which keeps `true`
apart from `1` and `"1"`, as Python's `==` would not.
"""

from __future__ import annotations

import enum
import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..headers import ParsedField

Normal = Any  # JSON data (see the module docstring); recursive aliases buy nothing here


def canonical(value: Normal) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Rejected(Exception):
    """Raised by an adapter when its peer refuses the value (a None, an exception, ...)."""


class Verdict(enum.Enum):
    AGREE = "agree"
    BOTH_REJECT = "both reject"  # an agreement too: neither reads the value
    DISAGREE = "disagree"  # both read it, differently
    PEER_REJECTS = "peer rejects"
    WE_REJECT = "we reject"
    NOT_COVERED = "not covered"  # the peer has no parser for this field
    MISSING = "missing"  # the peer is not installed
    NOT_RUN = "not run"  # the peer parses this field, but was not given this value (see note)

    @property
    def differs(self) -> bool:
        return self in _DIFFERS


_DIFFERS = frozenset({Verdict.DISAGREE, Verdict.PEER_REJECTS, Verdict.WE_REJECT})


@dataclass(frozen=True, slots=True)
class Known:
    """A known class of disagreement, and what the specification says about it."""

    key: str
    peer: str
    behaviour: str  # what the peer (or headerscope) does, in a sentence
    ref: str  # "RFC 9110, 12.4.2"
    rule: str  # the sentence or the grammar that decides, quoted
    right: str  # who the reference says is right: "headerscope", the peer, or "either"


@dataclass(frozen=True, slots=True)
class Case:
    """What an `explain` function sees: the value, both readings, the peer's complaint."""

    name: str  # lower-case field name
    raw: str
    field: ParsedField  # headerscope's parse
    ours: Normal  # headerscope's reading in normal form; None when we reject
    theirs: Normal  # the peer's reading in normal form; None when it rejects
    complaint: str  # the peer's reason for rejecting, "" otherwise


def unexplained(case: Case) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Adapter:
    """How one peer reads one field, and how to put headerscope's value beside it.

    `limit`: the longest value the peer is given, for a peer whose time grows faster than
    the length of the value (None: it is linear). A comparison runs inside the server, on
    values an attacker chooses; a longer value is reported as not run, never read.
    """

    function: str  # what is called, e.g. "werkzeug.http.parse_date"
    read: Callable[[str], Normal]  # the peer's reading in normal form; raises Rejected
    ours: Callable[[ParsedField], Normal]  # headerscope's reading of a valid value, same form
    explain: Callable[[Case], str | None] = unexplained  # the Known key of a difference
    limit: int | None = None  # characters; measured in tests/compare/test_caps.py

    def too_long(self, raw: str) -> str | None:
        """Why `raw` is not given to the peer, or None when it is."""
        if self.limit is None or len(raw) <= self.limit:
            return None
        return f"value longer than {self.limit} characters (this peer is super-linear)"


@dataclass(frozen=True, slots=True)
class Reading:
    """One peer's reading of one field, beside ours, and the verdict."""

    peer: str
    verdict: Verdict
    function: str = ""
    theirs: Normal = None
    ours: Normal = None
    note: str = ""  # the peer's complaint, why it does not cover the field, how to install it
    known: Known | None = None  # for a difference: the known class that explains it


@dataclass(frozen=True, slots=True)
class FieldComparison:
    field: ParsedField
    readings: tuple[Reading, ...]

    @property
    def differences(self) -> tuple[Reading, ...]:
        return tuple(r for r in self.readings if r.verdict.differs)


@dataclass(frozen=True)
class Peer:
    """An optional library that parses fields, found by importing it when first asked.

    `build` receives the imported top-level module and returns the adapters by lower-case
    field name. The table is rebuilt whenever the module object changes, so a test that
    blocks the import (`sys.modules[name] = None`) sees the peer as missing at once.
    """

    name: str  # as shown: "werkzeug", "http-sf", "stdlib"
    module: str  # the top-level import name: "werkzeug", "http_sf"
    install: str  # what to install: "werkzeug" (shown as "pip install werkzeug")
    build: Callable[[ModuleType], Mapping[str, Adapter]]

    def adapters(self) -> Mapping[str, Adapter] | None:
        """The adapters, or None when the library cannot be imported."""
        try:
            module = importlib.import_module(self.module)
        except ImportError:
            return None
        cached = _TABLES.get(self)
        if cached is None or cached[0] is not module:
            cached = _TABLES[self] = (module, self.build(module))
        return cached[1]

    @property
    def missing_note(self) -> str:
        return f"missing: pip install {self.install}"


_TABLES: dict[Peer, tuple[ModuleType, Mapping[str, Adapter]]] = {}
