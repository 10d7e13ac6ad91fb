"""The household table's Qt model: a listing's rows read a page at a time as the view paints.

A listing (storage.list_window, planned on the worker) knows how many households match and
reads any 100-row page by position along the sort index, so the model holds no per-household
list at all: a million households cost what a hundred thousand do. `data()` reads the page
around what the view paints (≈0.5–2 ms) and keeps a bounded number of pages. No. KK is masked
here: lists show identity numbers only partly (UU 27/2022, least exposure).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from kampung_desktop.core.nik import mask
from kampung_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)

if TYPE_CHECKING:
    from kampung_desktop.ui.qt import Qt

log = logging.getLogger(__name__)

CONTEXT = "HouseholdTableModel"
# (header, sort key for storage.household_list.SORT_COLUMNS or None when not sortable)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Kepala keluarga"), "head_name"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "No. KK"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Alamat"), "address"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Kelurahan"), "area"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "RT/RW"), "area"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Anggota"), "member_count"),
)
HEAD, KK, ADDRESS, KELURAHAN, RTRW, MEMBERS = range(len(COLUMNS))
# Qt::ItemDataRole and Qt::Alignment values as plain ints. A view asks ~7 roles per cell on
# every paint, so data() must be cheap; and touching PySide's `Qt` namespace at import costs
# ≈15–20 ms, which this keeps out of the first paint (tests check the values against Qt).
_DISPLAY, _TOOLTIP, _ALIGN, _USER = 0, 3, 7, 256
ID_ROLE = _USER + 1
_SERVED = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, ID_ROLE})
_RIGHT = 0x0002 | 0x0080  # AlignRight | AlignVCenter
NO_PARENT = QModelIndex()
PAGE_SIZE = 100
MAX_PAGES = 30  # ≤ 3,000 rows held: a few screens either way of what is visible


class Source(Protocol):
    """What the model pages through (storage.list_window.Listing, or rows already read)."""

    total: int

    def rows(self, start: int, count: int) -> Sequence[Any]: ...

    def close(self) -> None: ...


class ReadRows:
    """A source whose rows are all in hand (a first screen of search results)."""

    def __init__(self, rows: Sequence[Any]) -> None:
        self._rows = list(rows)
        self.total = len(self._rows)

    def rows(self, start: int, count: int) -> Sequence[Any]:
        return self._rows[start : start + count]

    def close(self) -> None:
        pass


class HouseholdTableModel(QAbstractTableModel):
    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._source: Source | None = None
        self._count = 0
        self._pages: OrderedDict[int, list[tuple[Any, tuple[str, ...]]]] = OrderedDict()
        self._attached = False  # columns appear once data is attached (see columnCount)
        self.page_reads = 0  # how many page queries ran (tests and benchmarks look)

    # -- feeding ------------------------------------------------------------------------
    def attach(self) -> None:
        self.beginResetModel()
        self._attached = True
        self.endResetModel()

    def set_source(self, source: Source, first_rows: Sequence[Any] = ()) -> None:
        """Show `source` (the model owns it from now on and closes the one it replaces)."""
        self.beginResetModel()
        old, self._source = self._source, source
        self._count = source.total
        self._pages.clear()
        if first_rows:  # read on the worker with the plan: no page read in the first paint
            self._pages[0] = [(r, cells(r)) for r in first_rows[:PAGE_SIZE]]
        self.endResetModel()
        if old is not None and old is not source:
            old.close()

    @property
    def source(self) -> Source | None:
        return self._source

    def close(self) -> None:
        if self._source is not None:
            self._source.close()

    def invalidate(self) -> None:
        """Forget cached rows (after an edit) and repaint what is visible."""
        self._pages.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def household_id(self, row: int) -> str | None:
        cached = self._cached(row)
        return cached[0].id if cached is not None else None

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        # No columns until data is attached: the first frame then paints no header, which
        # keeps Python callbacks (and the worker's hold on the GIL) out of the first paint.
        return 0 if parent.isValid() or not self._attached else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _SERVED:
            return None
        column = index.column()
        if role == _ALIGN:
            return _RIGHT if column == MEMBERS else None
        cached = self._cached(index.row())
        if cached is None:
            return "…" if role == _DISPLAY else None
        if role == ID_ROLE:
            return cached[0].id
        return cached[1][column]

    def header_labels(self) -> list[str]:
        """Column titles in the current language.

        The view's header shows them through a C++ QStandardItemModel (HouseholdList) rather
        than a Python `headerData`: PySide would convert its Qt.Orientation argument, which
        builds PySide's whole `Qt` namespace (≈15–20 ms) on the way to the first view.
        """
        return [QCoreApplication.translate(CONTEXT, title) for title, _key in COLUMNS]

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        from kampung_desktop.ui.qt import Qt

        if 0 <= column < len(COLUMNS) and COLUMNS[column][1]:
            self.sortRequested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    # -- paging -------------------------------------------------------------------------
    def _cached(self, row: int) -> tuple[Any, tuple[str, ...]] | None:
        """(row object, its cell texts) for a table row, reading its page if needed."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _load_page(self, number: int) -> list[tuple[Any, tuple[str, ...]]]:
        try:
            rows = self._source.rows(number * PAGE_SIZE, PAGE_SIZE) if self._source else []
        except Exception:  # keep painting; the log says why (positions only, no personal data)
            log.exception("reading table page %d failed", number)
            rows = []
        self.page_reads += 1
        page = [(r, cells(r)) for r in rows]  # short if rows were deleted meanwhile
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page


def cells(item: Any) -> tuple[str, ...]:
    """The texts a row shows, in column order (formatted once per page, not per paint)."""
    return (
        item.head_name,
        mask(item.no_kk) if item.no_kk else "",
        item.address,
        item.kelurahan_nama,
        f"{item.rt:03d}/{item.rw:03d}",
        str(item.member_count),
    )
