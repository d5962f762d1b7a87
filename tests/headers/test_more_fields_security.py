"""The security fields of issue 17's third batch: Hobareg (RFC 7486, 6.1.1), Sec-Token-Binding
(RFC 8473, 2) and the reserved field name Close (RFC 9112, 9.6). None of these sections gives
an example value: the Token Binding message below is made up, of the shape the grammar
describes; Hobareg's two values are the ones its text names."""

from __future__ import annotations

import base64

from headerscope.headers import REGISTRY
from headerscope.headers.close import CLOSE
from headerscope.headers.hobareg import HOBAREG
from headerscope.headers.token_binding import SEC_TOKEN_BINDING

from ._content_helpers import rejects, warned, warnings


def test_sec_token_binding_decodes_the_message() -> None:
    message = bytes(range(40))
    text = base64.urlsafe_b64encode(message).decode("ascii").rstrip("=")
    assert SEC_TOKEN_BINDING.parse(text) == message
    assert SEC_TOKEN_BINDING.write(message) == text
    assert "=" not in SEC_TOKEN_BINDING.write(b"\xff")  # padding omitted
    assert SEC_TOKEN_BINDING.write(b"\xfb\xff") == "-_8"  # the URL-safe alphabet
    parsed = REGISTRY.parse("Sec-Token-Binding", SEC_TOKEN_BINDING.example)
    assert parsed.error is None and parsed.spec is SEC_TOKEN_BINDING
    assert SEC_TOKEN_BINDING.deprecated is None  # IANA still lists it as permanent


def test_sec_token_binding_errors() -> None:
    rejects(SEC_TOKEN_BINDING, "", "at least one octet", 0)
    rejects(SEC_TOKEN_BINDING, "AIkAAg==", "not a base64url character", 6)
    rejects(SEC_TOKEN_BINDING, "AIkA Ag", "not a base64url character", 4)
    rejects(SEC_TOKEN_BINDING, "AIk+Ag", "not a base64url character", 3)
    rejects(SEC_TOKEN_BINDING, "AIkA,AgBB", "not a base64url character", 4)
    rejects(SEC_TOKEN_BINDING, "abcde", "encode no octet string", 5)


def test_sec_token_binding_warnings() -> None:
    # every use: the mechanism is dead in browsers, though no registry entry says so
    assert warnings(SEC_TOKEN_BINDING, "AIkA") == [(
        "browsers abandoned Token Binding (RFC 8471, 8473): none sends or honours this field "
        "any more", None)]
    # "AB" carries one octet (0x00) and four more bits, which are not zero
    assert SEC_TOKEN_BINDING.parse("AB") == b"\x00"
    warned(SEC_TOKEN_BINDING, "AB", "MUST set them to zero", 1)
    assert len(warnings(SEC_TOKEN_BINDING, "AA")) == 1


def test_close_is_recognised_and_flagged_on_every_use() -> None:
    for raw in ("close", "", "anything at all, even; \"quoted\" text \xe9"):
        parsed = REGISTRY.parse("Close", raw)
        assert parsed.error is None and parsed.value == raw
        assert [w.reason for w in parsed.warnings] == [CLOSE.deprecated]
    assert CLOSE.deprecated is not None
    assert "reserved" in CLOSE.deprecated and "Connection: close" in CLOSE.deprecated
    assert CLOSE.write("close") == "close"
    bad = REGISTRY.parse("close", "a\x00b")  # an error still carries the reservation
    assert bad.error is not None and [w.reason for w in bad.warnings] == [CLOSE.deprecated]


def test_close_value_errors() -> None:
    rejects(CLOSE, "a\x00b", "cannot be part of a field value", 1)
    rejects(CLOSE, "close\x7f", "cannot be part of a field value", 5)
    rejects(CLOSE, "x\u0100", "cannot be part of a field value", 1)


def test_hobareg_states() -> None:  # RFC 7486, 6.1.1: the two values the text names
    for word in ("regok", "reginwork"):
        assert HOBAREG.parse(word) == word
        assert HOBAREG.write(word) == word
        assert warnings(HOBAREG, word) == []


def test_hobareg_errors() -> None:
    rejects(HOBAREG, "REGOK", "is not one of reginwork, regok", 0)
    rejects(HOBAREG, "registered", "is not one of reginwork, regok", 0)
    rejects(HOBAREG, '"regok"', "expected a token", 0)
    rejects(HOBAREG, "regok, regok", "unexpected ','", 5)
    rejects(HOBAREG, "", "expected a token", 0)
