"""Keyboard mnemonics (Alt+letter) on every button, checkbox, radio button, buddy label and menu
item, unique within each window and in each language.

Texts written with `&` keep their letter. The others get one when their window is shown, when
the language changes and when a menu opens: the first free letter that starts a word, else any
free letter (KDE's accelerator manager works the same way). Doing it here rather than in each
source string means a translation can never give two buttons of one dialog the same letter and a
new dialog is never left without them.
"""

from __future__ import annotations

import re

from kampung_desktop.ui.qt import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QObject,
    QStatusBar,
    Qt,
    QTabBar,
    QTimer,
    QToolBar,
    QWidget,
)

AUTO = "kampungAutoMnemonic"  # set on widgets whose letter this module chose
_HAS_MNEMONIC = re.compile(r"&(?![&\s])(\w)")


def mnemonic_of(text: str) -> str | None:
    """The letter after a single `&` (lower case), or None."""
    match = _HAS_MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def with_mnemonic(text: str, taken: set[str]) -> str:
    """`text` with `&` before the first free word-start letter (else any free letter); `text`
    unchanged when every letter is taken or it has one already. Adds the letter to `taken`."""
    if mnemonic_of(text) is not None or not text.strip():
        return text
    positions = [m.start() for m in re.finditer(r"\b\w", text)]
    positions += [i for i, ch in enumerate(text) if ch.isalnum() and i not in positions]
    for i in positions:
        letter = text[i].lower()
        if text[i].isalnum() and letter not in taken:
            taken.add(letter)
            return f"{text[:i]}&{text[i:]}"
    return text


def _labelled(window: QWidget) -> list[QWidget]:
    """Visible buttons and buddy labels of `window` in reading order (top to bottom, left to
    right), leaving out toolbar and tab-bar buttons (reached through menus and Ctrl+Tab)."""
    found: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window.window() or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            if isinstance(widget.parentWidget(), (QToolBar, QTabBar, QStatusBar)):
                continue  # reached through the menus and Ctrl+Tab instead
            if not widget.text():
                continue
            if widget.objectName().startswith("qt_"):
                continue
        elif isinstance(widget, QLabel):
            buddy = widget.buddy()
            if buddy is None or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue  # Alt+letter would lead nowhere
            if Qt.mightBeRichText(widget.text()):
                continue
        elif not (isinstance(widget, QGroupBox) and widget.isCheckable()):
            continue
        found.append(widget)

    def place(widget: QWidget) -> tuple[int, int, int]:
        """Buttons first (a dialog's own buttons before all), then labels; each in reading
        order: when letters run out it is a field label that goes without."""
        point = widget.mapTo(window, widget.rect().topLeft())
        if isinstance(widget.parentWidget(), QDialogButtonBox):
            rank = 0
        elif isinstance(widget, QAbstractButton):
            rank = 1
        else:
            rank = 2
        return rank, point.y() // 8, point.x()

    return sorted(found, key=place)


def _text(widget: QWidget) -> str:
    return widget.title() if isinstance(widget, QGroupBox) else widget.text()  # type: ignore[attr-defined]


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QGroupBox):
        widget.setTitle(text)
    else:
        widget.setText(text)  # type: ignore[attr-defined]


def assign(window: QWidget) -> int:
    """Give every labelled control of `window` a free mnemonic; returns how many were added."""
    widgets = _labelled(window)
    taken = {m for w in widgets if (m := mnemonic_of(_text(w))) is not None}
    if isinstance(window, QMainWindow):  # Alt+letter opens a menu there: leave those letters
        taken |= {m for a in window.menuBar().actions() if (m := mnemonic_of(a.text()))}
    added = 0
    for widget in widgets:
        old = _text(widget)
        new = with_mnemonic(old, taken)
        if new == old and mnemonic_of(old) is None and isinstance(widget, QAbstractButton):
            new = _take_from_a_label(widget, old, widgets, taken)
        if new != old:
            _set_text(widget, new)
            widget.setProperty(AUTO, True)
            added += 1
    return added


def _take_from_a_label(button: QWidget, text: str, widgets: list[QWidget], taken: set[str]) -> str:
    """No free letter for `button`: take one this module gave a label earlier (the label gets
    another one if any is left; a button matters more: it acts at once)."""
    for widget in widgets:
        letter = mnemonic_of(_text(widget))
        if isinstance(widget, QLabel) and widget.property(AUTO) and letter in text.lower():
            _set_text(widget, _text(widget).replace("&", "", 1))
            taken.discard(letter)
            new = with_mnemonic(text, taken)
            relabel = with_mnemonic(_text(widget), taken)
            _set_text(widget, relabel)
            return new
    return text


def assign_menu(menu: QMenu) -> None:
    taken = {m for a in menu.actions() if (m := mnemonic_of(a.text())) is not None}
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        new = with_mnemonic(action.text(), taken)
        if new != action.text():
            action.setText(new)


class MnemonicManager(QObject):
    """Gives mnemonics to each window as it gets focus (a dialog when it opens, the main window
    again after Settings changed the language), to the active window again every `PERIOD_MS`
    (a tab page or a pane that appeared since, a text a view changed), and to each menu as it
    opens. Cheaper than an application-wide event filter, which would see every event."""

    PERIOD_MS = 700

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._menus: set[int] = set()
        app.focusWindowChanged.connect(self._focused)
        self.timer = QTimer(self)
        self.timer.setInterval(self.PERIOD_MS)
        self.timer.timeout.connect(lambda: self.refresh(QApplication.activeWindow()))
        self.timer.start()

    def _focused(self, qwindow: object) -> None:
        if qwindow is None:
            return
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is qwindow and not isinstance(widget, QMenu):
                QTimer.singleShot(0, lambda w=widget: self.refresh(w))
                return

    def refresh(self, window: QWidget | None) -> None:
        from shiboken6 import isValid

        if window is None or not isValid(window) or not window.isVisible():
            return
        assign(window)
        for menu in window.findChildren(QMenu):
            if id(menu) not in self._menus:
                self._menus.add(id(menu))
                menu.aboutToShow.connect(lambda m=menu: assign_menu(m))


_installed: dict[str, MnemonicManager] = {}


def install(app: QApplication | None = None) -> MnemonicManager:
    """Start giving mnemonics in every window of `app` (idempotent)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if "manager" not in _installed:
        _installed["manager"] = MnemonicManager(app)
    return _installed["manager"]


def installed() -> MnemonicManager | None:
    return _installed.get("manager")


def uninstall() -> None:
    """Stop (tests that walk windows leave the rest of a test session untouched)."""
    manager = _installed.pop("manager", None)
    if manager is not None:
        manager.timer.stop()
        QApplication.instance().focusWindowChanged.disconnect(manager._focused)
        manager.deleteLater()
