"""Open the local SQLite database safely: check before touching, then configure and migrate.

A corrupt or foreign file must never be modified, so the file is first inspected read-only;
only a healthy (or new) file is opened for writing, put in WAL mode and migrated. Every
connection is made by `storage.connection.connect`, which keys it when the dir is encrypted.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kampung_desktop.storage import connection
from kampung_desktop.storage.connection import PAGE_SIZE
from kampung_desktop.storage.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The file checks live in db_file; their names stay importable from here.
from kampung_desktop.storage.db_file import (  # noqa: F401
    BUSY_TIMEOUT_MS,
    DB_FILENAME,
    FULL_CHECK_MAX_BYTES,
    database_path,
    disk_full,
    inspect_existing,
    writable,
)


def _configure(dbapi_conn, _record: object) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so reads and writes of one unit share
    # one real transaction (pysqlite's implicit transactions would split them).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a saved answer
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _begin(conn) -> None:  # type: ignore[no-untyped-def]
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def prepare_new_file(path: Path, key: bytes | None = None) -> None:
    """Page size must be chosen before the first table exists; WAL is persistent once set."""
    conn = connection.connect(path, key)
    try:
        conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("VACUUM")
    finally:
        conn.close()


def create_sqlite_engine(path: Path, key: bytes | None = None) -> Engine:
    """The ORM's engine; its connections come from the same factory (keyed when encrypted)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    key = key if key is not None else connection.known_key(path)

    def connect() -> object:
        return connection.connect(
            path, key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        module=connection.driver(key),
        creator=connect,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


def prepare_database(data_dir: Path, migrate: bool = True, key: bytes | None = None) -> Path:
    """Make the data dir's database ready: an existing file is checked read-only first (a bad
    one is reported, never touched), a new one is created, pending migrations are applied.

    With a key, a plain file (an upgrade not done or cut short) is encrypted first."""
    from kampung_desktop.storage.migrations import LATEST_VERSION, upgrade

    path = database_path(data_dir)
    if key is not None and path.exists():
        from kampung_desktop.storage.cipher_upgrade import encrypt_database, needs_upgrade

        if needs_upgrade(data_dir):
            encrypt_database(data_dir, key)
    if path.exists():
        if not writable(path):  # found now, not as a crash at the first write
            raise DatabaseUnavailable("readonly", path)
        version = inspect_existing(path, key)
        if version > LATEST_VERSION:
            raise DatabaseUnavailable("newer", path, found=version, known=LATEST_VERSION)
        if path.stat().st_size == 0:
            prepare_new_file(path, key)
    else:
        try:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
            prepare_new_file(path, key)
        except (OSError, *connection.ERROR) as exc:
            if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise DatabaseUnavailable("readonly", path) from exc
            if not writable(path) and Path(data_dir).is_dir():
                raise DatabaseUnavailable("readonly", path) from exc
            if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or (
                Path(data_dir).is_dir() and disk_full(path, exc)
            ):
                raise DatabaseUnavailable("full", path) from exc
            detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
            raise DatabaseUnavailable("unreadable", path, detail=detail) from exc
    if key is not None:  # every later connection to this file, from any module, is keyed
        connection.remember_key(path, key)
        from kampung_desktop.storage import attachment_files

        # ...and its attachment files are sealed (plain ones left by a conversion cut short too)
        attachment_files.encrypt_plain_files(Path(data_dir), key)
    if migrate:
        from kampung_desktop.storage import pull_bulk

        with raw(path, key) as conn:
            pull_bulk.repair_at_open(conn)  # a pull killed while its indexes were set aside
            upgrade(conn)
    return path


@contextmanager
def raw(path: Path, key: bytes | None = None) -> Iterator[sqlite3.Connection]:
    """`raw_connection` that reports a locked file as DatabaseUnavailable and always closes."""
    conn = raw_connection(path, key)
    try:
        yield conn
    except connection.OPERATIONAL as exc:
        if "locked" in str(exc):
            raise DatabaseUnavailable("locked", path) from exc
        raise
    finally:
        conn.close()


def raw_connection(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A DB-API connection with the same pragmas, for bulk work and migrations (typed as
    sqlite3's: a SQLCipher connection has the same interface)."""
    conn = connection.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    _configure(conn, None)
    return conn
