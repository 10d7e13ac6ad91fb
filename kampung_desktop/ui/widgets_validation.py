"""Inline validation messages: a red (blocking) or amber (warning) line under a form field.

Forms put each `Problem` next to the field it concerns instead of in a pop-up, so the person
typing sees what to fix where they are looking (and screen readers read it with the field).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kampung_desktop.core.messages import Problem, current_language
from kampung_desktop.ui.qt import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    Qt,
    QWidget,
)

ERROR_COLOR = "#c62828"  # red 800: readable on white and on the Fusion window grey
WARNING_COLOR = "#8a5a00"  # dark amber: amber text that still passes WCAG AA on white
NOTE_COLOR = "#555555"

# Applied to a dialog so fields marked with `mark()` get a coloured frame. Only line edits are
# framed: a styled spin box or combo loses its native arrows, so those mark their line edit.
FIELD_STYLE = (
    f'QLineEdit[validation="error"] {{ border: 1px solid {ERROR_COLOR}; }}'
    f'QLineEdit[validation="warning"] {{ border: 1px solid {WARNING_COLOR}; }}'
)


@dataclass(frozen=True)
class LocalProblem:
    """A problem only the form can see (a half-typed date, a coordinate that is no number).

    It quacks like `core.messages.Problem` but carries text already translated with `tr()`.
    """

    message: str
    warning: bool = False
    code: str = "form.local"

    def text(self, lang: str | None = None) -> str:
        return self.message


def required(caption: str) -> str:
    """A form caption with the red asterisk that marks a required field."""
    return f'{caption} <span style="color:{ERROR_COLOR}">*</span>'


def is_blocking(problems: Iterable[Problem]) -> bool:
    return any(not p.warning for p in problems)


def mark(widget: QWidget, state: str) -> None:
    """Set the validation state ('error', 'warning' or '') that FIELD_STYLE draws."""
    if isinstance(widget, QAbstractSpinBox) or (
        isinstance(widget, QComboBox) and widget.isEditable()
    ):
        widget = widget.lineEdit()
    if not isinstance(widget, QLineEdit) or widget.property("validation") == state:
        return
    widget.setProperty("validation", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FieldMessage(QLabel):
    """The message line under one field; hidden while there is nothing to say."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.problems: list[Problem] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def set_problems(self, problems: Iterable[Problem], lang: str | None = None) -> None:
        """Show every problem, errors first; red when any blocks, amber for warnings only."""
        self.problems = sorted(problems, key=lambda p: p.warning)
        lang = lang or current_language()
        if not self.problems:
            self.clear_message()
            return
        blocking = is_blocking(self.problems)
        self._show(
            "\n".join(("⚠ " if p.warning else "") + p.text(lang) for p in self.problems),
            ERROR_COLOR if blocking else WARNING_COLOR,
        )
        if self.field is not None:
            mark(self.field, "error" if blocking else "warning")

    def set_note(self, text: str) -> None:
        """A neutral hint (for example 'filled in from the NIK'), never a problem."""
        self.problems = []
        self._show(text, NOTE_COLOR)
        if self.field is not None:
            mark(self.field, "")

    def clear_message(self) -> None:
        self.problems = []
        self.setText("")
        self.setVisible(False)
        if self.field is not None:
            mark(self.field, "")

    @property
    def blocking(self) -> bool:
        return is_blocking(self.problems)

    def _show(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.setVisible(True)
        grow_to_fit(self.window())


def confirm_discard(parent: QWidget, title: str, text: str) -> bool:
    """Ask before typed data is thrown away; True when the user chose to discard it."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent, title, text, buttons.Discard | buttons.Cancel, buttons.Cancel
    )
    return answer == buttons.Discard


def grow_to_fit(window: QWidget) -> None:
    """Make a window tall enough for wrapped messages at its current width.

    Qt does not apply height-for-width to top-level windows, so a message that wraps to two
    lines would otherwise be clipped to one.
    """
    layout = window.layout()
    if layout is None or not window.isWindow() or not window.isVisible():
        return  # not shown yet: Qt sizes it from the layout when it is shown
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
    if needed > window.height():
        window.resize(window.width(), needed)


class FieldGrid(QGridLayout):
    """A form grid with each field's message line directly under the field.

    Logical rows take three grid rows (field, hints, message); rows whose widgets are hidden
    take no space. `column` 0 or 1 places a field in the left or right half of the form.
    """

    def __init__(self, parent: QWidget | None = None, halves: int = 1) -> None:
        super().__init__(parent)
        self._row = 0
        self.setHorizontalSpacing(8)
        self.setVerticalSpacing(4)
        for half in range(halves):
            self.setColumnStretch(half * 2 + 1, 1)

    def add(
        self,
        caption: str,
        field: QWidget,
        *extra: QWidget,
        column: int = 0,
        span: int = 1,
        buddy: QWidget | None = None,
        grow: bool = True,
    ) -> FieldMessage:
        """Place caption, field, hint widgets and a new message line; return the message."""
        label = QLabel(caption)
        label.setBuddy(buddy or field)
        width = span * 2 - 1
        self.addWidget(label, self._row, column * 2)
        align = Qt.AlignmentFlag(0) if grow else Qt.AlignmentFlag.AlignLeft
        self.addWidget(field, self._row, column * 2 + 1, 1, width, align)
        for widget in extra:
            self.addWidget(widget, self._row + 1, column * 2 + 1, 1, width)
        message = FieldMessage(buddy or field)
        self.addWidget(message, self._row + 2, column * 2 + 1, 1, width)
        return message

    def next_row(self) -> None:
        self._row += 3
