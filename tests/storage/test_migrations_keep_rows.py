"""An upgrade from every older schema version keeps every row of every table.

For each version a user's laptop may still be on, a database is built at that version and every
table it has is filled (a few rows each, references consistent); opening it with the current
app upgrades it, and each row must still read the same in the columns it had. New tables and
tables added later are filled too: the filler reads the schema, so a table or column added by a
future migration is covered without touching this test.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kampung_desktop.storage import migrations
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path, prepare_new_file

ROWS = 3
STAMP = "2025-03-01T08:00:00.000Z"
# Kept up by triggers or rebuilt from other tables: filled through them, checked separately.
DERIVED = {"household_counts", "household_search"}


def _kode(i: int) -> str:
    return f"36.71.09.100{i + 1}"


# (table, column) → value of row i; any other column gets a value from its declared type.
VALUES: dict[tuple[str, str], Callable[[int], Any]] = {
    ("wilayah", "id"): lambda i: f"w{i}",  # migration 6 re-keys areas by their code
    ("wilayah", "kode"): _kode,
    ("wilayah", "level"): lambda i: 4,
    ("wilayah", "parent_kode"): lambda i: None,
    ("wilayah", "kelurahan_kode"): _kode,
    ("wilayah", "rw"): lambda i: None,
    ("wilayah", "rt"): lambda i: None,
    ("households", "kelurahan_kode"): _kode,
    ("households", "latitude"): lambda i: -6.17 - i / 100,
    ("households", "longitude"): lambda i: 106.63 + i / 100,
    ("households", "head_name"): lambda i: f"Kepala Nomor{i}",
    ("members", "household_id"): lambda i: f"households-{i}",
    ("members", "name"): lambda i: f"Anggota Nomor{i}",
    ("members", "sex"): lambda i: "LP"[i % 2],
    ("members", "nik"): lambda i: f"36710917084500{i + 1:02d}",
    ("members", "birth_date"): lambda i: f"19{80 + i}-08-17",
    ("outbox", "entity"): lambda i: "households",
    ("outbox", "record_id"): lambda i: f"households-{i}",
    ("outbox", "op"): lambda i: ("insert", "update", "delete")[i % 3],
    ("outbox", "payload"): lambda i: json.dumps({"id": f"households-{i}", "address": "Jl. A"}),
    ("outbox", "sent_at"): lambda i: None,
    ("outbox", "receipt"): lambda i: None,
    ("outbox", "status"): lambda i: "pending",
    ("outbox", "fields"): lambda i: "[]",
    ("audit_log", "fields"): lambda i: json.dumps(["address"]),
    ("audit_log", "entity"): lambda i: "households",
    ("audit_log", "record_id"): lambda i: f"households-{i}",
    ("form_versions", "form_id"): lambda i: "household_assessment",
    ("form_versions", "content"): lambda i: b"PK\x03\x04 workbook",
    ("assessments", "form_id"): lambda i: "household_assessment",
    ("assessments", "form_version"): lambda i: f"form_versions-version-{i}",
    ("assessments", "household_id"): lambda i: f"households-{i}",
    ("assessments", "kelurahan_kode"): _kode,
    ("assessments", "state"): lambda i: ("draft", "finalized", "approved")[i % 3],
    ("assessment_answers", "assessment_id"): lambda i: f"assessments-{i}",
    ("assessment_answers", "value"): lambda i: json.dumps(f"jawaban {i}"),
    ("award_decisions", "kelurahan_kode"): _kode,
    ("award_decisions", "assessment_id"): lambda i: f"assessments-{i}",
    ("award_decisions", "score"): lambda i: f"8{i}.50",
    ("certificates", "decision_id"): lambda i: f"award_decisions-{i}",
    ("certificates", "content"): lambda i: json.dumps({"number": i}),
    ("sync_receipts", "status"): lambda i: ("accepted", "duplicate", "rejected")[i % 3],
    ("sync_receipts", "conflict_fields"): lambda i: "[]",
    ("sync_receipts", "merged_fields"): lambda i: "[]",
    ("sync_log_items", "session_id"): lambda i: f"sync_sessions-{i}",
    ("sync_conflicts", "fields"): lambda i: json.dumps(["address"]),
}
COMMON: dict[str, Callable[[int], Any]] = {
    "created_at": lambda i: STAMP,
    "updated_at": lambda i: STAMP,
    "revision": lambda i: i + 2,
    "is_demo": lambda i: 0,
    "deleted": lambda i: 0,
}


def _value(table: str, column: str, kind: str, i: int) -> Any:
    if (table, column) in VALUES:
        return VALUES[(table, column)](i)
    if column in COMMON:
        return COMMON[column](i)
    if column == "id":
        return f"{table}-{i}"
    kind = kind.upper()
    if "INT" in kind:
        return i + 1
    if "REAL" in kind:
        return i + 0.5
    if "BLOB" in kind:
        return bytes([i]) * 4
    return f"{table}-{column}-{i}"


def _tables(conn: sqlite3.Connection) -> list[str]:
    """User tables in creation order (referenced tables come before their referrers)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'household_search_%' ORDER BY rowid"
    )
    return [r[0] for r in rows]


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(r[1], r[2]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _fill(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Rows in every table; returns table → its columns at this version."""
    columns = {}
    for table in _tables(conn):
        columns[table] = [name for name, _ in _columns(conn, table)]
        if table in DERIVED or conn.execute(f"SELECT 1 FROM {table}").fetchone():
            continue  # sync_device: migration 6 writes its one row itself
        names = ", ".join(columns[table])
        marks = ", ".join("?" * len(columns[table]))
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            [
                [_value(table, name, kind, i) for name, kind in _columns(conn, table)]
                for i in range(ROWS)
            ],
        )
    if "household_search" in columns:  # what the app's writes keep up, raw SQL must too
        conn.execute(
            "INSERT INTO household_search (rowid, body) SELECT h.rowid, h.head_name || ' ' || "
            "(SELECT group_concat(m.name, ' ') FROM members m WHERE m.household_id = h.id) "
            "FROM households h"
        )
    return columns


def _snapshot(conn: sqlite3.Connection, columns: dict[str, list[str]]) -> dict[str, list]:
    return {
        table: sorted(conn.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall())
        for table, names in columns.items()
        if table not in DERIVED
    }


def _old_database(data_dir: Path, version: int) -> tuple[dict[str, list[str]], dict]:
    path = database_path(data_dir)
    prepare_new_file(path)
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    migrations.upgrade(conn, target=version)
    assert migrations.current_version(conn) == version
    conn.execute("BEGIN")
    columns = _fill(conn)
    conn.execute("COMMIT")
    snapshot = _snapshot(conn, columns)
    conn.close()
    empty = [t for t in columns if t not in DERIVED and not snapshot[t]]
    assert not empty, f"tables left empty at version {version}: {empty}"
    return columns, snapshot


def _expected_after_upgrade(version: int, columns: dict, snapshot: dict) -> dict[str, list]:
    """What the migrations since `version` are meant to change in old columns, and no more."""
    expected = dict(snapshot)
    if version < 6:  # areas keyed by their Kemendagri code from migration 6 on
        id_at, kode_at = columns["wilayah"].index("id"), columns["wilayah"].index("kode")
        expected["wilayah"] = sorted(
            tuple(row[kode_at] if n == id_at else value for n, value in enumerate(row))
            for row in snapshot["wilayah"]
        )
    return expected


@pytest.mark.parametrize("version", range(1, migrations.LATEST_VERSION))
def test_an_upgrade_from_each_old_version_keeps_every_row(data_dir: Path, version: int):
    columns, snapshot = _old_database(data_dir, version)
    expected = _expected_after_upgrade(version, columns, snapshot)

    db = Database.open(data_dir)  # what the app does at start: upgrade in place
    assert db.schema_version() == migrations.LATEST_VERSION
    with db.raw() as conn:
        assert _snapshot(conn, columns) == expected
        # what is kept up from the rows is right for the old rows too
        counts = conn.execute("SELECT sum(n) FROM household_counts").fetchone()[0]
        assert counts == ROWS
        found = conn.execute(
            "SELECT h.id FROM household_search s JOIN households h ON h.rowid = s.rowid "
            "WHERE household_search MATCH '\"nomor2\"*'"
        ).fetchall()
        assert found == [("households-2",)]
    db.close()


def test_the_filler_reaches_every_table_of_the_current_schema(data_dir: Path):
    """The newest schema filled the same way: no table this test would leave empty."""
    path = database_path(data_dir)
    prepare_new_file(path)
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    migrations.upgrade(conn)
    columns = _fill(conn)
    for table in columns:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    conn.close()
