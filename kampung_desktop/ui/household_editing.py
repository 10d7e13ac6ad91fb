"""Adding and editing a household from the main window: the draft (read on the worker, or
placed in the area chosen in the tree), the dialog, and a refresh around the saved record."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from kampung_desktop.core.registry import HouseholdInput
from kampung_desktop.services.list_query import AreaSelection
from kampung_desktop.ui.qt import QDialog

if TYPE_CHECKING:
    from kampung_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def draft_for_area(area: AreaSelection) -> HouseholdInput | None:
    """A new household already placed in the kelurahan/RW/RT chosen in the tree."""
    kode = area.kode_prefix
    if not kode or kode.count(".") != 3:
        return None
    return HouseholdInput(kelurahan_kode=kode, rw=area.rw, rt=area.rt, address="")


def add_household(window: MainWindow) -> None:
    open_dialog(window, draft_for_area(window.list.query.area))


def edit_household(window: MainWindow, household_id: str | None) -> None:
    household_id = household_id or window.list.current_id()
    if not household_id or window.backend is None:
        return
    registry = window.backend.registry

    def opened(draft: Any) -> None:
        if draft is not None:
            open_dialog(window, draft)

    window.tasks.run(lambda: registry.draft_of(household_id), opened)


def open_dialog(window: MainWindow, draft: HouseholdInput | None) -> None:
    if window.backend is None:
        return
    from kampung_desktop.ui.household_dialog import HouseholdDialog  # brings the ORM stack

    dialog = HouseholdDialog(window.backend.registry, draft, window, areas=window.areas)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        log.info("household saved: %s", dialog.saved_id)
        window.refresh_all(select_id=dialog.saved_id)
