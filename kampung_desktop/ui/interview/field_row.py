"""One field on a page: label (with * when required), hint, editor, and the form's message.

The message appears as soon as an answer is given (a broken rule is shown at once); a
required field left empty is only flagged once the enumerator has touched it or has left the
page, so a fresh page is not a wall of red.
"""

from __future__ import annotations

import html

from kampung_desktop.services import interview_nik
from kampung_desktop.survey import FieldState
from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview.editors import Editor
from kampung_desktop.ui.qt import QAbstractButton, QLabel, QSizePolicy, Qt, QVBoxLayout, QWidget

ERROR_COLOR = "#c62828"
NOTE_COLOR = "#37474f"
WARNING_BG = "#fff4e5"


class FieldRow(QWidget):
    def __init__(
        self,
        path: str,
        node: FormNode,
        editor: Editor | None,
        locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.locked = locked  # the whole assessment is read-only
        self.setObjectName(f"row_{path}")
        self.path = path
        self.node = node
        self.editor = editor
        self.touched = False
        self.reveal_required = False
        self.state: FieldState | None = None
        self.label = QLabel(self)
        self.label.setObjectName("fieldLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hint = QLabel(self)
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        if editor is not None:
            self.label.setBuddy(editor.focus_widget())
            layout.addWidget(editor)
            editor.committed.connect(self._touch)
        layout.addWidget(self.message)
        self._label_text = ""
        self._hint_text = ""

    @property
    def is_note(self) -> bool:
        return self.editor is None

    def _touch(self, _value: object = None) -> None:
        self.touched = True

    def set_texts(self, label: str, hint: str) -> None:
        """Label and hint as rendered by the engine (`${name}` already replaced)."""
        if label == self._label_text and hint == self._hint_text and self.state is not None:
            return
        self._label_text, self._hint_text = label, hint
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._describe()
        self._paint_label()

    def _paint_label(self) -> None:
        text = html.escape(self._label_text).replace("\n", "<br>")
        if self.is_note:
            warn = self._label_text.lstrip().startswith("⚠")
            style = f"background:{WARNING_BG}; padding:4px;" if warn else ""
            self.label.setText(f'<div style="color:{NOTE_COLOR}; {style}">{text}</div>')
            return
        required = self.state is not None and self.state.required
        mark = f' <span style="color:{ERROR_COLOR}">*</span>' if required else ""
        self.label.setText(f"<b>{text}</b>{mark}")

    def apply(self, state: FieldState) -> None:
        """Show a new state: required mark, read-only, message (and the value if computed)."""
        old = self.state
        self.state = state
        if old is None or old.required != state.required:
            self._paint_label()
        if self.editor is not None:
            if old is None or old.read_only != state.read_only:
                self.editor.set_read_only(state.read_only or self.locked)
            if old is None or self.node.computed:
                self.editor.set_value(state.value)
        self.show_message()

    def show_message(self) -> None:
        state = self.state
        text = state.message if state is not None and not state.valid else None
        if state is not None and state.value not in (None, "") and interview_nik.is_nik(self.path):
            # The household dialog's NIK rules and words, not the form's generic constraint text.
            try:
                interview_nik.check(state.value)
            except interview_nik.NikRefused as exc:
                text = exc.text()
        quiet = not (self.touched or self.reveal_required)
        if text and state is not None and state.value is None and quiet:
            text = None  # an empty required field is flagged only once it has been visited
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self._describe()

    def _describe(self) -> None:
        """Name the editor by the question and describe it by the hint and the message, for
        screen readers (the label is not the editor's sibling, so Qt cannot pair them). A
        choice button keeps its own name: the choice's text."""
        widget = self.editor.focus_widget() if self.editor is not None else None
        if widget is None:
            return
        if not isinstance(widget, QAbstractButton):
            widget.setAccessibleName(self._label_text.strip())
        parts = (self._hint_text, self.message.text() if self.message.isVisibleTo(self) else "")
        widget.setAccessibleDescription(" ".join(p for p in parts if p))
