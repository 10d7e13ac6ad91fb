"""Protected data dirs for the sign-in, lock and role tests (real accounts, real encryption).

Creating an account costs about a second (argon2id and the database encryption), so each
module builds its dirs once and copies them per test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ui_sample_data import households

ADMIN = ("kepala", "kunci-rahasia-1")
OPERATOR = ("operator1", "periksa-rahasia-2")
ENUMERATOR = ("petugas1", "lapangan-rahasia-3")
SUKARASA = "36.71.01.1001"  # Budi and Ahmad live there; Dewi in Cibodas Sari


def build_protected(folder: Path, *, demo: bool = False, users: bool = True) -> Path:
    """A data dir with the sample households, then an admin (which encrypts it) and users;
    `demo`: the documented demo admin, and the dir marked as demo data."""
    from kampung_desktop.services import access
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    folder.mkdir(parents=True, exist_ok=True)
    ctx = AppContext.open(folder)
    try:
        service = RegistryService(ctx.db, ctx.user_id)
        for draft in households():
            service.save(draft)
    finally:
        ctx.close()
    if demo:  # as `kampung demo seed --demo-admin` does on a fresh dir
        admin = access.create_first_admin(folder, *access.DEMO_ADMIN, demo=True)
    else:
        admin = access.create_first_admin(folder, *ADMIN, full_name="Kepala Kantor")
    if users:
        access.add_user(folder, admin, OPERATOR[0], "operator", [], OPERATOR[1])
        access.add_user(folder, admin, ENUMERATOR[0], "enumerator", [SUKARASA], ENUMERATOR[1])
    return folder


def copy_of(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def visible_texts(widgets) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text a user could read in the visible widgets (labels, fields, lists, titles)."""
    from kampung_desktop.ui.qt import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QWidget,
    )

    found: list[str] = []
    for top in widgets:
        if not top.isVisible():
            continue
        found.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
                found.append(widget.text())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                root = widget.rootIndex()
                try:
                    columns = model.columnCount(root)
                except TypeError:  # a list model's columnCount is private in PySide
                    columns = 1
                for row in range(min(model.rowCount(root), 200)):
                    for col in range(columns):
                        found.append(str(model.index(row, col, root).data() or ""))
    return found


def open_signed_in(qtbot, folder: Path, user: tuple[str, str], *, quiet: bool = False):  # type: ignore[no-untyped-def]
    """The main window of `folder` signed in as `user`, shown and settled (the menus a role
    may use are gated once the window has settled). `quiet` keeps error dialogs out of a test."""
    from kampung_desktop.services import access
    from kampung_desktop.ui.main_window import MainWindow

    window = MainWindow(folder, access=access.sign_in(folder, *user))
    if quiet:
        window.show_dialogs = False
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=15_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    return window
