"""Lock the running app after an idle time or on "Kunci sekarang" (Ctrl+L), and unlock it.

On lock every visible window gets a `Curtain` and a neutral title, every action is disabled
(so no shortcut opens anything behind the curtain), and the application-modal `LockDialog`
asks for a password. Unlocking goes through `services.access.unlock`, which also lets in a
registered account that has not opened the data on this laptop yet (its key is wrapped now).
The same user gets back exactly what was open; another user gets `userChanged` (the window
then reopens for them, see ui.access.install).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6

from kampung_desktop.ui.access.idle import DEFAULT_IDLE_MINUTES, IdleWatcher
from kampung_desktop.ui.qt import (
    QAction,
    QApplication,
    QEvent,
    QObject,
    QToolTip,
    QWidget,
    Signal,
)
from kampung_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

IDLE_SETTING = "auto_lock_minutes"
Unlock = Callable[[Path, Any, str, str], Any]  # (data_dir, db_key, username, password) -> session


def idle_minutes(value: str | None) -> int:
    """The idle limit from its stored text: 1..240 minutes, the default when unset or odd."""
    try:
        minutes = int(value or DEFAULT_IDLE_MINUTES)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, 1), 240)


def _service_unlock(data_dir: Path, key: Any, username: str, password: str) -> Any:
    from kampung_desktop.services import access

    return access.unlock(data_dir, key, username, password)


class AutoLock(QObject):
    locked = Signal()
    unlocked = Signal(object)  # the AccessSession, same user
    userChanged = Signal(object)  # the AccessSession of another user who unlocked
    quitRequested = Signal()

    def __init__(
        self,
        window: QWidget,
        session: Any,
        data_dir: Path,
        *,
        idle_ms: int = DEFAULT_IDLE_MINUTES * 60_000,
        unlock: Unlock | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.data_dir = Path(data_dir)
        self._unlock = unlock or _service_unlock
        self.tasks = TaskRunner(log.error, self)  # password checks, off the UI thread
        self.watcher = IdleWatcher(idle_ms, self)
        self.watcher.idle.connect(self.lock)
        self.dialog: Any = None  # lock_screen.LockDialog while locked
        self._curtains: dict[QWidget, tuple[Any, str]] = {}  # window -> (Curtain, title)
        self._disabled: list[QAction] = []
        self.is_locked = False
        self.action = QAction(window)
        self.action.setObjectName("lockNowAction")
        self.action.triggered.connect(self.lock)

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.tasks.shutdown()

    def set_idle_minutes(self, minutes: int) -> None:
        self.watcher.set_idle_ms(minutes * 60_000)

    # -- locking -------------------------------------------------------------------------
    def lock(self) -> None:
        from kampung_desktop.ui.access.lock_screen import LockDialog

        if self.is_locked:
            return
        self.is_locked = True
        self.watcher.paused = True
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open menu or completer list
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        QApplication.instance().installEventFilter(self)
        self.dialog = LockDialog(self.window, self.session.principal.username)
        self.dialog.submitted.connect(self._try_unlock)
        self.dialog.quitRequested.connect(self._quit)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.form.focus_first()
        log.info("app locked")
        self.locked.emit()

    def _cover(self, widget: QWidget) -> None:
        if not widget.isWindow() or not widget.isVisible() or widget in self._curtains:
            return
        from kampung_desktop.ui.qt import Qt  # not at import: the window's first paint

        if widget is self.dialog or widget.windowType() in (
            Qt.WindowType.Popup,
            Qt.WindowType.ToolTip,
        ):
            return
        from kampung_desktop.ui.access.lock_screen import Curtain

        title = widget.windowTitle()
        widget.setWindowTitle(self.tr("Kampung — Terkunci"))
        self._curtains[widget] = (Curtain(widget, big=widget is self.window), title)
        for action in widget.findChildren(QAction):
            if action.isEnabled():
                action.setEnabled(False)
                self._disabled.append(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While locked: a window that appears (a timer's message box) is covered too."""
        shown = event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
        if shown and watched.isWindow() and watched is not self.dialog:
            self._cover(watched)
        return False

    # -- unlocking -----------------------------------------------------------------------
    def _try_unlock(self, username: str, password: str) -> None:
        """Check the password on a worker thread; the lock dialog says so meanwhile."""
        assert self.dialog is not None
        self.dialog.form.set_busy(True)
        self.dialog.form.show_checking()
        data_dir, key, unlock = self.data_dir, self.session.db_key, self._unlock
        self.tasks.run(
            lambda: unlock(data_dir, key, username, password), self._unlocked, self._refused
        )

    def _refused(self, error: BaseException) -> None:
        from kampung_desktop.ui import faults
        from kampung_desktop.ui.access.sign_in import refusal_text

        if self.dialog is None:
            return
        self.dialog.form.set_busy(False)
        text = refusal_text(error)
        if text is None:
            self.dialog.form.clear()
            faults.report(error)  # a bug: logged; the app stays locked
            return
        self.dialog.form.show_error(text)

    def _unlocked(self, session: Any) -> None:
        if not self.is_locked:
            return
        self._uncover()
        same = session.principal.username == self.session.principal.username
        self.session = session
        log.info("app unlocked")
        (self.unlocked if same else self.userChanged).emit(session)

    def _quit(self) -> None:
        """ "Tutup aplikasi" on the lock: every window closes (an interview saves as it closes),
        still covered, so the app ends without showing anything."""
        if self.dialog is not None:
            self.dialog.finish()  # Esc and its close button are refused otherwise
            self.dialog.deleteLater()
            self.dialog = None
        QApplication.instance().removeEventFilter(self)
        self.quitRequested.emit()
        for widget in QApplication.topLevelWidgets():
            if widget.isWindow() and widget.isVisible():
                widget.close()

    def _uncover(self) -> None:
        QApplication.instance().removeEventFilter(self)
        for widget, (curtain, title) in self._curtains.items():
            if shiboken6.isValid(widget) and shiboken6.isValid(curtain):
                curtain.remove()
                widget.setWindowTitle(title)
        self._curtains.clear()
        for action in self._disabled:
            if shiboken6.isValid(action):
                action.setEnabled(True)
        self._disabled.clear()
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog.deleteLater()
            self.dialog = None
        self.is_locked = False
        self.watcher.paused = False
        self.watcher.touch()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Kunci sekarang"))
        self.action.setToolTip(self.tr("Kunci aplikasi sekarang; data tersembunyi (Ctrl+L)"))
