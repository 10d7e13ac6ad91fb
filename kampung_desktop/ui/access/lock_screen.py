"""What a locked app shows: an opaque curtain over every window and one small unlock dialog.

Windows are not closed, nor hidden themselves (hiding a dialog in `exec()` would end it): their
contents are. Each window's direct children are hidden and an opaque curtain fills it, so an
open interview, a half-filled household form or a running dialog keep everything they hold and
come back exactly as they were, while nothing of them is visible, not even to a screen reader. Every title is replaced while locked, since a title may name a
household. The unlock dialog is application-modal and opened last, so it is the one window
that takes input even when another dialog was modal when the lock came.
"""

from __future__ import annotations

import shiboken6

from kampung_desktop.ui.access.credentials import CredentialsForm
from kampung_desktop.ui.qt import (
    QDialog,
    QEvent,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

CURTAIN_STYLE = "QWidget#lockCurtain { background: #1f2937; } QLabel { color: #f9fafb; }"


class Curtain(QWidget):
    """An opaque child covering its whole window (menu bar and tool bars included)."""

    def __init__(self, window: QWidget, big: bool = False) -> None:
        hidden = [
            child
            for child in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible() and not child.isWindow()
        ]
        for child in hidden:
            child.hide()
        super().__init__(window)
        self.hidden = hidden
        self.setObjectName("lockCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet(CURTAIN_STYLE)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(f"font-size: {20 if big else 13}pt; font-weight: 600;")
        self.note = QLabel(self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addStretch(2)
        self.retranslate()
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        elif watched is self.parent() and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added while locked stays behind the curtain
        return False

    def remove(self) -> None:
        self.parentWidget().removeEventFilter(self)
        self.hide()
        for child in self.hidden:
            if shiboken6.isValid(child):
                child.show()
        self.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Kampung terkunci"))
        self.note.setText(
            self.tr("Data disembunyikan. Masuk lagi dengan kata sandi Anda untuk melanjutkan.")
        )


class LockDialog(QDialog):
    """The unlock form; Esc and the close button do nothing (the lock stays until unlocked)."""

    submitted = Signal(str, str)
    quitRequested = Signal()

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = CredentialsForm(self)
        self.form.username.setText(username)
        self.form.submitted.connect(self.submitted)
        self.quit_button = QPushButton(self)
        self.quit_button.setObjectName("lockQuitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.quitRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setMinimumWidth(420)
        self.retranslate()

    def reject(self) -> None:  # Esc
        pass

    def closeEvent(self, event: QEvent) -> None:
        if self.property("unlocked"):
            super().closeEvent(event)
        else:
            event.ignore()

    def finish(self) -> None:
        self.setProperty("unlocked", True)
        self.form.clear()
        self.done(QDialog.DialogCode.Accepted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kampung — Terkunci"))
        self.heading.setText(self.tr("Aplikasi terkunci"))
        self.intro.setText(
            self.tr(
                "Tidak ada kegiatan beberapa saat, atau layar dikunci. Masuk lagi untuk "
                "melanjutkan; pekerjaan yang terbuka tetap seperti semula. Pengguna lain yang "
                "terdaftar juga dapat masuk di sini."
            )
        )
        self.quit_button.setText(self.tr("&Tutup aplikasi"))
        self.quit_button.setAccessibleName(self.tr("Tutup aplikasi"))
