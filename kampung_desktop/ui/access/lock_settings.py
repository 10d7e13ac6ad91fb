"""The admin's Settings section: minutes of no input before the app locks, and the way back
into the first-start dialog (language, kelurahan, demo data; no new account)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.ui.qt import QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QWidget


class AutoLockBox(QGroupBox):
    def __init__(
        self,
        ctx: Any,
        minutes: int,
        applied: Callable[[int], None],
        parent: QWidget | None = None,
        rerun: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("autoLockBox")
        self.ctx = ctx
        self._applied = applied
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("autoLockMinutes")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(minutes)
        self.setTitle(self.tr("Kunci otomatis"))
        self.minutes.setSuffix(self.tr(" menit"))
        label = QLabel(self.tr("Kunci setelah tidak dipakai"), self)
        label.setBuddy(self.minutes)
        self.minutes.setAccessibleName(self.tr("Menit sebelum aplikasi terkunci sendiri"))
        note = QLabel(
            self.tr("Layar terkunci tidak menampilkan data apa pun; masuk lagi untuk melanjutkan."),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(label, self.minutes)
        form.addRow(note)
        if rerun is not None:
            self.rerun_button = QPushButton(self.tr("Ulangi pengaturan &awal…"), self)
            self.rerun_button.setObjectName("rerunFirstStart")
            self.rerun_button.setToolTip(
                self.tr("Bahasa, kelurahan kerja dan data demo; akun dan data tetap")
            )
            self.rerun_button.clicked.connect(rerun)
            form.addRow(self.rerun_button)

    def save(self) -> None:
        from kampung_desktop.ui.access.auto_lock import IDLE_SETTING

        value = int(self.minutes.value())
        self.ctx.set_setting(IDLE_SETTING, str(value))
        self._applied(value)
