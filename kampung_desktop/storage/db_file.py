"""The database file before it is opened for writing: where it is, and the read-only health
check that tells a locked, read-only, full, damaged or wrongly keyed file from a healthy one.

Kept apart from `engine` (which opens, upgrades and migrates the file) so the plain-to-encrypted
upgrade can check a file without importing the module that calls it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kampung_desktop.storage import connection
from kampung_desktop.storage.connection import SQLITE_MAGIC
from kampung_desktop.storage.errors import DatabaseUnavailable

DB_FILENAME = "kampung.sqlite3"
BUSY_TIMEOUT_MS = 3000
_SQLITE_MAGIC = SQLITE_MAGIC
# Less free space than this beside the database reads as a full disk: opening a WAL database
# creates or grows its 32 KiB -shm file, and the first write needs pages in the -wal.
_ROOM_TO_OPEN = 1024 * 1024


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


# PRAGMA quick_check reads every page: ≈3 s at start-up for a 2 GB file (1,000,000 households).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def _health(conn, path: Path) -> str:  # type: ignore[no-untyped-def]
    """The word ok, or what is wrong with the file.

    Up to FULL_CHECK_MAX_BYTES every page is checked. A larger file gets the checks that cost
    the same at any size: the schema must parse and the page count in the header must fit the
    file (and its WAL). SQLite still refuses any damaged page it meets later, and
    `kampung db info` runs the full integrity check on demand.
    """
    size = path.stat().st_size
    if size <= FULL_CHECK_MAX_BYTES:
        return conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher: a string
    wal = Path(f"{path}-wal")
    room = size + (wal.stat().st_size if wal.exists() else 0)
    return "ok" if pages * page_size <= room else "page count beyond the end of the file"


def inspect_existing(path: Path, key: bytes | None = None) -> int:
    """Read-only health check of an existing file; returns its schema version (user_version).

    Tells a locked, read-only, damaged file from an encrypted one opened without its key
    ("encrypted") or with another key ("wrongkey"); a plain file is read as plain even when a
    key is given (the plain-to-encrypted upgrade has not run yet)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseUnavailable("unreadable", path, detail=exc.strerror or str(exc)) from exc
    if len(header) == 0:
        return 0  # an empty file is treated as a new database
    if header == _SQLITE_MAGIC:
        key = None
    elif key is None:
        key = connection.known_key(path)
    if header != _SQLITE_MAGIC and key is None:
        encrypted = connection.marked_encrypted(Path(path).parent)
        raise DatabaseUnavailable("encrypted" if encrypted else "corrupt", path)
    try:
        conn = connection.connect(
            path, key, readonly=True, timeout=BUSY_TIMEOUT_MS / 1000, remembered=key is not None
        )
    except connection.ERROR as exc:
        if header != _SQLITE_MAGIC and "not a database" in str(exc):  # keying reads page 1
            raise DatabaseUnavailable("wrongkey", path) from exc
        raise DatabaseUnavailable("unreadable", path, detail=str(exc)) from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        result = _health(conn, path)
    except connection.OPERATIONAL as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseUnavailable("locked", path) from exc
        if not writable(path):  # WAL readers need the -shm file: a read-only folder, not damage
            raise DatabaseUnavailable("readonly", path) from exc
        if disk_full(path, exc):  # a reader may need to grow the -shm file: no room, no damage
            raise DatabaseUnavailable("full", path) from exc
        if "unable to open" in str(exc) or "i/o error" in str(exc).lower():
            raise DatabaseUnavailable("unreadable", path, detail=str(exc)) from exc
        raise DatabaseUnavailable("corrupt", path) from exc
    except connection.DATABASE as exc:
        if header != _SQLITE_MAGIC and "not a database" in str(exc):
            raise DatabaseUnavailable("wrongkey", path) from exc
        raise DatabaseUnavailable("corrupt", path) from exc
    finally:
        conn.close()
    if result != "ok":
        raise DatabaseUnavailable("corrupt", path)
    return int(version)


def disk_full(path: Path, exc: BaseException | None = None) -> bool:
    """Did `exc` (or the lack of room, when SQLite only says "disk I/O error") come from a
    full disk under `path`? Such a file is healthy: it must not be reported as damaged."""
    if exc is not None and "full" in str(exc).lower():
        return True
    try:
        return shutil.disk_usage(Path(path).parent).free < _ROOM_TO_OPEN
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Can SQLite write `path` and create its -wal/-shm files next to it? `os.access` also
    answers no on a read-only file system (EROFS), which permissions alone do not show."""
    folder = Path(path).parent
    return os.access(folder, os.W_OK | os.X_OK) and (
        not Path(path).exists() or os.access(path, os.W_OK)
    )
