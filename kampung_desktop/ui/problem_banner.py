"""The red "n isian perlu diperbaiki" banner of a dialog, placed above its buttons.

It appears below the fields, so the fields never move under the pointer when it does, and the
window gives back the room it took once every problem is fixed (it used to jump and stay big).
"""

from __future__ import annotations

import html

from kampung_desktop.ui.qt import QLabel, QShowEvent, Qt, QWidget
from kampung_desktop.ui.widgets_validation import ERROR_COLOR, grow_to_fit


class ProblemBanner(QLabel):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window_ = window
        self.opened_height: int | None = None  # the window's height when it was first shown
        self.setObjectName("summary")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            f"QLabel#summary {{ color: {ERROR_COLOR}; background: #fdecea;"
            f" border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 6px; }}"
        )
        self.setVisible(False)

    def window_shown(self, _event: QShowEvent | None = None) -> None:
        if self.opened_height is None:
            self.opened_height = self.window_.height()

    def show_problems(self, head: str, lines: list[str]) -> None:
        """Show `head` and the lines; none: hide and shrink the window back."""
        if not lines:
            self.setVisible(False)
            self.setText("")
            self._give_back_room()
            return
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.setText(f"<b>{html.escape(head)}</b><ul style='margin: 2px 0 0 -20px;'>{items}</ul>")
        self.setVisible(True)
        grow_to_fit(self.window_)

    def _give_back_room(self) -> None:
        window, opened = self.window_, self.opened_height
        layout = window.layout()
        if opened is None or layout is None or not window.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else 0
        window.resize(window.width(), max(opened, needed, window.minimumSizeHint().height()))
