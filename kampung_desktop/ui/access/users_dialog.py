"""Accounts on this laptop: the admin's list and new-user form, and anyone's password change.

Both call services.access (add_user, change_password) and services.access_accounts
(account_states, disable/enable/remove_user), which re-check the rules
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
    QHBoxLayout,
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
    """The admin's view of the accounts (no secrets): add, disable, enable, remove."""

    def __init__(self, data_dir: Path, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Pengguna laptop ini"))
        self.data_dir, self.session = Path(data_dir), session
        self.states: list[Any] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("usersTable")
        self.table.setAccessibleName(self.tr("Daftar pengguna"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nama pengguna"), self.tr("Nama"), self.tr("Peran"), self.tr("Kelurahan"),
             self.tr("Status")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("&Tambah pengguna…"), self)
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        self.disable_button = QPushButton(self.tr("&Nonaktifkan"), self)
        self.disable_button.setObjectName("disableUserButton")
        self.disable_button.clicked.connect(lambda: self.change("disable"))
        self.enable_button = QPushButton(self.tr("&Aktifkan"), self)
        self.enable_button.setObjectName("enableUserButton")
        self.enable_button.clicked.connect(lambda: self.change("enable"))
        self.remove_button = QPushButton(self.tr("&Hapus…"), self)
        self.remove_button.setObjectName("removeUserButton")
        self.remove_button.clicked.connect(lambda: self.change("remove"))
        self.message = QLabel(self)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        close = QPushButton(self.tr("T&utup"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.enable_button,
                       self.remove_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(760, 380)
        self.refresh()

    def refresh(self) -> None:
        from kampung_desktop.services import access_accounts

        self.states = access_accounts.account_states(self.data_dir)
        self.table.setRowCount(len(self.states))
        for row, state in enumerate(self.states):
            p = state.principal
            scope = ", ".join(p.scope) or self.tr("seluruh kota")
            status = self.tr("nonaktif") if state.disabled else self.tr("aktif")
            if state.source == "server":
                status += self.tr(" (akun server)")
            texts = (p.username, p.full_name, role_name(p.role), scope, status)
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected(self) -> Any:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.states[min(rows)] if rows else None

    def select_user(self, username: str) -> None:
        for row, state in enumerate(self.states):
            if state.principal.username == username:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        state = self.selected()
        local = state is not None and state.source == "local"
        self.disable_button.setEnabled(local and not state.disabled)
        self.enable_button.setEnabled(local and state.disabled)
        self.remove_button.setEnabled(local)

    def change(self, action: str, confirm: bool = True) -> bool:
        """Disable, enable or remove the selected account; a refusal shows under the list."""
        from kampung_desktop.services import access_accounts
        from kampung_desktop.ui.qt import QMessageBox

        state = self.selected()
        if state is None:
            return False
        name = state.principal.username
        if action == "remove" and confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Hapus pengguna"),
                self.tr("Hapus akun {user} dari laptop ini? Akun itu tidak dapat masuk lagi; "
                        "catatan audit tetap menyebut namanya.").format(user=name),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        change = {
            "disable": access_accounts.disable_user,
            "enable": access_accounts.enable_user,
            "remove": access_accounts.remove_user,
        }[action]
        try:
            change(self.data_dir, self.session, name)
        except Exception as error:  # noqa: BLE001 - refusals become the message line
            text = _problem_text(error)
            if text is None:
                raise
            self.message.setText(text)
            return False
        self.message.clear()
        self.refresh()
        self.select_user(name)
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self.data_dir, self.session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
