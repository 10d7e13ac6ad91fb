"""Everything the main window reads or writes, behind one object that lives on the worker thread.

Reads for the tree, status bar and list go through services.household_browser (plain sqlite3);
edits and details through the registry service, whose database stack (sqlmodel, SQLAlchemy)
loads only after the window's first paint, inside a worker job. Every method here may take
longer than a frame and is therefore called through `TaskRunner`; the table model reads its
pages on the UI thread through the listing it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services.first_view import AreaNode
from kampung_desktop.services.household_browser import HouseholdBrowser, ListRow, Status
from kampung_desktop.services.list_query import ListQuery

LANGUAGE_SETTING = "language"
# The first view's tree stops at kelurahan (about a hundred nodes; RW and RT are ten thousand
# in a city): the window reads the rest just after it is usable.
FIRST_TREE_DEPTH = Level.KELURAHAN

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import HouseholdDetail, RegistryService

__all__ = ["Backend", "FirstLoad", "Status"]


@dataclass
class FirstLoad:
    """What the window needs to become usable, fetched in one worker round trip."""

    backend: Backend
    tree: list[AreaNode]
    status: Status
    listing: Any  # storage.list_window.Listing, read by the table model


class Backend:
    def __init__(
        self,
        data_dir: Path,
        ctx: AppContext | None = None,
        browser: HouseholdBrowser | None = None,
        access: Any = None,
    ) -> None:
        """`access`: the signed-in AccessSession (its key opens the data, its scope limits the
        tree and lists); None on an unprotected legacy dir."""
        self._data_dir = Path(data_dir)
        self._access = access
        key = access.db_key if access is not None else None
        scope = access.principal.scope if access is not None else ()
        self._browser = browser or HouseholdBrowser.at(self._data_dir, key, scope)
        if ctx is not None:
            self.__dict__["ctx"] = ctx

    @classmethod
    def load(cls, data_dir: Path, query: ListQuery, first: int, access: Any = None) -> FirstLoad:
        """Open the data dir (raises DatabaseUnavailable, file untouched) and read the first view.

        Only what the first view needs: the registry service (edits, details) and the log file
        are set up right after, so the window is usable sooner.
        """
        key = access.db_key if access is not None else None
        scope = access.principal.scope if access is not None else ()
        browser = HouseholdBrowser.open(Path(data_dir), key, scope)  # a bad file stays untouched
        if browser.needs_first_start():  # reference data or local user missing: full start-up
            from kampung_desktop.services.app import AppContext

            backend = cls(data_dir, AppContext.open(data_dir, access), browser, access)
        else:
            backend = cls(data_dir, browser=browser, access=access)
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

        return RegistryService(self.ctx.db, self.ctx.user_id, self._access)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def tree(self, down_to: Level = Level.RT) -> list[AreaNode]:
        return self._browser.tree(down_to)

    def status(self) -> Status:
        return self._browser.status()

    def listing(self, query: ListQuery, first: int) -> Any:
        """The matches as a listing with its first `first` rows read (see HouseholdBrowser)."""
        return self._browser.listing(query, first)

    def first_screen(self, query: ListQuery, n: int) -> tuple[list[ListRow], bool]:
        """Up to `n` matches sorted among themselves, and whether that is all of them."""
        return self._browser.first_screen(query, n)

    def interrupt_list(self) -> None:
        """Abort a listing being planned (any thread): the user typed on, its answer is stale."""
        self._browser.interrupt()

    def rowid_of(self, household_id: str) -> int | None:
        return self._browser.rowid_of(household_id)

    def detail(self, household_id: str) -> HouseholdDetail | None:
        return self.registry.detail(household_id)

    def set_language(self, code: str) -> None:
        self.ctx.set_setting(LANGUAGE_SETTING, code)

    def close(self) -> None:
        if "ctx" in self.__dict__:
            self.ctx.close()
