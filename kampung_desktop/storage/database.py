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
    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._writer = engine.execution_options(immediate=True)

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True) -> Database:
        """Open (creating if needed) the database in `data_dir`; never touches a bad file."""
        path = _engine.prepare_database(Path(data_dir), migrate=migrate)
        return cls(path, _engine.create_sqlite_engine(path))

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection (bulk inserts, FTS maintenance); caller manages BEGIN."""
        with _engine.raw(self.path) as conn:
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
