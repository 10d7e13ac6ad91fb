"""The side list of sections with completion marks; a click jumps to the section's first page."""

from __future__ import annotations

from typing import Any

from kampung_desktop.survey import navigation as nav
from kampung_desktop.ui.qt import QFont, QListWidget, QListWidgetItem, Qt, QWidget, Signal

COMPLETE = "✓"
INCOMPLETE = "○"
SUMMARY = "≡"
PAGE_ROLE = Qt.ItemDataRole.UserRole


class SectionList(QListWidget):
    jump_requested = Signal(int)  # page index (len(pages) = the summary)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setWordWrap(True)
        self.setMinimumWidth(220)
        self.setMaximumWidth(320)
        self.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._spans: list[tuple[int, int]] = []

    def show_sections(
        self, sections: list[nav.Section], summary_label: str, summary_page: int
    ) -> None:
        self.blockSignals(True)
        self.clear()
        self._spans = []
        for section in sections:
            mark = COMPLETE if section.complete else INCOMPLETE
            item = QListWidgetItem(f"{mark}  {section.label}")
            item.setData(PAGE_ROLE, section.first_page)
            item.setForeground(
                Qt.GlobalColor.darkGreen if section.complete else Qt.GlobalColor.black
            )
            self.addItem(item)
            self._spans.append((section.first_page, section.first_page + section.page_count))
        item = QListWidgetItem(f"{SUMMARY}  {summary_label}")
        item.setData(PAGE_ROLE, summary_page)
        self.addItem(item)
        self._spans.append((summary_page, summary_page + 1))
        self.blockSignals(False)

    def mark_current(self, page_index: int) -> None:
        """Highlight the section that holds `page_index`."""
        for row, (first, end) in enumerate(self._spans):
            item = self.item(row)
            font = QFont(item.font())
            font.setBold(first <= page_index < end)
            item.setFont(font)
            if first <= page_index < end:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(int(item.data(PAGE_ROLE)))


def section_progress(form: Any, page: Any) -> tuple[int, int]:
    """(position, count) over the form's sections as the list beside it shows them, summary
    last (`page` None). The count is fixed by the form, not by what is relevant now, so the
    wizard's bar only moves forward as its pages do (counting pages made "Halaman 4 dari 6"
    become "dari 25" and the bar run backwards); calculates have no page and do not count
    (the household form said "Bagian 8 dari 17" on the 5th of 9 sections)."""
    parts = _parts(form)
    if page is None:
        return len(parts) + 1, len(parts) + 1
    key = page.section.name if page.section is not None else None
    return (parts.index(key) + 1 if key in parts else 1), len(parts) + 1


def _parts(form: Any) -> list[str | None]:
    """A leading general section (None) when questions stand outside any group, then each
    top-level group and repeat, as `navigation.sections` makes them."""
    loose = any(not node.is_container and not node.is_hidden for node in form.children)
    return ([None] if loose else []) + [n.name for n in form.children if n.is_container]
