"""Last-Event-ID: the ID of the last server-sent event an EventSource received, sent when it
reconnects (WHATWG HTML, 9.2 server-sent events).

    Last-Event-ID = *( any character but NUL, CR and LF )

The last event ID buffer is set from an "id:" line, which cannot carry NUL (it is ignored),
CR or LF (they end the line). It is opaque text, kept exactly as sent.
"""

import re
from collections.abc import Iterator

from ..grammar import describe
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_FORBIDDEN_RE = re.compile(r"[\x00\r\n]")


def parse(raw: str) -> str:
    m = _FORBIDDEN_RE.search(raw)
    if m is not None:
        raise FieldError(f"{describe(m.group())} cannot be part of an event ID", m.start())
    return raw


def lint(value: str, raw: str) -> Iterator[Diagnostic]:
    if not value:
        yield Diagnostic("empty Last-Event-ID: browsers omit the field when there is no ID")


LAST_EVENT_ID = FieldSpec("Last-Event-ID", parse, str, "WHATWG HTML, server-sent events",
                          value_type="str", lint=lint, example="1712589013-42")
