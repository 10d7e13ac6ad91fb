"""Editors for one choice (select_one): radio buttons, or a searchable list for long lists.

Short lists are radio buttons (digits 1–9 pick a choice, arrows move, Enter moves on); long
lists — or `appearance: minimal/autocomplete/search` — are a combo box that filters as you type
(any part of the label matches), so 26 lapangan-usaha codes take two keystrokes. Check boxes
(select_multiple, acknowledge) are in `check_editors`.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.survey.model import Choice, FormNode
from kampung_desktop.ui.interview.editors import Editor
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QObject,
    QRadioButton,
    Qt,
    QToolButton,
    QWidget,
)

#: More choices than this become a searchable list (select_one) or get a filter box.
LONG_LIST = 9
_SEARCH_APPEARANCES = {"minimal", "autocomplete", "search", "quick"}


def choice_label(choice: Choice, lang: str) -> str:
    return choice.label(lang, "id")


def select_one(node: FormNode, lang: str, choices: list[Choice], parent: QWidget | None) -> Editor:
    searchable = _SEARCH_APPEARANCES & set(node.appearance.split())
    if searchable or len(choices) > LONG_LIST:
        return ComboEditor(node, lang, choices, parent)
    return RadioEditor(node, lang, choices, parent)


def names_of(choices: list[Choice]) -> list[str]:
    """The choice names, in order: what decides whether a list really changed."""
    return [c.name for c in choices]


class SingleChoiceEditor(Editor):
    """What radio buttons and the searchable list share: the answer is one choice name or None,
    given only when the field is not read-only, and emitted once per change."""

    _value: str | None = None

    def _give(self, name: str | None) -> None:
        if self.read_only:
            self._show()  # a click on a read-only field changes nothing on screen either
            return
        changed = name != self._value
        self._value = name
        self._show()
        if changed:
            self.committed.emit(name)

    def _show(self) -> None:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = None if value in (None, "") else str(value)
        self._show()


class RadioEditor(SingleChoiceEditor):
    def __init__(
        self, node: FormNode, lang: str, choices: list[Choice], parent: QWidget | None = None
    ) -> None:
        super().__init__(node, lang, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusivity by hand: an answer can be cleared
        self.group.buttonClicked.connect(self._clicked)
        self.buttons: dict[str, QRadioButton] = {}
        self._choices: list[Choice] = []
        self.clear = QToolButton()
        self.clear.setText("✕ " + t("clear", lang))
        self.clear.setObjectName("clearAnswer")
        self.clear.setAutoRaise(True)
        self.clear.setStyleSheet("color: #5f6368;")
        self.clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear.clicked.connect(lambda: self._give(None))
        self._outer = QHBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._box: QWidget | None = None
        self.set_choices(choices)

    def set_choices(self, choices: list[Choice]) -> None:
        if names_of(choices) == names_of(self._choices):
            return
        self._choices = list(choices)
        if self._box is not None:
            self.clear.setParent(None)
            self._box.deleteLater()
        for button in self.group.buttons():
            self.group.removeButton(button)
        self.buttons = {}
        box = QWidget(self)
        labels = [choice_label(c, self.lang) for c in choices]
        horizontal = len(choices) <= 4 and all(len(label) <= 18 for label in labels)
        direction = (
            QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom
        )
        layout = QBoxLayout(direction, box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14 if horizontal else 4)
        for number, (choice, label) in enumerate(zip(choices, labels, strict=True), start=1):
            button = QRadioButton(label, box)
            if number <= 9:
                button.setToolTip(str(number))
            button.setObjectName(f"choice_{self.node.name}_{choice.name}")
            button.setAutoExclusive(False)
            self.group.addButton(button)
            self.buttons[choice.name] = button
            button.installEventFilter(self)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)  # only the text is clickable
        layout.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignLeft)
        if horizontal:
            layout.addStretch(1)
        self._outer.insertWidget(0, box, 1)
        self._box = box
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self.read_only:
                index = key - Qt.Key.Key_1
                if index < len(self._choices):
                    name = self._choices[index].name
                    self.buttons[name].setFocus()
                    self._give(name)
                    return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Right):
                names = names_of(self._choices)
                if watched in self.buttons.values() and names:
                    current = next(n for n, b in self.buttons.items() if b is watched)
                    step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1
                    target = names[(names.index(current) + step) % len(names)]
                    self.buttons[target].setFocus()
                    if not self.read_only:
                        self._give(target)
                    return True
        return super().eventFilter(watched, event)

    def _clicked(self, button: QRadioButton) -> None:
        if self.read_only:
            self._show()
            return
        name = next(n for n, b in self.buttons.items() if b is button)
        self._give(name)

    def _show(self) -> None:
        for name, button in self.buttons.items():
            button.setChecked(name == self._value)
        self.clear.setVisible(self._value is not None and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.buttons.values():
            button.setEnabled(not read_only or button.isChecked())
        self._show()

    def focus_widget(self) -> QWidget:
        if self._value in self.buttons:
            return self.buttons[self._value]
        return next(iter(self.buttons.values()), self)


class ComboEditor(SingleChoiceEditor):
    """A searchable choice list: type any part of a label, pick from the filtered popup."""

    def __init__(
        self, node: FormNode, lang: str, choices: list[Choice], parent: QWidget | None = None
    ) -> None:
        super().__init__(node, lang, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"editor_{node.name}")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(15)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(28)
        self.combo.lineEdit().setPlaceholderText(t("filter", lang))
        self.combo.activated.connect(self._activated)
        self.combo.lineEdit().editingFinished.connect(self._typed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addStretch(0)
        self._choices: list[Choice] = []
        self._watch_enter(self.combo)
        self._watch_enter(self.combo.lineEdit())
        self.set_choices(choices)

    def set_choices(self, choices: list[Choice]) -> None:
        if names_of(choices) == names_of(self._choices) and self.combo.count():
            return
        self._choices = list(choices)
        self.combo.blockSignals(True)
        self.combo.clear()
        for choice in choices:
            self.combo.addItem(choice_label(choice, self.lang), choice.name)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._completed)
        self.completer = completer
        self.combo.setCompleter(completer)
        self.combo.blockSignals(False)
        self._show()

    def _enter_moves_on(self, event: QKeyEvent) -> bool:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            return False
        return not self.combo.view().isVisible()

    def _activated(self, index: int) -> None:
        self._give(self.combo.itemData(index))

    def _completed(self, text: str) -> None:
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self._give(self.combo.itemData(index))

    def _typed(self) -> None:
        text = self.combo.lineEdit().text().strip()
        if not text:
            self._give(None)
            return
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:  # a unique partial match is taken as meant
            hits = [
                i
                for i in range(self.combo.count())
                if text.lower() in self.combo.itemText(i).lower()
            ]
            index = hits[0] if len(hits) == 1 else -1
        if index >= 0:
            self._give(self.combo.itemData(index))
        else:
            self._show()  # not a choice: show the current answer again

    def commit_pending(self) -> None:
        if self.combo.lineEdit().text().strip() != self._current_text():
            self._typed()

    def _current_text(self) -> str:
        index = self.combo.findData(self._value) if self._value is not None else -1
        return self.combo.itemText(index) if index >= 0 else ""

    def _show(self) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(self._value) if self._value is not None else -1
        self.combo.setCurrentIndex(index)
        self.combo.setEditText(self.combo.itemText(index) if index >= 0 else "")
        self.combo.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.combo.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.combo
