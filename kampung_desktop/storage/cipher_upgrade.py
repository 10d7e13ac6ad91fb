"""Turn a data dir's plain database into an encrypted one (SQLCipher), resumably.

Called when a dir becomes protected (the first account is created) and again by
`prepare_database` whenever a key meets a plain file, so an upgrade cut short (power cut,
SIGKILL) simply runs again. The steps are ordered so that at every instant the dir holds
either the complete plain database or the complete encrypted one, and never both after the end:

1. the plain file is health-checked read-only (a damaged file is reported, never touched);
2. its WAL is checkpointed into the file and the journal mode set to DELETE, so no plain
   `-wal`/`-shm` remains beside it;
3. `sqlcipher_export` writes an encrypted copy to `kampung.sqlite3.encrypting` in the same
   folder; the copy is checked with the key (integrity and row counts), put in WAL mode and
   fsynced;
4. `os.replace` puts it in place of the plain file atomically, and the folder is fsynced.

A leftover `.encrypting` file from an interrupted run is deleted and made again. The plain
file's blocks are released by the rename, not overwritten: on SSDs and journaling file systems
overwriting in place does not reliably erase old blocks, so full-disk encryption remains the
defence for data written before protection was turned on (see docs/security.md).

No connection to the database may be open while this runs (the first-account step is taken
before the app opens its engine).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from kampung_desktop.storage import connection
from kampung_desktop.storage.db_file import (
    BUSY_TIMEOUT_MS,
    database_path,
    inspect_existing,
    writable,
)
from kampung_desktop.storage.durable import fsync_dir, fsync_file
from kampung_desktop.storage.errors import DatabaseUnavailable

TEMP_SUFFIX = ".encrypting"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def temp_path(data_dir: Path) -> Path:
    path = database_path(Path(data_dir))
    return path.with_name(path.name + TEMP_SUFFIX)


def needs_upgrade(data_dir: Path) -> bool:
    """True when the dir holds a plain database or the debris of an interrupted upgrade."""
    tmp = temp_path(data_dir)
    debris = any(Path(f"{tmp}{s}").exists() for s in ("", *_SIDE_FILES))
    return connection.looks_plain(database_path(Path(data_dir))) is True or debris


def encrypt_database(data_dir: Path, key: bytes) -> bool:
    """Encrypt the dir's database with `key` (32 bytes); True when it was encrypted now.

    Safe to call again at any time: an already encrypted or missing database is left as it is
    (only leftovers of an interrupted run are removed). Raises DatabaseUnavailable for a
    damaged, locked or read-only database, which is then left untouched."""
    connection.raw_key(key)  # refuse a malformed key before touching anything
    path = database_path(Path(data_dir))
    tmp = temp_path(data_dir)
    state = connection.looks_plain(path)
    if state is not True:  # encrypted already, or no database yet: a new one is made keyed
        _remove(tmp, *(Path(f"{tmp}{s}") for s in _SIDE_FILES))
        return False
    if not writable(path):
        raise DatabaseUnavailable("readonly", path)
    inspect_existing(path)
    _fold_wal(path)
    _remove(tmp, *(Path(f"{tmp}{s}") for s in _SIDE_FILES))
    counts = _export(path, tmp, key)
    _check_copy(tmp, key, counts)
    fsync_file(tmp)
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return True


def _fold_wal(path: Path) -> None:
    """Move everything in the plain WAL into the file and stop using a WAL, so the only plain
    bytes left are in the one file the rename replaces."""
    conn = connection.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, remembered=False)  # plain
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable("locked", path) from exc
    finally:
        conn.close()
    if busy or str(mode).lower() != "delete":
        raise DatabaseUnavailable("locked", path)
    _remove(*(Path(f"{path}{s}") for s in ("-wal", "-shm")))


def _export(path: Path, tmp: Path, key: bytes) -> dict[str, int]:
    """Write the encrypted copy; returns the plain file's row counts to check it against."""
    sqlcipher = connection.sqlcipher()
    conn = sqlcipher.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        counts = _counts(conn)
        target = str(tmp).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{target}' AS enc KEY \"{connection.raw_key(key)}\"")
        conn.execute(f"PRAGMA enc.cipher_page_size = {connection.PAGE_SIZE}")
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    except sqlcipher.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseUnavailable("locked", path) from exc
        raise
    finally:
        conn.close()
    return counts


def _check_copy(tmp: Path, key: bytes, counts: dict[str, int]) -> None:
    """The copy opens with the key, is whole, holds every row, and runs in WAL mode."""
    conn = connection.connect(tmp, key, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if ok != "ok" or _counts(conn) != counts:
            raise DatabaseUnavailable("corrupt", tmp)
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    _remove(*(Path(f"{tmp}{s}") for s in _SIDE_FILES))


def _counts(conn: object) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[attr-defined]
        for t in tables
    }


def _remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)
