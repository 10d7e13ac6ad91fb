"""The widget of one wizard page: a question, or a whole `field-list` group, built on demand.

Only the page being shown exists as widgets. After an answer the wizard hands the engine's
`ChangeSet` to `refresh`, which touches just the rows whose state changed (plus labels that
quote other answers and choice lists that are filtered by them); when relevance adds or removes
fields of the group, `sync` creates or drops only those rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kampung_desktop.services.interview_session import InterviewSession
from kampung_desktop.survey import ChangeSet
from kampung_desktop.survey import navigation as nav
from kampung_desktop.ui.interview.factory import editor_for
from kampung_desktop.ui.interview.field_row import FieldRow
from kampung_desktop.ui.qt import (
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    Signal,
)


@dataclass
class PageContext:
    """What every page needs besides its own `Page`."""

    session: InterviewSession
    suggestions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    media_dir: Path | None = None

    @property
    def lang(self) -> str:
        return self.session.lang

    @property
    def locked(self) -> bool:
        return self.session.read_only


def entry_name(session: InterviewSession, entry: str) -> str:
    return session.entry_name(entry)


def page_heading(context: PageContext, page: nav.Page) -> tuple[str, str]:
    """(section, title) above a page; entries of a repeat say which entry they are."""
    session = context.session
    iv = session.interview
    section = ""
    if page.section is not None:
        section = session.form.text(page.section.labels, context.lang) or page.section.name
    title = iv.label(page.key) if page.kind != nav.QUESTION else ""
    if page.entry:
        section = session.entry_heading(page.entry.rstrip("/"))
        if page.kind == nav.GROUP and page.node.is_repeat:
            title = ""
    return section, title


class PageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = QLabel(self)
        self.section.setObjectName("pageSection")
        self.section.setStyleSheet("color: #1565c0; font-weight: 600;")
        self.section.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        layout.addWidget(self.section)
        layout.addWidget(self.title)

    def show_heading(self, section: str, title: str) -> None:
        if section == title:  # a top-level group is its own section: say it once
            section = ""
        self.section.setText(section)
        self.section.setVisible(bool(section))
        self.title.setText(title)
        self.title.setVisible(bool(title))


class PageView(QWidget):
    """A question page or a field-list group page."""

    answered = Signal(str, object)  # path, value in JSON shape
    finished = Signal()  # Enter on the last field: move to the next page

    def __init__(self, page: nav.Page, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.page = page
        self.context = context
        self.rows: dict[str, FieldRow] = {}
        self.revealed = False
        self.header = PageHeader(self)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(16, 12, 16, 12)
        self.body_layout.setSpacing(6)
        # Word-wrapped labels make the layout's minimum height the one at its narrowest width;
        # the scroll area is to use the height for the actual width instead, or it shows a
        # scroll bar for content that fits.
        self.body_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.body_layout.addWidget(self.header)
        self.body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.sync(page)

    @property
    def fields(self) -> tuple[str, ...]:
        return self.page.fields

    # -- building -------------------------------------------------------------------------
    def sync(self, page: nav.Page) -> None:
        """Show `page`'s fields: keep existing rows, create new ones, drop those gone."""
        self.page = page
        self.header.show_heading(*page_heading(self.context, page))
        for path in [p for p in self.rows if p not in page.fields]:
            row = self.rows.pop(path)
            self.body_layout.removeWidget(row)
            row.deleteLater()
        for path in page.fields:
            row = self.rows.get(path) or self._make_row(path)
            self.body_layout.removeWidget(row)
        for position, path in enumerate(page.fields, start=1):
            self.body_layout.insertWidget(position, self.rows[path])

    def _make_row(self, path: str) -> FieldRow:
        iv = self.context.session.interview
        node = self.context.session.form.nodes[path.rsplit("/", 1)[-1]]
        choices = iv.choices(path) if node.is_select else []
        editor = editor_for(
            node,
            self.context.lang,
            choices,
            suggestions=self.context.suggestions,
            media_dir=self.context.media_dir,
            parent=None,
        )
        row = FieldRow(path, node, editor, locked=self.context.locked, parent=self.body)
        row.reveal_required = self.revealed
        row.set_texts(iv.label(path), iv.hint(path))
        state = iv.state(path)
        row.apply(state)
        if editor is not None:
            editor.set_value(
                iv.answer(path) if node.is_question and not node.computed else state.value
            )
            editor.committed.connect(lambda value, p=path: self.answered.emit(p, value))
            editor.advance.connect(lambda p=path: self._advance(p))
        self.rows[path] = row
        return row

    # -- updating -------------------------------------------------------------------------
    def refresh(self, changes: ChangeSet) -> None:
        """Repaint what the change touched on this page; nothing else."""
        iv = self.context.session.interview
        for path, state in changes.changed.items():
            row = self.rows.get(path)
            if row is not None:
                row.apply(state)
        for path, row in self.rows.items():
            node = row.node
            if _quotes_answers(node):
                row.set_texts(iv.label(path), iv.hint(path))
            if node.choice_filter is not None and row.editor is not None:
                row.editor.set_choices(iv.choices(path))
        if self.page.entry:
            self.header.show_heading(*page_heading(self.context, self.page))

    def reveal(self) -> None:
        """Flag required fields still empty (the page has been left once)."""
        self.revealed = True
        for row in self.rows.values():
            row.reveal_required = True
            row.show_message()

    def commit_pending(self) -> None:
        for row in list(self.rows.values()):
            if row.editor is not None:
                row.editor.commit_pending()

    # -- focus ----------------------------------------------------------------------------
    def _editable(self) -> list[FieldRow]:
        return [
            row
            for row in (self.rows[p] for p in self.page.fields if p in self.rows)
            if row.editor is not None and not row.editor.read_only
        ]

    def focus_first(self) -> None:
        rows = self._editable()
        if rows:
            rows[0].editor.focus_editor()  # type: ignore[union-attr]

    def focus_path(self, path: str) -> None:
        row = self.rows.get(path)
        if row is None:
            return
        self.scroll.ensureWidgetVisible(row)
        if row.editor is not None:
            row.editor.focus_editor()

    def _advance(self, path: str) -> None:
        rows = self._editable()
        paths = [row.path for row in rows]
        if path in paths and paths.index(path) + 1 < len(paths):
            nxt = rows[paths.index(path) + 1]
            self.scroll.ensureWidgetVisible(nxt)
            nxt.editor.focus_editor()  # type: ignore[union-attr]
        else:
            self.finished.emit()


def _quotes_answers(node) -> bool:  # type: ignore[no-untyped-def]
    return any("${" in text for text in (*node.labels.values(), *node.hints.values()))
