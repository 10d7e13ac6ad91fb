"""The admin's audit log window: who viewed, changed, exported or printed which record, when,
from which device; filters by user, action and day, CSV export, and the chain check.

It reads through services.audit (which refuses a role without VIEW_AUDIT); entries hold record
ids and field names only, so nothing here shows personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = 6
TIME, USER, ACTION, KIND, RECORD, DEVICE = range(COLUMNS)

# run(job, on_done, on_error): where the long jobs (chain check, export) run; the main window
# passes its worker (TaskRunner), so a million-entry check does not freeze the window.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


def run_here(job: Callable[[], Any], done: Callable[[Any], None], failed: Callable) -> None:
    try:
        result = job()
    except Exception as exc:
        failed(exc)
        return
    done(result)


class AuditDialog(QDialog):
    """Lists the newest entries (services.audit.VIEW_LIMIT) matching the filters."""

    def __init__(self, service: Any, parent: QWidget | None = None, run: Runner = run_here) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.service = service
        self._run = run
        self.rows: list[Any] = []
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.by_date = QCheckBox(self)
        self.by_date.setObjectName("auditByDate")
        today = QDate.currentDate()
        self.first_day = self._date_edit("auditFrom", today.addDays(-7))
        self.last_day = self._date_edit("auditTo", today)
        self.user_label, self.action_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.user_label.setBuddy(self.user)
        self.action_label.setBuddy(self.action)
        self.to_label.setBuddy(self.last_day)
        filters = QHBoxLayout()
        for widget in (self.user_label, self.user, self.action_label, self.action,
                       self.by_date, self.first_day, self.to_label, self.last_day):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RECORD, QHeaderView.ResizeMode.Stretch)

        self.count = QLabel(self)
        self.count.setObjectName("auditCount")
        self.chain = QLabel(self)
        self.chain.setObjectName("auditChain")
        self.chain.setWordWrap(True)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain)
        layout.addLayout(bottom)
        self.resize(1000, 600)
        self.retranslate()
        self._fill_choices()
        for combo in (self.user, self.action):
            combo.currentIndexChanged.connect(self.reload)
        self.by_date.toggled.connect(self._dates_toggled)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self.reload)
        self._dates_toggled(False)

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    # -- filters ------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        from kampung_desktop.services.audit import action_label

        users, actions = self.service.choices()
        lang = i18n.current()
        for combo, values, label in (
            (self.user, users, lambda v: v),
            (self.action, actions, lambda v: action_label(v, lang)),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Semua"), None)
            for value in values:
                combo.addItem(label(value), value)
            combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.first_day.setEnabled(on)
        self.last_day.setEnabled(on)
        self.reload()

    def current_filter(self) -> Any:
        from kampung_desktop.services.audit import AuditFilter, day_range

        since = until = None
        if self.by_date.isChecked():
            since, until = day_range(self.first_day.date().toPython(),
                                     self.last_day.date().toPython())  # fmt: skip
        return AuditFilter(self.user.currentData(), self.action.currentData(), since, until)

    # -- showing ------------------------------------------------------------------------
    def reload(self) -> None:
        from kampung_desktop.services.audit import VIEW_LIMIT, action_label, entity_label

        self.rows = self.service.entries(self.current_filter())
        lang = i18n.current()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = {
                TIME: row.local_time(lang),
                USER: row.username,
                ACTION: action_label(row.action, lang),
                KIND: entity_label(row.entity, lang),
                RECORD: row.record_id,
                DEVICE: row.device_id[:8],
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                if column == RECORD and row.fields not in ("", "[]"):
                    item.setToolTip(row.fields)  # field names, never values
                if column == DEVICE:
                    item.setToolTip(row.device_id)
                if column == KIND:
                    item.setToolTip(row.entity)
                self.table.setItem(r, column, item)
        text = self.tr("{n} entri").format(n=len(self.rows))
        if len(self.rows) >= VIEW_LIMIT:
            text = self.tr("{n} entri terbaru (ekspor CSV memuat semuanya)").format(n=VIEW_LIMIT)
        self.count.setText(text)

    def column_texts(self, column: int) -> list[str]:
        """What the table shows in one column (tests read this, as the user would)."""
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]

    # -- actions ------------------------------------------------------------------------
    def verify(self) -> None:
        self._busy(self.tr("Memeriksa rantai…"))
        self._run(self.service.verify, self._verified, self._failed)

    def _verified(self, check: Any) -> None:
        self._busy(None)
        if check.ok:
            self.chain.setText(self.tr("Rantai utuh: {n} entri diperiksa.").format(n=check.entries))
            self.chain.setStyleSheet("QLabel { color: #15803d; font-weight: bold; }")
        else:
            self.chain.setText(
                self.tr("Rantai rusak di entri #{seq}: {reason}").format(
                    seq=check.broken_seq, reason=_in_language(check.reason)
                )
            )
            self.chain.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")

    def export(self, path: str | None = None) -> None:
        if path is None:
            suggested = str(Path.home() / "log-audit.csv")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Ekspor log audit"), suggested, self.tr("CSV (*.csv)")
            )
            if not path:
                return
        service, flt, target = self.service, self.current_filter(), Path(path)
        self._busy(self.tr("Mengekspor…"))
        self._run(
            lambda: service.export_csv(target, flt),
            lambda count: self._exported(count, str(target)),
            self._failed,
        )

    def _exported(self, count: int, path: str) -> None:
        self._busy(None)
        self.chain.setText(self.tr("{n} entri diekspor ke {file}.").format(n=count, file=path))
        self.reload()

    def _busy(self, text: str | None) -> None:
        """While a check or export runs: its buttons wait, the line says what is going on."""
        self.verify_button.setEnabled(text is None)
        self.export_button.setEnabled(text is None)
        if text is not None:
            self.chain.setStyleSheet("")
            self.chain.setText(text)

    def _failed(self, error: BaseException) -> None:
        from kampung_desktop.ui.faults import report

        self._busy(None)
        self.chain.setText("")
        report(error)  # a known failure (disk full, read-only folder…) in words, else the log

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log audit"))
        self.user_label.setText(self.tr("Pengguna:"))
        self.action_label.setText(self.tr("Tindakan:"))
        self.by_date.setText(self.tr("Tanggal"))
        self.to_label.setText(self.tr("s.d."))
        self.first_day.setAccessibleName(self.tr("Dari tanggal"))
        self.last_day.setAccessibleName(self.tr("Sampai tanggal"))
        self.table.setAccessibleName(self.tr("Entri log audit"))
        self.verify_button.setText(self.tr("Periksa rantai"))
        self.verify_button.setToolTip(
            self.tr("Periksa bahwa tidak ada entri yang diubah, dihapus atau disisipkan.")
        )
        self.export_button.setText(self.tr("Ekspor CSV…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Waktu"), self.tr("Pengguna"), self.tr("Tindakan"),
             self.tr("Jenis data"), self.tr("ID data"), self.tr("Perangkat")]
        )  # fmt: skip


def _in_language(reason: str) -> str:
    """One half of a bilingual "id / en" reason, in the UI's language."""
    parts = reason.split(" / ", 1)
    if len(parts) < 2:
        return reason
    return parts[1] if i18n.current() == "en" else parts[0]
