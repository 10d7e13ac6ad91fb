"""The admin's users window disables, enables and removes an account; the last admin is
refused with the reason shown under the list; a disabled account cannot sign in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from access_fixtures import ADMIN, ENUMERATOR, build_protected, copy_of

from kampung_desktop.services import access


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("lifecycle") / "data")


def test_disable_enable_remove_from_the_users_window(qtbot, template, tmp_path):
    from kampung_desktop.ui.access.users_dialog import UsersDialog

    folder = copy_of(template, tmp_path / "data")
    session = access.sign_in(folder, *ADMIN)
    users = UsersDialog(folder, session)
    qtbot.addWidget(users)
    users.show()
    users.select_user(ADMIN[0])
    assert users.change("disable") is False
    assert "admin terakhir" in users.message.text()
    users.select_user(ENUMERATOR[0])
    assert users.enable_button.isEnabled() is False
    assert users.change("disable") is True and users.message.text() == ""
    row = [s.principal.username for s in users.states].index(ENUMERATOR[0])
    assert users.table.item(row, 4).text() == "nonaktif"
    assert users.enable_button.isEnabled() and not users.disable_button.isEnabled()
    if os.environ.get("KAMPUNG_SCREENSHOTS"):
        users.grab().save(os.environ["KAMPUNG_SCREENSHOTS"] + "/users-lifecycle.png")
    with pytest.raises(access.AccessDenied, match="dinonaktifkan"):
        access.sign_in(folder, *ENUMERATOR)
    assert users.change("enable") is True
    assert access.sign_in(folder, *ENUMERATOR).principal.username == ENUMERATOR[0]
    assert users.change("remove", confirm=False) is True
    assert ENUMERATOR[0] not in [s.principal.username for s in users.states]
    users.close()
