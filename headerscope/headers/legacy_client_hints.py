"""The client hints of the first generation: device and network facts a browser sends when a
server asks (Accept-CH). Device-Memory, DPR and Viewport-Width were renamed Sec-CH-* by
Client Hints Infrastructure; the network hints and Save-Data kept their names.

    Save-Data      = sd-token *( OWS ";" OWS [ sd-token ] )      ; WICG Save Data, "on"
    Device-Memory  = 1*DIGIT [ "." 1*DIGIT ]    ; GiB: 0.25 0.5 1 2 4 8 (W3C Device Memory)
    Downlink       = 1*DIGIT [ "." 1*DIGIT ]    ; Mbps, rounded to 25 kbps (Network Information)
    DPR            = 1*DIGIT [ "." 1*DIGIT ]    ; device pixel ratio (WICG Client Hints)
    ECT            = "slow-2g" / "2g" / "3g" / "4g"    ; effective connection type
    RTT            = 1*DIGIT                    ; ms, rounded to 25 ms
    Viewport-Width = 1*DIGIT                    ; CSS pixels
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal

from ..grammar import Cursor, describe
from ._shared.families import int_field, token_field
from ._shared.json import decimal_text
from ._shared.spec import Diagnostic, FieldError, FieldSpec

# A number is a magnitude: leading zeros of the integer part and trailing zeros of the fraction
# are not counted against the 12 digits each may have ("0001.50" is 1.5).
_DECIMAL_RE = re.compile(r"0*([0-9]{1,12})(?:\.([0-9]{1,12})0*)?")
_MEMORY = frozenset(Decimal(v) for v in ("0.25", "0.5", "1", "2", "4", "8"))


def parse_decimal(raw: str) -> Decimal:
    m = _DECIMAL_RE.match(raw)
    if m is None or m.end() != len(raw):
        stop = 0 if m is None else m.end()
        raise FieldError(f"expected a decimal number such as 1.5, found "
                         f"{describe(raw[stop:stop + 1])}", stop)
    whole, fraction = m.groups()
    return Decimal(whole if fraction is None else f"{whole}.{fraction}")


def _decimal_field(name: str, ref: str, example: str) -> FieldSpec[Decimal]:
    return FieldSpec(name, parse_decimal, decimal_text, ref, value_type="Decimal",
                     example=example)


def _lint_memory(value: Decimal, raw: str) -> Iterator[Diagnostic]:
    if value not in _MEMORY:
        yield Diagnostic("browsers round Device-Memory to 0.25, 0.5, 1, 2, 4 or 8", 0)


def parse_save_data(raw: str) -> tuple[str, ...]:
    cur = Cursor(raw)
    tokens = [cur.token("a token such as 'on'").lower()]
    while not cur.at_end():
        cur.skip_ows()
        cur.expect(";")
        cur.skip_ows()
        if not cur.at_end() and cur.peek() != ";":
            tokens.append(cur.token().lower())
    return tuple(tokens)


def _lint_save_data(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    if "on" not in value:
        yield Diagnostic("only 'on' is defined; without it the field means nothing", 0)


SAVE_DATA = FieldSpec("Save-Data", parse_save_data, "; ".join, "WICG Save Data, 3",
                      value_type="tuple[str, ...]", lint=_lint_save_data, example="on")
DEVICE_MEMORY = dataclasses.replace(
    _decimal_field("Device-Memory", "W3C Device Memory, 3.1", "8"), lint=_lint_memory,
    deprecated="Device-Memory is superseded by Sec-CH-Device-Memory")
DOWNLINK = _decimal_field("Downlink", "WICG Network Information, Downlink", "1.45")
DPR = dataclasses.replace(_decimal_field("DPR", "WICG Responsive Image Client Hints, DPR", "2"),
                          deprecated="DPR is superseded by Sec-CH-DPR")
ECT = token_field("ECT", "WICG Network Information, ECT", {"slow-2g", "2g", "3g", "4g"},
                  example="4g")
RTT = int_field("RTT", "WICG Network Information, RTT", what="a round-trip time in ms",
                example="50")
VIEWPORT_WIDTH = dataclasses.replace(
    int_field("Viewport-Width", "WICG Responsive Image Client Hints, Viewport-Width",
              what="a width in CSS pixels", example="1280"),
    deprecated="Viewport-Width is superseded by Sec-CH-Viewport-Width")
