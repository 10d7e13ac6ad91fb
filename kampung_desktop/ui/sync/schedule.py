"""When to look for the server and when to sync: a plain policy object, no Qt, no clock of its own.

A reachability check is one small GET with a 2 s timeout. While the server cannot be reached
the checks back off exponentially (5 s, 10 s, 20 s … at most 5 min, with ±20 % jitter so a room
of laptops coming back online does not knock at once); once it answers, a sync starts when the
connection has just come back, when something new waits to be sent, or when the last sync is
older than the pull interval (to receive what others changed).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_BACKOFF_S = 5.0
MAX_BACKOFF_S = 300.0
CHECK_EVERY_S = 60.0  # while the server answers
PULL_EVERY_S = 300.0
JITTER = 0.2


@dataclass
class SyncSchedule:
    first_backoff: float = FIRST_BACKOFF_S
    max_backoff: float = MAX_BACKOFF_S
    check_every: float = CHECK_EVERY_S
    pull_every: float = PULL_EVERY_S
    jitter: float = JITTER
    failures: int = 0  # consecutive unreachable checks or failed syncs
    last_sync_at: float | None = None  # monotonic seconds of the last successful sync
    pending_after_sync: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self) -> float:
        """The wait before the next check after `failures` failures in a row."""
        base = min(self.max_backoff, self.first_backoff * 2 ** max(self.failures - 1, 0))
        spread = base * self.jitter
        return max(0.5, base + self.rng.uniform(-spread, spread))

    def after_check(self, reachable: bool, pending: int, now: float) -> tuple[bool, float]:
        """(start a sync now?, seconds until the next check)."""
        if not reachable:
            self.failures += 1
            return False, self.backoff()
        came_back = self.failures > 0
        self.failures = 0
        due = self.last_sync_at is None or now - self.last_sync_at >= self.pull_every
        start = came_back or due or pending > self.pending_after_sync
        return start, self.check_every

    def after_sync(self, ok: bool, pending: int, now: float) -> float:
        """Seconds until the next check after a sync ended (`ok`: it reached the server)."""
        if ok:
            self.failures = 0
            self.last_sync_at = now
            self.pending_after_sync = pending
            return self.check_every
        self.failures += 1
        return self.backoff()

    def reset(self) -> None:
        """Forget failures (the user pressed "Sinkronkan sekarang" or enrolled again)."""
        self.failures = 0
