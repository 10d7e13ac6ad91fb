"""A repeat's roster page: its entries with completion marks; add, remove, reorder, open.

The roster only lists; the wizard performs the change on the session (which saves the repeat
at once) and tells the roster to reload. With a 30-member household that is 30 list items,
one engine pass for the completion marks, and no per-entry widgets.
"""

from __future__ import annotations

from kampung_desktop.survey import navigation as nav
from kampung_desktop.ui.interview.page_view import PageContext, PageHeader, entry_name
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

COMPLETE = "✓"
INCOMPLETE = "○"
PATH_ROLE = Qt.ItemDataRole.UserRole


def entry_details(session, entry: str, count: int = 3) -> str:  # type: ignore[no-untyped-def]
    """The labels of an entry's first few coded answers (sex, relationship, ...), for the list."""
    repeat = session.form.nodes[entry.rsplit("/", 1)[-1].split("[", 1)[0]]
    labels: list[str] = []
    for node in repeat.walk():
        if node.type != "select_one" or node.chain != repeat.chain:
            continue
        value = session.interview.answer(f"{entry}/{node.name}")
        choice = node.choice(str(value)) if value not in (None, "") else None
        if choice is not None:
            labels.append(choice.label(session.lang, session.form.default_language))
            if len(labels) == count:
                break
    return " · ".join(labels)


class RosterView(QWidget):
    add_requested = Signal(str)  # repeat path
    remove_requested = Signal(str)  # entry path
    move_requested = Signal(str, int)  # entry path, new 1-based position
    open_requested = Signal(str)  # entry path
    finished = Signal()

    def __init__(self, page: nav.Page, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.page = page
        self.context = context
        lang = context.lang
        self.header = PageHeader(self)
        self.hint = QLabel(t("roster.hint", lang), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.count = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("rosterList")
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(PATH_ROLE)))
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = self._button("roster.add", lambda: self.add_requested.emit(self.page.key))
        self.remove_button = self._button("roster.remove", self._remove)
        self.up_button = self._button("roster.up", lambda: self._move(-1))
        self.down_button = self._button("roster.down", lambda: self._move(+1))
        self.open_button = self._button("roster.open", self._open)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        locked = context.locked or page.node.repeat_count is not None
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(not locked)
        self.reload()

    @property
    def fields(self) -> tuple[str, ...]:
        return ()

    def _button(self, key: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(t(key, self.context.lang), self)
        button.setObjectName(f"roster_{key.split('.')[-1]}")
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def sync(self, page: nav.Page) -> None:
        self.page = page
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """List the entries again (after a change), keeping or moving the selection."""
        session = self.context.session
        lang = self.context.lang
        self.header.show_heading(
            session.form.text(self.page.section.labels, lang) if self.page.section else "",
            session.interview.label(self.page.key),
        )
        entries = session.interview.entries(self.page.key)
        incomplete = {state.path.rsplit("/", 1)[0] for state in session.interview.missing()}
        current = select or self.current_entry()
        self.list.clear()
        for number, entry in enumerate(entries, start=1):
            name = entry_name(session, entry) or t("roster.unnamed", lang)
            details = entry_details(session, entry)
            if details:
                name = f"{name}  ·  {details}"
            done = not any(path == entry or path.startswith(entry + "/") for path in incomplete)
            item = QListWidgetItem(
                f"{COMPLETE if done else INCOMPLETE}  "
                + t("roster.entry", lang, number=number, name=name)
            )
            item.setData(PATH_ROLE, entry)
            self.list.addItem(item)
        self.count.setText(t("roster.count", lang, count=len(entries)))
        if current in entries:
            self.list.setCurrentRow(entries.index(current))
        elif entries:
            self.list.setCurrentRow(min(len(entries) - 1, max(0, self.list.currentRow())))
        self._update_buttons()

    def refresh(self, _changes: object) -> None:
        self.reload()

    def current_entry(self) -> str | None:
        item = self.list.currentItem()
        return item.data(PATH_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        has = row >= 0
        self.remove_button.setEnabled(has)
        self.open_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < count - 1)

    def _remove(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        lang = self.context.lang
        number = self.list.currentRow() + 1
        name = entry_name(self.context.session, entry) or t("roster.unnamed", lang)
        answer = QMessageBox.question(
            self,
            t("roster.remove_title", lang),
            t("roster.remove_ask", lang, number=number, name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_requested.emit(entry)

    def _move(self, step: int) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.move_requested.emit(entry, self.list.currentRow() + 1 + step)

    def _open(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.open_requested.emit(entry)

    def commit_pending(self) -> None:
        pass

    def reveal(self) -> None:
        pass

    def focus_first(self) -> None:
        (self.list if self.list.count() else self.add_button).setFocus()

    def focus_path(self, path: str) -> None:
        self.focus_first()
