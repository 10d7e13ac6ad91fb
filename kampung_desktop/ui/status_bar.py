"""The status bar: where the data lives, what waits to be synced, and whether it is demo data."""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.core import formats
from kampung_desktop.ui.qt import QEvent, QLabel, QStatusBar, QWidget

DEMO_STYLE = (
    "QLabel { background: #b45309; color: white; font-weight: bold; "
    "padding: 2px 10px; border-radius: 3px; }"
)


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._data_dir: Path | None = None
        self._pending: int | None = None
        self.data_dir_label = QLabel(self)
        self.data_dir_label.setObjectName("dataDirLabel")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoLabel")
        self.demo_label.setStyleSheet(DEMO_STYLE)
        self.demo_label.hide()
        self.addWidget(self.data_dir_label, 1)
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(self.demo_label)
        self.retranslate()

    def set_data_dir(self, path: Path) -> None:
        self._data_dir = Path(path)
        self.retranslate()

    def set_pending(self, count: int) -> None:
        self._pending = count
        self.retranslate()

    def set_demo(self, shown: bool) -> None:
        self.demo_label.setVisible(shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._data_dir is None:
            self.data_dir_label.setText(self.tr("Membuka data…"))
        else:
            self.data_dir_label.setText(self.tr("Folder data: {path}").format(path=self._data_dir))
            self.data_dir_label.setToolTip(str(self._data_dir))
        count = "…" if self._pending is None else formats.integer(self._pending)
        self.pending_label.setText(self.tr("Perubahan menunggu sinkron: {n}").format(n=count))
        self.demo_label.setText(self.tr("DATA DEMO"))
        self.demo_label.setToolTip(
            self.tr("Data ini contoh buatan untuk latihan, bukan data warga sebenarnya.")
        )
