"""Editors for the other ODK question types: range (a slider), dateTime, attached audio, video
and files; geotrace/geoshape, barcode and rank are typed (a desktop has no GPS walk or camera
scanner; a USB barcode scanner types like a keyboard)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from kampung_desktop.survey.answers import range_bounds
from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview.editors import Editor, LineEditor
from kampung_desktop.ui.interview.image_editor import ImageEditor
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QDateTime,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    Qt,
    QWidget,
)


class RangeEditor(Editor):
    """`range`: a slider from start to end by step, with the chosen number beside it."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.start, self.end, self.step = range_bounds(node)
        self.step = self.step or 1.0
        self.whole = all(v.is_integer() for v in (self.start, self.end, self.step))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName(f"editor_{node.name}")
        self.slider.setRange(0, max(0, round(abs(self.end - self.start) / self.step)))
        self.shown = QLabel("–", self)
        self.shown.setMinimumWidth(48)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.shown)
        self._value: Any = None
        self._quiet = False
        self.slider.valueChanged.connect(self._moved)
        self._watch_enter(self.slider)

    def _number(self, ticks: int) -> int | float:
        direction = 1 if self.end >= self.start else -1
        number = self.start + direction * ticks * self.step
        return int(round(number)) if self.whole else round(number, 10)

    def _moved(self, ticks: int) -> None:
        if self._quiet or self.read_only:
            return
        self._value = self._number(ticks)
        self.shown.setText(str(self._value))
        self.committed.emit(self._value)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self._quiet = True
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                self.slider.setValue(round(abs(value - self.start) / self.step))
                self.shown.setText(str(value))
            else:
                self.slider.setValue(0)
                self.shown.setText("–")
        finally:
            self._quiet = False

    def focus_widget(self) -> QWidget:
        return self.slider


class DateTimeEditor(Editor):
    """`dateTime`: date and time with a calendar, blank until answered (with a «Now» button);
    the answer is `YYYY-MM-DDTHH:MM:SS`."""

    EMPTY = QDateTime(1900, 1, 1, 0, 0, 0)

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName(f"editor_{node.name}")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.edit.setMinimumDateTime(self.EMPTY)
        self.edit.setSpecialValueText(" ")  # shown while the answer is empty
        self.edit.setDateTime(self.EMPTY)
        self.now = QPushButton(t("now", lang), self)
        self.now.setAutoDefault(False)
        self.now.clicked.connect(lambda: self.edit.setDateTime(QDateTime.currentDateTime()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.now)
        self._quiet = False
        self._value: Any = None
        self.edit.dateTimeChanged.connect(self._changed)
        self._watch_enter(self.edit)

    def _changed(self, moment: QDateTime) -> None:
        if self._quiet or self.read_only:
            return
        if moment == self.EMPTY:
            self._value = None
        else:
            self._value = moment.toString("yyyy-MM-ddTHH:mm:00")
        self.committed.emit(self._value)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        try:
            moment = datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            moment = None
        if moment is None:
            self._quiet = True
            self.edit.setDateTime(self.EMPTY)
            self._quiet = False
            return
        self._quiet = True
        try:
            self.edit.setDateTime(
                QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)
            )
        finally:
            self._quiet = False

    def focus_widget(self) -> QWidget:
        return self.edit


class FileEditor(ImageEditor):
    """`audio`, `video`, `file`: a file attached from disk, copied next to the data."""

    def __init__(
        self, node: FormNode, lang: str, media_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(node, lang, media_dir, parent)
        self.choose.setText(t("file_choose", lang))
        self.clear.setText(t("file_clear", lang))

    def _choose(self) -> None:
        from kampung_desktop.ui.qt import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, t("file_choose", self.lang), "", t(f"file_filter.{self.node.type}", self.lang)
        )
        if path:
            self.attach(Path(path))

    def _show(self) -> None:
        self.name.setText(self._value or "")
        self.clear.setVisible(bool(self._value) and not self.read_only)
        self.thumb.hide()


class ListLineEditor(LineEditor):
    """A typed answer whose stored shape may be a list (rank): shown space-separated."""

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = " ".join(str(item) for item in value)
        super().set_value(value)


_PLACEHOLDERS = {
    "barcode": "barcode_placeholder",
    "rank": "rank_placeholder",
}


def odk_editor(
    node: FormNode, lang: str, media_dir: Path | None, parent: QWidget | None
) -> Editor | None:
    """The editor for an ODK type the basic editors do not cover; None for the others."""
    kind = node.type
    if kind == "range":
        return RangeEditor(node, lang, parent)
    if kind == "datetime":
        return DateTimeEditor(node, lang, parent)
    if kind in ("audio", "video", "file"):
        return FileEditor(node, lang, media_dir, parent)
    if kind in _PLACEHOLDERS:
        editor = ListLineEditor(node, lang, parent)
        editor.line.setPlaceholderText(t(_PLACEHOLDERS[kind], lang))
        return editor
    return None
