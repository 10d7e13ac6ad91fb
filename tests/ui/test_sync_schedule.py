"""When the laptop looks for the server and when it syncs (no Qt, no clock: plain numbers)."""

from __future__ import annotations

import random

from kampung_desktop.ui.sync.schedule import SyncSchedule


def schedule() -> SyncSchedule:
    return SyncSchedule(jitter=0.0, rng=random.Random(1))


def test_unreachable_checks_back_off_exponentially_up_to_the_cap():
    plan = schedule()
    delays = [plan.after_check(False, 0, now=0)[1] for _ in range(9)]
    assert delays == [5, 10, 20, 40, 80, 160, 300, 300, 300]


def test_jitter_stays_within_twenty_percent():
    plan = SyncSchedule(rng=random.Random(7))
    plan.failures = 3  # base 20 s
    values = [plan.backoff() for _ in range(200)]
    assert min(values) >= 16 and max(values) <= 24 and len(set(values)) > 100


def test_a_returning_server_starts_a_sync_at_once():
    plan = schedule()
    plan.after_sync(True, 0, now=0)
    assert plan.after_check(False, 0, now=10) == (False, 5)
    assert plan.after_check(True, 0, now=20) == (True, 60)


def test_new_changes_start_a_sync_and_nothing_new_does_not():
    plan = schedule()
    plan.after_sync(True, pending=2, now=0)  # two records the server refused stay pending
    assert plan.after_check(True, 2, now=60) == (False, 60)
    assert plan.after_check(True, 3, now=120) == (True, 60)


def test_a_pull_is_due_after_five_minutes_even_with_nothing_to_send():
    plan = schedule()
    assert plan.after_check(True, 0, now=0)[0]  # never synced
    plan.after_sync(True, 0, now=0)
    assert not plan.after_check(True, 0, now=299)[0]
    assert plan.after_check(True, 0, now=300)[0]


def test_a_failed_sync_backs_off_and_a_manual_sync_resets():
    plan = schedule()
    assert plan.after_sync(False, 5, now=0) == 5
    assert plan.after_sync(False, 5, now=5) == 10
    plan.reset()
    assert plan.failures == 0
    assert plan.after_sync(True, 0, now=20) == 60
