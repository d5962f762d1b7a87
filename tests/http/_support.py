"""Feeding bytes to the reader the way a connection would, for the tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from headerscope.http import NEED_DATA, HeadComplete, HTTPError, Limits, Request, RequestReader


@dataclass
class Outcome:
    requests: list[Request] = field(default_factory=list)
    heads: int = 0  # HeadComplete events
    error: HTTPError | None = None
    buffered: int = 0  # bytes of an unfinished request left in the reader

    def key(self) -> tuple[object, ...]:
        """Everything that must not depend on how the input was split."""
        reqs = [(r.method, r.target, r.version, r.head, r.fields, r.body, r.trailers,
                 r.keep_alive, r.chunked, r.content_length, r.expect_continue)
                for r in self.requests]
        error = (self.error.status, self.error.reason) if self.error else None
        return (reqs, error, self.buffered if error is None else None)


def read(chunks: bytes | Iterable[bytes], limits: Limits | None = None) -> Outcome:
    reader = RequestReader(limits)
    outcome = Outcome()
    for chunk in [chunks] if isinstance(chunks, bytes) else chunks:
        reader.feed(chunk)
        try:
            while (event := reader.next_event()) is not NEED_DATA:
                if isinstance(event, HeadComplete):
                    outcome.heads += 1
                else:
                    assert isinstance(event, Request)
                    outcome.requests.append(event)
        except HTTPError as error:
            outcome.error = error
            return outcome
    outcome.buffered = reader.buffered
    return outcome


def one(data: bytes, limits: Limits | None = None) -> Request:
    outcome = read(data, limits)
    assert outcome.error is None, outcome.error
    assert len(outcome.requests) == 1 and outcome.buffered == 0, outcome
    return outcome.requests[0]


def error(data: bytes, limits: Limits | None = None) -> HTTPError:
    outcome = read(data, limits)
    assert outcome.error is not None, outcome
    return outcome.error


def bytewise(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]
