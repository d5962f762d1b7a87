"""A token bucket: `burst` events at once, refilled at `rate` per second."""

from __future__ import annotations

from collections.abc import Callable


class Budget:
    __slots__ = ("_clock", "_last", "_tokens", "burst", "rate")

    def __init__(self, burst: int, rate: float, clock: Callable[[], float]) -> None:
        self.burst = burst
        self.rate = rate
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock()

    def spend(self) -> bool:
        """Take one token; False when the bucket is empty (the peer is over its budget)."""
        now = self._clock()
        tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if tokens < 1.0:
            self._tokens = tokens
            return False
        self._tokens = tokens - 1.0
        return True
