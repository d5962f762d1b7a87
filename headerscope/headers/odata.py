"""The OData protocol's fields (OData Version 4.01; the grammar is the OData ABNF Construction
Rules, section 8, "Header values").

    isolation        = [ "OData-" ] "Isolation" ":" OWS "snapshot"
    odata-entityid   = "OData-EntityID"   ":" OWS IRI-in-header
    odata-maxversion = "OData-MaxVersion" ":" OWS 1*DIGIT "." 1*DIGIT
    odata-version    = "OData-Version"    ":" OWS "4.0" [ oneToNine ]
    IRI-in-header    = 1*( VCHAR / obs-text )
    oneToNine        = "1" / "2" / "3" / "4" / "5" / "6" / "7" / "8" / "9"

ABNF literals are case-insensitive, so "Snapshot" is "snapshot". Versions are kept as written:
"4.01" and "4.1" name different versions. OData-Version admits "4.0" to "4.09"; only 4.0 and
4.01 are defined, so the others get a warning. The rules file calls IRI-in-header an
"over-generous stub" of RFC 3987: any run of visible characters is read.

Isolation is the field's OData 4.01 name (Part 1, 8.2.6): "The `Isolation` header was named
`OData-Isolation` in OData version 4.0. Services that support the `Isolation` header SHOULD also
support `OData-Isolation` for OData 4.0 clients and clients SHOULD use `OData-Isolation` for
compatibility with OData 4.0 services." Both names have the one grammar above; neither is
obsolete (a 4.01 service reads both), so neither is flagged.
"""

from __future__ import annotations

import re

from ..grammar import Cursor, expect_run
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_VERSION_RE = re.compile(r"4\.0[1-9]?")
_IRI_RE = re.compile(r"[!-~\x80-\xff]*")
_DEFINED = ("4.0", "4.01")


def _dotted(raw: str) -> str:
    """`1*DIGIT "." 1*DIGIT`, kept as written."""
    cur = Cursor(raw)
    cur.digits("the major version")
    cur.expect(".")
    cur.digits("the minor version")
    cur.expect_end()
    return raw


def parse_version(raw: str) -> str:
    if _VERSION_RE.fullmatch(_dotted(raw)) is None:
        raise FieldError("OData-Version is \"4.0\" and at most one more digit, 1 to 9: "
                         "4.0 or 4.01", 0)
    return raw


def lint_version(value: str, raw: str) -> list[Diagnostic]:
    if value not in _DEFINED:
        return [Diagnostic(f"OData {value} is not a defined version: 4.0 and 4.01 are", 0)]
    return []


def parse_max_version(raw: str) -> str:
    return _dotted(raw)


def parse_isolation(raw: str) -> str:
    if raw.lower() != "snapshot":
        raise FieldError("the only isolation level is 'snapshot'", 0)
    return "snapshot"


def parse_entity_id(raw: str) -> str:
    expect_run(raw, _IRI_RE, "is not allowed in an entity-id (visible characters only)")
    if not raw:
        raise FieldError("the entity-id is empty", 0)
    return raw


ODATA_VERSION = FieldSpec("OData-Version", parse_version, str, "OData 4.01 ABNF, 8",
                          value_type="str", lint=lint_version, example="4.01")
ODATA_MAXVERSION = FieldSpec("OData-MaxVersion", parse_max_version, str, "OData 4.01 ABNF, 8",
                             value_type="str", example="4.01")
ODATA_ISOLATION = FieldSpec("OData-Isolation", parse_isolation, str, "OData 4.01 ABNF, 8",
                            value_type="'snapshot'", example="snapshot")
ISOLATION = FieldSpec("Isolation", parse_isolation, str, "OData 4.01 Part 1, 8.2.6",
                      value_type="'snapshot'", example="snapshot")
ODATA_ENTITYID = FieldSpec("OData-EntityId", parse_entity_id, str, "OData 4.01 ABNF, 8",
                           value_type="str (an IRI)",
                           example="https://host/service/Customers('ALFKI')")
