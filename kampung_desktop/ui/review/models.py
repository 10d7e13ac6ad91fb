"""Small read-only table models for the review window: a list of rows and a column spec each.

The lists are short (the RTs of one kelurahan, a few hundred decisions for a city), so a plain
list model is enough; each column says how to show a row and how to sort it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kampung_desktop.core import formats
from kampung_desktop.ui.qt import QAbstractTableModel, QBrush, QColor, QFont, QModelIndex, Qt

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    text: Callable[[Any], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """Rows of any type; `muted(row)` greys a row out (returned assessments, revoked awards)."""

    def __init__(self, columns: list[Column], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = columns
        self.headers: list[str] = [""] * len(columns)
        self.rows: list[Any] = []
        self.muted: Callable[[Any], bool] = lambda row: False

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else ""
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QBrush(QColor("#666666"))  # muted, still 5.7:1 on white (WCAG AA)
        if role == Qt.ItemDataRole.FontRole and self.muted(row):
            font = QFont()
            font.setItalic(True)
            return font
        return None


def row_key(item: Any) -> Any:
    if item is None:
        return None
    if hasattr(item, "assessment"):
        return item.assessment.id
    if hasattr(item, "decision"):
        return item.decision.id
    return getattr(item, "id", None)


def decimal_of(text: str | None) -> Any:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def when(stamp: str | None) -> str:
    """`2026-09-20T03:04:05Z` → `20 Sep 2026 10.04` in local time (see core.formats)."""
    return formats.iso_date_time(stamp)
