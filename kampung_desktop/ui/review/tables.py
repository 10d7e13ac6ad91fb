"""The review window's tables: one look for every list (row selection, no editing, stretched
last column), their pages with a hint above and buttons below, and keeping a selection across
a refresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.review.models import RowsModel, row_key

COLUMN_AIR = 18  # pixels added to each fitted column but the last


def table(parent: QWidget, model: RowsModel, name: str, on_select: Callable) -> QTableView:
    """A read-only, single-row-selection view of `model`; `on_select` runs on every change."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.selectionModel().selectionChanged.connect(on_select)
    return view


def page(
    parent: QWidget, view: QTableView, buttons: Sequence[QPushButton], hint: QLabel
) -> QWidget:
    """The hint, the table, then the buttons in a row."""
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.addWidget(hint)
    layout.addWidget(view, 1)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return widget


def button(parent: QWidget, name: str, handler: Callable) -> QPushButton:
    widget = QPushButton(parent)
    widget.setObjectName(name)
    widget.clicked.connect(handler)
    return widget


def fit_columns(view: QTableView) -> None:
    """Columns sized to their contents with some air between them, then resizable by hand."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in range(header.count() - 1):
        view.setColumnWidth(column, view.columnWidth(column) + COLUMN_AIR)


def selected(view: QTableView) -> Any:
    """The row object selected in `view`, or None."""
    rows = view.selectionModel().selectedRows()
    return view.model().row(rows[0].row()) if rows else None


def reselect(views: Sequence[QTableView], keep: Sequence[Any]) -> None:
    """Select again, in each view, the row that stands for the same record as before."""
    for view, key in zip(views, [row_key(item) for item in keep], strict=True):
        if key is None:
            continue
        for i, row in enumerate(view.model().rows):
            if row_key(row) == key:
                view.selectRow(i)
                break
