"""The centre of the window: the search box, the household table and the count of matches.

It owns the current `ListQuery`. Every change (typing, a tree node, a header click) asks the
worker for a listing of the matches under the key "list", so a burst of keystrokes runs only
the newest query and stale results are dropped; the table model then pages rows in as it paints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.services.list_query import AreaSelection, ListQuery
from kampung_desktop.ui.household_model import (
    ADDRESS,
    HEAD,
    KELURAHAN,
    KK,
    MEMBERS,
    RTRW,
    HouseholdTableModel,
    ReadRows,
    Source,
)
from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QStandardItemModel,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

# Widths: each column fits a typical value; the address takes the rest, at least this much.
_SAMPLES = {
    HEAD: "Bambang Hidayat",
    KK: "367109••••••0001",
    KELURAHAN: "Panunggangan",
    RTRW: "000/000",
    MEMBERS: "Anggota ",
}
_ADDRESS_SAMPLE = "Jl. Melati Raya No. 12"

# (query, household id to keep in focus, callback receiving (listing, row of that household))
ListingQuery = Callable[[ListQuery, str | None, Callable[[tuple[Source, int | None]], None]], None]


class HouseholdList(QWidget):
    """Search box + lazily filled table; emits the selected household id (or None)."""

    householdSelected = Signal(object)  # str | None
    householdActivated = Signal(str)  # double-click / Enter: edit
    resultsShown = Signal(int)  # rows now in the table, after each query
    listingShown = Signal(object)  # a complete listing is shown (the window prepares jumps)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ListQuery()
        self._ask: ListingQuery | None = None
        self._natural: dict[int, int] = {}  # column -> width fitting its sample value
        self._address_room = 0
        self._user_sized = self._fitting = self._watching_sizes = False
        self._select_after: str | None = None  # household to select once the next results arrive
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._text_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")

        self.model = HouseholdTableModel(self)
        self.model.sortRequested.connect(self._sort_requested)
        self.table = QTableView(self)
        self.table.setObjectName("householdTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        self.header_model = QStandardItemModel(0, 0, self)  # column titles (see header_labels)
        self.table.setSortingEnabled(False)  # enabled once data is attached
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.search.setEnabled(False)
        self.retranslate()

    # -- wiring -------------------------------------------------------------------------
    def attach(self, ask: ListingQuery, listing: Any) -> None:
        """Connect to the loaded data: `ask` plans a listing on the worker; show `listing`."""
        self._ask = ask
        self.header_model.setHorizontalHeaderLabels(self.model.header_labels())
        self.model.attach()  # the columns appear now
        self.table.horizontalHeader().setModel(self.header_model)
        self._size_columns()
        self._show((listing, None))
        self.search.setEnabled(True)

    def enable_sorting(self) -> None:
        """Header clicks sort; shown sorted by head of family (just after the first view)."""
        from kampung_desktop.ui.qt import Qt  # not before the first view: see header_labels

        self.table.horizontalHeader().setSortIndicator(HEAD, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents:
        header.setStretchLastSection(False)  # that would read all 100,000 rows
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        metrics, pad = self.fontMetrics(), 24
        self._natural = {
            column: metrics.horizontalAdvance(sample) + pad for column, sample in _SAMPLES.items()
        }
        self._address_room = metrics.horizontalAdvance(_ADDRESS_SAMPLE) + pad
        self._user_sized = False
        if not self._watching_sizes:
            self._watching_sizes = True
            header.sectionResized.connect(self._section_resized)
            self.table.viewport().installEventFilter(self)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The natural widths when they leave the address its room; in a narrow window (1200 px
        with the tree and the detail pane) the kelurahan's and head's columns give up to half of
        theirs (never their title's room) first, so the address keeps its room. A width the user
        dragged stays."""
        if not self._natural or self._user_sized:
            return
        header = self.table.horizontalHeader()
        widths = dict(self._natural)
        shown = [c for c in widths if not self.table.isColumnHidden(c)]
        short = self._address_room - (self.table.viewport().width() - sum(widths[c] for c in shown))
        flexible = [c for c in (KELURAHAN, HEAD) if c in shown]
        labels = self.model.header_labels()
        for column in flexible:
            if short <= 0:
                break
            title = self.fontMetrics().horizontalAdvance(labels[column]) + 8
            give = min(short, max(0, widths[column] - max(widths[column] // 2, title)))
            widths[column] -= give
            short -= give
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != ADDRESS:
            self._user_sized = True  # dragged by hand: leave the user's widths alone

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def set_area(self, area: AreaSelection) -> None:
        # Inside one kelurahan its name would repeat on every row: give the room to the address.
        one_kelurahan = bool(area.kode_prefix) and area.kode_prefix.count(".") == 3
        self.table.setColumnHidden(KELURAHAN, one_kelurahan)
        self._fit_columns()
        self._requery(self.query.with_(area=area))

    def refresh(self, select_id: str | None = None) -> None:
        """Run the current query again (after a save), then select `select_id` if it matches."""
        self._select_after = select_id
        self._requery(self.query, force=True)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.household_id(index.row()) if index.isValid() else None

    # -- queries ------------------------------------------------------------------------
    def _text_changed(self, text: str) -> None:
        self._requery(self.query.with_(text=text))

    def _sort_requested(self, key: str, descending: bool) -> None:
        self._requery(self.query.with_(sort=key, descending=descending))

    def _requery(self, query: ListQuery, force: bool = False) -> None:
        if query == self.query and not force:
            return
        self.query = query
        focus = self._select_after or self.current_id()
        self._select_after = None
        if self._ask is not None:
            self._ask(query, focus, self._show)

    def _show(self, result: tuple[Any, int | None]) -> None:
        listing, row = result
        self.model.set_source(listing, getattr(listing, "first_rows", ()))
        self._update_count()
        self.listingShown.emit(listing)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        else:
            self.householdSelected.emit(None)
        self.resultsShown.emit(listing.total)

    def show_first_screen(self, rows: list, complete: bool) -> None:
        """The first matches (already read) while the complete, sorted list is pending."""
        self.model.set_source(ReadRows(rows), rows)
        if complete:
            self._update_count()
        else:
            self.count_label.setText(self.tr("%Ln+ rumah tangga", "", len(rows)))
        self.householdSelected.emit(None)
        self.resultsShown.emit(len(rows))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.householdSelected.emit(
            self.model.household_id(current.row()) if current.isValid() else None
        )

    def _activated(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id:
            self.householdActivated.emit(household_id)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Cari nama, NIK, No. KK, alamat…"))
        self.search.setAccessibleName(self.tr("Cari rumah tangga"))
        self.table.setAccessibleName(self.tr("Daftar rumah tangga"))
        self.search.setToolTip(self.tr("Hasil muncul saat Anda mengetik; awal kata sudah cukup."))
        if self.header_model.columnCount():
            self.header_model.setHorizontalHeaderLabels(self.model.header_labels())
        self._update_count()

    def _update_count(self) -> None:
        if self._ask is None:
            self.count_label.setText("")
            return
        n = self.model.rowCount()
        # %Ln: the number in the UI's locale, and English says "1 household", "2 households".
        self.count_label.setText(self.tr("%Ln rumah tangga", "", n))
