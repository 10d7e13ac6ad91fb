"""Two lists of the sync panel: records the server refused, and the log of sync sessions.

Every refused or conflicting record is listed with its reason in the UI language, so "sent but
never arrived" cannot happen silently: the user sees which record, and why.
"""

from __future__ import annotations

import textwrap
from typing import Any

from kampung_desktop.ui.qt import QEvent, Qt, QTreeWidget, QTreeWidgetItem, QWidget, Signal
from kampung_desktop.ui.sync import texts

ATTENTION = ("rejected", "conflict", "waiting")  # sessions with these open up
REASON_ROLE = Qt.ItemDataRole.UserRole
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 1  # the text before it was broken into lines
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # (table, record_id) of a record's line


def _one_wrapped_column(view: QTreeWidget) -> None:
    """One column as wide as the view; long texts are broken onto more lines by `_Wrapping`."""
    view.setColumnCount(1)
    view.setUniformRowHeights(False)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.header().setStretchLastSection(True)


class _Wrapping(QTreeWidget):
    """Breaks item texts to the view's width itself: a QTreeView elides a long line instead of
    wrapping it (its rows are measured before their width is known). Refilled on resize."""

    _columns = 0

    def item(self, text: str, depth: int = 0) -> QTreeWidgetItem:
        item = QTreeWidgetItem([self.wrap(text, depth)])
        item.setData(0, PLAIN_ROLE, text)
        return item

    @staticmethod
    def plain(item: QTreeWidgetItem) -> str:
        """An item's text as one string (what it says, however the view broke its lines)."""
        return item.data(0, PLAIN_ROLE)

    def wrap(self, text: str, depth: int = 0) -> str:
        width = self.viewport().width() - self.indentation() * (depth + 1) - 12
        return "\n".join(
            # 0.9: the average character width underestimates words of wide letters
            textwrap.fill(line, max(24, int(self._chars(width) * 0.9))) or line
            for line in text.split("\n")
        )

    def _chars(self, width: int) -> int:
        return width // max(1, self.fontMetrics().averageCharWidth())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        columns = self._chars(self.viewport().width())
        if columns != self._columns:
            self._columns = columns
            self._fill()

    def _fill(self) -> None:
        raise NotImplementedError


class RejectedView(_Wrapping):
    """Records refused by the server (they stay on the laptop; editing one sends it again).

    One column, two lines per record (which record; why), wrapped to the panel's width.
    Double-click (or Enter) asks to open the record for correction.
    """

    recordActivated = Signal(str, str)  # table, record_id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectedView")
        _one_wrapped_column(self)
        self.setRootIsDecorated(False)
        self.records: list[Any] = []
        self.itemActivated.connect(self._activated)
        self.retranslate()

    def _activated(self, item: QTreeWidgetItem) -> None:
        record = self.records[self.indexOfTopLevelItem(item)]
        self.recordActivated.emit(record.table, record.record_id)

    def set_records(self, records: list[Any]) -> None:
        self.records = list(records)
        self._fill()

    def _fill(self) -> None:
        self.clear()
        for record in self.records:
            reason = texts.pick_pair(record.reason_id, record.reason_en)
            what = f"{texts.record_kind(record.table)}: {record.label or record.record_id}"
            item = self.item(f"{what}\n{reason}")
            item.setData(0, REASON_ROLE, reason)
            item.setToolTip(
                0,
                f"{what}\n{reason}\n{texts.format_time(record.at)}\n"
                + self.tr("Klik dua kali untuk membuka dan memperbaikinya."),
            )
            self.addTopLevelItem(item)

    def reasons(self) -> list[str]:
        return [self.topLevelItem(i).data(0, REASON_ROLE) for i in range(self.topLevelItemCount())]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Data yang ditolak server, dan alasannya")])
        self.setAccessibleName(self.tr("Data yang ditolak server"))
        self._fill()


class SyncLogView(_Wrapping):
    """One row per sync session (start, end, what went and came), its problems beneath it.

    Double-click (or Enter) on a record's line asks to open that record for correction.
    """

    recordActivated = Signal(str, str)  # table, record_id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncLogView")
        _one_wrapped_column(self)
        self.entries: list[Any] = []
        self.itemActivated.connect(self._activated)
        self.retranslate()

    def _activated(self, item: QTreeWidgetItem) -> None:
        record = item.data(0, RECORD_ROLE)
        if record:
            self.recordActivated.emit(*record)

    def set_entries(self, entries: list[Any]) -> None:
        self.entries = list(entries)
        self._fill()

    def _fill(self) -> None:
        self.clear()
        for entry in self.entries:
            top = self.item(f"{self._when(entry)}\n{self.summary(entry.outcome)}")
            names = entry.labels
            for table, record_id, status, reason in entry.items:
                name = names.get(record_id)
                what = (
                    f"{texts.record_kind(table)} “{name}”: {texts.receipt_name(status)}"
                    if name
                    else f"{texts.record_kind(table)}: {texts.receipt_name(status)}"
                )
                text = f"{what}\n{texts.pick(reason)}" if reason else what
                child = self.item(text, depth=1)
                child.setData(0, REASON_ROLE, texts.pick(reason))
                child.setData(0, RECORD_ROLE, (table, record_id))
                child.setToolTip(0, self.tr("Klik dua kali untuk membuka data ini."))
                top.addChild(child)
            self.addTopLevelItem(top)
            top.setExpanded(any(item[2] in ATTENTION for item in entry.items))

    def _when(self, entry: Any) -> str:
        start = texts.format_time(entry.started_at)
        if not entry.ended_at:
            return self.tr("{start} (berjalan)").format(start=start)
        return self.tr("{start} – {end}").format(
            start=start, end=texts.format_time(entry.ended_at).split(" ")[-1]
        )

    def summary(self, outcome: Any) -> str:
        """E.g. "12 dikirim · 11 diterima · 1 ditolak · 40 diterima dari server"."""
        if outcome is None:
            return self.tr("tidak selesai (akan dilanjutkan)")
        fmt = texts.format_count
        parts = [self.tr("{n} dikirim").format(n=fmt(outcome.sent))]
        if outcome.accepted:
            parts.append(self.tr("{n} diterima").format(n=fmt(outcome.accepted)))
        if outcome.duplicate:
            parts.append(self.tr("{n} sudah ada").format(n=fmt(outcome.duplicate)))
        if outcome.conflict:
            parts.append(self.tr("{n} bentrok").format(n=fmt(outcome.conflict)))
        if outcome.rejected:
            parts.append(self.tr("{n} ditolak").format(n=fmt(outcome.rejected)))
        parts.append(self.tr("{n} diterima dari server").format(n=fmt(outcome.received)))
        text = " · ".join(parts)
        if not outcome.ok and outcome.error:
            text = f"{texts.pick(outcome.error)} ({text})"
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Sesi sinkronisasi: waktu dan hasil")])
        self.setAccessibleName(self.tr("Riwayat sinkronisasi"))
        self._fill()
