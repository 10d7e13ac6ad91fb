"""Accounts from the window: the admin adds a scoped user (who can then sign in), refusals are
explained and change nothing, anyone changes their own password, and re-running the first
start changes the kelurahan without creating an account."""

from __future__ import annotations

from pathlib import Path

import pytest
from access_fixtures import ADMIN, SUKARASA, build_protected, copy_of

from kampung_desktop.ui.qt import QDialog, Qt


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("users") / "data", users=False)


@pytest.fixture
def admin(template, tmp_path):  # type: ignore[no-untyped-def]
    from kampung_desktop.services import access

    folder = copy_of(template, tmp_path / "data")
    return folder, access.sign_in(folder, *ADMIN)


def test_admin_adds_a_scoped_enumerator_who_can_sign_in(qtbot, admin):
    from kampung_desktop.services import access
    from kampung_desktop.ui.access.users_dialog import AddUserDialog, UsersDialog

    folder, session = admin
    users = UsersDialog(folder, session)
    qtbot.addWidget(users)
    assert users.table.rowCount() == 1
    dialog = AddUserDialog(folder, session, users)
    qtbot.addWidget(dialog)
    dialog.username.setText("petugas.sukarasa")
    dialog.role.setCurrentIndex(dialog.role.findData("enumerator"))
    dialog.scope_filter.setText("sukarasa")
    visible = [
        dialog.scope.item(i)
        for i in range(dialog.scope.count())
        if not dialog.scope.item(i).isHidden()
    ]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in visible] == [SUKARASA]
    visible[0].setCheckState(Qt.CheckState.Checked)
    dialog.password.setText("lapangan-99")
    dialog.again.setText("lapangan-98")
    dialog.ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "tidak sama" in dialog.message.text()
    dialog.again.setText("lapangan-99")
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    users.refresh()
    assert users.table.rowCount() == 2
    signed = access.sign_in(folder, "petugas.sukarasa", "lapangan-99")
    assert signed.principal.role.value == "enumerator" and signed.principal.scope == (SUKARASA,)

    again = AddUserDialog(folder, session, users)  # the same name twice: refused, explained
    qtbot.addWidget(again)
    again.username.setText("petugas.sukarasa")
    again.password.setText("lapangan-77")
    again.again.setText("lapangan-77")
    again.ok.click()
    assert again.result() != QDialog.DialogCode.Accepted
    assert "sudah dipakai" in again.message.text() and "taken" in again.message.text()
    assert len(access.list_accounts(folder)) == 2


def test_change_password_needs_the_old_one(qtbot, admin):
    from kampung_desktop.services import access
    from kampung_desktop.services.access import AccessDenied
    from kampung_desktop.ui.access.users_dialog import ChangePasswordDialog

    folder, session = admin
    dialog = ChangePasswordDialog(folder, session)
    qtbot.addWidget(dialog)
    dialog.old.setText("bukan-yang-lama")
    dialog.new.setText("sandi-baru-123")
    dialog.again.setText("sandi-baru-123")
    dialog.ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() and dialog.old.text() == ""
    dialog.old.setText(ADMIN[1])
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert access.sign_in(folder, ADMIN[0], "sandi-baru-123").db_key == session.db_key
    with pytest.raises(AccessDenied):
        access.sign_in(folder, *ADMIN)


def test_rerunning_the_first_start_changes_settings_not_accounts(qtbot, admin):
    from kampung_desktop.services import access
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.first_start import KELURAHAN_SETTING
    from kampung_desktop.ui.access.first_start import FirstStartDialog

    folder, session = admin
    before = (folder / "access.json").read_bytes()
    ctx = AppContext.open(folder, session)
    try:
        dialog = FirstStartDialog(folder, ctx=ctx, session=session)
        qtbot.addWidget(dialog)
        assert dialog.account_page not in dialog.pages  # no second admin
        assert dialog.folder_page.edit.isReadOnly()
        while dialog.current() is not dialog.kelurahan_page:
            dialog.next_button.click()
        assert dialog.kelurahan_page.select(SUKARASA)
        dialog.next_button.click()
        dialog.next_button.click()  # Finish: the settings are saved on a worker
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
        assert ctx.setting(KELURAHAN_SETTING) == SUKARASA
    finally:
        ctx.close()
    assert (folder / "access.json").read_bytes() == before
    assert [p.username for p in access.list_accounts(folder)] == [ADMIN[0]]
