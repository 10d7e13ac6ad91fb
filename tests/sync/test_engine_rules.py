"""Engine rules: a pull never overwrites pending edits; a cancelled sync resumes cleanly;
a rejected record waits for an edit, which queues it again."""

from __future__ import annotations

import threading
from datetime import date

from kampung_sync.client import SyncClient
from sync_support import server_records

from kampung_desktop.services.registry import RegistryService
from kampung_desktop.services.sync.credentials import TokenStore
from kampung_desktop.services.sync.pull import pull_all
from kampung_desktop.storage import sync_store


def _edit(laptop, hid, **values):
    registry = RegistryService(laptop.ctx.db, laptop.ctx.user_id)
    draft = registry.draft_of(hid)
    for key, value in values.items():
        setattr(draft, key, value)
    registry.save(draft, date(2026, 11, 23))


def _address(laptop, hid):
    with laptop.ctx.db.raw() as conn:
        return conn.execute("SELECT address FROM households WHERE id = ?", (hid,)).fetchone()[0]


def test_pull_never_overwrites_a_record_with_pending_ops(server, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    hid = a.add_households(1)[0]
    assert a.sync.sync().ok and b.sync.sync().ok
    _edit(b, hid, address="Jl. Belum Terkirim")  # pending on B
    _edit(a, hid, address="Jl. Dari Server")
    assert a.sync.sync().ok
    with b.ctx.db.raw() as conn:  # pull only, as if the push had not happened yet
        device = sync_store.device(conn)
        client = SyncClient(server.url, TokenStore(b.data_dir, device["device_id"]).load())
        tally = pull_all(conn, client)
    assert tally.pages >= 1
    assert _address(b, hid) == "Jl. Belum Terkirim"  # kept, still pending
    assert b.pending() == 1


def test_cancelled_sync_resumes_where_it_stopped(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(100)
    with a.ctx.db.raw() as conn:
        conn.execute("UPDATE sync_device SET limits = json_object('max_ops_per_batch', 20, "
                     "'max_batch_bytes', 8388608, 'max_pull_limit', 5000)")  # fmt: skip
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p)
        if p.phase == "push" and p.done >= 100:
            cancel.set()

    first = a.sync.sync(progress=progress, cancel=cancel)
    assert not first.ok and "dibatalkan" in first.error
    assert 100 <= first.sent < 400 and a.pending() == 400 - first.sent
    assert seen[0].total == 400 and seen[-1].bytes_sent > 0
    second = a.sync.sync()
    assert second.ok and second.sent == 400 - first.sent
    assert len(server_records(server.db_url, "members")) == 300


def test_rejected_record_is_queued_again_when_edited(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    hid = a.add_households(1, members=1)[0]
    with a.ctx.db.raw() as conn:  # a value the server refuses (RW 0)
        conn.execute("UPDATE outbox SET payload = json_set(payload, '$.rw', 0) "
                     "WHERE entity = 'households'")  # fmt: skip
    first = a.sync.sync()
    assert first.rejected == 1 and first.needs_attention
    status = a.sync.status()
    assert [r.record_id for r in status.rejected] == [hid] and status.rejected[0].reason_id
    assert status.state == "needs_attention" and status.pending_total == 1  # member waits
    _edit(a, hid, address="Jl. Diperbaiki 2")
    second = a.sync.sync()
    assert second.ok and second.rejected == 0 and second.accepted == 2
    assert a.sync.status().rejected == [] and a.pending() == 0
    assert set(server_records(server.db_url, "households")) == {hid}


def test_batches_shrink_to_fit_the_servers_byte_limit(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(30)
    with a.ctx.db.raw() as conn:
        conn.execute("UPDATE sync_device SET limits = json_object('max_ops_per_batch', 2000, "
                     "'max_batch_bytes', 3000, 'max_pull_limit', 5000)")  # fmt: skip
    outcome = a.sync.sync()
    assert outcome.ok and outcome.accepted == 120 and a.pending() == 0
    with a.ctx.db.raw() as conn:
        batches = conn.execute("SELECT count(DISTINCT batch_id) FROM sync_receipts").fetchone()[0]
    assert batches >= 5  # without the limit: one batch of 120
    assert len(server_records(server.db_url, "members")) == 90


def test_unknown_cursor_resets_and_pulls_again_without_copies(server, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    a.add_households(3)
    assert a.sync.sync().ok and b.sync.sync().ok
    with b.ctx.db.raw() as conn:  # e.g. the server was restored from an older backup
        conn.execute("UPDATE sync_state SET cursor = 999999999")
    a.add_households(2, start=10)
    assert a.sync.sync().ok
    again = b.sync.sync()
    assert again.ok and again.received == 8  # the two new households and their members
    assert b.rows("households") == a.rows("households")
    assert b.rows("members") == a.rows("members")


def test_sync_logs_no_personal_data(server, laptop_factory, caplog):
    caplog.set_level("DEBUG")
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(2)
    assert a.sync.sync().ok
    with a.ctx.db.raw() as conn:
        people = conn.execute("SELECT name, nik FROM members").fetchall()
        addresses = [r[0] for r in conn.execute("SELECT address FROM households")]
    assert "sync session" in caplog.text
    for name, number in people:
        assert name not in caplog.text and number not in caplog.text
    assert not any(address in caplog.text for address in addresses)


def test_settled_payloads_are_pruned_pending_ones_kept(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(1, members=1)
    a.add_households(1, start=5, members=1)
    with a.ctx.db.raw() as conn:  # the first household is refused (RW 0), its member waits
        first = conn.execute("SELECT record_id FROM outbox WHERE entity = 'households' "
                             "ORDER BY seq LIMIT 1").fetchone()[0]  # fmt: skip
        conn.execute("UPDATE outbox SET payload = json_set(payload, '$.rw', 0) "
                     "WHERE record_id = ?", (first,))  # fmt: skip
    outcome = a.sync.sync()
    assert outcome.accepted == 2 and outcome.rejected == 1
    with a.ctx.db.raw() as conn:
        rows = conn.execute("SELECT status, payload = '{}', pruned_at IS NOT NULL FROM outbox "
                            "ORDER BY seq").fetchall()  # fmt: skip
    assert sorted(rows) == [
        ("accepted", 1, 1), ("accepted", 1, 1), ("pending", 0, 0), ("rejected", 1, 1),
    ]  # fmt: skip


def test_enrolment_replaces_the_install_placeholder_user(server, laptop_factory, tmp_path):
    from kampung_desktop.services.assessments import AssessmentService

    a = laptop_factory("a")
    placeholder = a.ctx.user_id
    service = AssessmentService(a.ctx.db, a.ctx.user_id, tmp_path / "cache")
    service.install_shipped_forms()
    aid = service.start("bantar_rt", "36.71.09.1001", rw=1, rt=2)
    a.enrol(server, "ani")
    assert a.ctx.user_id != placeholder
    with a.ctx.db.raw() as conn:
        created_by = conn.execute("SELECT created_by FROM assessments WHERE id = ?",
                                  (aid,)).fetchone()[0]  # fmt: skip
        queued = conn.execute("SELECT json_extract(payload, '$.created_by') FROM outbox "
                              "WHERE record_id = ?", (aid,)).fetchone()[0]  # fmt: skip
        origin = conn.execute("SELECT origin, username FROM users WHERE id = ?",
                              (a.ctx.user_id,)).fetchone()  # fmt: skip
    assert created_by == queued == a.ctx.user_id
    assert origin == ("server", "ani")


def test_a_pulled_edit_replaces_the_search_document(server, laptop_factory):
    """The laptop had the household indexed: the pulled version is what search finds."""
    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    hid = a.add_households(1)[0]
    assert a.sync.sync().ok and b.sync.sync().ok
    _edit(a, hid, address="Jl. Kenanga Baru")
    assert a.sync.sync().ok and b.sync.sync().ok

    def found(word: str) -> int:
        with b.ctx.db.raw() as conn:
            return conn.execute(
                "SELECT count(*) FROM household_search WHERE household_search MATCH ?",
                (f'"{word}"*',),
            ).fetchone()[0]

    assert _address(b, hid) == "Jl. Kenanga Baru"
    assert found("kenanga") == 1
    with b.ctx.db.raw() as conn:
        assert conn.execute("SELECT count(*) FROM household_search").fetchone()[0] == 1
