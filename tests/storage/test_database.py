import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from kampung_desktop.storage import migrations
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path
from kampung_desktop.storage.errors import DatabaseUnavailable
from kampung_desktop.storage.models import SQLModel


def test_new_database_is_configured_for_safety(data_dir: Path):
    db = Database.open(data_dir)
    with db.raw() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with db.read() as session:
        assert session.exec(text("PRAGMA synchronous")).one()[0] == 2
        assert session.exec(text("PRAGMA foreign_keys")).one()[0] == 1
    assert db.schema_version() == migrations.LATEST_VERSION
    db.close()


def test_every_model_column_exists_in_the_migrated_schema(data_dir: Path):
    db = Database.open(data_dir)
    with db.raw() as conn:
        for table in SQLModel.metadata.sorted_tables:
            actual = {r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")}
            assert {c.name for c in table.columns} <= actual, table.name
    db.close()


def test_write_rolls_back_everything_on_error(ctx):
    from kampung_desktop.storage.models import Wilayah

    with pytest.raises(RuntimeError), ctx.db.write() as session:
        session.add(Wilayah(kode="99", nama="X", level=1, source="t"))
        session.flush()
        raise RuntimeError("power cut")
    with ctx.db.raw() as conn:
        assert conn.execute("SELECT count(*) FROM wilayah WHERE kode = '99'").fetchone()[0] == 0


def _fill_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    migrations.upgrade(conn, target=1)
    stamps = "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 3, 0"
    conn.execute(
        f"INSERT INTO wilayah VALUES ('w1', '36.71.09.1001', 'Cibodas', 4, NULL, "
        f"'36.71.09.1001', NULL, NULL, 'kemendagri-2025', {stamps})"
    )
    for i in range(50):
        conn.execute(
            f"INSERT INTO households (id, kelurahan_kode, rw, rt, address, no_kk, head_name, "
            f"member_count, created_at, updated_at, revision, is_demo) VALUES ('h{i}', "
            f"'36.71.09.1001', 1, {i % 9 + 1}, 'Jl. Mawar {i}', '36710912031500{i:02d}', "
            f"'Kepala {i}', 1, {stamps})"
        )
        conn.execute(
            f"INSERT INTO members (id, household_id, nik, name, sex, relationship, created_at, "
            f"updated_at, revision, is_demo) VALUES ('m{i}', 'h{i}', '36710917084500{i:02d}', "
            f"'Anggota Nomor{i}', 'L', '1', {stamps})"
        )
    conn.execute(
        "INSERT INTO outbox (entity, record_id, revision, op, payload, created_at) "
        "VALUES ('households', 'h1', 3, 'update', '{}', '2025-01-01')"
    )
    conn.close()


def test_oldest_schema_upgrades_in_place_keeping_every_row(data_dir: Path):
    path = database_path(data_dir)
    from kampung_desktop.storage.engine import prepare_new_file

    prepare_new_file(path)
    _fill_v1(path)
    before = sqlite3.connect(path)
    tables = ("wilayah", "households", "members", "outbox")
    columns = {t: [r[1] for r in before.execute(f"PRAGMA table_info({t})")] for t in tables}
    snapshot = {
        t: sorted(before.execute(f"SELECT {', '.join(columns[t])} FROM {t}").fetchall())
        for t in tables
    }
    # migration 6 keys areas by their Kemendagri code (the same on every laptop)
    snapshot["wilayah"] = sorted((r[1], *r[1:]) for r in snapshot["wilayah"])
    assert before.execute("PRAGMA user_version").fetchone()[0] == 1
    before.close()

    db = Database.open(data_dir)  # upgrades
    assert db.schema_version() == migrations.LATEST_VERSION
    with db.raw() as conn:
        for table, rows in snapshot.items():
            query = f"SELECT {', '.join(columns[table])} FROM {table}"
            assert sorted(conn.execute(query).fetchall()) == rows
        # the new search index covers the old rows
        found = conn.execute(
            "SELECT h.id FROM household_search s JOIN households h ON h.rowid = s.rowid WHERE household_search MATCH '\"nomor7\"*'"
        ).fetchall()
        assert found == [("h7",)]
    db.close()


def test_corrupt_file_is_reported_and_left_untouched(data_dir: Path):
    path = database_path(data_dir)
    garbage = b"this is not a database" * 500
    path.write_bytes(garbage)
    with pytest.raises(DatabaseUnavailable) as err:
        Database.open(data_dir)
    assert err.value.kind == "corrupt"
    assert str(path) in err.value.text("id")
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in data_dir.iterdir()) == [path.name]


def test_damaged_pages_are_reported_and_left_untouched(data_dir: Path):
    db = Database.open(data_dir)
    with db.raw() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = database_path(data_dir)
    data = bytearray(path.read_bytes())
    data[16384 * 2 : 16384 * 2 + 4000] = b"\xff" * 4000  # smash a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnavailable) as err:
        Database.open(data_dir)
    assert err.value.kind == "corrupt"
    assert path.read_bytes() == bytes(data)


def test_newer_schema_is_refused(data_dir: Path):
    Database.open(data_dir).close()
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute(f"PRAGMA user_version={migrations.LATEST_VERSION + 5}")
    conn.close()
    with pytest.raises(DatabaseUnavailable) as err:
        Database.open(data_dir)
    assert err.value.kind == "newer"
    assert "Perbarui" in err.value.text("id")


def test_locked_database_is_reported(data_dir: Path):
    Database.open(data_dir).close()
    holder = sqlite3.connect(database_path(data_dir))
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable) as err:
            Database.open(data_dir)
        assert err.value.kind == "locked"
    finally:
        holder.rollback()
        holder.close()


def test_unreadable_directory_is_reported(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseUnavailable) as err:
        Database.open(blocker / "data")
    assert err.value.kind == "unreadable"
