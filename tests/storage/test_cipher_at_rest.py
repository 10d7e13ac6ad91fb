"""A protected dir's database, its WAL and every file beside it hold no personal data in the
clear; a missing or wrong key opens nothing, changes nothing and says so in both languages."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from cipher_demo import (
    PHOTO_MARKER,
    copy_dir,
    files_under,
    leaks,
    personal_data,
    rows_digest,
    seed_plain,
)

from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.failures import explain
from kampung_desktop.storage import cipher_upgrade, connection
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path
from kampung_desktop.storage.errors import DatabaseUnavailable

PASSWORD = "rahasia-kelurahan-1"


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_plain(tmp_path_factory.mktemp("cipher") / "plain", households=300, photo=True)


@pytest.fixture
def protected(plain_template: Path, tmp_path: Path):
    folder = copy_dir(plain_template, tmp_path / "data")
    session = access.create_first_admin(folder, "admin", PASSWORD, "Admin Kelurahan")
    yield folder, session
    connection.forget_key(database_path(folder))


def test_the_needles_are_found_in_the_plain_file(plain_template: Path):
    """The grep below is real: the same search finds the demo's personal data unencrypted."""
    needles = personal_data(plain_template)
    assert len(needles) > 500
    blob = b"".join(p.read_bytes() for p in files_under(plain_template))
    assert len(leaks(blob, needles)) > len(needles) // 2
    assert PHOTO_MARKER in leaks(blob, needles)  # and the demo photo's bytes


def test_database_wal_and_dir_hold_no_personal_data_while_the_app_writes(protected):
    folder, session = protected
    ctx = AppContext.open(folder, access=session)
    try:
        with ctx.db.raw() as conn:  # an edit lands in the WAL first
            conn.execute("UPDATE members SET name = 'Zulkarnain Wiratmaja Putra' WHERE rowid = 1")
            needles = [b"Zulkarnain Wiratmaja Putra"]
            needles += [r[0].encode() for r in conn.execute("SELECT nik FROM members LIMIT 400")]
            needles += [r[0].encode() for r in conn.execute("SELECT address FROM households")]
        wal = Path(f"{database_path(folder)}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        for path in files_under(folder):
            assert leaks(path.read_bytes(), needles) == [], path.name
        assert not database_path(folder).read_bytes().startswith(b"SQLite format 3")
    finally:
        ctx.close()
    for path in files_under(folder):  # after the last close (WAL checkpointed into the file)
        assert leaks(path.read_bytes(), needles) == [], path.name


def test_every_demo_nik_name_and_address_is_absent_after_protecting(protected, plain_template):
    folder, _ = protected
    needles = personal_data(plain_template)
    names = sorted(p.name for p in files_under(folder))
    assert not any(n.endswith((".encrypting", "-journal")) for n in names), names
    for path in files_under(folder):
        assert leaks(path.read_bytes(), needles) == [], path.name


def test_the_encrypted_copy_holds_every_row(protected, plain_template):
    folder, session = protected
    plain = sqlite3.connect(f"file:{database_path(plain_template)}?mode=ro", uri=True)
    keyed = connection.connect(database_path(folder), session.db_key)
    try:
        assert rows_digest(keyed) == rows_digest(plain)
        assert keyed.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert keyed.execute("PRAGMA page_size").fetchone()[0] in (16384, "16384")
    finally:
        plain.close()
        keyed.close()


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files_under(folder)}


def test_wrong_key_opens_nothing_and_changes_nothing(protected):
    folder, _ = protected
    connection.forget_key(database_path(folder))
    before = _digest(folder)
    with pytest.raises(DatabaseUnavailable) as wrong:
        Database.open(folder, key=os.urandom(32))
    assert wrong.value.kind == "wrongkey"
    assert wrong.value.text("id").startswith("Kunci salah")
    failure = explain(wrong.value)
    assert "Kunci salah" in failure.id and "Wrong key" in failure.en
    with pytest.raises(DatabaseUnavailable) as none:
        Database.open(folder)
    assert none.value.kind == "encrypted"
    assert "terenkripsi" in none.value.text("id") and "encrypted" in none.value.text("en")
    plain_tool = sqlite3.connect(database_path(folder))  # any SQLite tool
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain_tool.execute("SELECT count(*) FROM members").fetchone()
    plain_tool.close()
    assert _digest(folder) == before


def test_a_damaged_encrypted_file_is_not_opened_and_left_as_it_is(protected):
    folder, session = protected
    connection.forget_key(database_path(folder))
    path = database_path(folder)
    data = bytearray(path.read_bytes())
    data[20000:20100] = bytes(100)  # a page in the middle: its HMAC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnavailable) as caught:
        Database.open(folder, key=session.db_key)
    assert caught.value.kind in ("corrupt", "wrongkey")
    assert path.read_bytes() == bytes(data)


def test_the_right_key_opens_and_the_registry_keys_later_connections(protected):
    folder, session = protected
    connection.forget_key(database_path(folder))
    db = Database.open(folder, key=session.db_key)
    try:
        with db.raw() as conn:
            assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 300
        from kampung_desktop.storage import engine

        with engine.raw(database_path(folder)) as conn:  # no key passed: the opened one is used
            assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 300
    finally:
        db.close()


def test_upgrade_cleans_the_debris_of_an_interrupted_run(plain_template, tmp_path):
    folder = copy_dir(plain_template, tmp_path / "data")
    tmp = cipher_upgrade.temp_path(folder)
    tmp.write_bytes(b"half an encrypted copy")
    Path(f"{tmp}-journal").write_bytes(b"x")
    key = os.urandom(32)
    assert cipher_upgrade.needs_upgrade(folder)
    assert cipher_upgrade.encrypt_database(folder, key) is True
    assert not cipher_upgrade.needs_upgrade(folder)
    assert cipher_upgrade.encrypt_database(folder, key) is False  # done already: nothing to do
    assert {p.name for p in folder.iterdir()} <= {"kampung.sqlite3", "logs", "attachments"}


def test_a_damaged_plain_file_is_refused_untouched(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = database_path(folder)
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 40000)
    with pytest.raises(DatabaseUnavailable) as caught:
        cipher_upgrade.encrypt_database(folder, os.urandom(32))
    assert caught.value.kind == "corrupt"
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x07" * 40000
    assert sorted(p.name for p in folder.iterdir()) == ["kampung.sqlite3"]


def test_a_large_encrypted_file_gets_the_size_independent_check(protected, monkeypatch):
    """Above FULL_CHECK_MAX_BYTES only the schema and page count are checked (SQLCipher
    answers PRAGMA page_size as text)."""
    from kampung_desktop.storage import db_file, engine

    folder, session = protected
    connection.forget_key(database_path(folder))
    monkeypatch.setattr(db_file, "FULL_CHECK_MAX_BYTES", 0)
    assert engine.inspect_existing(database_path(folder), session.db_key) > 0


def test_without_a_key_the_access_file_tells_encrypted_from_damaged(protected):
    folder, _ = protected
    connection.forget_key(database_path(folder))
    (folder / "access.json").write_text("{ half a file", encoding="utf-8")
    with pytest.raises(DatabaseUnavailable) as damaged_access:
        Database.open(folder)
    assert damaged_access.value.kind == "encrypted"
    (folder / "access.json").unlink()  # no access file: the same bytes read as damage
    with pytest.raises(DatabaseUnavailable) as no_access:
        Database.open(folder)
    assert no_access.value.kind == "corrupt"
