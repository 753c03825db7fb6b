"""One per-member rate limit for everything that answers: a token bucket per member.

A member may take ``burst`` answers at once; the allowance refills evenly over ``per``
seconds (5 per 60 s: five quick questions, then one more every 12 s), so a conversation is
never throttled but a flood is. discord.py's ``CooldownMapping`` is the model, but it resets
a fixed window and scans every member's bucket on each call; here a full bucket is simply
forgotten (least recently used first), so each call is O(1) amortized with thousands of
members active.
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass
from typing import Callable, Literal

Verdict = Literal["ok", "warn", "quiet"]


@dataclass
class _Bucket:
    tokens: float
    last: float
    warned: bool = False


class RateLimiter:
    def __init__(self, burst: int, per: float, clock: Callable[[], float] = time.monotonic):
        self.burst = burst
        self.per = per
        self.clock = clock
        self._rate = burst / per if burst and per > 0 else 0.0  # tokens per second
        self._buckets: collections.OrderedDict[int, _Bucket] = collections.OrderedDict()

    def hit(self, key: int) -> tuple[Verdict, float]:
        """Take one answer for ``key``: ("ok", 0), or ("warn" the first time / "quiet", seconds to wait)."""
        if not self._rate:
            return "ok", 0.0
        now = self.clock()
        self._forget_full(now)
        bucket = self._buckets.pop(key, None) or _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.last) * self._rate)
        bucket.last = now
        self._buckets[key] = bucket  # most recently used last
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return "ok", 0.0
        wait = (1.0 - bucket.tokens) / self._rate
        if bucket.warned:
            return "quiet", wait
        bucket.warned = True
        return "warn", wait

    def _forget_full(self, now: float) -> None:
        while self._buckets:
            bucket = next(iter(self._buckets.values()))
            if bucket.tokens + (now - bucket.last) * self._rate < self.burst:
                break
            self._buckets.popitem(last=False)

    def __len__(self) -> int:
        return len(self._buckets)
