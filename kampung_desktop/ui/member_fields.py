"""Field widgets the register forms share: a combo over a code list and a date that may be empty.

Codes are stored and labels shown, so the combos keep the code as item data and read labels
from `core.codes` in the current UI language.
"""

from __future__ import annotations

from datetime import date

from kampung_desktop.core import codes
from kampung_desktop.core.messages import current_language
from kampung_desktop.ui.qt import QComboBox, QDate, QDateEdit, QEvent, QKeyEvent, QObject, QWidget

_SEPARATORS = frozenset("-/. ")


class CodeCombo(QComboBox):
    """A choice from a `codes.CodeList`; with `optional`, an empty first item means 'not given'."""

    def __init__(
        self,
        code_list: codes.CodeList,
        optional: bool = True,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        lang = current_language()
        if optional:
            self.addItem(placeholder, "")
        for code, _labels in code_list.items():
            self.addItem(codes.label(code_list, code, lang), code)
        # Long lists (education: 23 codes) must not open as a screen-high popup.
        self.setMaxVisibleItems(15)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))


class OptionalDateEdit(QDateEdit):
    """A QDateEdit with a calendar popup that can also be empty (birth dates are often unknown).

    Empty is the minimum date shown as blank text; `value()` turns it into None.
    """

    EMPTY = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None, default_years_back: int = 30) -> None:
        super().__init__(parent)
        self._years_back = default_years_back
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setMinimumDate(self.EMPTY)
        self.setMaximumDate(QDate.currentDate())
        self.setSpecialValueText(" ")
        self.setDate(self.EMPTY)
        self._typing = False  # typing into a blank field, section by section
        self._typed: dict[int, str] = {}  # section index → digits typed into it
        self._advanced = False
        self.calendarWidget().installEventFilter(self)
        self.calendarWidget().clicked.connect(self._stop_typing)
        self.calendarWidget().activated.connect(self._stop_typing)

    def value(self) -> date | None:
        current = self.date()
        if current == self.EMPTY:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self._stop_typing()
        self.setDate(QDate(value.year, value.month, value.day) if value else self.EMPTY)

    def clear_value(self) -> None:
        self._stop_typing()
        self.setDate(self.EMPTY)

    def _stop_typing(self, *_args: object) -> None:
        self._typing, self._typed = False, {}

    def is_incomplete(self) -> bool:
        """True when what was typed into the blank field is not a whole, real date.

        Qt silently keeps placeholder parts and clamps impossible days (30-02 becomes 28-02),
        so compare the digits typed per section with the date the widget ended up holding.
        """
        if not self._typing:
            return False
        shown = self.date()
        for index in range(self.sectionCount()):
            digits = self._typed.get(index, "")
            section = self.sectionAt(index)
            if section == QDateEdit.Section.YearSection:
                if len(digits) != 4 or int(digits) != shown.year():
                    return True
            elif section == QDateEdit.Section.MonthSection:
                if not digits or int(digits) != shown.month():
                    return True
            elif not digits or int(digits) != shown.day():
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Let people type '17081980', '17-08-1980' or '17/8/1980' into a blank field."""
        text = event.text()
        if text and text in _SEPARATORS:
            # A separator right after a section filled itself is the one Qt already skipped.
            index = self.currentSectionIndex()
            if not self._advanced and index < self.sectionCount() - 1:
                self.setCurrentSectionIndex(index + 1)
                self.setSelectedSection(self.currentSection())
            self._advanced = False
            event.accept()
            return
        if text.isdigit() and self.date() == self.EMPTY:
            # Start from a placeholder date; is_incomplete() reports sections left untyped.
            self.setDate(QDate(QDate.currentDate().year() - self._years_back, 1, 1))
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.currentSection())
            self._typing, self._typed = True, {}
        before = self.currentSectionIndex()
        if text.isdigit() and self._typing:
            # Keep the last digits that fit, so retyping a section replaces what it had.
            width = 4 if self.sectionAt(before) == QDateEdit.Section.YearSection else 2
            self._typed[before] = (self._typed.get(before, "") + text)[-width:]
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSectionIndex() != before

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt API)
        self._stop_typing()  # arrows or the wheel chose the value: it is what is shown
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # An empty field would open the calendar on January 1900; open near a likely year.
        if event.type() == QEvent.Type.Show and self.date() == self.EMPTY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year() - self._years_back, today.month())
        return super().eventFilter(watched, event)
