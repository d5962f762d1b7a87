"""Every entry of the IANA HTTP Field Name Registry is registered, or listed with its reason.

Issue 17: "Every field of the IANA HTTP Field Name Registry with status permanent or
provisional and a defined grammar gets a spec ...; obsoleted ones are recognised and flagged
as such with their replacement. Keep the list that says which registry entries have no
grammar and why." tests/data/iana-http-fields.tsv is the registry's entries (name, status);
docs/fields-without-grammar.md is the list.
"""

from __future__ import annotations

import csv
import re

import pytest

from headerscope.headers import REGISTRY
from tests.conftest import REPO

IANA = REPO / "tests" / "data" / "iana-http-fields.tsv"
UNREGISTERED_DOC = REPO / "docs" / "fields-without-grammar.md"


def _iana() -> dict[str, str]:
    with IANA.open() as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["name"]: row["status"] for row in rows}


def _listed() -> set[str]:
    """The field names in the first column of the document's tables ("A, B" is two)."""
    names: set[str] = set()
    for line in UNREGISTERED_DOC.read_text().splitlines():
        m = re.match(r"\| ([^|(]+?) \|", line)
        if m and m.group(1) not in ("field", "---"):
            names.update(n.strip() for n in m.group(1).split(","))
    return names


ENTRIES = _iana()
LISTED = _listed()


def test_the_snapshot_and_the_list_were_read() -> None:
    assert len(ENTRIES) >= 245 and set(ENTRIES.values()) <= {
        "permanent", "provisional", "deprecated", "obsoleted"}
    assert "Ordering-Type" in LISTED and "field" not in LISTED


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_every_entry_is_registered_or_listed_with_its_reason(name: str) -> None:
    if name == "*":  # RFC 9110, 12.5.5: reserved so that no field is named "*" (Vary: *)
        assert REGISTRY.get(name) is None
        return
    registered = REGISTRY.get(name) is not None
    assert registered != (name in LISTED), (
        f"{name}: registered and listed in {UNREGISTERED_DOC.name}" if registered else
        f"{name}: neither registered nor listed in {UNREGISTERED_DOC.name} with a reason")


@pytest.mark.parametrize("name", sorted(n for n, s in ENTRIES.items()
                                        if s in ("deprecated", "obsoleted")))
def test_every_obsolete_entry_is_flagged_on_every_use(name: str) -> None:
    spec = REGISTRY.get(name)
    assert spec is not None and spec.deprecated, name
    example = REGISTRY.parse(name, spec.example)
    assert example.warnings and example.warnings[0].reason == spec.deprecated


def test_every_listed_name_is_an_iana_entry() -> None:
    assert not LISTED - set(ENTRIES), LISTED - set(ENTRIES)
