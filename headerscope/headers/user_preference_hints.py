"""Sec-CH-Prefers-Color-Scheme and Sec-CH-Prefers-Reduced-Motion: the user's CSS preferences.

User Preference Media Features Client Hints Headers (WICG). Each "is represented as [a]
Structured Headers object containing an item whose value is a string":

    Sec-CH-Prefers-Color-Scheme = sf-string    ; "light" / "dark"
    Sec-CH-Prefers-Reduced-Motion = sf-string  ; "no-preference" / "reduce"

The values mirror the prefers-color-scheme and prefers-reduced-motion media features of
Media Queries Level 5, which may grow: another String is a warning. A Token (dark, without
the quotes) is the wrong type, an error: the field is then ignored (RFC 9651, 2.2).
"""

from ._shared.sf_family import known_values, string_item_field

REF = "WICG User Preference Media Features Client Hints"
COLOR_SCHEMES = frozenset({"light", "dark"})
REDUCED_MOTION = frozenset({"no-preference", "reduce"})
_MIRRORS = "the hint mirrors the CSS media feature's values"

SEC_CH_PREFERS_COLOR_SCHEME = string_item_field(
    "Sec-CH-Prefers-Color-Scheme", REF, example='"dark"',
    check_value=lambda v: known_values(v, COLOR_SCHEMES, "color scheme", _MIRRORS))
SEC_CH_PREFERS_REDUCED_MOTION = string_item_field(
    "Sec-CH-Prefers-Reduced-Motion", REF, example='"no-preference"',
    check_value=lambda v: known_values(v, REDUCED_MOTION, "reduced-motion", _MIRRORS))
