"""Who opens the data at start: the first-start dialog, the sign-in window, or nobody to ask.

    new dir or unprotected legacy dir -> first-start dialog (creates the first account)
    protected dir                     -> sign-in window (demo data: demo admin shown, filled in)

Both end with an AccessSession, so the main window is always opened by a signed-in user
(`open_main_window`, which also hands the app over when another user unlocks it). The
start-up probe (benchmarks) never shows a dialog: a legacy dir opens as before, a demo dir
signs in as the documented demo admin, any other protected dir is an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kampung_desktop.ui.qt import QDialog


@dataclass(frozen=True)
class Opened:
    data_dir: Path
    session: Any  # AccessSession; None only for a legacy dir under the start-up probe


def open_data(data_dir: Path, *, probe: bool = False) -> Opened | None:
    """Ask what must be asked; None when the user cancelled (the app then quits)."""
    from kampung_desktop.services import first_start

    data_dir = Path(data_dir)
    if first_start.dir_state(data_dir) != first_start.DirState.PROTECTED:
        if probe:
            return Opened(data_dir, None)
        from kampung_desktop.ui.access.first_start import FirstStartDialog

        dialog = FirstStartDialog(data_dir)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.session is not None:
            return Opened(dialog.data_dir, dialog.session)
        data_dir = dialog.data_dir  # a folder chosen there holds protected data: sign in
    demo = first_start.demo_credentials(data_dir)
    if probe:
        from kampung_desktop.services import access

        if demo is None:
            raise access.SIGN_IN_FIRST.again()
        return Opened(data_dir, access.sign_in(data_dir, *demo))
    from kampung_desktop.ui.access.sign_in import SignInWindow

    window = SignInWindow(data_dir, demo=demo)
    if window.exec() != QDialog.DialogCode.Accepted:
        return None
    return Opened(data_dir, window.session)


_open_windows: list[Any] = []  # the latest main window opened here (kept referenced)


def open_main_window(
    data_dir: Path, session: Any, on_failed: Callable[[BaseException], None] | None = None
) -> Any:
    """The main window for `session`; when another registered user unlocks it, the previous
    user's windows close (an interview saves every answer on close) and a window opens for
    the new user, with their role, scope and name on what they record."""
    from kampung_desktop.ui.main_window import MainWindow

    window = MainWindow(data_dir, access=session)
    if on_failed is not None:
        window.failed.connect(on_failed)
    if window.access_ui is not None:
        window.access_ui.sessionChanged.connect(lambda new: switch_user(window, new, on_failed))
    _open_windows[:] = [window]  # one at a time: a switched user's replaces the old
    return window


def switch_user(
    old: Any, session: Any, on_failed: Callable[[BaseException], None] | None = None
) -> Any:
    from kampung_desktop.ui.qt import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget is not old and widget.isWindow() and widget.isVisible():
            widget.close()
    new = open_main_window(old.data_dir, session, on_failed)
    new.show()  # before the old one closes, so the app does not quit on its last window
    new.start()
    old.close()
    return new
