"""The to-do list: assessments the office returned (with its note) and conflicts to decide.

An enumerator reopens a returned assessment in the interview wizard, corrects it and finalizes
again (the next sync sends it back); an office resolves each server-flagged conflict field by
field. Reads and the resolution run on the window's database worker (`run`), never on the sync
worker, so the list opens at once even while a long sync is going on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import (
    QDialog,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts
from kampung_desktop.ui.sync.conflict_dialog import ConflictDialog

Run = Callable[..., None]  # TaskRunner.run(job, on_done, on_error)


class TodoWindow(QDialog):
    openAssessment = Signal(str)  # assessment_id, to reopen in the interview wizard
    conflictResolved = Signal(str)
    loaded = Signal()

    def __init__(self, service: Any, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todoWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.service = service
        self.run = run
        self.returned: list[Any] = []
        self.conflicts: list[Any] = []
        self.dialog: ConflictDialog | None = None

        self.returned_view = QTreeWidget(self)
        self.returned_view.setObjectName("returnedView")
        self.returned_view.setRootIsDecorated(False)
        self.returned_view.setWordWrap(True)
        self.returned_view.setAlternatingRowColors(True)
        self.returned_view.itemActivated.connect(lambda *_: self.open_selected())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("reopenButton")
        self.open_button.clicked.connect(self.open_selected)
        self.returned_empty = QLabel(self)
        self.note_label = QLabel(self)  # the selected note in full (a list cell cuts it)
        self.note_label.setObjectName("returnedNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.returned_view.currentItemChanged.connect(lambda *_: self._show_note())

        self.conflict_view = QTreeWidget(self)
        self.conflict_view.setObjectName("conflictView")
        self.conflict_view.setRootIsDecorated(False)
        self.conflict_view.setAlternatingRowColors(True)
        self.conflict_view.itemActivated.connect(lambda *_: self.resolve_selected())
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.conflict_empty = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(
            self._page(self.returned_view, self.returned_empty, self.open_button, self.note_label),
            "",
        )
        self.tabs.addTab(
            self._page(self.conflict_view, self.conflict_empty, self.resolve_button), ""
        )
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(900, 520)
        self.retranslate()
        self.refresh()

    def _page(
        self, view: QTreeWidget, empty: QLabel, button: QPushButton, detail: QLabel | None = None
    ) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(empty, 1)
        row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(view, 1)
        if detail is not None:
            layout.addWidget(detail)
        layout.addLayout(row)
        return page

    def _show_note(self) -> None:
        item = self.returned_view.currentItem()
        if item is None:
            self.note_label.clear()
            return
        self.note_label.setText(
            self.tr("<b>Catatan pemeriksa:</b> {note}").format(
                note=item.text(3).replace("<", "&lt;")
            )
        )

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        service, lang = self.service, i18n.current()
        self.run(lambda: (service.returned_assessments(), service.conflicts(lang)), self._loaded)

    def _loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        self.returned, self.conflicts = list(result[0]), list(result[1])
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        self.returned_view.clear()
        for item in self.returned:
            row = QTreeWidgetItem(
                [
                    item.place,
                    item.form_title or item.form_id,
                    texts.format_time(item.returned_at),
                    item.note,
                ]  # fmt: skip
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.assessment_id)
            row.setToolTip(3, item.note)
            self.returned_view.addTopLevelItem(row)
        self.conflict_view.clear()
        for conflict in self.conflicts:
            fields = ", ".join(f.label or f.field for f in conflict.fields)
            row = QTreeWidgetItem([texts.record_kind(conflict.table), conflict.label, fields])
            row.setData(0, Qt.ItemDataRole.UserRole, conflict.conflict_id)
            self.conflict_view.addTopLevelItem(row)
        for view in (self.returned_view, self.conflict_view):
            if view.topLevelItemCount():
                view.setCurrentItem(view.topLevelItem(0))
            header = view.header()
            for col in range(view.columnCount() - 1):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def notes(self) -> list[str]:
        """The reviewer notes as listed (tests read this)."""
        view = self.returned_view
        return [view.topLevelItem(i).text(3) for i in range(view.topLevelItemCount())]

    # -- actions ------------------------------------------------------------------------------
    def open_selected(self) -> None:
        item = self.returned_view.currentItem()
        if item is not None:
            self.openAssessment.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def resolve_selected(self) -> ConflictDialog | None:
        item = self.conflict_view.currentItem()
        if item is None:
            return None
        conflict_id = item.data(0, Qt.ItemDataRole.UserRole)
        conflict = next(c for c in self.conflicts if c.conflict_id == conflict_id)
        self.dialog = ConflictDialog(conflict, self)
        self.dialog.resolved.connect(self._resolve)
        self.dialog.open()
        return self.dialog

    def _resolve(self, conflict_id: str, choices: dict[str, str]) -> None:
        service = self.service

        def done(_result: Any) -> None:
            self.message.setText(self.tr("Keputusan disimpan; terkirim pada sinkron berikutnya."))
            self.conflictResolved.emit(conflict_id)
            self.refresh()

        self.run(lambda: service.resolve_conflict(conflict_id, choices), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        from kampung_desktop.services.sync import SyncError

        if not isinstance(error, SyncError):
            raise error  # the window's fault handler logs it and apologises
        self.message.setText(texts.pick(str(error)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()  # field names and values of conflicts come labelled in a language
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Daftar tugas sinkronisasi"))
        self.returned_view.setAccessibleName(self.tr("Dikembalikan untuk diperbaiki"))
        self.conflict_view.setAccessibleName(self.tr("Konflik"))
        self.returned_view.setHeaderLabels(
            [self.tr("Tempat"), self.tr("Formulir"), self.tr("Dikembalikan"),
             self.tr("Catatan pemeriksa")]
        )  # fmt: skip
        self.conflict_view.setHeaderLabels(
            [self.tr("Jenis"), self.tr("Data"), self.tr("Isian yang bentrok")]
        )
        fmt = texts.format_count
        self.tabs.setTabText(
            0, self.tr("Dikembalikan untuk diperbaiki ({n})").format(n=fmt(len(self.returned)))
        )
        self.tabs.setTabText(1, self.tr("Konflik ({n})").format(n=fmt(len(self.conflicts))))
        self.open_button.setText(self.tr("Buka untuk diperbaiki"))
        self.open_button.setEnabled(bool(self.returned))
        self.resolve_button.setText(self.tr("Selesaikan…"))
        self.resolve_button.setEnabled(bool(self.conflicts))
        self.refresh_button.setText(self.tr("Muat ulang"))
        self.returned_empty.setText(
            "" if self.returned else self.tr("Tidak ada penilaian yang dikembalikan.")
        )
        self._show_note()
        self.conflict_empty.setText(
            "" if self.conflicts else self.tr("Tidak ada konflik yang menunggu.")
        )
