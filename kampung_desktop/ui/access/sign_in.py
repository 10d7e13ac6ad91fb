"""The sign-in window a protected data dir opens with: nothing of the data, just who you are.

It shows before the main window exists, so no household, name or count can be on screen. The
password is checked by `services.access.sign_in` on a worker thread (argon2id: about a second,
more on an old laptop; the window says so and stays responsive); on success `session` holds
the AccessSession the main window opens with. On demo data only, the documented demo admin is shown and filled in, so `make run` is one
Enter away from a usable window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kampung_desktop.ui import faults
from kampung_desktop.ui.access.credentials import CredentialsForm
from kampung_desktop.ui.qt import (
    QDialog,
    QEvent,
    QLabel,
    QPixmap,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.tasks import TaskRunner

Authenticate = Callable[[Path, str, str], Any]  # (data_dir, username, password) -> AccessSession


def _service_sign_in(data_dir: Path, username: str, password: str) -> Any:
    from kampung_desktop.services import access

    return access.sign_in(data_dir, username, password)


def refusal_text(error: BaseException) -> str | None:
    """The user's message for a failed sign-in, or None when `error` is a bug."""
    from kampung_desktop.services.access import AccessDenied

    if isinstance(error, AccessDenied):
        return str(error)
    return faults.message_for(error)


class SignInWindow(QDialog):
    def __init__(
        self,
        data_dir: Path,
        *,
        demo: tuple[str, str] | None = None,
        authenticate: Authenticate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInWindow")
        self.data_dir = Path(data_dir)
        self.session: Any = None
        self._authenticate = authenticate or _service_sign_in
        self.tasks = TaskRunner(faults.report, self)
        self.logo = QLabel(self)
        self.logo.setObjectName("signInLogo")
        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = CredentialsForm(self)
        self.form.submitted.connect(self._submit)
        if demo is not None:
            self.form.show_demo(*demo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(self.logo)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        self.setMinimumWidth(440)
        self._set_logo()
        self.retranslate()
        self.form.focus_first()

    def _set_logo(self) -> None:
        from kampung_desktop.paths import resource

        pixmap = QPixmap(str(resource("icons", "kampung.png")))
        if not pixmap.isNull():
            self.logo.setPixmap(pixmap.scaledToHeight(48))

    def _submit(self, username: str, password: str) -> None:
        """Check the password on a worker thread: the window stays responsive meanwhile."""
        self.form.set_busy(True)
        self.form.show_checking()
        data_dir, authenticate = self.data_dir, self._authenticate
        self.tasks.run(
            lambda: authenticate(data_dir, username, password), self._signed_in, self._refused
        )

    def _signed_in(self, session: Any) -> None:
        self.session = session
        self.form.set_busy(False)
        self.form.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.form.set_busy(False)
        text = refusal_text(error)
        if text is None:
            self.form.clear()
            faults.report(error)  # a bug: logged, and the user gets the apology
            return
        self.form.show_error(text)

    def done(self, result: int) -> None:
        self.tasks.shutdown()  # a check in hand finishes first (it may be writing a key)
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kampung — Masuk"))
        self.heading.setText(self.tr("Masuk ke Kampung"))
        self.intro.setText(
            self.tr("Data di laptop ini dilindungi. Masukkan nama pengguna dan kata sandi Anda.")
        )
        self.logo.setAccessibleName(self.tr("Logo Kampung"))
