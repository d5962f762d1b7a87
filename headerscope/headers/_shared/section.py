"""A whole field section: every line in wire order, and the combined value per field.

RFC 9110, section 5.3: "A recipient MAY combine multiple field lines within a field section
that have the same field name into one field line, without changing the semantics of the
message, by appending each subsequent field line value to the initial field line value in
order, separated by a comma". That holds only for list-based fields; a singleton field that
repeats is reported on every line, and the first line's value is the one used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import Any, Protocol

from .spec import Diagnostic, Kind, ParsedField, parse_with
from .value import value_type


@value_type
class FieldSection:
    lines: tuple[ParsedField, ...]  # one per field line, wire order

    def __iter__(self) -> Iterator[ParsedField]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def all(self, name: str) -> list[ParsedField]:
        key = name.lower()
        return [f for f in self.lines if f.name == key]

    def get(self, name: str, default: Any = None) -> Any:
        """The field's value as a recipient should use it: combined, or the first line's.

        Lines with an error contribute nothing; `default` when no line parsed.
        """
        lines = [f for f in self.all(name) if f.error is None]
        if not lines:
            return default
        spec = lines[0].spec
        if spec is not None and spec.kind is Kind.MULTI:
            return tuple(f.value for f in lines)
        if spec is None or not spec.kind.combines or len(lines) == 1:
            return lines[0].value
        if spec.kind is Kind.SF_DICT:
            if all(isinstance(f.value, dict) for f in lines):
                merged: dict[Any, Any] = {}
                for f in lines:
                    merged.update(f.value)  # "later keys override earlier ones"
                return merged
            # A typed view (Priority's, say) is no map to merge: parse the lines as one value,
            # as RFC 9651, 4.2 has parsers do ("combine all field lines ... into one
            # comma-separated field-value"); if that breaks the field's rules, "the entire
            # field is also ignored" (2.2).
            combined = parse_with(spec, lines[0].wire_name, ", ".join(f.raw for f in lines))
            return default if combined.error is not None else combined.value
        return tuple(v for f in lines for v in f.value)


_NAME = attrgetter("name")


class LineParser(Protocol):
    """What parses one field line: the Registry, or the pages' field cache in front of it."""

    def parse(self, wire_name: str, raw: str) -> ParsedField: ...


def parse_section(registry: LineParser, pairs: Iterable[tuple[str, str]]) -> FieldSection:
    """Parse `(wire_name, value)` pairs, then mark repeated singleton fields (on copies: a
    line's ParsedField itself may be shared, by the field cache)."""
    lines = [registry.parse(name, value) for name, value in pairs]
    if len(set(map(_NAME, lines))) == len(lines):  # no name repeats, checked without a loop
        return FieldSection(tuple(lines))
    counts: dict[str, int] = {}
    for f in lines:
        counts[f.name] = counts.get(f.name, 0) + 1
    seen: dict[str, int] = {}
    for i, f in enumerate(lines):
        n = counts[f.name]
        if n == 1 or f.spec is None or not f.spec.kind.singleton:
            continue
        index = seen[f.name] = seen.get(f.name, 0) + 1
        if index == 1:
            note = Diagnostic(f"{f.wire_name} takes one value but appears on {n} lines; "
                              "this first line is the one used")
        else:
            note = Diagnostic(f"repeated {f.wire_name} (line {index} of {n}): a singleton "
                              "field; this line is ignored")
        lines[i] = f._replace(warnings=(*f.warnings, note))
    return FieldSection(tuple(lines))
