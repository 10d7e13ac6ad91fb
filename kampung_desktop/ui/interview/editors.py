"""One editor widget per question type; each says when an answer is given.

An editor emits `committed(value)` with the answer in the engine's JSON shape the moment it is
given: on leaving the field, on Enter, on a choice being picked, or after a short pause in
typing (`TYPING_PAUSE_MS`), so a crash loses at most what is being typed. Enter also emits
`advance` so the wizard moves on. `set_value` never emits: the wizard uses it to show values.
Choice editors live in `choice_editors`, the photo editor in `image_editor`, the rest of ODK's
types in `odk_editors`; `factory.editor_for` picks the editor for a field.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QCalendarWidget,
    QCompleter,
    QDate,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QMenu,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QRegularExpression,
    QRegularExpressionValidator,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
    Signal,
)

TYPING_PAUSE_MS = 400
_DMY_RE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class Editor(QWidget):
    """Base of all editors: the signals, read-only handling and Enter-moves-on."""

    committed = Signal(object)
    advance = Signal()

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node = node
        self.lang = lang
        self.read_only = False

    def value(self) -> Any:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self

    def focus_editor(self) -> None:
        self.focus_widget().setFocus(Qt.FocusReason.TabFocusReason)

    def commit_pending(self) -> None:
        """Give the answer being typed now (before leaving the page)."""

    def set_choices(self, choices: list[Any]) -> None:
        """Choice editors rebuild when a choice_filter changes the list; others ignore it."""

    def _typing_timer(self) -> QTimer:
        """A pause in typing commits the answer, so nothing typed waits for the next page."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(TYPING_PAUSE_MS)
        timer.timeout.connect(self.commit_pending)
        return timer

    def _commit_typed(self) -> None:
        """Emit the typed value once, when it differs from the last one given (`self._last`)."""
        self._timer.stop()
        if self.read_only:
            return
        value = self.value()
        if value != self._last:
            self._last = value
            self.committed.emit(value)

    def _watch_enter(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._enter_moves_on(event)
        ):
            self.commit_pending()
            self.advance.emit()
            return True
        return super().eventFilter(watched, event)

    def _enter_moves_on(self, event: QKeyEvent) -> bool:
        return True


class LineEditor(Editor):
    """A one-line answer (text, numbers, dates, times, coordinates) committed as it settles."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.line = QLineEdit(self)
        self.line.setObjectName(f"editor_{node.name}")
        self.line.setClearButtonEnabled(True)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.line, 1)
        self._last: Any = None
        self._timer = self._typing_timer()
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.editingFinished.connect(self.commit_pending)
        self._watch_enter(self.line)

    def value(self) -> Any:
        return self.to_value(self.line.text())

    def set_value(self, value: Any) -> None:
        self._timer.stop()
        text = self.to_text(value)
        self._last = self.to_value(text) if text else None
        if self.line.text() != text:
            self.line.setText(text)

    def commit_pending(self) -> None:
        self._commit_typed()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.line.setReadOnly(read_only)
        self.line.setClearButtonEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.line

    # conversions -------------------------------------------------------------------------
    def to_value(self, text: str) -> Any:
        stripped = text.strip()
        return stripped or None

    def to_text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer() and self.node.type == "decimal":
            return str(int(value))
        if isinstance(value, list):
            return " ".join(str(v) for v in value)
        return str(value)


class NumberEditor(LineEditor):
    """Integers and decimals; a decimal comma is accepted (the engine reads `2,5` as 2.5)."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        pattern = r"[-+]?\d{0,15}" if node.type == "integer" else r"[-+]?\d{0,15}([.,]\d{0,9})?"
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setMaximumWidth(220)
        self.row.addStretch(1)


def parse_date(text: str) -> str | None:
    """`17-08-1980`, `17/8/1980` or `1980-08-17` → `1980-08-17`; None when not a real date."""
    match = _ISO_RE.match(text)
    if match:
        y, m, d = int(match[1]), int(match[2]), int(match[3])
    else:
        match = _DMY_RE.match(text)
        if not match:
            return None
        d, m, y = int(match[1]), int(match[2]), int(match[3])
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


class DateEditor(LineEditor):
    """A date typed as DD-MM-YYYY (as on a KTP) or picked from a calendar; saved as ISO."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.line.setPlaceholderText(t("date_placeholder", lang))
        self.line.setMaximumWidth(160)
        self.pick = QToolButton(self)
        self.pick.setText(t("calendar", lang))
        self.pick.setObjectName("calendarButton")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(lambda day: (self._picked(day), menu.close()))
        self.pick.setMenu(menu)
        self.row.addWidget(self.pick)
        self.row.addStretch(1)

    def _sync_calendar(self) -> None:
        iso = parse_date(self.line.text())
        if iso:
            self.calendar.setSelectedDate(QDate.fromString(iso, "yyyy-MM-dd"))

    def _picked(self, day: QDate) -> None:
        self.line.setText(day.toString("dd-MM-yyyy"))
        self.commit_pending()

    def to_value(self, text: str) -> Any:
        stripped = text.strip()
        if not stripped:
            return None
        return parse_date(stripped) or stripped  # not a date: the engine explains why

    def to_text(self, value: Any) -> str:
        if value is None:
            return ""
        iso = parse_date(str(value))
        if iso:
            y, m, d = iso.split("-")
            return f"{d}-{m}-{y}"
        return str(value)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.pick.setEnabled(not read_only)


class TimeEditor(LineEditor):
    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.line.setPlaceholderText(t("time_placeholder", lang))
        self.line.setMaximumWidth(120)
        self.now = QPushButton(t("now", lang), self)
        self.now.setAutoDefault(False)
        self.now.clicked.connect(self._now)
        self.row.addWidget(self.now)
        self.row.addStretch(1)

    def _now(self) -> None:
        self.line.setText(datetime.now().strftime("%H:%M"))
        self.commit_pending()

    def to_value(self, text: str) -> Any:
        stripped = text.strip().replace(".", ":")
        return stripped or None

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.now.setEnabled(not read_only)


class GeopointEditor(LineEditor):
    """Coordinates typed or pasted (`-6.2, 106.8` from a map app works as well)."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.line.setPlaceholderText(t("geo_placeholder", lang))


class SuggestEditor(LineEditor):
    """A code typed with type-ahead over known values (kelurahan: search by name or code).

    The list shows "name — code"; picking an entry puts the code in the field, and the name of
    the current code is shown beside it.
    """

    def __init__(
        self,
        node: FormNode,
        lang: str,
        suggestions: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(node, lang, parent)
        self._names = dict(suggestions)
        self._by_entry = {f"{name} — {code}": code for code, name in suggestions}
        completer = QCompleter(list(self._by_entry), self.line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._picked)
        self.completer = completer
        self.line.setCompleter(completer)
        self.line.setPlaceholderText(t("filter", lang))
        self.line.setMaximumWidth(320)
        self.name = QLabel(self)
        self.name.setObjectName("suggestName")
        self.name.setStyleSheet("color: #555555;")
        self.row.addWidget(self.name, 1)
        self.line.textChanged.connect(self._show_name)

    def _picked(self, entry: str) -> None:
        code = self._by_entry.get(entry)
        if code is not None:
            QTimer.singleShot(0, lambda: (self.line.setText(code), self.commit_pending()))

    def _show_name(self, text: str) -> None:
        self.name.setText(self._names.get(text.strip(), ""))

    def _enter_moves_on(self, event: QKeyEvent) -> bool:
        popup = self.completer.popup()
        return popup is None or not popup.isVisible()


class MultilineEditor(Editor):
    """Long text (`appearance: multiline`): Enter makes a new line, Ctrl+Enter moves on."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(f"editor_{node.name}")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self._last: Any = None
        self._timer = self._typing_timer()
        self.text.textChanged.connect(self._typed)
        self._watch_enter(self.text)
        self._quiet = False

    def _typed(self) -> None:
        if not self._quiet:
            self._timer.start()

    def _enter_moves_on(self, event: QKeyEvent) -> bool:
        return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit_pending()
        return super().eventFilter(watched, event)

    def value(self) -> Any:
        return self.text.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self._timer.stop()
        self._last = value if value not in ("", None) else None
        text = "" if value is None else str(value)
        if self.text.toPlainText() != text:
            self._quiet = True
            self.text.setPlainText(text)
            self._quiet = False

    def commit_pending(self) -> None:
        self._commit_typed()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.text.setReadOnly(read_only)

    def focus_widget(self) -> QWidget:
        return self.text
