"""Where the user decides about the server: a box in Settings, and the first-start banner.

The banner is not a modal dialog: a new user can look around first, and nothing blocks the
window (or a test driving it). It disappears once the user chooses, and the choice is remembered
(`SETUP_SEEN` setting) so it does not come back.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.qt import (
    QEvent,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts

SETUP_SEEN = "sync_setup_seen"
BANNER_STYLE = (
    "QFrame#syncBanner { background: #eff6ff; border-bottom: 1px solid #bfdbfe; }"
    "QFrame#syncBanner QLabel { color: #1e3a8a; }"
)


class SyncSettingsBox(QGroupBox):
    """Settings → "Sinkronisasi": where this laptop sends its data, and a button to change it."""

    changeRequested = Signal()

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncSettingsBox")
        self.controller = controller
        self.summary = QLabel(self)
        self.summary.setObjectName("syncSettingsSummary")
        self.summary.setWordWrap(True)
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("syncChangeButton")
        self.change_button.clicked.connect(self.changeRequested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.change_button)
        controller.statusChanged.connect(lambda _s: self.retranslate())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sinkronisasi dengan server"))
        status = self.controller.status
        if status is None:
            text = self.tr("Membaca status sinkronisasi…")
        elif status.revoked:
            text = texts.state_hint("revoked")
        elif status.enrolled:
            text = self.tr("Terhubung ke {url} sebagai {user} (perangkat {device}).").format(
                url=status.server_url or "–",
                user=status.username or "–",
                device=status.device_code or "–",
            )
        else:
            text = self.tr("Bekerja tanpa server: data hanya disimpan di laptop ini.")
        self.summary.setText(text)
        self.change_button.setText(self.tr("Ubah…"))


class SetupBanner(QFrame):
    """First start: "work offline only, or connect to a server?" above the household list."""

    offlineChosen = Signal()
    enrolRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.offline_button = QPushButton(self)
        self.offline_button.setObjectName("bannerOfflineButton")
        self.offline_button.clicked.connect(self.offlineChosen)
        self.enrol_button = QPushButton(self)
        self.enrol_button.setObjectName("bannerEnrolButton")
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.enrolRequested)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.offline_button)
        row.addWidget(self.enrol_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addLayout(row)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "<b>Selamat datang.</b> Laptop ini belum terhubung ke server kota. Anda bisa "
                "bekerja tanpa server, atau menghubungkannya sekarang (alamat server, nama "
                "pengguna dan kata sandi dari admin)."
            )
        )
        self.offline_button.setText(self.tr("Bekerja tanpa server"))
        self.enrol_button.setText(self.tr("Hubungkan ke server…"))
