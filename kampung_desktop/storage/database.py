"""The local database: one object that owns the engine and hands out transactions.

Every write goes through `write()`, a BEGIN IMMEDIATE transaction that commits all or nothing,
so a record, its outbox entry and its audit entry are saved together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from kampung_desktop.storage import engine as _engine
from kampung_desktop.storage.migrations import current_version


class Database:
    def __init__(self, path: Path, engine: Engine, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key  # the SQLCipher key of an encrypted dir; None for a plain one
        self._writer = engine.execution_options(immediate=True)

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True, key: bytes | None = None) -> Database:
        """Open (creating if needed) the database in `data_dir`; never touches a bad file.

        `key` is the dir's 32-byte database key (encrypted dir); a plain file is encrypted
        with it first (resuming an upgrade cut short). None opens a plain, unprotected dir."""
        path = _engine.prepare_database(Path(data_dir), migrate=migrate, key=key)
        return cls(path, _engine.create_sqlite_engine(path, key), key)

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A DB-API connection (sqlite3, or SQLCipher keyed for an encrypted dir) for bulk
        inserts and FTS maintenance; the caller manages BEGIN."""
        with _engine.raw(self.path, self.key) as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One all-or-nothing unit of work: commits on success, rolls back on any exception."""
        with Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def schema_version(self) -> int:
        with self.raw() as conn:
            return current_version(conn)

    def close(self) -> None:
        self.engine.dispose()
