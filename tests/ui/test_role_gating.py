"""Each role sees exactly its screens and its kelurahan: hidden (not greyed) menu actions, the
admin-only settings, and a tree and list limited to the account's scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from access_fixtures import (
    ADMIN,
    ENUMERATOR,
    OPERATOR,
    SUKARASA,
    build_protected,
    copy_of,
    open_signed_in,
)

ROLES = {"admin": ADMIN, "operator": OPERATOR, "enumerator": ENUMERATOR}
# What each role may reach, by the window's attribute names (texts vary with the language).
EXPECTED = {
    "enumerator": {"add_action", "edit_action", "interview_action", "lock", "password_action"},
    "operator": {
        "add_action", "edit_action", "interview_action", "review_action", "lock",
        "password_action", "backup", "backup_schedule",
    },
    "admin": {
        "add_action", "edit_action", "interview_action", "review_action", "lock",
        "password_action", "users_action", "setup_action", "audit", "backup",
        "backup_schedule", "restore",
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("roles") / "data")


@pytest.fixture
def window_for(template, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    folder = copy_of(template, tmp_path / "data")
    opened = []

    def opener(role: str):  # type: ignore[no-untyped-def]
        opened.append(open_signed_in(qtbot, folder, ROLES[role]))
        return opened[-1]

    yield opener
    for window in opened:
        window.close()


def reachable(window) -> set[str]:  # type: ignore[no-untyped-def]
    ui = window.access_ui
    actions = {
        "add_action": window.add_action,
        "edit_action": window.edit_action,
        "interview_action": window.interview_action,
        "review_action": window.review_action,
        "lock": ui.lock.action,
        "password_action": ui.password_action,
        "users_action": ui.users_action,
        "setup_action": ui.setup_action,
        "audit": window.audit_ui.action,  # the other parts' actions: gated the same way
        "backup": window.backup_ui.backup_action,
        "backup_schedule": window.backup_ui.schedule_action,
        "restore": window.backup_ui.restore_action,
    }
    from kampung_desktop.ui.qt import QMenu

    for menu in window.findChildren(QMenu):
        menu.aboutToShow.emit()  # gating runs again as each menu opens
    return {name for name, action in actions.items() if action.isVisible()}


@pytest.mark.parametrize("role", ["enumerator", "operator", "admin"])
def test_each_role_sees_exactly_its_actions(window_for, role):
    window = window_for(role)
    assert reachable(window) == EXPECTED[role]
    from kampung_desktop.ui.access import gating

    menus = gating.visible_actions(window)
    assert all(texts for texts in menus.values())  # no menu left empty


def test_scope_limits_the_tree_and_the_list(window_for, qtbot):
    enumerator = window_for("enumerator")
    qtbot.waitUntil(lambda: enumerator.list.model.rowCount() == 2, timeout=5_000)
    kelurahan = {n.kode for n in _walk(enumerator._areas) if n.level == 4}
    assert kelurahan == {SUKARASA}
    operator = window_for("operator")  # scope: the whole city
    qtbot.waitUntil(lambda: operator.list.model.rowCount() == 3, timeout=5_000)


def test_auto_lock_setting_is_the_admins(window_for):
    from kampung_desktop.ui.settings_dialog import SettingsDialog

    for role, shown in (("operator", False), ("admin", True)):
        window = window_for(role)
        dialog = SettingsDialog("id", window)
        window.access_ui.settings_sections(dialog)
        from kampung_desktop.ui.qt import QWidget

        box = dialog.findChild(QWidget, "autoLockBox")
        assert (box is not None) is shown
        if box is not None:
            box.minutes.setValue(3)
            box.save()
            assert window.backend.ctx.setting("auto_lock_minutes") == "3"
            assert window.access_ui.lock.watcher.idle_ms == 180_000
            assert box.rerun_button.isVisibleTo(box)  # the first start, re-run from Settings
        dialog.deleteLater()


def _walk(nodes):  # type: ignore[no-untyped-def]
    for node in nodes:
        yield node
        yield from _walk(node.children)


def test_the_window_starts_in_the_laptops_kelurahan(template, tmp_path, qtbot):
    from kampung_desktop.services import access
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.first_start import KELURAHAN_SETTING
    from kampung_desktop.ui.main_window import MainWindow

    folder = copy_of(template, tmp_path / "home")
    session = access.sign_in(folder, *ADMIN)
    ctx = AppContext.open(folder, session)
    ctx.set_setting(KELURAHAN_SETTING, SUKARASA)  # as the first-start dialog stores it
    ctx.close()
    window = MainWindow(folder, access=session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=15_000)
    qtbot.waitUntil(lambda: window.tree.current_key() == SUKARASA, timeout=5_000)
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 2, timeout=5_000)  # Budi, Ahmad
    window.close()


@pytest.mark.parametrize(
    ("role", "sections"),
    [
        ("enumerator", set()),
        ("operator", {"signatoryBox"}),
        ("admin", {"signatoryBox", "autoLockBox"}),
    ],
)
def test_settings_show_each_role_its_sections(window_for, role, sections):
    from kampung_desktop.ui.qt import QApplication, QTimer, QWidget

    window = window_for(role)
    seen: list[set[str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        names = {w.objectName() for w in dialog.findChildren(QWidget)}
        seen.append(names & {"signatoryBox", "autoLockBox"})
        dialog.reject()

    QTimer.singleShot(300, look)
    window.open_settings()
    assert seen == [sections]  # language and text size are everyone's
