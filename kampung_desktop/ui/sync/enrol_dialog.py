"""Choose how this laptop works: offline only, or enrolled with a server (URL, username, password).

Enrolment runs on the sync worker; the dialog stays open, shows "Menghubungi server…", and on a
refusal shows the server's reason in the UI language and clears only the password. The password
is handed to the service and never kept (the service stores the device token in the keyring).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from kampung_desktop.ui.qt import (
    QButtonGroup,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts

ERROR_STYLE = "color: #b91c1c;"
EXAMPLE_URL = "https://kampung.tangerangkota.go.id"


def url_problem(url: str) -> str | None:
    """What is wrong with a server address as typed, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QCoreApplication.translate(
            "EnrolDialog", "Alamat server harus diawali http:// atau https://, mis. {example}"
        ).format(example=EXAMPLE_URL)
    return None


class EnrolDialog(QDialog):
    chosen = Signal(str)  # "offline" or "server", once the choice has taken effect

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.controller = controller
        self.busy = False
        status = controller.status
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.offline_radio = QRadioButton(self)
        self.offline_radio.setObjectName("offlineRadio")
        self.server_radio = QRadioButton(self)
        self.server_radio.setObjectName("serverRadio")
        group = QButtonGroup(self)
        group.addButton(self.offline_radio)
        group.addButton(self.server_radio)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("serverUrlEdit")
        self.url_edit.setPlaceholderText(EXAMPLE_URL)
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("usernameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if status is not None and status.enrolled:
            self.url_edit.setText(status.server_url or "")
            self.user_edit.setText(status.username or "")
        self.form = QFormLayout()
        self.url_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.url_label.setBuddy(self.url_edit)  # screen readers name each field by its label
        self.user_label.setBuddy(self.user_edit)
        self.password_label.setBuddy(self.password_edit)
        self.form.addRow(self.url_label, self.url_edit)
        self.form.addRow(self.user_label, self.user_edit)
        self.form.addRow(self.password_label, self.password_edit)
        self.message = QLabel(self)
        self.message.setObjectName("enrolMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)  # own buttons: Qt would retranslate standard ones
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.offline_radio)
        layout.addWidget(self.server_radio)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        (self.server_radio if status is None or status.enrolled else self.offline_radio).setChecked(
            True
        )
        if status is not None and not status.enrolled and not status.server_url:
            self.server_radio.setChecked(True)  # the usual reason to open this dialog
        self.offline_radio.toggled.connect(self._mode_changed)
        controller.enrolled.connect(self._enrolled)
        controller.enrolFailed.connect(self._failed)
        self._mode_changed()
        self.retranslate()

    def _mode_changed(self) -> None:
        on = self.server_radio.isChecked() and not self.busy
        for widget in (self.url_edit, self.user_edit, self.password_edit):
            widget.setEnabled(on)
        self.message.clear()

    def submit(self) -> None:
        """OK: work offline at once, or check the fields and enrol on the worker."""
        if self.busy:
            return
        if self.offline_radio.isChecked():
            status = self.controller.status
            if status is not None and status.enrolled:
                self.controller.work_offline()
            self.chosen.emit("offline")
            self.accept()
            return
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        problem = url_problem(url)
        if problem is None and not user:
            problem = self.tr("Isi nama pengguna yang diberikan admin.")
        if problem is None and not self.password_edit.text():
            problem = self.tr("Isi kata sandi.")
        if problem:
            self._show_error(problem)
            return
        self._set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Menghubungi server…"))
        self.controller.enrol(url, user, self.password_edit.text())

    def _enrolled(self, _status: Any) -> None:
        if not self.busy:
            return
        self._set_busy(False)
        self.password_edit.clear()
        self.chosen.emit("server")
        self.accept()

    def _failed(self, message: str) -> None:
        if not self.busy:
            return
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._show_error(texts.pick(message))

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.offline_radio.setEnabled(not busy)
        self.server_radio.setEnabled(not busy)
        self._mode_changed()

    def reject(self) -> None:
        if not self.busy:  # an enrolment in flight finishes first (its token must be kept)
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sinkronisasi dengan server"))
        self.intro.setText(
            self.tr(
                "Kampung bekerja penuh tanpa internet. Bila kelurahan Anda memakai server kota, "
                "hubungkan laptop ini agar data terkirim sendiri setiap ada sinyal."
            )
        )
        self.offline_radio.setText(self.tr("Bekerja tanpa server (data hanya di laptop ini)"))
        self.server_radio.setText(self.tr("Hubungkan ke server kota"))
        self.url_label.setText(self.tr("Alamat server"))
        self.user_label.setText(self.tr("Nama pengguna"))
        self.password_label.setText(self.tr("Kata sandi"))
        self.ok_button.setText(self.tr("Simpan"))
        self.cancel_button.setText(self.tr("Batal"))
