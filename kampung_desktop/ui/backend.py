"""Everything the main window reads or writes, behind one object that lives on the worker thread.

This module pulls in the database stack (sqlmodel, SQLAlchemy), so the window imports it only
after its first paint, inside a worker job. Every method here may take longer than a frame
and is therefore called through `TaskRunner`; the table model reads its pages on the UI thread
through the listing it was given (≈0.5–2 ms for 100 rows, see storage.list_window).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services import first_view
from kampung_desktop.services.area_scope import prune_tree
from kampung_desktop.services.first_view import AreaNode
from kampung_desktop.storage import engine as sqlite_file
from kampung_desktop.storage import household_list as listing
from kampung_desktop.storage.list_window import Listing, ListSpec, open_listing
from kampung_desktop.ui.list_query import ListQuery

LANGUAGE_SETTING = "language"
# The first view's tree stops at kelurahan (about a hundred nodes; RW and RT are ten thousand
# in a city): the window reads the rest just after it is usable.
FIRST_TREE_DEPTH = Level.KELURAHAN

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
    listing: Listing


class Backend:
    def __init__(self, data_dir: Path, ctx: AppContext | None = None, access: Any = None) -> None:
        """`access`: the signed-in AccessSession (its key opens the data, its scope limits the
        tree and lists); None on an unprotected legacy dir."""
        self._data_dir = Path(data_dir)
        self._path = sqlite_file.database_path(self._data_dir)
        self._access = access
        self._key = access.db_key if access is not None else None
        self._scope = tuple(access.principal.scope) if access is not None else ()
        if ctx is not None:
            self.__dict__["ctx"] = ctx
        self._list_conn: sqlite3.Connection | None = None
        self._list_lock = threading.Lock()

    @classmethod
    def load(cls, data_dir: Path, query: ListQuery, first: int, access: Any = None) -> FirstLoad:
        """Open the data dir (raises DatabaseUnavailable, file untouched) and read the first view.

        Only what the first view needs: the registry service (edits, details) and the log file
        are set up right after, so the window is usable sooner.
        """
        key = access.db_key if access is not None else None
        path = sqlite_file.prepare_database(Path(data_dir), key=key)  # a bad file: untouched
        backend = None
        with backend_conn(path, key) as conn:
            if not first_view.needs_first_start(conn):
                backend = cls(data_dir, access=access)
        if backend is None:  # reference data or local user missing: the full start-up adds them
            from kampung_desktop.services.app import AppContext

            backend = cls(data_dir, AppContext.open(data_dir, access), access)
        return FirstLoad(
            backend=backend,
            tree=backend.tree(FIRST_TREE_DEPTH),
            status=backend.status(),
            listing=backend.listing(query, first),
        )

    @cached_property
    def ctx(self) -> AppContext:
        """The ORM side (engine, services), opened on the worker after the first view."""
        from kampung_desktop.services.app import AppContext

        return AppContext.open(self._data_dir, self._access)

    @cached_property
    def registry(self) -> RegistryService:
        from kampung_desktop.services.registry import RegistryService

        return RegistryService(self.ctx.db, self.ctx.user_id)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def tree(self, down_to: Level = Level.RT) -> list[AreaNode]:
        with backend_conn(self._path, self._key) as conn:
            return prune_tree(first_view.tree(conn, down_to), self._scope)

    def status(self) -> Status:
        with backend_conn(self._path, self._key) as conn:
            return Status(first_view.pending(conn), first_view.setting(conn, "demo_loaded") == "1")

    def listing(self, query: ListQuery, first: int) -> Listing:
        """The matches as a listing with its first `first` rows read; `interrupt_list()` may
        cut the planning short (a one-letter search keeps its matches in a temporary table)."""
        spec = ListSpec(
            listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt, self._scope),
            query.text.strip() or None,
            query.sort,
            query.descending,
        )
        try:
            return open_listing(self._list_connection, spec, first)
        finally:
            with self._list_lock:
                self._list_conn = None  # from now on the UI thread's, never interrupted

    def _list_connection(self) -> sqlite3.Connection:
        conn = sqlite_file.raw_connection(self._path, self._key)  # kept by the listing
        with self._list_lock:
            self._list_conn = conn
        return conn

    def first_screen(self, query: ListQuery, n: int) -> tuple[list[listing.ListRow], bool]:
        """Up to `n` matches sorted among themselves, and whether that is all of them."""
        area = listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt, self._scope)
        text = query.text.strip() or None
        with backend_conn(self._path, self._key) as conn:
            ids = listing.ordered_rowids(conn, area, text, query.sort, query.descending, limit=n)
            return listing.rows_for(conn, ids), len(ids) < n

    def interrupt_list(self) -> None:
        """Abort a listing being planned (any thread): the user typed on, its answer is stale.

        A one-letter prefix can match most households; stopping it lets the query for the
        next keystroke start at once instead of waiting behind it.
        """
        with self._list_lock:
            if self._list_conn is not None:
                self._list_conn.interrupt()

    def rowid_of(self, household_id: str) -> int | None:
        with backend_conn(self._path, self._key) as conn:
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
