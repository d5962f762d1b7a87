"""TTL, Urgency and Topic: a push message's delivery options (RFC 8030, 5.2 to 5.4).

    TTL = 1*DIGIT                                                      ; 5.2
    Urgency = 1#(urgency-option)                                       ; 5.3
    urgency-option = ("very-low" / "low" / "normal" / "high")
    Topic = token                                                      ; 5.4

"Multiple values for the Urgency header field MUST NOT be included in requests; otherwise, the
push service MUST return a 400 (Bad Request) status code": more than one is an error. A topic
is at most 32 characters "from the URL and filename-safe Base 64 alphabet": a longer one, or
one with other token characters, is a warning.
"""

from __future__ import annotations

import enum
import re

from ..grammar import Cursor, parse_list
from ..grammar.rules import BASE64URL
from ._shared.families import int_field
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_BASE64URL_RE = re.compile(rf"[{BASE64URL}]{{1,32}}")


class Urgency(enum.StrEnum):
    VERY_LOW = "very-low"
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


def _option(cur: Cursor) -> Urgency:
    start = cur.pos
    token = cur.token("an urgency: very-low, low, normal or high").lower()
    try:
        return Urgency(token)
    except ValueError:
        raise FieldError(f"{token!r} is not an urgency: very-low, low, normal or high",
                         start) from None


def parse_urgency(raw: str) -> Urgency:
    options = parse_list(raw, _option, at_least_one=True, what="Urgency")
    if len(options) > 1:
        raise FieldError("more than one urgency: a push service MUST answer 400 "
                         "(RFC 8030, 5.3)", raw.find(","))
    return options[0]


def parse_topic(raw: str) -> str:
    cur = Cursor(raw)
    topic = cur.token("a topic")
    cur.expect_end()
    return topic


def lint_topic(value: str, raw: str) -> list[Diagnostic]:
    if _BASE64URL_RE.fullmatch(value) is None:
        return [Diagnostic("a topic is at most 32 characters of the URL and filename-safe "
                           "base64 alphabet (RFC 8030, 5.4)", 0)]
    return []


TTL = int_field("TTL", "RFC 8030, 5.2", what="a number of seconds", example="86400")
URGENCY = FieldSpec("Urgency", parse_urgency, str, "RFC 8030, 5.3", value_type="Urgency",
                    example="high")
TOPIC = FieldSpec("Topic", parse_topic, str, "RFC 8030, 5.4", value_type="str", lint=lint_topic,
                  example="upd")
