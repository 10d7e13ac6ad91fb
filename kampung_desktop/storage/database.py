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
from kampung_desktop.storage.errors import DatabaseUnavailable
from kampung_desktop.storage.migrations import LATEST_VERSION, current_version, upgrade


class Database:
    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._writer = engine.execution_options(immediate=True)

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True) -> Database:
        """Open (creating if needed) the database in `data_dir`; never touches a bad file."""
        data_dir = Path(data_dir)
        path = _engine.database_path(data_dir)
        if path.exists():
            version = _engine.inspect_existing(path)
            if version > LATEST_VERSION:
                raise DatabaseUnavailable("newer", path, found=version, known=LATEST_VERSION)
            if path.stat().st_size == 0:
                _engine.prepare_new_file(path)
        else:
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
                _engine.prepare_new_file(path)
            except (OSError, sqlite3.Error) as exc:
                raise DatabaseUnavailable("unreadable", path, detail=str(exc)) from exc
        if migrate:
            with cls._raw(path) as conn:
                upgrade(conn)
        return cls(path, _engine.create_sqlite_engine(path))

    @staticmethod
    @contextmanager
    def _raw(path: Path) -> Iterator[sqlite3.Connection]:
        conn = _engine.raw_connection(path)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise DatabaseUnavailable("locked", path) from exc
            raise
        finally:
            conn.close()

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection (bulk inserts, FTS maintenance); caller manages BEGIN."""
        with self._raw(self.path) as conn:
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
