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

from kampung_desktop.services import wilayah as wilayah_service
from kampung_desktop.services.app import LANGUAGE_SETTING, AppContext
from kampung_desktop.services.wilayah import AreaNode
from kampung_desktop.storage import household_list as listing
from kampung_desktop.storage.changes import pending_count
from kampung_desktop.ui.list_query import ListQuery

if TYPE_CHECKING:
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
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._list_conn: sqlite3.Connection | None = None
        self._list_lock = threading.Lock()

    @classmethod
    def load(cls, data_dir: Path, query: ListQuery) -> FirstLoad:
        """Open the data dir (raises DatabaseUnavailable, file untouched) and read the first view.

        Only what the first view needs: the registry service (edits, details) and the log file
        are set up right after, so the window is usable sooner.
        """
        backend = cls(AppContext.open(data_dir))
        return FirstLoad(
            backend=backend,
            tree=backend.tree(),
            status=backend.status(),
            rowids=backend.rowids(query),
        )

    @cached_property
    def registry(self) -> RegistryService:
        from kampung_desktop.services.registry import RegistryService

        return RegistryService(self.ctx.db, self.ctx.user_id)

    @property
    def data_dir(self) -> Path:
        return self.ctx.data_dir

    def tree(self) -> list[AreaNode]:
        return wilayah_service.tree(self.ctx.db)

    def status(self) -> Status:
        with self.ctx.db.read() as session:
            pending = pending_count(session)  # = RegistryService.pending_changes, without
        return Status(pending, self.ctx.demo_loaded())  # importing it before the first view

    def rowids(self, query: ListQuery) -> list[int]:
        """All matching rowids in display order; `interrupt_list()` may cut it short."""
        area = listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt)
        with self.ctx.db.raw() as conn:
            with self._list_lock:
                self._list_conn = conn
            try:
                return listing.ordered_rowids(
                    conn, area, query.text.strip() or None, query.sort, query.descending
                )
            finally:
                with self._list_lock:
                    self._list_conn = None

    def interrupt_list(self) -> None:
        """Abort a running list query (any thread): the user typed on, its answer is stale.

        A one-letter prefix can match most of 100,000 households; stopping it lets the query
        for the next keystroke start at once instead of waiting behind it.
        """
        with self._list_lock:
            if self._list_conn is not None:
                self._list_conn.interrupt()

    def rows(self, rowids: list[int]) -> list[listing.ListRow]:
        with self.ctx.db.raw() as conn:
            return listing.rows_for(conn, rowids)

    def rowid_of(self, household_id: str) -> int | None:
        with self.ctx.db.raw() as conn:
            row = conn.execute("SELECT rowid FROM households WHERE id = ?", (household_id,))
            found = row.fetchone()
        return found[0] if found else None

    def detail(self, household_id: str) -> HouseholdDetail | None:
        return self.registry.detail(household_id)

    def set_language(self, code: str) -> None:
        self.ctx.set_setting(LANGUAGE_SETTING, code)

    def close(self) -> None:
        self.ctx.close()
