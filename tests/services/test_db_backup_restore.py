"""Backups of a protected dir are encrypted, complete and restorable; a damaged, foreign or
unfit file is refused with a clear message and changes nothing; the schedule keeps the newest N."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from cipher_demo import copy_dir, files_under, leaks, personal_data, rows_digest, seed_plain  # noqa: E402

from kampung_desktop.cli import main  # noqa: E402
from kampung_desktop.services import access, backups  # noqa: E402
from kampung_desktop.services.app import AppContext  # noqa: E402
from kampung_desktop.storage import connection  # noqa: E402
from kampung_desktop.storage.engine import database_path  # noqa: E402

PASSWORD = "kunci-cadangan-9"


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_plain(tmp_path_factory.mktemp("backup") / "plain", households=250, seed=3,
                      photo=True)  # fmt: skip


def _protect(template: Path, folder: Path):
    copy_dir(template, folder)
    return access.create_first_admin(folder, "admin", PASSWORD)


def _digest_rows(folder: Path, key: bytes | None) -> str:
    conn = connection.connect(database_path(folder), key, remembered=False)
    try:
        return rows_digest(conn)
    finally:
        conn.close()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files_under(folder)}


@pytest.fixture
def protected(plain_template, tmp_path):
    folder = tmp_path / "data"
    session = _protect(plain_template, folder)
    yield folder, session
    connection.forget_key(database_path(folder))


def _cli(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_is_encrypted_and_a_restore_brings_back_every_row(
    protected, plain_template, tmp_path, monkeypatch, capsys
):
    folder, session = protected
    out = tmp_path / "usb" / "cadangan.kbak"
    out.parent.mkdir()
    before = _digest_rows(folder, session.db_key)
    code, stdout, err = _cli(monkeypatch, capsys, "db", "backup", "--data-dir", str(folder),
                             "--out", str(out), "--user", "admin", "--password-stdin",
                             stdin=PASSWORD + "\n")  # fmt: skip
    assert code == 0, err
    assert "terenkripsi / encrypted" in stdout
    assert leaks(out.read_bytes(), personal_data(plain_template)) == []
    assert sorted(p.name for p in out.parent.iterdir()) == ["cadangan.kbak"]  # no part files

    ctx = AppContext.open(folder, access=session)  # work goes on after the backup
    with ctx.db.raw() as conn:
        conn.execute("DELETE FROM members WHERE rowid % 3 = 0")
    ctx.close()
    assert _digest_rows(folder, session.db_key) != before

    code, stdout, err = _cli(monkeypatch, capsys, "db", "restore", "--data-dir", str(folder),
                             str(out), "--user", "admin", "--password-stdin",
                             stdin=PASSWORD + "\n")  # fmt: skip
    assert code == 0, err
    assert "dipulihkan dari cadangan" in stdout and "250 rumah tangga" in stdout
    assert _digest_rows(folder, session.db_key) == before
    names = {p.name for p in folder.iterdir()}
    assert not any(n.endswith((".restoring", ".part", ".part-db")) for n in names), names
    for path in files_under(folder):
        assert leaks(path.read_bytes(), personal_data(plain_template)) == [], path.name


def test_backup_while_the_app_is_open_and_writing(protected, tmp_path):
    folder, session = protected
    ctx = AppContext.open(folder, access=session)
    try:
        with ctx.db.raw() as conn:
            conn.execute("UPDATE households SET address = address || ' ' WHERE rowid < 10")
        info = backups.backup_now(folder, tmp_path / "b.kbak", session)
        with ctx.db.raw() as conn:  # still usable for writing
            conn.execute("UPDATE households SET address = trim(address) WHERE rowid < 10")
    finally:
        ctx.close()
    assert info.encrypted and info.households == 250


def test_the_backup_restored_into_a_fresh_copy_matches(protected, tmp_path):
    folder, session = protected
    backup = backups.backup_now(folder, tmp_path, session).path  # a folder: a dated name in it
    assert backup.name.startswith("kampung-cadangan-") and backup.suffix == ".kbak"
    twin = copy_dir(folder, tmp_path / "twin")
    ctx = AppContext.open(twin, access=session)
    with ctx.db.raw() as conn:
        conn.execute("DELETE FROM households WHERE rowid > 100")
    ctx.close()
    backups.restore(twin, backup, session)
    assert _digest_rows(twin, session.db_key) == _digest_rows(folder, session.db_key)


def test_a_damaged_backup_is_refused_and_nothing_changes(protected, tmp_path):
    folder, session = protected
    backup = backups.backup_now(folder, tmp_path / "b.kbak", session).path
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    connection.forget_key(database_path(folder))
    before = _files(folder)
    with pytest.raises(backups.BackupProblem) as caught:
        backups.restore(folder, backup, session)
    assert "rusak" in caught.value.text_id and "damaged" in caught.value.text_en
    assert _files(folder) == before

    truncated = tmp_path / "short.kbak"
    truncated.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(backups.BackupProblem, match="damaged"):
        backups.restore(folder, truncated, session)
    with pytest.raises(backups.BackupProblem, match="not a Kampung backup"):
        backups.restore(folder, database_path(folder), session)  # a database is not a backup
    assert _files(folder) == before


def test_a_backup_of_another_data_folder_is_refused(protected, plain_template, tmp_path):
    folder, session = protected
    other_session = _protect(plain_template, tmp_path / "other")
    foreign = backups.backup_now(tmp_path / "other", tmp_path / "other.kbak", other_session).path
    plain_backup = backups.backup_now(plain_template, tmp_path / "plain.kbak", None).path
    before = _files(folder)
    for candidate in (foreign, plain_backup):
        with pytest.raises(backups.BackupProblem) as caught:
            backups.restore(folder, candidate, session)
        assert "bukan milik folder data ini" in caught.value.text_id
    assert _files(folder) == before
    plain_copy = copy_dir(plain_template, tmp_path / "plain-copy")
    plain_before = _files(plain_copy)
    with pytest.raises(backups.BackupProblem, match="encrypted"):
        backups.restore(plain_copy, foreign, None)
    assert _files(plain_copy) == plain_before
    connection.forget_key(database_path(tmp_path / "other"))


def test_restore_while_the_app_holds_the_database_is_refused_unchanged(protected, tmp_path):
    folder, session = protected
    backup = backups.backup_now(folder, tmp_path / "b.kbak", session).path
    ctx = AppContext.open(folder, access=session)
    try:
        with ctx.db.raw() as conn:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM households").fetchone()  # a reader holds the WAL
            conn.execute("UPDATE settings SET value = value WHERE key = 'demo_loaded'")
            from kampung_desktop.storage.errors import DatabaseUnavailable

            with pytest.raises(DatabaseUnavailable) as caught:
                backups.restore(folder, backup, session)
            assert caught.value.kind == "locked"
            conn.execute("ROLLBACK")
    finally:
        ctx.close()


def test_only_permitted_roles_back_up_and_restore(protected, tmp_path):
    folder, admin = protected
    access.add_user(folder, admin, "petugas1", "enumerator", [], "petugas-rahasia-1")
    access.add_user(folder, admin, "operator1", "operator", [], "operator-rahasia-1")
    enumerator = access.sign_in(folder, "petugas1", "petugas-rahasia-1")
    operator = access.sign_in(folder, "operator1", "operator-rahasia-1")
    with pytest.raises(access.AccessDenied):
        backups.backup_now(folder, tmp_path / "e.kbak", enumerator)
    backup = backups.backup_now(folder, tmp_path / "o.kbak", operator).path
    with pytest.raises(access.AccessDenied):
        backups.restore(folder, backup, operator)
    assert not (tmp_path / "e.kbak").exists()


def test_scheduled_backups_run_when_due_and_keep_the_newest(protected, tmp_path):
    folder, session = protected
    target = tmp_path / "jadwal"
    ctx = AppContext.open(folder, access=session)
    try:
        assert backups.run_if_due(ctx) is None  # no folder chosen: off
        backups.save_schedule(ctx, target, interval_hours=24, keep=2)
        start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
        made = []
        for hours in (0, 1, 25, 50, 75):
            moment = start + timedelta(hours=hours)
            info = backups.run_if_due(ctx, now=moment)
            made.append(info is not None)
            if info is not None:  # distinct names (the clock of the test, not the wall)
                info.path.rename(target / backups.default_name(moment.replace(tzinfo=None)))
        assert made == [True, False, True, True, True]
        backups.prune(target, 2)
        kept = sorted(p.name for p in target.iterdir())
        assert kept == [
            "kampung-cadangan-20261103-100000.kbak",
            "kampung-cadangan-20261104-110000.kbak",
        ]
        assert backups.describe(target / kept[-1]).households == 250
    finally:
        ctx.close()


def test_a_plain_dir_backs_up_and_restores_without_a_key(plain_template, tmp_path):
    folder = copy_dir(plain_template, tmp_path / "plain")
    before = _digest_rows(folder, None)
    backup = backups.backup_now(folder, tmp_path / "p.kbak", None)
    assert not backup.encrypted
    conn = sqlite3.connect(database_path(folder))
    conn.execute("DELETE FROM members")
    conn.commit()
    conn.close()
    backups.restore(folder, backup.path, None)
    assert _digest_rows(folder, None) == before


def test_restore_while_the_app_is_open_shows_the_restored_data(protected, tmp_path):
    folder, session = protected
    backup = backups.backup_now(folder, tmp_path / "b.kbak", session).path
    ctx = AppContext.open(folder, access=session)
    try:
        with ctx.db.raw() as conn:
            conn.execute("DELETE FROM households WHERE rowid > 10")
        backups.restore(folder, backup, session)  # the window's connections stay open
        with ctx.db.raw() as conn:
            assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 250
    finally:
        ctx.close()
