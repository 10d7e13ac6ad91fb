"""Migration 6 upgrades a filled version-5 database without losing or changing any row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kampung_desktop.storage import migrations
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path, prepare_new_file

STAMPS = "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'"
KEL = "36.71.09.1001"


def _fill_v5(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    migrations.upgrade(conn, target=5)
    assert migrations.current_version(conn) == 5
    sql = [
        f"INSERT INTO wilayah VALUES ('w-kota','36.71','Kota',2,NULL,NULL,NULL,NULL,'ref',{STAMPS},1,0)",
        f"INSERT INTO wilayah VALUES ('w-kec','36.71.09','Kec',3,'36.71',NULL,NULL,NULL,'ref',{STAMPS},1,0)",
        f"INSERT INTO wilayah VALUES ('w-kel','{KEL}','Kel',4,'36.71.09','{KEL}',NULL,NULL,'import',{STAMPS},2,0)",
        f"INSERT INTO users VALUES ('u-local','petugas','Petugas Pendata','petugas',1,{STAMPS},1,0)",
        "INSERT INTO settings VALUES ('current_user','u-local')",
        f"INSERT INTO form_versions VALUES ('f1','kotaku','2025','Kotaku','k.xlsx','abc',X'00','{STAMPS[1:25]}')",
    ]
    for i in range(20):
        demo = int(i >= 15)
        sql += [
            f"INSERT INTO households (id, kelurahan_kode, rw, rt, address, no_kk, head_name, "
            f"member_count, created_at, updated_at, revision, is_demo) VALUES ('h{i}', '{KEL}', "
            f"1, {i % 9 + 1}, 'Jl. Mawar {i}', '36710912031500{i:02d}', 'Kepala {i}', 1, "
            f"{STAMPS}, 1, {demo})",
            f"INSERT INTO members (id, household_id, nik, name, sex, relationship, created_at, "
            f"updated_at, revision, is_demo) VALUES ('m{i}', 'h{i}', '36710917084500{i:02d}', "
            f"'Anggota {i}', 'P', '1', {STAMPS}, 1, {demo})",
        ]
    sql += [
        f"INSERT INTO assessments (id, form_id, form_version, household_id, kelurahan_kode, rw, "
        f"rt, state, created_by, created_at, updated_at, revision) VALUES ('a1', 'kotaku', "
        f"'2025', NULL, '{KEL}', 1, 2, 'finalized', 'u-local', {STAMPS}, 3)",
        "INSERT INTO assessment_answers VALUES ('a1', 'jumlah_kk', '42', '2025-01-01', 2)",
        f"INSERT INTO award_decisions (id, program, year, kelurahan_kode, rw, rt, category, "
        f"decided_by, decided_at, created_at, updated_at) VALUES ('d1', 'bantar', 2025, "
        f"'{KEL}', 1, 2, 'sedang', 'u-local', '2025-02-01', {STAMPS})",
        "INSERT INTO certificate_sequences VALUES ('p|2025', 1)",
        f"INSERT INTO certificates (id, number, decision_id, digest, content, issued_at, "
        f"created_at, updated_at) VALUES ('c1', '1/2025', 'd1', 'dg', '{{}}', '2025-02-02', {STAMPS})",
        "INSERT INTO audit_log (at, user_id, action, entity, record_id) "
        "VALUES ('2025-01-01', 'u-local', 'insert', 'households', 'h1')",
    ]
    outbox = [
        ("households", "h1", 1, "insert", {"id": "h1", "is_demo": False, "rw": 1}),
        ("households", "h1", 2, "update", {"id": "h1", "is_demo": False, "rw": 1}),
        ("members", "m1", 1, "insert", {"id": "m1", "is_demo": False}),
        ("households", "h1", 3, "update", {"id": "h1", "is_demo": False, "rw": 2}),
        ("households", "h16", 2, "update", {"id": "h16", "is_demo": True}),
        ("members", "m16", 2, "delete", {"id": "m16", "is_demo": True}),
        ("wilayah", "w-kel", 2, "update", {"id": "w-kel", "kode": KEL}),
        ("assessment_answers", "a1/jumlah_kk", 2, "update", {"assessment_id": "a1"}),
    ]
    for entity, rid, rev, op, payload in outbox:
        sql.append(
            "INSERT INTO outbox (entity, record_id, revision, op, payload, created_at) VALUES "
            f"('{entity}', '{rid}', {rev}, '{op}', '{json.dumps(payload)}', '2025-01-01')"
        )
    conn.execute("BEGIN")
    for statement in sql:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.close()


def _snapshot(conn: sqlite3.Connection, columns: dict[str, list[str]]) -> dict[str, list]:
    return {
        t: sorted(conn.execute(f"SELECT {', '.join(c)} FROM {t}").fetchall(), key=repr)
        for t, c in columns.items()
    }


def test_filled_v5_database_upgrades_keeping_every_row(tmp_path: Path):
    path = database_path(tmp_path)
    prepare_new_file(path)
    _fill_v5(path)
    before = sqlite3.connect(path)
    tables = [
        r[0]
        for r in before.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'household_search%'"
        )
    ]
    columns = {t: [r[1] for r in before.execute(f"PRAGMA table_info({t})")] for t in tables}
    old = _snapshot(before, columns)
    before.close()

    db = Database.open(tmp_path)
    assert db.schema_version() >= 6
    with db.raw() as conn:
        new = _snapshot(conn, columns)
        # every row of every table is still there; only area ids (now the code) and the
        # outbox's wilayah record ids changed, as documented
        for table in tables:
            if table not in ("wilayah", "outbox"):
                assert new[table] == old[table], table
        assert sorted(r[0] for r in conn.execute("SELECT id FROM wilayah")) == sorted(
            r[0] for r in conn.execute("SELECT kode FROM wilayah")
        )
        assert len(new["wilayah"]) == 3 and len(new["outbox"]) == len(old["outbox"])
        rows = conn.execute(
            "SELECT entity, record_id, op_id, base_revision, status FROM outbox ORDER BY seq"
        ).fetchall()
        assert len({r[2] for r in rows}) == len(rows) and all(len(r[2]) >= 8 for r in rows)
        by = [(r[0], r[1], r[3], r[4]) for r in rows]
        assert by == [
            ("households", "h1", 0, "pending"),
            ("households", "h1", 1, "pending"),  # chained: edited from revision 1
            ("members", "m1", 0, "pending"),
            ("households", "h1", 2, "pending"),
            ("households", "h16", 0, "local"),  # demo never leaves the laptop
            ("members", "m16", 0, "local"),
            ("wilayah", KEL, 0, "local"),  # the server owns the area list
            ("assessment_answers", "a1/jumlah_kk", 0, "pending"),
        ]
        (device,) = conn.execute("SELECT device_id FROM sync_device").fetchone()
        assert len(device) == 36
        # a bulk writer that leaves op_id out still gets one
        conn.execute(
            "INSERT INTO outbox (entity, record_id, revision, op, payload, created_at) "
            "VALUES ('households', 'h2', 2, 'update', '{}', 'x')"
        )
        assert conn.execute("SELECT op_id FROM outbox WHERE record_id = 'h2'").fetchone()[0]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_new_area_rows_take_their_code_as_id(tmp_path: Path):
    db = Database.open(tmp_path)
    with db.raw() as conn:
        conn.execute(
            f"INSERT INTO wilayah (id, kode, nama, level, source, created_at, updated_at) "
            f"VALUES ('random', '36.71', 'Kota', 2, 'x', {STAMPS})"
        )
        assert conn.execute("SELECT id FROM wilayah").fetchall() == [("36.71",)]
    db.close()
