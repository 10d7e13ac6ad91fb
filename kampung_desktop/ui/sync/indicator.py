"""The status bar's sync state: offline / syncing / up to date / needs attention, at a glance.

A flat button, so one click opens the sync panel. It only mirrors the controller's state; the
pending counter next to it stays the main window's own.
"""

from __future__ import annotations

from kampung_desktop.ui.qt import QEvent, QToolButton, QWidget
from kampung_desktop.ui.sync import texts

STYLE = (
    "QToolButton {{ border: none; padding: 1px 8px; color: {colour}; font-weight: bold; }}"
    "QToolButton:hover {{ text-decoration: underline; }}"
)


class SyncIndicator(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.state = "offline"
        self.detail = ""
        self.retranslate()

    def set_state(self, state: str, detail: str = "") -> None:
        """Show `state` (see SyncController.display_state) with an optional progress detail."""
        self.state, self.detail = state, detail
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        text = "● " + texts.state_name(self.state)
        if self.detail:
            text += f" {self.detail}"
        self.setText(text)
        style = STYLE.format(colour=texts.STATE_COLOURS.get(self.state, "#374151"))
        if style != self.styleSheet():  # restyling costs; progress updates only change the text
            self.setStyleSheet(style)
        hint = texts.state_hint(self.state)
        self.setToolTip(hint + "\n" + self.tr("Klik untuk membuka panel sinkronisasi."))
