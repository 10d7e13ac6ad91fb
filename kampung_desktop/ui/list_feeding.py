"""How the main window feeds its household list: while typing, a first screen of matches at
once and the complete sorted listing after a pause; then, in short worker jobs, where every
1000th row is, so a dragged scroll bar lands near a known key (list_window.KeysetListing).
Every job runs on the window's one TaskRunner under a key, so a newer keystroke replaces it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kampung_desktop.services.list_query import ListQuery
from kampung_desktop.ui.household_model import PAGE_SIZE
from kampung_desktop.ui.qt import QTimer

if TYPE_CHECKING:
    from kampung_desktop.ui.main_window import MainWindow

FULL_LIST_DELAY_MS = 250
FILL_POSITIONS_DELAY_MS = 600


def ask_listing(
    window: MainWindow, query: ListQuery, focus_id: str | None, callback: Callable[[Any], None]
) -> None:
    """Read the matches of `query` for the list (and the row of `focus_id`, to keep it)."""
    backend = window.backend

    def full() -> tuple[Any, int | None]:
        listing = backend.listing(query, PAGE_SIZE)
        rowid = backend.rowid_of(focus_id) if focus_id else None
        return listing, listing.position_of(rowid) if rowid is not None else None

    def first() -> tuple[list, bool]:
        return backend.first_screen(query, PAGE_SIZE)

    def first_done(result: tuple[list, bool]) -> None:
        rows, complete = result
        window.list.show_first_screen(rows, complete)
        if not complete or focus_id:
            # The complete sorted list once the user pauses: a one-letter search keeps
            # its matches in a temporary table first, which need not slow typing.
            QTimer.singleShot(FULL_LIST_DELAY_MS, run_full)

    def run_full() -> None:
        if window.list.query == query and window.backend is backend:
            window.tasks.run(full, callback, key="list")

    backend.interrupt_list()  # a running query for an older keystroke is now useless
    if query.text.strip():
        window.tasks.run(first, first_done, key="list")
    else:
        window.tasks.run(full, callback, key="list")


def fill_positions(window: MainWindow, listing: Any) -> None:
    """Start once the list has stayed a moment: a user typing on replaces it before then, and
    the worker stays free for the next keystroke."""

    def step(done: bool) -> None:
        if not done and window.list.model.source is listing:
            window.tasks.run(listing.fill_positions, step, key="positions")

    QTimer.singleShot(FILL_POSITIONS_DELAY_MS, lambda: step(False))
