"""Demo generation: the same seed gives the same people in any number of processes, ids count
up, identity numbers stay unique across chunks; the bulk load puts every index back."""

from __future__ import annotations

import uuid
from datetime import date

from kampung_desktop.core import nik as nik_rules
from kampung_desktop.services import demo
from kampung_desktop.services import demo_generator as dg

KELURAHAN = ["36.71.01.1001", "36.71.02.1003", "36.71.05.1002"]
TODAY = date(2026, 7, 1)


def test_a_chunk_starts_with_the_same_households_however_many_are_asked(monkeypatch):
    assert dg.make_chunk(4, 0, 45, KELURAHAN, TODAY)[:30] == dg.make_chunk(
        4, 0, 30, KELURAHAN, TODAY
    )
    assert dg.make_chunk(4, 1, 5, KELURAHAN, TODAY) != dg.make_chunk(5, 1, 5, KELURAHAN, TODAY)


def test_worker_processes_make_exactly_what_this_process_makes(monkeypatch):
    monkeypatch.setattr(dg, "CHUNK", 40)
    here = list(dg.generate(9, 130, KELURAHAN, TODAY))
    monkeypatch.setattr(dg, "PARALLEL_FROM", 0)
    monkeypatch.setattr(dg.os, "cpu_count", lambda: 3)
    assert dg.processes(130) == 2
    assert list(dg.generate(9, 130, KELURAHAN, TODAY)) == here
    assert [len(chunk) for chunk in here] == [40, 40, 40, 10]


def test_no_worker_processes_where_they_could_not_start(monkeypatch):
    monkeypatch.setattr(dg.os, "cpu_count", lambda: 8)
    assert dg.processes(dg.PARALLEL_FROM - 1) == 0  # small seeds
    assert dg.processes(dg.PARALLEL_FROM) == 4
    monkeypatch.setattr(dg.sys, "frozen", True, raising=False)  # the installer's executable
    assert dg.processes(dg.PARALLEL_FROM) == 0


def test_ids_count_up_and_identity_numbers_are_unique_across_chunks():
    made = [m for k in range(6) for m in dg.make_chunk(2, k, 300, KELURAHAN, TODAY)]
    house_ids = [house[0] for house, _, _ in made]
    member_ids = [m[0] for _, members, _ in made for m in members]
    for ids in (house_ids, member_ids):
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        assert all(uuid.UUID(i).version == 4 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    niks = [m[2] for _, members, _ in made for m in members]
    kks = [house[5] for house, _, _ in made]
    assert len(set(niks)) == len(niks) and len(set(kks)) == len(kks)
    assert all(nik_rules.is_valid(n, TODAY) for n in niks[:500])


def test_the_bulk_load_puts_back_every_index_and_trigger_and_the_counts(ctx, monkeypatch):
    def schema() -> set:
        with ctx.db.raw() as conn:
            return set(conn.execute("SELECT type, name, sql FROM sqlite_master"))

    before = schema()
    monkeypatch.setattr(demo, "_BULK", 10)
    report = demo.seed(ctx.db, 120, 6)
    assert report.households == 120 and schema() == before
    with ctx.db.raw() as conn:
        counted = dict(
            ((k, rw, rt), n)
            for k, rw, rt, n in conn.execute(
                "SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0 "
                "GROUP BY 1, 2, 3"
            )
        )
        kept = {
            (k, rw, rt): n
            for k, rw, rt, n in conn.execute("SELECT * FROM household_counts WHERE n > 0")
        }
        assert kept == counted and sum(kept.values()) == 120
        conn.execute("UPDATE households SET rw = 77 WHERE rowid = 1")  # triggers work again
        assert conn.execute("SELECT n FROM household_counts WHERE rw = 77").fetchone()[0] == 1
        conn.rollback()


def test_the_bulk_load_merges_the_search_index_again_and_every_household_is_found(ctx, monkeypatch):
    monkeypatch.setattr(demo, "_BULK", 10)
    demo.seed(ctx.db, 120, 6)
    with ctx.db.raw() as conn:
        merging = conn.execute(
            "SELECT v FROM household_search_config WHERE k = 'automerge'"
        ).fetchone()
        assert merging is None or int(merging[0]) > 0  # paused only during the load
        assert conn.execute("SELECT count(*) FROM household_search").fetchone()[0] == 120
        assert not conn.execute(
            "SELECT h.rowid FROM households h WHERE NOT EXISTS (SELECT 1 FROM household_search "
            "WHERE household_search MATCH '\"' || replace(h.no_kk, '\"', '') || '\"' "
            "AND rowid = h.rowid)"
        ).fetchall()
