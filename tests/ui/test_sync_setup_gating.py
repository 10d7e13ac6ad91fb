"""Choosing, changing or leaving the sync server is the admin's; every role may sync and see
the sync panel and its log. An enumerator does not see the server box in Settings nor the
"server and enrolment" action, is told to ask the admin, and the service refuses too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from access_fixtures import ADMIN, ENUMERATOR, OPERATOR, build_protected, copy_of, open_signed_in

from kampung_desktop.services.access import AccessDenied


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("syncsetup") / "data")


def _settings_box(window, qtbot):  # type: ignore[no-untyped-def]
    """The sync box of the Settings dialog as this user gets it (visible to them or not)."""
    from kampung_desktop.ui.qt import QApplication, QTimer, QWidget

    seen: list[tuple[bool, bool]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        box = dialog.findChild(QWidget, "syncSettingsBox")
        seen.append((box is not None and box.isVisible(), box is not None and box.isEnabled()))
        if box is not None and box.isVisible() and os.environ.get("KAMPUNG_SCREENSHOTS"):
            dialog.grab().save(os.environ["KAMPUNG_SCREENSHOTS"] + "/settings-admin.png")
        dialog.reject()

    QTimer.singleShot(300, look)
    window.open_settings()
    return seen[0]


@pytest.mark.parametrize(("user", "may"), [(ENUMERATOR, False), (OPERATOR, False), (ADMIN, True)])
def test_only_the_admin_sees_the_server_settings(template, tmp_path, qtbot, user, may):
    from kampung_desktop.ui.qt import QMenu

    folder = copy_of(template, tmp_path / "data")
    window = open_signed_in(qtbot, folder, user)
    try:
        sync_ui = window.sync_ui
        for menu in window.findChildren(QMenu):
            menu.aboutToShow.emit()  # gating runs as each menu opens
        assert sync_ui.enrol_action.isVisible() is may
        assert sync_ui.sync_action.isVisible()  # every role syncs
        assert sync_ui.panel_action.isVisible()  # and sees the panel and its log
        assert _settings_box(window, qtbot) == (may, may)
    finally:
        window.close()


def test_an_enumerator_is_told_to_ask_the_admin_and_the_service_refuses(template, tmp_path, qtbot):
    from kampung_desktop.services.sync import SyncService
    from kampung_desktop.ui.qt import QApplication, QMessageBox, QTimer

    folder = copy_of(template, tmp_path / "data")
    window = open_signed_in(qtbot, folder, ENUMERATOR)
    try:
        texts: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            texts.append(box.text())
            box.accept()

        QTimer.singleShot(200, answer)
        assert window.sync_ui.open_enrol() is None  # e.g. "Sinkronkan" before any server
        assert texts and "Hanya admin" in texts[0]
        assert window.sync_ui.enrol_dialog is None
        service = SyncService.for_context(window.backend.ctx)
        with pytest.raises(AccessDenied, match="mengatur server sinkronisasi"):
            service.enrol("http://127.0.0.1:9", "ani", "apa-saja-123")
        with pytest.raises(AccessDenied, match="set up the sync server"):
            service.work_offline()
        service.sync()  # syncing itself is every role's: not enrolled here, no refusal
    finally:
        window.close()
