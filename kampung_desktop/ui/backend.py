"""Everything the main window reads or writes, behind one object that lives on the worker thread.

This module pulls in the database stack (sqlmodel, SQLAlchemy), so the window imports it only
after its first paint, inside a worker job. Every method here may take longer than a frame
and is therefore called through `TaskRunner`, except `rows()`, a small indexed page read that
the table model asks for while scrolling (≈1–2 ms for 100 rows).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kampung_desktop.services import first_view
from kampung_desktop.services.first_view import AreaNode
from kampung_desktop.storage import engine as sqlite_file
from kampung_desktop.storage import household_list as listing
from kampung_desktop.ui.list_query import ListQuery

LANGUAGE_SETTING = "language"

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import HouseholdDetail, RegistryService


@dataclass(frozen=True)
class Status:
    pending: int
    demo: bool


@dataclass
class FirstLoad:
    """What the window needs to become usable, fetched in one worker round trip."""

    backend: Backend
    tree: list[AreaNode]
    status: Status
    rowids: list[int]


class Backend:
    def __init__(self, data_dir: Path, ctx: AppContext | None = None) -> None:
        self._data_dir = Path(data_dir)
        self._path = sqlite_file.database_path(self._data_dir)
        if ctx is not None:
            self.__dict__["ctx"] = ctx
        self._list_conn: sqlite3.Connection | None = None
        self._list_lock = threading.Lock()

    @classmethod
    def load(cls, data_dir: Path, query: ListQuery) -> FirstLoad:
        """Open the data dir (raises DatabaseUnavailable, file untouched) and read the first view.

        Only what the first view needs: the registry service (edits, details) and the log file
        are set up right after, so the window is usable sooner.
        """
        path = sqlite_file.prepare_database(Path(data_dir))  # raises for a bad file, untouched
        backend = None
        with backend_conn(path) as conn:
            if not first_view.needs_first_start(conn):
                backend = cls(data_dir)
        if backend is None:  # reference data or local user missing: the full start-up adds them
            from kampung_desktop.services.app import AppContext

            backend = cls(data_dir, AppContext.open(data_dir))
        return FirstLoad(
            backend=backend,
            tree=backend.tree(),
            status=backend.status(),
            rowids=backend.rowids(query),
        )

    @cached_property
    def ctx(self) -> AppContext:
        """The ORM side (engine, services), opened on the worker after the first view."""
        from kampung_desktop.services.app import AppContext

        return AppContext.open(self._data_dir)

    @cached_property
    def registry(self) -> RegistryService:
        from kampung_desktop.services.registry import RegistryService

        return RegistryService(self.ctx.db, self.ctx.user_id)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def tree(self) -> list[AreaNode]:
        with backend_conn(self._path) as conn:
            return first_view.tree(conn)

    def status(self) -> Status:
        with backend_conn(self._path) as conn:
            return Status(first_view.pending(conn), first_view.setting(conn, "demo_loaded") == "1")

    def rowids(self, query: ListQuery) -> list[int]:
        """All matching rowids in display order; `interrupt_list()` may cut it short."""
        area = listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt)
        with backend_conn(self._path) as conn:
            with self._list_lock:
                self._list_conn = conn
            try:
                return listing.ordered_rowids(
                    conn, area, query.text.strip() or None, query.sort, query.descending
                )
            finally:
                with self._list_lock:
                    self._list_conn = None

    def first_screen(self, query: ListQuery, n: int) -> tuple[list[int], list, bool]:
        """Up to `n` matches sorted among themselves, their rows, and whether that is all."""
        area = listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt)
        text = query.text.strip() or None
        with backend_conn(self._path) as conn:
            ids = listing.ordered_rowids(conn, area, text, query.sort, query.descending, limit=n)
            return ids, listing.rows_for(conn, ids), len(ids) < n

    def interrupt_list(self) -> None:
        """Abort a running list query (any thread): the user typed on, its answer is stale.

        A one-letter prefix can match most of 100,000 households; stopping it lets the query
        for the next keystroke start at once instead of waiting behind it.
        """
        with self._list_lock:
            if self._list_conn is not None:
                self._list_conn.interrupt()

    def rows(self, rowids: list[int]) -> list[listing.ListRow]:
        with backend_conn(self._path) as conn:
            return listing.rows_for(conn, rowids)

    def rowid_of(self, household_id: str) -> int | None:
        with backend_conn(self._path) as conn:
            row = conn.execute("SELECT rowid FROM households WHERE id = ?", (household_id,))
            found = row.fetchone()
        return found[0] if found else None

    def detail(self, household_id: str) -> HouseholdDetail | None:
        return self.registry.detail(household_id)

    def set_language(self, code: str) -> None:
        self.ctx.set_setting(LANGUAGE_SETTING, code)

    def close(self) -> None:
        if "ctx" in self.__dict__:
            self.ctx.close()


backend_conn = sqlite_file.raw  # plain sqlite3, a locked file reported as such
