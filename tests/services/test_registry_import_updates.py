"""Importing a changed registry file updates what changed (through sqlite-utils' upsert), keeps
each record's creation time, queues one outbox update per changed record, and stays all or
nothing inside its one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.services.registry_import import import_registry
from kampung_desktop.storage import registry_bulk

HEADER = "kelurahan_kode,rw,rt,alamat,no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan"
KEL = "36.71.09.1001"


def _file(path: Path, address: str = "Jl. Melati 1", wife: str = "Siti") -> Path:
    from datetime import date

    born = date(1980, 8, 17)
    head, other = compose("367109", Sex.MALE, born, 1), compose("367109", Sex.FEMALE, born, 2)
    lines = [
        HEADER,
        f"{KEL},2,3,{address},3671091501100001,{head},Budi,L,{born},1",
        f"{KEL},2,3,{address},3671091501100001,{other},{wife},P,{born},2",
        f"{KEL},2,4,Jl. Mawar 2,3671091501100002,{compose('367109', Sex.MALE, born, 3)},Agus,L,"
        f"{born},1",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(ctx, sql: str) -> list[tuple]:
    with ctx.db.raw() as conn:
        return conn.execute(sql).fetchall()


def test_a_changed_file_updates_only_what_changed(ctx, tmp_path):
    first = import_registry(ctx.db, _file(tmp_path / "a.csv"), ctx.user_id)
    assert (first.households_new, first.members_new) == (2, 3)
    assert (first.households_updated, first.members_updated) == (0, 0)
    created = dict(_rows(ctx, "SELECT id, created_at FROM households"))
    with ctx.db.raw() as conn:
        conn.execute("UPDATE households SET created_at = '2020-01-01T00:00:00.000Z'")
    created = dict.fromkeys(created, "2020-01-01T00:00:00.000Z")

    changed = _file(tmp_path / "b.csv", address="Jl. Melati 9", wife="Siti Aminah")
    second = import_registry(ctx.db, changed, ctx.user_id)
    assert (second.households_new, second.members_new) == (0, 0)
    assert (second.households_updated, second.members_updated) == (1, 1)

    rows = _rows(ctx, "SELECT id, address, revision, created_at FROM households ORDER BY rt")
    assert [(r[1], r[2]) for r in rows] == [("Jl. Melati 9", 2), ("Jl. Mawar 2", 1)]
    assert {r[0]: r[3] for r in rows} == created  # an update keeps when it was created
    assert _rows(ctx, "SELECT name, revision FROM members WHERE sex = 'P'") == [("Siti Aminah", 2)]
    updates = _rows(
        ctx, "SELECT entity, fields FROM outbox WHERE op = 'update' ORDER BY entity, seq"
    )
    assert updates == [("households", '["address"]'), ("members", '["name"]')]
    found = _rows(
        ctx,
        "SELECT h.address FROM household_search s JOIN households h ON h.rowid = s.rowid "
        "WHERE household_search MATCH '\"aminah\"*'",
    )
    assert found == [("Jl. Melati 9",)]  # the search index follows


def test_a_failing_write_leaves_nothing_behind(ctx, tmp_path):
    import_registry(ctx.db, _file(tmp_path / "a.csv"), ctx.user_id)
    before = _rows(ctx, "SELECT id, address, revision FROM households ORDER BY id")
    outbox = _rows(ctx, "SELECT count(*) FROM outbox")
    households = [
        {"id": before[0][0], "kelurahan_kode": KEL, "rw": 2, "rt": 3, "address": "Jl. Baru",
         "no_kk": "3671091501100001", "head_name": "Budi", "member_count": 2},
    ]  # fmt: skip
    members = [
        {"id": "m-bad", "household_id": before[0][0], "nik": None, "name": "X", "sex": "Z",
         "birth_date": None, "relationship": "1", "position": 0},
    ]  # fmt: skip
    with ctx.db.raw() as conn, pytest.raises(sqlite3.IntegrityError):
        registry_bulk.upsert(conn, households, members, ctx.user_id)  # sex 'Z': CHECK fails
    assert _rows(ctx, "SELECT id, address, revision FROM households ORDER BY id") == before
    assert _rows(ctx, "SELECT count(*) FROM outbox") == outbox
