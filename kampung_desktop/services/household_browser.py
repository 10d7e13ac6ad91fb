"""The main window's reads: wilayah tree, status bar and household list, on plain sqlite3.

No ORM here: the window asks for these before (and while) the SQLModel stack loads, and the
list pages are read on the UI thread through the listing handed back (≈0.5–2 ms for 100 rows,
see storage.list_window). Views call this; only storage runs the SQL.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services import first_view
from kampung_desktop.services.area_scope import prune_tree
from kampung_desktop.services.first_view import AreaNode
from kampung_desktop.services.list_query import ListQuery
from kampung_desktop.storage import engine as sqlite_file
from kampung_desktop.storage import household_list as listing
from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.list_window import Listing, ListSpec, open_listing

ListRow = listing.ListRow


@dataclass(frozen=True)
class Status:
    """What the status bar shows: changes waiting to be sent, and whether this is demo data."""

    pending: int
    demo: bool


def _area(query: ListQuery, scope: tuple[str, ...] = ()) -> listing.AreaFilter:
    return listing.AreaFilter(query.area.kode_prefix, query.area.rw, query.area.rt, scope)


class HouseholdBrowser:
    """One data dir's database read for browsing; `interrupt()` may be called from any thread."""

    def __init__(self, path: Path, key: bytes | None = None, scope: tuple[str, ...] = ()) -> None:
        """`key`: the signed-in session's database key (None: a plain legacy file); `scope`:
        its kelurahan codes, outside which no tree node, count or list row is read."""
        self._path = path
        self._key = key
        self._scope = tuple(scope)
        self._list_conn: RawConnection | None = None
        self._list_lock = threading.Lock()

    @classmethod
    def open(
        cls, data_dir: Path, key: bytes | None = None, scope: tuple[str, ...] = ()
    ) -> HouseholdBrowser:
        """Make the data dir's database ready (raises DatabaseUnavailable, a bad file untouched)."""
        return cls(sqlite_file.prepare_database(Path(data_dir), key=key), key, scope)

    @classmethod
    def at(
        cls, data_dir: Path, key: bytes | None = None, scope: tuple[str, ...] = ()
    ) -> HouseholdBrowser:
        """The browser of a data dir already prepared (nothing is checked or created)."""
        return cls(sqlite_file.database_path(Path(data_dir)), key, scope)

    def needs_first_start(self) -> bool:
        """True when the full start-up must write (reference codes or the local user missing)."""
        with sqlite_file.raw(self._path, self._key) as conn:
            return first_view.needs_first_start(conn)

    def tree(self, down_to: Level = Level.RT) -> list[AreaNode]:
        with sqlite_file.raw(self._path, self._key) as conn:
            return prune_tree(first_view.tree(conn, down_to), self._scope)

    def status(self) -> Status:
        with sqlite_file.raw(self._path, self._key) as conn:
            return Status(first_view.pending(conn), first_view.setting(conn, "demo_loaded") == "1")

    def listing(self, query: ListQuery, first: int) -> Listing:
        """The matches as a listing with its first `first` rows read; `interrupt()` may cut the
        planning short (a one-letter search keeps its matches in a temporary table)."""
        spec = ListSpec(
            _area(query, self._scope), query.text.strip() or None, query.sort, query.descending
        )
        try:
            return open_listing(self._list_connection, spec, first)
        finally:
            with self._list_lock:
                self._list_conn = None  # from now on the UI thread's, never interrupted

    def _list_connection(self) -> RawConnection:
        conn = sqlite_file.raw_connection(self._path, self._key)  # kept by the listing
        with self._list_lock:
            self._list_conn = conn
        return conn

    def first_screen(self, query: ListQuery, n: int) -> tuple[list[ListRow], bool]:
        """Up to `n` matches sorted among themselves, and whether that is all of them."""
        text = query.text.strip() or None
        with sqlite_file.raw(self._path, self._key) as conn:
            ids = listing.ordered_rowids(
                conn, _area(query, self._scope), text, query.sort, query.descending, limit=n
            )
            return listing.rows_for(conn, ids), len(ids) < n

    def interrupt(self) -> None:
        """Abort a listing being planned (any thread): the user typed on, its answer is stale.

        A one-letter prefix can match most households; stopping it lets the query for the
        next keystroke start at once instead of waiting behind it.
        """
        with self._list_lock:
            if self._list_conn is not None:
                self._list_conn.interrupt()

    def rowid_of(self, household_id: str) -> int | None:
        with sqlite_file.raw(self._path, self._key) as conn:
            return listing.rowid_of(conn, household_id)
