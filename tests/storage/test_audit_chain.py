"""The audit log is a hash chain: every write is linked, and any tampering shows."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from kampung_desktop.storage import audit, migrations
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path, prepare_new_file


@pytest.fixture
def db(data_dir: Path):
    database = Database.open(data_dir)
    with database.write() as session:
        session.exec(
            audit_text("INSERT INTO users (id, username, full_name, role, created_at, updated_at)"
                       " VALUES ('u1', 'operator1', 'Nama Lengkap', 'pemeriksa', '', '')")
        )  # fmt: skip
    yield database
    database.close()


def audit_text(sql: str):
    from sqlalchemy import text

    return text(sql)


def _fill(db: Database, n: int = 6) -> None:
    for i in range(n):
        with db.write() as session:
            audit.append(session, "view", "households", f"h{i}", user_id="u1")


def _check(db: Database) -> audit.ChainCheck:
    with db.raw() as conn:
        return audit.verify_chain(conn)


def _sql(db: Database, *statements: str) -> None:
    with db.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        for statement in statements:
            conn.execute(statement)
        conn.execute("COMMIT")


def test_entries_are_linked_and_carry_who_and_which_device(db):
    _fill(db)
    check = _check(db)
    assert check.ok and check.entries == 6
    with db.raw() as conn:
        rows = conn.execute(
            "SELECT seq, username, device_id, prev_hash, hash FROM audit_log ORDER BY seq"
        ).fetchall()
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert {r[1] for r in rows} == {"operator1"} and {r[2] for r in rows} == {device}
    assert rows[0][3] == audit.GENESIS
    assert all(rows[i][3] == rows[i - 1][4] for i in range(1, 6))
    assert len({r[4] for r in rows}) == 6


def test_an_empty_log_is_fine(db):
    assert _check(db) == audit.ChainCheck(0)


def test_an_edited_entry_is_found(db):
    _fill(db)
    _sql(db, "UPDATE audit_log SET record_id = 'h-other' WHERE seq = 3")
    check = _check(db)
    assert (check.broken_seq, check.entries) == (3, 2)
    assert "hash mismatch" in check.reason


def test_an_edited_hash_breaks_the_next_link(db):
    _fill(db)
    _sql(db, "UPDATE audit_log SET hash = 'ff' || substr(hash, 3) WHERE seq = 4")
    assert _check(db).broken_seq == 4


def test_a_deleted_entry_is_found(db):
    _fill(db)
    _sql(db, "DELETE FROM audit_log WHERE seq = 3")
    check = _check(db)
    assert check.broken_seq == 3 and "missing" in check.reason


def test_a_deleted_entry_relinked_by_hand_is_still_found(db):
    """Closing the gap (renumbering and re-pointing the next entry) breaks that entry's hash."""
    _fill(db)
    _sql(
        db,
        "DELETE FROM audit_log WHERE seq = 3",
        "UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE seq = 4",
        "UPDATE audit_log SET seq = seq + 100 WHERE seq > 3",
        "UPDATE audit_log SET seq = seq - 101 WHERE seq > 100",
    )
    assert _check(db).broken_seq == 3


def test_deleting_the_newest_entries_is_found_even_after_new_writes(db):
    _fill(db)
    _sql(db, "DELETE FROM audit_log WHERE seq >= 5")
    check = _check(db)
    assert check.broken_seq == 5 and "#5..#6" in check.reason
    _fill(db, 1)  # the next entry keeps the gap visible
    assert _check(db).broken_seq == 5


def test_an_inserted_entry_is_found(db):
    """A forged entry with a valid hash of its own still does not fit the entry after it."""
    _fill(db)
    with db.raw() as conn:
        prev = conn.execute("SELECT hash FROM audit_log WHERE seq = 2").fetchone()[0]
    forged = (3, "2026-01-01T00:00:00.000Z", "u1", "operator1", None, "view", "households",
              "h-forged", "[]", prev)  # fmt: skip
    values = ", ".join(f"'{v}'" if v is not None else "NULL" for v in forged)
    _sql(
        db,
        "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3",
        "UPDATE audit_log SET seq = seq - 99 WHERE seq > 100",
        f"INSERT INTO audit_log ({', '.join(audit.COLUMNS)}, hash) "
        f"VALUES ({values}, '{audit.entry_hash(forged)}')",
    )
    check = _check(db)
    assert check.broken_seq == 4 and check.entries == 3


def test_reordered_entries_are_found(db):
    _fill(db)
    _sql(
        db,
        "UPDATE audit_log SET seq = 102 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 102",
    )
    with db.raw() as conn:
        ids = [r[0] for r in conn.execute("SELECT record_id FROM audit_log ORDER BY seq")]
    assert ids[:4] == ["h0", "h2", "h1", "h3"]
    assert _check(db).broken_seq == 2


def test_reordered_contents_with_their_hashes_are_found(db):
    """Swapping whole entries but keeping the seq numbers breaks both hash and link."""
    _fill(db)
    with db.raw() as conn:
        rows = {r[0]: r[1:] for r in conn.execute(f"{audit._SELECT} WHERE seq IN (2, 3)")}
        conn.execute("BEGIN IMMEDIATE")
        for seq, other in ((2, 3), (3, 2)):
            cols = [c for c in audit.COLUMNS if c != "seq"] + ["hash"]
            conn.execute(
                f"UPDATE audit_log SET {', '.join(f'{c} = ?' for c in cols)} WHERE seq = ?",
                (*rows[other], seq),
            )
        conn.execute("COMMIT")
    assert _check(db).broken_seq == 2


def test_an_entry_written_outside_the_writer_is_found(db):
    _fill(db, 2)
    _sql(
        db,
        "INSERT INTO audit_log (at, user_id, action, entity, record_id) "
        "VALUES ('2026-01-01', 'u1', 'view', 'households', 'hx')",
    )
    assert _check(db).broken_seq == 3


def test_entries_of_a_rolled_back_transaction_leave_no_trace(db):
    _fill(db, 2)
    with pytest.raises(RuntimeError), db.write() as session:
        audit.append(session, "view", "households", "h-gone", user_id="u1")
        raise RuntimeError
    _fill(db, 1)
    assert _check(db) == audit.ChainCheck(3)


def test_bulk_and_session_writers_share_one_chain(db):
    _fill(db, 2)
    with db.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        audit.append_many(
            conn, [audit.Pending("registry_insert", "households", f"b{i}") for i in range(50)]
        )
        conn.execute("COMMIT")
    _fill(db, 2)
    assert _check(db) == audit.ChainCheck(54)


def test_concurrent_writers_keep_the_chain_in_commit_order(data_dir, db):
    other = Database.open(data_dir)
    errors: list[BaseException] = []

    def write(database: Database, tag: str) -> None:
        try:
            for i in range(40):
                with database.write() as session:
                    audit.append(session, "view", "households", f"{tag}{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d, t)) for d, t in ((db, "a"), (other, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not errors
    assert _check(db) == audit.ChainCheck(80)


def test_migration_8_chains_existing_entries_and_keeps_them(data_dir: Path):
    path = database_path(data_dir)
    prepare_new_file(path)
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    migrations.upgrade(conn, target=7)
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO users VALUES ('u-local','petugas','Petugas Pendata','petugas',1,"
        "'2025-01-01','2025-01-01',1,0,'local')"
    )
    legacy = [
        (f"2025-01-0{i + 1}T00:00:00.000Z", "u-local", op, "households", f"h{i}", json.dumps(f))
        for i, (op, f) in enumerate([("insert", ["address"]), ("update", ["rt"]), ("delete", [])])
    ]
    conn.executemany(
        "INSERT INTO audit_log (at, user_id, action, entity, record_id, fields) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        legacy,
    )
    conn.execute("COMMIT")
    conn.close()

    db = Database.open(data_dir)  # migrates to the latest version
    try:
        with db.raw() as raw:
            kept = raw.execute(
                "SELECT at, user_id, action, entity, record_id, fields, username, device_id "
                "FROM audit_log ORDER BY seq"
            ).fetchall()
            device = raw.execute("SELECT device_id FROM sync_device").fetchone()[0]
        assert [k[:6] for k in kept] == legacy
        assert {k[6] for k in kept} == {"petugas"} and {k[7] for k in kept} == {device}
        assert _check(db) == audit.ChainCheck(3)
        _fill(db, 2)
        assert _check(db) == audit.ChainCheck(5)
    finally:
        db.close()
