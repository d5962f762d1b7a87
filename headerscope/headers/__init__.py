"""The field registry: the table of contents of every field headerscope understands.

`REGISTRY.parse(name, raw)` parses one field line and never raises; `parse_section` parses a
whole field section, combining repeated fields as RFC 9110, section 5.3 says.
"""

from ._json import to_json
from ._section import FieldSection, parse_section
from ._spec import Diagnostic, FieldError, FieldSpec, Kind, ParsedField, Registry
from ._toc import SPECS

REGISTRY = Registry(SPECS)

__all__ = [
    "REGISTRY",
    "Diagnostic",
    "FieldError",
    "FieldSection",
    "FieldSpec",
    "Kind",
    "ParsedField",
    "Registry",
    "parse_section",
    "to_json",
]
