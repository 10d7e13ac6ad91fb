"""Accounts on this laptop: the admin's list and new-user form, and anyone's password change.

Both call services.access (add_user, change_password, list_accounts), which re-check the rules
(only an admin adds users; a scope is kelurahan codes; passwords at least 8 characters) and
answer refusals with a bilingual AccessDenied shown under the form; nothing is kept on refusal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.ui.access import role_name
from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b91c1c;"
translate = QCoreApplication.translate  # context spelled out: the base class's own words
ROLES = ("enumerator", "operator", "admin")


def _secret(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _problem_text(error: BaseException) -> str | None:
    from kampung_desktop.services.access import AccessDenied
    from kampung_desktop.ui import faults

    return str(error) if isinstance(error, AccessDenied) else faults.message_for(error)


class _FormDialog(QDialog):
    """A form with a message line and Save/Cancel; `save()` raises to refuse."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()

    def finish_form(self) -> None:
        """The message line and Save/Cancel, made after the fields so Tab reaches them last."""
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setObjectName("accountMessage")
        self.buttons = QDialogButtonBox(self)
        save, cancel = translate("AccountDialogs", "&Simpan"), translate("AccountDialogs", "&Batal")
        self.ok = self.buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setObjectName("saveButton")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _row(self, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", ""))
        self.form.addRow(label, widget)

    def _save(self) -> None:
        try:
            self.save()
        except ValueError as error:  # the form's own check, already bilingual
            self.message.setText(str(error))
            return
        except Exception as error:  # noqa: BLE001 - refusals become the message line
            text = _problem_text(error)
            if text is None:
                raise
            self.message.setText(text)
            self.refused()
            return
        self.accept()

    def save(self) -> None:
        raise NotImplementedError

    def refused(self) -> None:
        """After a service refusal (e.g. clear a wrong old password)."""


class ChangePasswordDialog(_FormDialog):
    def __init__(self, data_dir: Path, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.data_dir, self.session = Path(data_dir), session
        self.old = _secret(self, "oldPassword")
        self.new = _secret(self, "newPassword")
        self.again = _secret(self, "newPasswordAgain")
        self._row(self.tr("Kata sandi &lama"), self.old)
        self._row(self.tr("Kata sandi &baru"), self.new)
        self._row(self.tr("&Ulangi kata sandi baru"), self.again)
        self.finish_form()

    def save(self) -> None:
        from kampung_desktop.services import access
        from kampung_desktop.services.first_start import password_problem

        problem = password_problem(self.new.text(), self.again.text())
        if problem:
            raise ValueError(problem)
        access.change_password(self.data_dir, self.session, self.old.text(), self.new.text())

    def refused(self) -> None:
        self.old.clear()
        self.old.setFocus()


class AddUserDialog(_FormDialog):
    def __init__(self, data_dir: Path, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kampung_desktop.services.first_start import reference_kelurahan

        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.data_dir, self.session = Path(data_dir), session
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("newFullName")
        self.role = QComboBox(self)
        self.role.setObjectName("newRole")
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self.password = _secret(self, "newUserPassword")
        self.again = _secret(self, "newUserPasswordAgain")
        self.scope_filter = QLineEdit(self)  # made in reading order: Tab follows it
        self.scope_filter.setObjectName("newScopeFilter")
        self.scope_filter.setPlaceholderText(self.tr("Cari kelurahan, kecamatan atau kode…"))
        self.scope_filter.setAccessibleName(self.tr("Saring kelurahan"))
        self.scope_filter.textChanged.connect(self._filter)
        self.scope = QListWidget(self)
        self.scope.setObjectName("newScope")
        self.scope.setMinimumHeight(160)
        for kel in reference_kelurahan():
            item = QListWidgetItem(kel.label, self.scope)
            item.setData(Qt.ItemDataRole.UserRole, kel.kode)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._row(self.tr("&Nama pengguna"), self.username)
        self._row(self.tr("Nama &lengkap"), self.full_name)
        self._row(self.tr("&Peran"), self.role)
        self._row(self.tr("Kata &sandi"), self.password)
        self._row(self.tr("&Ulangi kata sandi"), self.again)
        scope_label = QLabel(
            self.tr("&Kelurahan kerja (tidak ada yang dicentang: seluruh kota)"), self
        )
        scope_label.setBuddy(self.scope_filter)
        self.scope.setAccessibleName(self.tr("Kelurahan kerja"))
        self.form.addRow(scope_label)
        self.form.addRow(self.scope_filter)
        self.form.addRow(self.scope)
        self.finish_form()
        self.setMinimumWidth(620)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.scope.count()):
            item = self.scope.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def chosen_scope(self) -> list[str]:
        return [
            str(self.scope.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.scope.count())
            if self.scope.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        from kampung_desktop.services import access
        from kampung_desktop.services.first_start import password_problem

        problem = password_problem(self.password.text(), self.again.text())
        if problem:
            raise ValueError(problem)
        access.add_user(
            self.data_dir,
            self.session,
            self.username.text().strip(),
            str(self.role.currentData()),
            self.chosen_scope(),
            self.password.text(),
            self.full_name.text().strip(),
        )


class UsersDialog(QDialog):
    """The admin's view of the accounts (no secrets) with "Tambah pengguna…"."""

    def __init__(self, data_dir: Path, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Pengguna laptop ini"))
        self.data_dir, self.session = Path(data_dir), session
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("usersTable")
        self.table.setAccessibleName(self.tr("Daftar pengguna"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nama pengguna"), self.tr("Nama"), self.tr("Peran"), self.tr("Kelurahan")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Tambah pengguna…"), self)
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        close = QPushButton(self.tr("&Tutup"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        from kampung_desktop.services import access

        accounts = access.list_accounts(self.data_dir)
        self.table.setRowCount(len(accounts))
        for row, p in enumerate(accounts):
            scope = ", ".join(p.scope) or self.tr("seluruh kota")
            for col, text in enumerate((p.username, p.full_name, role_name(p.role), scope)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add_user(self) -> None:
        dialog = AddUserDialog(self.data_dir, self.session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
