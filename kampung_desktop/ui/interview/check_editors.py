"""Check-box editors: select_multiple (a filter box over long lists) and acknowledge."""

from __future__ import annotations

from typing import Any

from kampung_desktop.survey.model import Choice, FormNode
from kampung_desktop.ui.interview.choice_editors import LONG_LIST, choice_label, names_of
from kampung_desktop.ui.interview.editors import Editor
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


class ChecksEditor(Editor):
    """select_multiple: one check box per choice, a filter box above long lists."""

    def __init__(
        self, node: FormNode, lang: str, choices: list[Choice], parent: QWidget | None = None
    ) -> None:
        super().__init__(node, lang, parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(t("filter", lang))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.no_match = QLabel(t("no_match", lang), self)
        self.no_match.hide()
        self.boxes: dict[str, QCheckBox] = {}
        self._value: list[str] = []
        self._choices: list[Choice] = []
        self._grid_host: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.filter)
        self._layout.addWidget(self.no_match)
        self.set_choices(choices)

    def set_choices(self, choices: list[Choice]) -> None:
        if names_of(choices) == names_of(self._choices):
            return
        self._choices = list(choices)
        if self._grid_host is not None:
            self._grid_host.deleteLater()
        host = QWidget(self)
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        columns = 2 if len(choices) > 6 else 1
        rows = -(-len(choices) // columns)
        self.boxes = {}
        for index, choice in enumerate(choices):
            box = QCheckBox(choice_label(choice, self.lang), host)
            box.setObjectName(f"choice_{self.node.name}_{choice.name}")
            box.clicked.connect(self._toggled)
            self._watch_enter(box)
            self.boxes[choice.name] = box
            grid.addWidget(box, index % rows, index // rows, Qt.AlignmentFlag.AlignLeft)
        self._layout.insertWidget(1, host)
        self._grid_host = host
        self.filter.setVisible(len(choices) > LONG_LIST)
        self._show()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        shown = 0
        for choice in self._choices:
            visible = not needle or needle in choice_label(choice, self.lang).lower()
            self.boxes[choice.name].setVisible(visible)
            shown += visible
        self.no_match.setVisible(shown == 0)

    def _toggled(self) -> None:
        if self.read_only:
            self._show()
            return
        self._value = [name for name, box in self.boxes.items() if box.isChecked()]
        self.committed.emit(list(self._value) or None)

    def _show(self) -> None:
        for name, box in self.boxes.items():
            box.setChecked(name in self._value)

    def value(self) -> Any:
        return list(self._value) or None

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            value = value.split()
        self._value = [str(v) for v in value or []]
        self._show()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for box in self.boxes.values():
            box.setEnabled(not read_only)
        self.filter.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        if self.filter.isVisible():
            return self.filter
        return next(iter(self.boxes.values()), self)


class AcknowledgeEditor(Editor):
    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.box = QCheckBox(t("ack", lang), self)
        self.box.setObjectName(f"editor_{node.name}")
        self.box.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self._watch_enter(self.box)

    def _clicked(self, checked: bool) -> None:
        if not self.read_only:
            self.committed.emit("OK" if checked else None)

    def value(self) -> Any:
        return "OK" if self.box.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.box.setChecked(value == "OK")

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.box.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.box
