"""One conflict flagged by the server: both versions side by side and a choice per field.

The server kept its own value for each field changed on both sides ("mine": the version this
desktop holds now) and stored the other device's one ("theirs"); the office picks, field by
field, which stays. Nothing is preselected: every field needs a
deliberate choice (two buttons choose all of one side at once), then "Simpan keputusan".
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts

MINE, THEIRS = "mine", "theirs"


class ConflictDialog(QDialog):
    resolved = Signal(str, dict)  # conflict_id, field -> "mine" | "theirs"

    def __init__(self, conflict: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Selesaikan konflik"))
        heading = QLabel(
            self.tr(
                "<b>{kind}: {label}</b><br>Pilih untuk setiap isian versi mana yang berlaku."
            ).format(kind=texts.record_kind(conflict.table), label=conflict.label),
            self,
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(conflict.fields), 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Isian"),
                self.tr("Versi yang berlaku sekarang"),
                self.tr("Versi lain yang bentrok"),
            ]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[tuple[str, str], QRadioButton] = {}
        for row, choice in enumerate(conflict.fields):
            label = QTableWidgetItem(choice.label or choice.field)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, label)
            group = QButtonGroup(self)
            for col, side, value in ((1, MINE, choice.mine), (2, THEIRS, choice.theirs)):
                radio = QRadioButton(value if value not in (None, "") else "–", self.table)
                radio.setToolTip(value or "")
                group.addButton(radio)
                self.table.setCellWidget(row, col, radio)
                self.radios[(choice.field, side)] = radio
            group.buttonToggled.connect(lambda *_: self._update_ok())
            self.groups[choice.field] = group
        self.table.resizeRowsToContents()

        self.all_mine = QPushButton(self.tr("Semua versi sekarang"), self)
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs = QPushButton(self.tr("Semua versi lain"), self)
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        quick = QHBoxLayout()
        quick.addWidget(self.all_mine)
        quick.addWidget(self.all_theirs)
        quick.addStretch(1)
        self.buttons = QDialogButtonBox(self)  # own buttons: Qt would retranslate standard ones
        self.ok_button = self.buttons.addButton(
            self.tr("Simpan keputusan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(quick)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self._update_ok()

    def choose(self, field: str, side: str) -> None:
        self.radios[(field, side)].setChecked(True)

    def choose_all(self, side: str) -> None:
        for field in self.groups:
            self.choose(field, side)

    def choices(self) -> dict[str, str]:
        """field -> "mine" | "theirs", for the fields chosen so far."""
        chosen = {}
        for (field, side), radio in self.radios.items():
            if radio.isChecked():
                chosen[field] = side
        return chosen

    def _update_ok(self) -> None:
        left = len(self.groups) - len(self.choices())
        self.ok_button.setEnabled(left == 0)
        self.message.setText(self.tr("Masih %Ln isian belum dipilih.", "", left) if left else "")

    def submit(self) -> None:
        if len(self.choices()) == len(self.groups):
            self.resolved.emit(self.conflict.conflict_id, self.choices())
            self.accept()
