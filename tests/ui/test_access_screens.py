"""The sign-in, lock, first-start and account screens pass the same checks as the window tour
(tools/window_checks.py): every control named for a screen reader, a keyboard letter on every
button, readable contrast, Tab in reading order, in both languages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import window_checks  # noqa: E402


def _session():  # type: ignore[no-untyped-def]
    from kampung_desktop.core.roles import Role
    from kampung_desktop.services.access import AccessSession, Principal

    return AccessSession(Principal("kepala", "u1", "Kepala", Role.ADMIN, ()), None)


def _screens(tmp_path: Path) -> list[tuple[str, object]]:
    from kampung_desktop.ui.access.first_start import FirstStartDialog
    from kampung_desktop.ui.access.lock_screen import LockDialog
    from kampung_desktop.ui.access.lock_settings import AutoLockBox
    from kampung_desktop.ui.access.sign_in import SignInWindow
    from kampung_desktop.ui.access.users_dialog import (
        AddUserDialog,
        ChangePasswordDialog,
        UsersDialog,
    )
    from kampung_desktop.ui.qt import QMainWindow

    sign_in = SignInWindow(tmp_path, demo=("admin", "demo-kampung"))
    host = QMainWindow()
    lock = LockDialog(host, "kepala")
    first = FirstStartDialog(tmp_path / "data")
    found: list[tuple[str, object]] = [("sign-in", sign_in), ("lock", lock)]
    for index, page in enumerate(first.pages):
        found.append((f"first start: {page.objectName()}", (first, index)))
    found.append(("users", UsersDialog(tmp_path, _session())))
    found.append(("add user", AddUserDialog(tmp_path, _session())))
    found.append(("change password", ChangePasswordDialog(tmp_path, _session())))
    found.append(("auto-lock settings", AutoLockBox(None, 10, lambda _m: None, rerun=lambda: None)))
    found.append(("_keep", host))  # the lock dialog's parent window lives as long as the test
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_access_screens_pass_the_window_checks(qtbot, tmp_path, lang):
    from kampung_desktop.ui import i18n, mnemonics
    from kampung_desktop.ui.qt import QApplication

    assert i18n.apply(lang)
    mnemonics.install(QApplication.instance())
    problems: dict[str, dict[str, list[str]]] = {}
    try:
        screens = _screens(tmp_path)
        added: set[int] = set()
        for name, item in screens:
            widget, index = item if isinstance(item, tuple) else (item, None)
            if id(widget) not in added and widget.parent() is None:  # children go with it
                added.add(id(widget))
                qtbot.addWidget(widget)
            if name == "_keep":
                continue
            if index is not None:
                widget._show_page(index)
            widget.show()
            screen = window_checks.look_at(name, widget)
            found = {
                "unnamed": screen.unnamed,
                "no_mnemonic": screen.no_mnemonic,
                "low_contrast": screen.low_contrast,
                "tab_jumps": window_checks.tab_jumps(widget),
            }
            found = {k: v for k, v in found.items() if v}
            if found:
                problems[name] = found
            assert screen.controls > 0
    finally:
        mnemonics.uninstall()
        i18n.apply("id")
    assert problems == {}
