"""Serializing Structured Fields (RFC 9651, section 4.1): canonical text, or ValueError.

"For serialization to HTTP fields, the algorithms define the recommended way to produce
them": this module follows them exactly, so its output is the canonical form the test suite
expects. A value outside the data model (an Integer of 16 digits, a String with a control
character, a key with an upper-case letter, a `float`) raises ValueError naming it.

An empty List or Dictionary serializes to the empty string: RFC 9651 says such a field is
not sent at all (4.1 step 1), and the empty field value is what parses back to it.
"""

from __future__ import annotations

import base64
import re
from decimal import ROUND_HALF_EVEN, Context, Decimal

from ...grammar.rules import SF_TOKEN
from ._types import Date, Dictionary, DisplayString, InnerList, Item, List, Member, Params, Token

_TOKEN_RE = re.compile(SF_TOKEN)
_KEY_RE = re.compile(r"[a-z*][a-z0-9_\-.*]*")
_PRINTABLE_RE = re.compile(r"[ -~]*")
_PLAIN_DISPLAY_RE = re.compile(r"[ !#$&-~]*")  # bytes a Display String writes as themselves
_MAX_INT = 999_999_999_999_999
_THOUSANDTH = Decimal("0.001")
_DECIMAL_LIMIT = Decimal(10) ** 12
_CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN)  # exact for 12 + 3 digits and more


def serialize_item(item: Item) -> str:
    if type(item) is not Item:
        raise ValueError(f"not an Item: {type(item).__name__}")
    if item.params:
        return bare_item(item.value) + _params(item.params)
    return bare_item(item.value)


def serialize_list(members: List | list[Member]) -> str:
    return ", ".join([_member(m) for m in members])


def serialize_dictionary(members: Dictionary) -> str:
    out = []
    for key, member in members.items():
        if type(member) is Item and member.value is True:
            # "Members whose value is Boolean true MUST omit that value when serialized"
            out.append(_key(key) + _params(member.params))
        else:
            out.append(f"{_key(key)}={_member(member)}")
    return ", ".join(out)


def serialize(value: Item | List | Dictionary) -> str:
    """Serialize any top-level value: an Item, a List (tuple) or a Dictionary (dict)."""
    if type(value) is Item:
        return serialize_item(value)
    if isinstance(value, tuple | list):
        return serialize_list(value)
    if isinstance(value, dict):
        return serialize_dictionary(value)
    raise ValueError(f"not a structured field value: {type(value).__name__}")


def _member(member: object) -> str:
    if type(member) is Item:
        return serialize_item(member)
    if type(member) is InnerList:
        inner = " ".join([serialize_item(i) for i in member.items])
        return f"({inner}){_params(member.params)}"
    raise ValueError(f"a list or dictionary member must be an Item or an InnerList, "
                     f"not {type(member).__name__}")


def _params(params: Params) -> str:
    # "Parameters whose value is Boolean true MUST omit that value when serialized"
    return "".join([f";{_key(k)}" if v is True else f";{_key(k)}={bare_item(v)}"
                    for k, v in params.items()])


def _key(key: object) -> str:
    if type(key) is not str or _KEY_RE.fullmatch(key) is None:
        raise ValueError(f"{key!r} is not a key: lower-case letters, digits, '_', '-', '.' "
                         "and '*', starting with a letter or '*'")
    return key


def bare_item(value: object) -> str:
    if isinstance(value, Token):
        if not isinstance(value.value, str) or _TOKEN_RE.fullmatch(value.value) is None:
            raise ValueError(f"{value.value!r} is not a Token")
        return value.value
    if isinstance(value, str):
        if _PRINTABLE_RE.fullmatch(value) is None:
            raise ValueError(f"{value!r} has characters a String cannot hold (only printable "
                             "ASCII); use a DisplayString")
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):  # before int: bool is a subclass of int
        return "?1" if value else "?0"
    if isinstance(value, int):
        return _integer(value)
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, bytes):
        return ":" + base64.b64encode(value).decode("ascii") + ":"
    if isinstance(value, Date):
        if type(value.seconds) is not int:
            raise ValueError(f"a Date holds whole seconds, not {type(value.seconds).__name__}")
        return "@" + _integer(value.seconds)
    if isinstance(value, DisplayString):
        return _display_string(value.value)
    raise ValueError(f"{type(value).__name__} is not a structured field bare item")


def _integer(value: int) -> str:
    if not -_MAX_INT <= value <= _MAX_INT:
        raise ValueError(f"{value} is outside the Integer range (at most 15 digits)")
    return str(value)


def _decimal(value: Decimal) -> str:
    """Section 4.1.5: round to three places, half to even, then check the integer part."""
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite decimal number")
    if value.copy_abs() >= _DECIMAL_LIMIT:  # more than 12 integer digits even before rounding
        raise ValueError(f"{value} has more than 12 digits before the decimal point")
    rounded = value.quantize(_THOUSANDTH, context=_CONTEXT)
    if rounded.copy_abs() >= _DECIMAL_LIMIT:  # 999999999999.9995 rounds up to 13 digits
        raise ValueError(f"{value} has more than 12 digits before the decimal point once "
                         "rounded to three decimal places")
    whole, fraction = format(rounded.copy_abs(), "f").split(".")
    sign = "-" if rounded < 0 else ""  # "less than (but not equal to) 0": no "-0.0"
    return f"{sign}{whole}.{fraction.rstrip('0') or '0'}"


def _display_string(text: str) -> str:
    if type(text) is not str:
        raise ValueError(f"a DisplayString holds text, not {type(text).__name__}")
    if text.isascii() and _PLAIN_DISPLAY_RE.fullmatch(text):
        return f'%"{text}"'
    try:
        octets = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: "serialization will fail"
        raise ValueError("a DisplayString cannot hold surrogate code points") from None
    out = []
    for byte in octets:
        # "If byte is %x25 ("%"), %x22 (DQUOTE), or in the ranges %x00-1f or %x7f-ff"
        if byte in (0x25, 0x22) or byte < 0x20 or byte > 0x7E:
            out.append(f"%{byte:02x}")
        else:
            out.append(chr(byte))
    return '%"' + "".join(out) + '"'
