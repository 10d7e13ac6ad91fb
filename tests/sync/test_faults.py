"""Fault tests against real server processes on 127.0.0.1: after recovery the server and the
laptop hold the same records, none lost and none duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from faulty_proxy import FaultyProxy
from kampung_sync.client import SyncClient
from kampung_sync.protocol import Op, PushRequest
from sync_support import Laptop, server_records

pytestmark = pytest.mark.slow


def assert_converged(laptop: Laptop, db_url: str) -> None:
    """Every live local record is on the server at the same revision, and nothing else is."""
    assert laptop.pending() == 0
    for table in ("households", "members"):
        local = laptop.rows(table)
        remote = {rid: rev for rid, (rev, _data) in server_records(db_url, table).items()}
        assert local == remote, table


def _via(laptop: Laptop, url: str) -> None:
    with laptop.ctx.db.raw() as conn:
        conn.execute("UPDATE sync_device SET server_url = ?", (url,))


def _small_batches(laptop: Laptop, ops: int = 40, pull: int = 100) -> None:
    with laptop.ctx.db.raw() as conn:
        conn.execute(
            "UPDATE sync_device SET limits = json_object('max_ops_per_batch', ?, "
            "'max_batch_bytes', 8388608, 'max_pull_limit', ?)",
            (ops, pull),
        )


def test_server_killed_mid_push_then_restarted(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(150)  # 600 ops, pushed 40 at a time
    _small_batches(a)

    at_kill: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with a.ctx.db.raw() as conn:
                done = conn.execute("SELECT count(*) FROM sync_receipts").fetchone()[0]
            if done >= 80:
                break
            time.sleep(0.01)
        server.kill()
        at_kill.append(done)
        time.sleep(1.0)
        server.start()

    thread = threading.Thread(target=killer)
    thread.start()
    first = a.sync.sync()
    thread.join()
    assert 80 <= at_kill[0] < 600  # killed mid-push
    if not first.ok:  # the retries may have outlived the outage, or not
        assert "tidak dapat dihubungi" in first.error
    second = a.sync.sync()
    assert second.ok, second.error
    assert first.sent + second.sent >= 600
    assert_converged(a, server.db_url)


def test_connection_cut_mid_response_and_500s_for_a_while(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    proxy = FaultyProxy(server.port)
    try:
        _via(a, proxy.url)
        _small_batches(a)
        a.add_households(60)
        proxy.misbehave("cut", budget=4, cut_after=150)
        outcome = a.sync.sync()
        assert outcome.ok, outcome.error
        assert proxy.faults == 4
        assert outcome.accepted + outcome.duplicate == 240
        assert_converged(a, server.db_url)

        a.add_households(20, start=100)
        proxy.misbehave("error500", budget=3)
        outcome = a.sync.sync()
        assert outcome.ok and outcome.accepted == 80 and proxy.faults == 3
        assert_converged(a, server.db_url)
    finally:
        proxy.close()


def test_same_batch_delivered_twice(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(5)
    assert a.sync.sync().ok
    # the receipts were lost: every op is pending again and goes a second time
    with a.ctx.db.raw() as conn:
        rows = conn.execute(
            "SELECT op_id, entity, record_id, op, revision, base_revision, created_at "
            "FROM outbox ORDER BY seq"
        ).fetchall()
        conn.execute("UPDATE outbox SET status = 'pending', sent_at = NULL")
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    again = a.sync.sync()
    assert again.ok and again.sent == 20 and again.duplicate == 20 and again.accepted == 0
    assert_converged(a, server.db_url)

    # and the very same request body, twice, straight at the server
    from kampung_desktop.services.sync.credentials import TokenStore

    client = SyncClient(server.url, TokenStore(a.data_dir, device).load())
    data = server_records(server.db_url, "households")
    ops = [
        Op(op_id=r[0], table=r[1], record_id=r[2], op=r[3], revision=r[4],
           base_revision=r[5], changed_at=r[6], data=data[r[2]][1])
        for r in rows if r[1] == "households"
    ]  # fmt: skip
    request = PushRequest(device_id=device, batch_id="batch-twice-1", ops=ops)
    first, second = client.push(request), client.push(request)
    assert [r.status for r in first.receipts] == [r.status for r in second.receipts]
    assert all(r.status == "duplicate" for r in second.receipts)
    assert len(server_records(server.db_url, "households")) == 5


def test_laptop_clock_hours_wrong(server, laptop_factory, monkeypatch):
    from datetime import UTC, datetime, timedelta

    import kampung_desktop.core.ids as ids

    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    monkeypatch.setattr(ids, "utc_now", lambda: datetime.now(UTC) + timedelta(hours=7))
    hid = a.add_households(1)[0]
    assert a.sync.sync().ok
    assert b.sync.sync().ok
    monkeypatch.setattr(ids, "utc_now", lambda: datetime.now(UTC) - timedelta(hours=9))
    _edit_address(b, hid, "Jl. Jam Mundur 9")  # written "earlier" than A's record, but later
    assert b.sync.sync().ok
    assert a.sync.sync().ok
    assert server_records(server.db_url, "households")[hid][1]["address"] == "Jl. Jam Mundur 9"
    assert _address(a, hid) == "Jl. Jam Mundur 9"
    assert_converged(a, server.db_url)


def test_laptop_killed_mid_pull(server, laptop_factory, tmp_path):
    a = laptop_factory("a")
    a.enrol(server, "ani")
    a.add_households(200)
    assert a.sync.sync().ok
    b = laptop_factory("b")
    b.enrol(server, "dedi")
    _small_batches(b, pull=50)
    data = str(b.data_dir)
    env = {**os.environ}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kampung_desktop", "sync", "--data-dir", data],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    cursor = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with b.ctx.db.raw() as conn:
            row = conn.execute("SELECT cursor FROM sync_state").fetchone()
        cursor = row[0] if row else 0
        if cursor > 0:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert cursor > 0
    partial = len(b.rows("members"))
    assert partial < 600  # killed part-way
    assert b.sync.sync().ok
    assert b.rows("households") == a.rows("households")
    assert b.rows("members") == a.rows("members")
    with b.ctx.db.raw() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every household is findable again, including those of the page that was cut off
        indexed = conn.execute("SELECT count(*) FROM household_search").fetchone()[0]
        found = conn.execute(
            "SELECT count(*) FROM household_search WHERE household_search MATCH '\"warga\"*'"
        ).fetchone()[0]
    assert indexed == found == 200


def _edit_address(laptop: Laptop, hid: str, address: str) -> None:
    from datetime import date

    from kampung_desktop.services.registry import RegistryService

    registry = RegistryService(laptop.ctx.db, laptop.ctx.user_id)
    draft = registry.draft_of(hid)
    draft.address = address
    registry.save(draft, date(2026, 11, 23))


def _address(laptop: Laptop, hid: str) -> str:
    with laptop.ctx.db.raw() as conn:
        return conn.execute("SELECT address FROM households WHERE id = ?", (hid,)).fetchone()[0]


def test_the_last_sync_is_the_newest_whatever_the_clock_said(server, laptop_factory, monkeypatch):
    """A sync made while the clock ran hours ahead, then the clock corrected: the status and
    the log follow the order syncs happened in, not the times the clock wrote on them."""
    from datetime import UTC, datetime, timedelta

    import kampung_desktop.core.ids as ids

    a = laptop_factory("a")
    a.enrol(server, "ani")
    a.add_households(1)
    monkeypatch.setattr(ids, "utc_now", lambda: datetime.now(UTC) + timedelta(hours=7))
    server.stop()
    monkeypatch.setenv("KAMPUNG_SYNC_RETRIES", "1")
    ahead = a.sync.sync()
    assert not ahead.ok and a.sync.status().state == "offline"
    monkeypatch.setattr(ids, "utc_now", lambda: datetime.now(UTC))  # the clock put right
    server.start()
    done = a.sync.sync()
    assert done.ok, done.error
    status = a.sync.status()
    assert status.state == "up_to_date" and status.pending_total == 0
    newest = a.sync.log(1)[0].outcome
    assert newest is not None and newest.ok and newest.sent == 4
    assert [e.outcome.ok for e in a.sync.log(5)] == [True, False]  # newest first
    assert_converged(a, server.db_url)
