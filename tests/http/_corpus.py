"""The adversarial corpus (../shared/data/bad-requests.jsonl) and its outcome classes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.conftest import shared_file


@dataclass(frozen=True)
class Case:
    name: str
    raw: bytes
    allowed: tuple[tuple[str, ...], ...]  # allowed sequences of outcome classes
    must_not_reflect: tuple[str, ...]

    def __str__(self) -> str:
        return self.name


def _case(record: dict[str, Any]) -> Case:
    if record.get("sequences"):
        allowed = tuple(tuple(s) for s in record["sequences"])
    else:
        allowed = tuple((c,) for c in [record["expect"], *record.get("also_ok", [])])
    return Case(record["name"], record["raw"].encode("latin-1"), allowed,
                tuple(record.get("must_not_reflect", ())))


def load() -> list[Case]:
    path = shared_file("bad-requests.jsonl")
    return [_case(json.loads(line)) for line in path.read_text("utf-8").splitlines() if line]


def load_if_present() -> list[Case]:
    """The corpus, or no cases when the shared data is absent (for module-level seeds)."""
    try:
        return load()
    except BaseException:  # pytest.skip raises outside a test: there is simply no corpus
        return []


def names() -> list[str]:
    """Case names for parametrize ids; empty when the shared data is absent."""
    try:
        return [case.name for case in load()]
    except BaseException:  # pytest.skip raises outside a test: collect no cases, skip later
        return ["corpus-missing"]


def by_name(name: str) -> Case:
    for case in load():
        if case.name == name:
            return case
    raise LookupError(name)


def outcome_class(status: int) -> str:
    return "accept" if 200 <= status < 300 else str(status)
