"""The wilayah tree on the left: kab/kota → kecamatan → kelurahan → RW → RT with household counts.

`build_items()` turns the service's `AreaNode`s into plain items on the worker thread, so the UI
thread only resets a model that reads them on demand, however many RT the city has.
Selecting a node emits the `AreaSelection` that filters the household table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kampung_desktop.services.list_query import AreaSelection
from kampung_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QEvent,
    QFont,
    QHeaderView,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QStandardItemModel,
    QTreeView,
    Signal,
)

if TYPE_CHECKING:
    pass

CONTEXT = "AreaTreeModel"
HEADERS = (
    QT_TRANSLATE_NOOP("AreaTreeModel", "Wilayah"),
    QT_TRANSLATE_NOOP("AreaTreeModel", "Jumlah"),
)
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("AreaTreeModel", "Kab/kota, kecamatan, kelurahan, RW dan RT"),
    QT_TRANSLATE_NOOP("AreaTreeModel", "Jumlah rumah tangga terdaftar"),
)
ALL_AREAS = QT_TRANSLATE_NOOP("AreaTreeModel", "Semua wilayah")
_PREFIX = {3: "Kec. ", 4: "Kel. "}  # terms of art, the same in both languages
NO_PARENT = QModelIndex()
# Qt::ItemDataRole values as ints (see household_model: keeps `Qt` out of the first paint).
_DISPLAY, _TOOLTIP, _FONT, _ALIGN, _FOREGROUND, _USER = 0, 3, 6, 7, 9, 256
SELECTION_ROLE = _USER + 1
_SERVED = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT, SELECTION_ROLE})
_RIGHT = 0x0002 | 0x0080  # AlignRight | AlignVCenter


@dataclass(eq=False)
class AreaItem:
    key: str  # the node's code ("" for all areas); stable across refreshes
    label: str | None  # None: the translated "all areas" label
    count: int
    selection: AreaSelection
    parent: AreaItem | None = None
    row: int = 0
    children: list[AreaItem] = field(default_factory=list)

    def add(self, child: AreaItem) -> AreaItem:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def build_items(roots: Iterable[Any]) -> AreaItem:
    """An invisible root holding "all areas" and, under it, the kab/kota trees (worker thread)."""
    invisible = AreaItem("<root>", "", 0, AreaSelection())
    every = invisible.add(AreaItem("", None, 0, AreaSelection()))
    for node in roots:
        every.add(_convert(node))
    every.count = sum(c.count for c in every.children)
    return invisible


def _convert(node: Any) -> AreaItem:
    level = int(node.level)
    if level <= 4:
        selection = AreaSelection(kode_prefix=node.kode)
    else:
        selection = AreaSelection(node.kelurahan_kode, node.rw, node.rt)
    item = AreaItem(node.kode, _PREFIX.get(level, "") + node.nama, node.count, selection)
    for child in node.children:
        item.add(_convert(child))
    return item


_GRAY = QColor(160, 160, 164)  # Qt::gray


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AreaTreeModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._root = AreaItem("<root>", "", 0, AreaSelection())
        self._by_key: dict[str, AreaItem] = {}

    def set_root(self, root: AreaItem) -> None:
        self.beginResetModel()
        old = self._root  # kept alive until the views have dropped their indexes into it
        self._root = root
        self._by_key = {}
        stack = list(root.children)
        while stack:
            item = stack.pop()
            self._by_key[item.key] = item
            stack.extend(item.children)
        self.endResetModel()
        del old

    def index_of(self, key: str) -> QModelIndex:
        item = self._by_key.get(key)
        return self.createIndex(item.row, 0, item) if item is not None else QModelIndex()

    def item(self, index: QModelIndex | QPersistentModelIndex) -> AreaItem | None:
        return index.internalPointer() if index.isValid() else None

    def retranslate(self) -> None:
        top = self.index(0, 0)
        if top.isValid():
            self.dataChanged.emit(top, top)  # "all areas" is translated

    # -- Qt model API -------------------------------------------------------------------
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = NO_PARENT
    ) -> QModelIndex:
        owner = parent.internalPointer() if parent.isValid() else self._root
        if 0 <= row < len(owner.children) and 0 <= column < len(HEADERS):
            return self.createIndex(row, column, owner.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent(), which this overload would otherwise hide
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        owner = index.internalPointer().parent
        if owner is None or owner is self._root:
            return QModelIndex()
        return self.createIndex(owner.row, 0, owner)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        if parent.isValid():
            return len(parent.internalPointer().children) if parent.column() == 0 else 0
        return len(self._root.children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return len(HEADERS) if self._root.children else 0  # no header before the data

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> bool:
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _SERVED or not index.isValid():
            return None
        item: AreaItem = index.internalPointer()
        column = index.column()
        if role == _DISPLAY:
            if column == 1:
                return QLocale().toString(item.count)
            return self._name(item)
        if role == _ALIGN:
            return _RIGHT if column == 1 else None
        if role == _FOREGROUND:
            return _GRAY if item.count == 0 else None
        if role == _FONT:
            return _bold() if item.label is None else None
        if role == _TOOLTIP:
            return f"{self._name(item)}: {QLocale().toString(item.count)}"
        return item.selection  # SELECTION_ROLE

    @staticmethod
    def _name(item: AreaItem) -> str:
        return QCoreApplication.translate(CONTEXT, ALL_AREAS) if item.label is None else item.label


class AreaTree(QTreeView):
    """The tree view; emits `areaSelected` with the filter for the chosen node."""

    areaSelected = Signal(object)  # AreaSelection

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.area_model = AreaTreeModel(self)
        self.setModel(self.area_model)
        self.setObjectName("areaTree")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(False)
        # Titles from a C++ model, not a Python headerData (see HouseholdTableModel.header_labels)
        self.header_model = QStandardItemModel(0, 0, self)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def set_root(self, root: AreaItem) -> None:
        """Show a (re)built tree, keeping what was expanded and selected."""
        expanded = self._expanded_keys()
        current = self.current_key()
        first = not self.area_model.rowCount()
        self.area_model.set_root(root)
        if first:
            self._retranslate_header()
            header = self.header()
            header.setModel(self.header_model)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(1, self.fontMetrics().horizontalAdvance("Jumlah 00") + 8)
            top = self.area_model.index(0, 0)
            self.expand(top)
            for row in range(self.area_model.rowCount(top)):
                self.expand(self.area_model.index(row, 0, top))
        else:
            for key in expanded:
                index = self.area_model.index_of(key)
                if index.isValid():
                    self.expand(index)
        index = self.area_model.index_of(current if current is not None else "")
        if index.isValid():
            self.selectionModel().blockSignals(True)
            self.setCurrentIndex(index)
            self.selectionModel().blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_header()
            self.area_model.retranslate()
        super().changeEvent(event)

    def _retranslate_header(self) -> None:
        self.setAccessibleName(QCoreApplication.translate(CONTEXT, "Wilayah"))
        self.header_model.setHorizontalHeaderLabels(
            [QCoreApplication.translate(CONTEXT, title) for title in HEADERS]
        )
        for column, tip in enumerate(HEADER_TIPS):
            self.header_model.horizontalHeaderItem(column).setToolTip(
                QCoreApplication.translate(CONTEXT, tip)
            )

    def current_key(self) -> str | None:
        item = self.area_model.item(self.currentIndex())
        return item.key if item is not None else None

    def select_key(self, key: str) -> bool:
        index = self.area_model.index_of(key)
        if index.isValid():
            self.setCurrentIndex(index)
        return index.isValid()

    def _expanded_keys(self) -> list[str]:
        keys, stack = [], [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.area_model.rowCount(parent)):
                index = self.area_model.index(row, 0, parent)
                if self.isExpanded(index):
                    keys.append(self.area_model.item(index).key)
                    stack.append(index)
        return keys

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.area_model.item(current)
        self.areaSelected.emit(item.selection if item is not None else AreaSelection())
