"""Keep Tab in reading order when a part of a window is built after the window.

Qt's Tab chain follows the order widgets were created, so a page or pane built later (the
wizard's current page, the detail pane of the selected household, a section another part adds to
Settings) would be reached only after everything else, e.g. after the status bar. `place_after`
moves such a part to where it is read.
"""

from __future__ import annotations

from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
)

COMPOSITE = (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def focusable_inside(container: QWidget) -> list[QWidget]:
    """The Tab-focusable widgets inside `container`, in the order they were made (which is
    their Tab order until someone moves them). Not found by walking the Tab chain: that passes
    through the window, and doing so kept a deleted window's Python wrapper alive."""
    return [w for w in container.findChildren(QWidget) if _takes_tab(w) and not _part(w, container)]


def _part(widget: QWidget, container: QWidget) -> bool:
    """Part of a control (a spin box's line edit, a line edit's clear button), not a field in a
    scroll area (which takes focus too, but holds the fields)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not container:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _last_focusable(anchor: QWidget) -> QWidget | None:
    """`anchor` itself, or the last control inside it, or the last one before it."""
    if _takes_tab(anchor):
        return anchor
    inner = focusable_inside(anchor)
    if inner:
        return inner[-1]
    previous = anchor.previousInFocusChain()
    while previous is not anchor and not _takes_tab(previous):
        previous = previous.previousInFocusChain()
    return previous if _takes_tab(previous) else None


def place_after(anchor: QWidget, container: QWidget) -> QWidget | None:
    """Put the controls inside `container` (in their own order) right after `anchor` (or the
    last control in or before it: Qt moves widgets only after one that takes focus itself);
    returns the last of them (None when there is none)."""
    inner = focusable_inside(container)
    previous = _last_focusable(anchor)
    if previous is None:
        return inner[-1] if inner else None
    for widget in inner:
        QWidget.setTabOrder(previous, widget)
        previous = widget
    return inner[-1] if inner else None


def keep_nav_last(page: QWidget, *buttons: QWidget) -> None:
    """After a page is swapped in, move the long-lived navigation `buttons` (Back, Next) to
    right after the page's last control, rather than moving the page's controls: those are
    deleted with the page, and moving them with setTabOrder upset Qt 6.11 when they went."""
    inner = focusable_inside(page)
    if not inner:
        return
    previous = inner[-1]
    for button in buttons:
        QWidget.setTabOrder(previous, button)
        previous = button
