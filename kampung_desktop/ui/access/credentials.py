"""Username + password + a message line: the form the sign-in window and the lock screen share.

The form checks nothing itself: `submitted(username, password)` goes to whoever owns it, which
calls the access service and either closes or calls `show_error()`. A refusal clears only the
password (the username stays, so a typo costs one field), and the message is the service's own,
bilingual ("… / …"), so it is clear whatever language the screen is in.
"""

from __future__ import annotations

from kampung_desktop.ui.qt import (
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

ERROR_STYLE = "color: #b91c1c;"  # 6.5:1 on white
HINT_STYLE = (
    "background: #fef3c7; color: #78350f; border: 1px solid #d97706; border-radius: 4px;"
    " padding: 6px;"
)


class CredentialsForm(QWidget):
    submitted = Signal(str, str)  # username, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsForm")
        self.username = QLineEdit(self)
        self.username.setObjectName("signInUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label, self.password_label = QLabel(self), QLabel(self)
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.demo_hint = QLabel(self)
        self.demo_hint.setObjectName("demoCredentials")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet(HINT_STYLE)
        self.demo_hint.hide()
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.button = QPushButton(self)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self._next)
        self.password.returnPressed.connect(self.submit)

        form = QFormLayout()
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.demo_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._demo: tuple[str, str] | None = None
        self.retranslate()

    def _next(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.show_error(self.tr("Isi nama pengguna. / Enter your username."))
            self.username.setFocus()
            return
        if not password:
            self.show_error(self.tr("Isi kata sandi. / Enter your password."))
            self.password.setFocus()
            return
        self.submitted.emit(username, password)

    def show_error(self, text: str) -> None:
        """A refusal: say why, clear the password, keep the username."""
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.show()
        self._fit_window()
        self.password.clear()
        self.password.setFocus()

    def _fit_window(self) -> None:
        """Grow the window to the message's height: a wrapped label's height depends on its
        width, which the window's minimum size does not follow (the fields were squeezed and
        the bilingual message cut off)."""
        window = self.window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        wanted = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
        wanted = max(wanted, window.sizeHint().height())
        if window.height() < wanted:
            window.resize(window.width(), wanted)

    def show_checking(self) -> None:
        """While the password is checked (argon2id: up to a few seconds on an old laptop)."""
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Memeriksa kata sandi…"))
        self.message.show()

    def clear(self, keep_username: bool = True) -> None:
        self.password.clear()
        self.message.clear()
        self.message.hide()
        if not keep_username:
            self.username.clear()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.button):
            widget.setEnabled(not busy)

    def show_demo(self, username: str, password: str) -> None:
        """Demo data only: show the documented demo admin and fill it in (Enter signs in)."""
        self._demo = (username, password)
        self.username.setText(username)
        self.password.setText(password)
        self.demo_hint.show()
        self.retranslate()

    def focus_first(self) -> None:
        (self.password if self.username.text() else self.username).setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.user_label.setText(self.tr("&Nama pengguna"))
        self.password_label.setText(self.tr("&Kata sandi"))
        self.button.setText(self.tr("&Masuk"))
        for widget, name in (
            (self.username, self.tr("Nama pengguna")),
            (self.password, self.tr("Kata sandi")),
            (self.button, self.tr("Masuk")),
        ):
            widget.setAccessibleName(name)
        self.message.setAccessibleName(self.tr("Pesan masuk"))
        if self._demo is not None:
            user, password = self._demo
            self.demo_hint.setText(
                self.tr(
                    "DATA DEMO — bukan data warga sungguhan. Admin demo (sudah terisi; tekan "
                    "Enter):\nnama pengguna: {user}    kata sandi: {password}"
                ).format(user=user, password=password)
            )
            self.demo_hint.setAccessibleName(self.demo_hint.text())
