"""Strategies for the security fields of issue 17's third batch: HOBA's Hobareg, Token
Binding's Sec-Token-Binding and the reserved field name Close.

Invalid texts are the mistakes each grammar rules out: a Hobareg word in another case, quoted
or repeated; padding, white space or characters outside base64url in a Token Binding message,
a length that encodes no octets; for Close,
whose value is any field-content, only the characters no field value may hold.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ._common import FieldStrategies, sample

# field-content: VCHAR, obs-text, and SP / HTAB between them (the registry strips the ends)
_field_char = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f")
_field_text = st.text(_field_char | st.just("\t"), max_size=24).map(lambda t: t.strip(" \t"))

IANA3_SECURITY: dict[str, FieldStrategies] = {
    "hobareg": FieldStrategies(
        values=st.sampled_from(["regok", "reginwork"]),
        invalid=sample("", "REGOK", "RegOK", "reg-ok", '"regok"', "regok, regok", "regok;x=1",
                       "regok reginwork", "registered")),
    "sec-token-binding": FieldStrategies(
        values=st.binary(min_size=1, max_size=80),
        invalid=sample("", "abcde", "AIkAAg==", "AIkA Ag", "AIk+Ag", "AIk/Ag", '"AIkA"',
                       "AIkA,AgBB", "AIk\u00e9Ag")),
    "close": FieldStrategies(
        values=_field_text,
        invalid=sample("a\x00b", "close\x7f", "x\x01", "\x1b[0m", "a\nb", "\u0100")),
}
