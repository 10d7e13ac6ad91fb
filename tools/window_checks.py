"""What the window tour looks at in each window: texts, controls, colours, conventions.

`look_at` records, for one window or dialog, every text a user can read, the interactive controls
without an accessible name (as QAccessible reports it: a label buddy counts), buttons without a
keyboard mnemonic, text whose painted contrast is under WCAG AA (4.5:1) and the texts that break
the language's conventions (`format_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kampung_desktop.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QColor,
    QComboBox,
    QEventLoop,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QStatusBar,
    Qt,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTimer,
    QToolBar,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QEventLoop,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTextEdit,
    QTimer,
    QPlainTextEdit,
)
#: Parts of a composite control; the control itself carries the name.
COMPOSITE = (
    QComboBox,
    QEventLoop,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QCalendarWidget,
    QColor,
    QMenu,
    QLineEdit,
)
#: Menu actions the tour does not trigger: they end the session, lock it or reach a server.
MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
US_DATE = re.compile(r"(?<![\d.])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])")
AM_PM = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:AM|PM|am|pm)\b")
RAW_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
PLURAL_ONE = re.compile(r"(?<![\d.,])\b1 ([a-z]{3,}s)\b")
NOT_PLURALS = {"is", "was", "has", "this", "does", "its", "yes", "less", "process", "access"}
FORCED_PLURAL = re.compile(r"\w\(s\)")
GROUPING = {
    "id": re.compile(r"\b\d{1,3}(?:,\d{3})+\.\d"),
    "en": re.compile(r"\b\d{1,3}(?:\.\d{3})+,\d"),
}


@dataclass
class Screen:
    """What one window or dialog showed."""

    name: str
    texts: set[str] = field(default_factory=set)
    unnamed: list[str] = field(default_factory=list)
    described: int = 0
    controls: int = 0
    no_mnemonic: list[str] = field(default_factory=list)
    low_contrast: list[str] = field(default_factory=list)
    tab_jumps: list[str] = field(default_factory=list)
    shot: Path | None = None


def pause(ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def describe(widget: QWidget) -> str:
    """A readable path for a report: Class#objectName inside its window."""
    name = widget.objectName()
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    return f"{type(widget).__name__}{'#' + name if name else ''}{' ' + repr(text) if text else ''}"


def _inside_composite(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def accessible(widget: QWidget) -> tuple[str, str]:
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return "", ""
    return face.text(QAccessible.Text.Name).strip(), face.text(QAccessible.Text.Description)


def _model_texts(view: QAbstractItemView, limit: int = 40) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    from PySide6.QtCore import QModelIndex

    def columns(parent: Any) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model: one column (its columnCount is private)
            return 1

    for column in range(columns(QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header is not None:
            yield str(header)

    def rows(parent: Any, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), limit)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                value = model.data(index)
                if value is not None:
                    yield str(value)
                if column == 0 and depth < 4 and model.rowCount(index) > 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def visible_texts(top: QWidget) -> set[str]:
    """Every text a sighted user can read in `top` (labels, buttons, tables, titles…)."""
    texts = {top.windowTitle()}
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        if isinstance(widget, QLabel):
            texts.add(re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text().replace("&", ""))
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title().replace("&", ""))
        elif isinstance(widget, QLineEdit):
            texts.update((widget.text(), widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i).replace("&", "") for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView):
            texts.update(_model_texts(widget))
        texts.add(widget.toolTip())
    for menu in top.findChildren(QMenu):
        texts.add(menu.title().replace("&", ""))
        texts.update(a.text().replace("&", "") for a in menu.actions())
    return {t.strip() for t in texts if t and t.strip()}


def format_problems(texts: set[str], lang: str) -> list[str]:
    """Texts showing a US-style date, AM/PM, a raw ISO time, "1 pages" or the wrong grouping."""
    found = []
    for text in texts:
        for pattern in (US_DATE, AM_PM, RAW_ISO, FORCED_PLURAL, GROUPING[lang]):
            if pattern.search(text):
                found.append(text)
        if lang == "en":
            for match in PLURAL_ONE.finditer(text):
                if match.group(1) not in NOT_PLURALS:
                    found.append(text)
    return sorted(set(found))


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1–21) of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rendered_contrast(widget: QWidget) -> tuple[float, str, str] | None:
    """The contrast of `widget`'s text as painted: the most common pixel is the background,
    the pixel farthest from it the text (glyph stems are painted in the full colour)."""
    image = widget.grab().toImage()
    if image.isNull() or image.width() < 2 or image.height() < 2:
        return None
    counts: dict[int, int] = {}
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    if len(counts) < 2:
        return None
    background = QColor(max(counts, key=counts.__getitem__))
    text = max((QColor(rgb) for rgb in counts), key=lambda c: contrast(c, background))
    return contrast(text, background), text.name(), background.name()


def _styled_text(widget: QWidget) -> bool:
    """A label or button whose own style sheet sets a text or background colour (badges,
    messages, hints): the colours a designer chose rather than the platform's palette."""
    sheet = widget.styleSheet()
    has_text = bool(widget.text().strip()) if hasattr(widget, "text") else False
    return has_text and bool(re.search(r"(^|[^-])color\s*:|background", sheet))


def _item_colours(view: QAbstractItemView, limit: int = 40) -> Iterator[tuple[QColor, QColor, str]]:
    """(text, background, text) of item-view cells that set their own text colour."""
    from PySide6.QtCore import QModelIndex

    model = view.model()
    if model is None:
        return
    base = view.palette().color(view.palette().ColorRole.Base)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:
        columns = 1
    for row in range(min(model.rowCount(QModelIndex()), limit)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
            if brush is None:
                continue
            colour = brush.color() if hasattr(brush, "color") else QColor(brush)
            back = model.data(index, Qt.ItemDataRole.BackgroundRole)
            back_colour = (
                (back.color() if hasattr(back, "color") else QColor(back)) if back else base
            )
            yield colour, back_colour, str(model.data(index) or "")


def tab_chain(top: QWidget) -> list[QWidget]:
    """The controls Tab visits in `top`, in order (hidden, disabled and inner parts skipped)."""
    chain: list[QWidget] = []
    seen: set[int] = set()
    widget = top.nextInFocusChain()
    while widget is not top and id(widget) not in seen:
        seen.add(id(widget))
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if (
            takes_tab
            and widget.window() is top.window()
            and top.isAncestorOf(widget)
            and widget.isVisibleTo(top)
            and widget.isEnabled()
            and not _inside_composite(widget, top)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def tab_jumps(top: QWidget) -> list[str]:
    """Steps where Tab goes back up to a control wholly above the one before (the order of
    creation, not of reading)."""
    chain = tab_chain(top)
    jumps = []
    for before, after in zip(chain, chain[1:], strict=False):
        y_before = before.mapTo(top, before.rect().topLeft()).y()
        y_after = after.mapTo(top, after.rect().topLeft()).y()
        if y_after + after.height() <= y_before:
            jumps.append(f"{describe(before)} → {describe(after)}")
    return jumps


def look_at(name: str, top: QWidget, out: Path | None = None, settle: bool = True) -> Screen:
    """Record what `top` shows: texts, controls without an accessible name, buttons without
    a keyboard mnemonic; with `out`, save a screenshot too."""
    if settle:
        pause()
    screen = Screen(name, visible_texts(top))
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(top) or _inside_composite(widget, top):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (toolbar extension …)
            continue
        screen.controls += 1
        label, description = accessible(widget)
        if not label:
            screen.unnamed.append(describe(widget))
        if description or widget.toolTip():
            screen.described += 1
        if (
            isinstance(widget, QAbstractButton)
            and widget.text().strip()
            and "&" not in widget.text().replace("&&", "")
            and not isinstance(widget.parentWidget(), (QTabBar, QToolBar, QStatusBar))
        ):
            screen.no_mnemonic.append(describe(widget))
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() < 2:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and _styled_text(widget):
            found = rendered_contrast(widget)
            if found is not None and found[0] < MIN_CONTRAST:
                ratio, text, back = found
                screen.low_contrast.append(f"{describe(widget)} {text} on {back}: {ratio:.2f}")
        elif isinstance(widget, QAbstractItemView):
            for text, back, shown in _item_colours(widget):
                if contrast(text, back) < MIN_CONTRAST:
                    screen.low_contrast.append(
                        f"{describe(widget)} cell {shown!r} {text.name()} on {back.name()}:"
                        f" {contrast(text, back):.2f}"
                    )
    screen.tab_jumps = tab_jumps(top)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        screen.shot = out / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
        top.grab().save(str(screen.shot))
    return screen
