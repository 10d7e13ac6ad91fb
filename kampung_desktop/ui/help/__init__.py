"""Help (issue 13): the user guide's page for each screen, from the Help menu or with F1.

    from kampung_desktop.ui.help import install
    self.help_ui = install(window)   # after the first view (MainWindow._after_ready)

`install` fills the main window's "Bantuan" menu (help for this window, one entry per page,
keyboard shortcuts) and gives every other window of the app an F1 shortcut as it is first
focused, so dialogs need no code of their own. F1 opens the page for the focused window.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.help.pages import PAGES, SHORTCUTS, title
from kampung_desktop.ui.help.topics import VIEWER_NAME, topic_for
from kampung_desktop.ui.help.viewer import HelpViewer, current_viewer, show_help
from kampung_desktop.ui.qt import (
    QAction,
    QApplication,
    QEvent,
    QKeySequence,
    QMenu,
    QObject,
    QShortcut,
    Qt,
    QWidget,
)

__all__ = ["HelpUi", "HelpViewer", "current_viewer", "help_for", "install", "show_help"]

F1 = "F1"
SHORTCUT_NAME = "helpF1Shortcut"
CONTEXT_ACTION_NAME = "helpForWindowAction"


def install(window: Any) -> HelpUi:
    """Add help to `window` (the MainWindow, whose `help_menu` and `about_action` exist)."""
    return HelpUi(window)


def help_for(window: QWidget) -> HelpViewer | None:
    """Open the page for the focused part of `window` (what F1 does there)."""
    focus = QApplication.focusWidget()
    start = focus if focus is not None and focus.window() is window else window
    page = topic_for(start)
    return show_help(page, window) if page is not None else None


class HelpUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        menu: QMenu = window.help_menu
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for stray in window.findChildren(QShortcut, SHORTCUT_NAME, direct):
            stray.setEnabled(False)  # another main window's help saw this one first: F1 is ours
            stray.deleteLater()
        self.context_action = QAction(window)
        self.context_action.setObjectName(CONTEXT_ACTION_NAME)
        self.context_action.setShortcut(QKeySequence(F1))
        self.context_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.context_action.triggered.connect(lambda: help_for(window))
        self.page_actions: dict[str, QAction] = {}
        for page in PAGES:
            action = QAction(window)
            action.setObjectName(f"helpPage_{page}")
            action.triggered.connect(lambda _=False, p=page: show_help(p, window))
            self.page_actions[page] = action
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.context_action)
        menu.insertSeparator(first)
        menu.insertActions(first, [self.page_actions[p] for p in PAGES if p != SHORTCUTS])
        menu.insertSeparator(first)
        menu.insertAction(first, self.page_actions[SHORTCUTS])
        menu.insertSeparator(first)
        menu.installEventFilter(self)  # menus get LanguageChange; only then does this act
        app = QApplication.instance()
        app.focusWindowChanged.connect(self._window_focused)
        self.retranslate()

    def retranslate(self) -> None:
        self.context_action.setText(self.tr("&Bantuan untuk jendela ini"))
        self.context_action.setToolTip(self.tr("Buka bantuan untuk jendela yang aktif (F1)"))
        for page, action in self.page_actions.items():
            action.setText(title(page))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _window_focused(self, qwindow: Any) -> None:
        """Give a newly focused window of the app its F1 (the main window has the menu's)."""
        if qwindow is None:
            return
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is qwindow:
                add_f1(widget)
                return


def add_f1(widget: QWidget) -> None:
    """An F1 shortcut on `widget` unless it has one: a main window has the menu's, and a second
    F1 on the same window would make both ambiguous (Qt then runs neither)."""
    if isinstance(widget, QMenu) or widget.objectName() == VIEWER_NAME:
        return
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    if widget.findChild(QShortcut, SHORTCUT_NAME, direct) or widget.findChild(
        QAction, CONTEXT_ACTION_NAME, direct
    ):
        return
    shortcut = QShortcut(QKeySequence(F1), widget)
    shortcut.setObjectName(SHORTCUT_NAME)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: help_for(widget))
