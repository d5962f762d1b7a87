"""Family helpers for the Structured Fields: syntax from sf.py, semantics from the unit.

Strategy: a unit declares its top-level type, a `check` over the parsed SF value and, when
the field's definition gives the value a meaning, a typed `view` (with its inverse
`unview`). `check` yields Issues: an error makes the value unusable, and RFC 9651, 2.2 says
what happens then: "When field-specific constraints are violated, the entire field is also
ignored, unless the field definition defines other handling requirements"; a warning
reports what a recipient ignores or what the definition discourages. An Issue names the
member it is about by its path (see sf.py); the character position is looked up only when
there is an issue to report, by parsing once more with `sf.locate`.

    SPEC = sf_item_field("Foo", "RFC x, 1", view=..., unview=..., check=..., ...)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

from ...grammar.rules import SF_TOKEN
from .. import sf
from ..sf import Dictionary, InnerList, Item, List, Path, Token, describe_bare
from .frozen import frozen
from .spec import SLOW, Diagnostic, Fast, FieldError, FieldSpec, Kind
from .value import value_type

T = TypeVar("T")


@value_type
class Issue:
    """A semantic problem with a parsed value, at a path inside it (() is the whole Item)."""

    reason: str
    at: Path = ()
    fatal: bool = True


def error(reason: str, *at: object) -> Issue:
    return Issue(reason, tuple(at), True)


def warning(reason: str, *at: object) -> Issue:
    return Issue(reason, tuple(at), False)


_PARSE: dict[sf.FieldType, Callable[[str], Any]] = {
    "item": sf.parse_item, "list": sf.parse_list, "dictionary": sf.parse_dictionary}
_KIND = {"item": Kind.SF_ITEM, "list": Kind.SF_LIST, "dictionary": Kind.SF_DICT}


def _same(value: Any) -> Any:
    return value


def sf_field(name: str, ref: str, field_type: sf.FieldType, *,
             view: Callable[[Any], T] = _same, unview: Callable[[T], Any] = _same,
             check: Callable[[Any], Iterable[Issue]] | None = None, value_type: str,
             example: str, deprecated: str | None = None,
             empty_ok: bool = False, fast: Fast | None = None) -> FieldSpec[T]:
    """A spec whose value is `view(sf_value)`, after `check` found no error in it.

    `fast` (see FieldSpec.fast) reads the commonest spellings straight to the viewed value:
    one fullmatch, no SF objects, no check.

    A Dictionary field's typed value, when its view (or fast path) gives a plain dict, is
    frozen here, once for every such field: parsed values are immutable (_frozen.py)."""
    parse_sf = _PARSE[field_type]
    if field_type == "dictionary":
        view, fast = _frozen_view(view), _frozen_fast(fast)

    def analyse(raw: str) -> tuple[T, list[Diagnostic]]:
        """Parse, check once, and turn the issues into an error or warnings.

        The check runs on the whole SF value, before the typed view leaves out what nobody
        defined (unknown parameters and members), so that those are still reported."""
        value = parse_sf(raw)
        warnings: list[Diagnostic] = []
        if field_type != "item" and not value and not empty_ok:
            warnings.append(Diagnostic(f"empty {name}: a {field_type} with no members is the "
                                       "same as not sending the field (RFC 9651, 3.1 and 3.2)"))
        issues = list(check(value)) if check is not None else []
        if issues:
            spans = sf.locate(raw, field_type)
            for issue in issues:
                if issue.fatal:
                    raise FieldError(issue.reason, _lookup(spans, issue.at))
            warnings += [Diagnostic(i.reason, _lookup(spans, i.at)) for i in issues]
        return view(value), warnings

    def parse(raw: str) -> T:
        return analyse(raw)[0]

    def write(value: T) -> str:
        return sf.serialize(unview(value))

    return FieldSpec(name, parse, write, ref, kind=_KIND[field_type], value_type=value_type,
                     analyse=analyse, deprecated=deprecated, example=example, fast=fast)


def _frozen_view(view: Callable[[Any], T]) -> Callable[[Any], T]:
    def frozen_view(value: Any) -> T:
        viewed: Any = view(value)
        if type(viewed) is dict:
            viewed = frozen(viewed)
        return viewed  # type: ignore[no-any-return]
    return frozen_view


def _frozen_fast(fast: Fast | None) -> Fast | None:
    if fast is None:
        return None
    read = fast

    def frozen_fast(raw: str) -> Any:
        value = read(raw)
        return frozen(value) if type(value) is dict else value
    return frozen_fast


def _lookup(spans: dict[Path, int], at: Path) -> int | None:
    """The start of the node at `at`, or of the nearest node that contains it (the value of
    `key` is (key, "="), which a Boolean member written as a bare key does not have)."""
    while at not in spans and at:
        at = at[:-1]
    return spans.get(at)


def sf_item_field(name: str, ref: str, *, view: Callable[[Item], T],
                  unview: Callable[[T], Item], check: Callable[[Item], Iterable[Issue]],
                  value_type: str, example: str,
                  deprecated: str | None = None, fast: Fast | None = None) -> FieldSpec[T]:
    return sf_field(name, ref, "item", view=view, unview=unview, check=check,
                    value_type=value_type, example=example, deprecated=deprecated, fast=fast)


def sf_list_field(name: str, ref: str, *, view: Callable[[List], T] = _same,
                  unview: Callable[[T], List] = _same,
                  check: Callable[[List], Iterable[Issue]], value_type: str, example: str,
                  deprecated: str | None = None, fast: Fast | None = None) -> FieldSpec[T]:
    return sf_field(name, ref, "list", view=view, unview=unview, check=check,
                    value_type=value_type, example=example, deprecated=deprecated, fast=fast)


def sf_dict_field(name: str, ref: str, *, view: Callable[[Dictionary], T] = _same,
                  unview: Callable[[T], Dictionary] = _same,
                  check: Callable[[Dictionary], Iterable[Issue]], value_type: str,
                  example: str, deprecated: str | None = None,
                  empty_ok: bool = False, fast: Fast | None = None) -> FieldSpec[T]:
    return sf_field(name, ref, "dictionary", view=view, unview=unview, check=check,
                    value_type=value_type, example=example, deprecated=deprecated,
                    empty_ok=empty_ok, fast=fast)


# -- typed bare items --------------------------------------------------------------------------

_WHAT = {str: "a String", Token: "a Token", bool: "a Boolean", int: "an Integer",
         Decimal: "a Decimal", bytes: "a Byte Sequence"}


def expect(value: object, types: tuple[type, ...], subject: str, *at: object) -> Issue | None:
    """An error unless `value` (a bare item, or a member) is exactly of one of `types`.

    Exact types: a Boolean is not an Integer here, although Python's bool is an int.
    """
    bare = value.value if type(value) is Item else value
    if type(value) is not InnerList and type(bare) in types:
        return None
    wanted = " or ".join(_WHAT[t] for t in types)
    hint = ""
    if Token in types and isinstance(bare, str):
        hint = f" (write it without quotes: {bare})"
    elif str in types and isinstance(bare, Token):
        hint = f' (quote it: "{bare.value}")'
    return error(f"{subject} must be {wanted}, found {describe_bare(value)}{hint}", *at)


# The commonest spelling of a bare item alone (no parameters), as (expression, its value):
# an sf-token, "?0" / "?1", and an sf-string without escapes (RFC 9651, 3.3).
_BARE_FAST: dict[tuple[type, ...], tuple[re.Pattern[str], Callable[[str], Any]]] = {
    (Token,): (re.compile(SF_TOKEN), lambda text: text),
    (bool,): (re.compile(r"\?[01]"), lambda text: text == "?1"),
    (str,): (re.compile(r'"[ !#-\[\]-~]*"'), lambda text: text[1:-1]),
}


def bare_item_field(name: str, ref: str, types: tuple[type, ...], *,
                    check_value: Callable[[Any], Iterable[Issue]] | None = None,
                    value_type: str, example: str,
                    deprecated: str | None = None,
                    known: Collection[str] | None = None) -> FieldSpec[Any]:
    """An Item of one bare type whose parameters mean nothing: the value is the bare item
    (a Token as its text). Parameters are ignored, as RFC 9651, 2.3 has recipients do.
    `known`: values that `check_value` certainly has nothing to say about."""
    token = types == (Token,)

    def view(item: Item) -> Any:
        return item.value.value if isinstance(item.value, Token) else item.value

    def unview(value: Any) -> Item:
        return Item(Token(value) if token else value)

    def check(item: Item) -> Iterator[Issue]:
        problem = expect(item, types, name)
        if problem is not None:
            yield problem
        elif check_value is not None:
            yield from check_value(view(item))

    return sf_item_field(name, ref, view=view, unview=unview, check=check,
                         value_type=value_type, example=example, deprecated=deprecated,
                         fast=_bare_fast(types, check_value, known))


def _bare_fast(types: tuple[type, ...], check_value: Callable[[Any], Iterable[Issue]] | None,
               known: Collection[str] | None) -> Fast | None:
    if types not in _BARE_FAST:
        return None
    pattern, convert = _BARE_FAST[types]
    match = pattern.fullmatch

    def fast(raw: str) -> Any:
        if match(raw) is None:
            return SLOW
        value = convert(raw)
        if known is not None:
            return value if value in known else SLOW  # an unknown value: its warning
        if check_value is not None:
            for _ in check_value(value):
                return SLOW  # an issue: the exact path reports it, with its position
        return value

    return fast


def known_values(value: str, known: Collection[str], subject: str,
                 consequence: str) -> Iterator[Issue]:
    if value not in known:
        yield warning(f"{value!r} is not a known {subject} value ({', '.join(sorted(known))})"
                      f"; {consequence}")


def token_item_field(name: str, ref: str, known: Collection[str], *, consequence: str,
                     example: str, deprecated: str | None = None) -> FieldSpec[str]:
    """A Token from a set that grows: an unknown one is a warning, not an error."""
    return bare_item_field(
        name, ref, (Token,), value_type="str (an SF Token)", example=example,
        check_value=lambda v: known_values(v, known, name, consequence), deprecated=deprecated,
        known=known)


def string_item_field(name: str, ref: str, *, example: str,
                      check_value: Callable[[Any], Iterable[Issue]] | None = None,
                      deprecated: str | None = None) -> FieldSpec[str]:
    return bare_item_field(name, ref, (str,), check_value=check_value,
                           value_type="str (an SF String)", example=example,
                           deprecated=deprecated)


def boolean_item_field(name: str, ref: str, *, example: str,
                       check_value: Callable[[Any], Iterable[Issue]] | None = None,
                       ) -> FieldSpec[bool]:
    return bare_item_field(name, ref, (bool,), check_value=check_value,
                           value_type="bool (an SF Boolean)", example=example)


# -- views of containers whose members are all Items (what their check made sure of) ----------

def present(*pairs: tuple[str, Any]) -> dict[str, Any]:
    """Parameters from (name, value) pairs, leaving out those whose value is None (not sent)."""
    return {name: value for name, value in pairs if value is not None}


def member_values(members: List) -> tuple[Any, ...]:
    return tuple(m.value for m in members if isinstance(m, Item))


def items(values: tuple[Any, ...]) -> List:
    return tuple(Item(v) for v in values)


def dict_values(members: Dictionary) -> dict[str, Any]:
    return {k: m.value for k, m in members.items() if isinstance(m, Item)}


def dict_items(values: dict[str, Any]) -> Dictionary:
    return {k: Item(v) for k, v in values.items()}
