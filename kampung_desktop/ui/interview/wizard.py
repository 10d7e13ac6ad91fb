"""The interview wizard: one page at a time, every answer autosaved the moment it is given.

Layout: banners (reviewer's note, read-only) on top; the section list on the left; the current
page in the middle; progress, save status, Back and Next at the bottom. Only the current page
exists as widgets. An answer goes to the session (engine update + a `Save` for the background
writer) and the page repaints only what the `ChangeSet` names; the page list is recomputed only
when relevance or a repeat changed, and the section marks a moment later (debounced).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from kampung_desktop.services import interview_nik
from kampung_desktop.services.assessments import AssessmentError
from kampung_desktop.services.interviews import InterviewSession, Writer
from kampung_desktop.survey import AnswerError, ChangeSet
from kampung_desktop.survey import navigation as nav
from kampung_desktop.ui import i18n
from kampung_desktop.ui.interview.background_audio import (
    BackgroundAudio,
    RecordingIndicator,
    RecordingNote,
)
from kampung_desktop.ui.interview.header import InterviewHeader
from kampung_desktop.ui.interview.page_view import PageContext, PageView
from kampung_desktop.ui.interview.recorder import Recorder
from kampung_desktop.ui.interview.roster import RosterView
from kampung_desktop.ui.interview.save_status import SaveStatus
from kampung_desktop.ui.interview.sections import SectionList, section_progress
from kampung_desktop.ui.interview.summary import SummaryView
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QApplication,
    QCloseEvent,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.tab_order import keep_nav_last

log = logging.getLogger(__name__)

SECTIONS_DELAY_MS = 150


class InterviewWindow(QWidget):
    """The wizard for one `InterviewSession`. `writer` defaults to the session's own."""

    pageShown = Signal(int)  # index; len(pages) is the summary
    finalized = Signal(str)  # assessment id

    def __init__(
        self,
        session: InterviewSession,
        *,
        writer: Writer | None = None,
        suggestions: dict[str, list[tuple[str, str]]] | None = None,
        media_dir: Path | None = None,
        recorder: Recorder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("interviewWindow")
        self.session = session
        if writer is not None:
            session.writer = writer
        self.writer = session.writer
        self.context = PageContext(session, suggestions or {}, media_dir)
        self.pages: list[nav.Page] = session.pages()
        self.index = -1
        self.view: Any = None
        self.visited: set[str] = set()
        #: The form's `background-audio` recording (nothing when it has none).
        self.audio = BackgroundAudio(session, media_dir, recorder, self)
        self._build()
        self._sections_timer = QTimer(self)
        self._sections_timer.setSingleShot(True)
        self._sections_timer.setInterval(SECTIONS_DELAY_MS)
        self._sections_timer.timeout.connect(self.refresh_sections)
        self.retranslate()
        self.go_to(session.resume_index())
        self.resize(1120, 760)
        self.audio.start()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = InterviewHeader(self.session, self)
        self.header.language_chosen.connect(self.set_language)
        h = self.header  # its parts by their old names (tests and tools read them)
        self.note_banner, self.lock_banner, self.language = h.note_banner, h.lock_banner, h.language

        self.sections = SectionList(self)
        self.sections.jump_requested.connect(self.go_to)
        self.page_host = QWidget(self)
        self.page_host.setObjectName("pageHost")
        self.page_layout = QVBoxLayout(self.page_host)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.page_host)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 860])
        splitter.setChildrenCollapsible(False)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(True)
        self.save_status = SaveStatus(self.session, self)
        self.save_status.overtaken.connect(self._show_error)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.next)
        self.recording = RecordingIndicator(self.audio, self)
        self.recording_note = RecordingNote(self.audio, self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.recording)
        bottom.addWidget(self.save_status)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.header)
        layout.addWidget(self.recording_note)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        for keys, slot in (
            ("Alt+Right", self.next),
            ("Alt+Left", self.back),
            ("Ctrl+PgDown", self.next),
            ("Ctrl+PgUp", self.back),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

    def retranslate(self) -> None:
        lang = self.session.lang
        self.setWindowTitle(t("window.title", lang, form=self.session.form.title))
        self.header.retranslate(self.session)
        self.recording.retranslate()
        self.recording_note.retranslate()
        self.back_button.setText(t("back", lang))
        self.progress.setFormat(t("progress", lang))
        self.sections.setAccessibleName(t("sections", lang))
        self._update_nav()

    # -- navigation -----------------------------------------------------------------------
    @property
    def summary_index(self) -> int:
        return len(self.pages)

    @property
    def current_page(self) -> nav.Page | None:
        return self.pages[self.index] if 0 <= self.index < len(self.pages) else None

    def go_to(self, index: int, focus_path: str | None = None) -> None:
        """Show page `index` (the summary when it is `len(pages)`), building it now."""
        index = max(0, min(index, self.summary_index))
        self._leave_page()
        self.index = index
        page = self.current_page
        if page is None:
            view: Any = SummaryView(self.context)
            view.jump_requested.connect(lambda i, path: self.go_to(i, path))
            view.finalize_requested.connect(self.finalize)
        elif page.kind == nav.ROSTER:
            view = RosterView(page, self.context)
            view.add_requested.connect(self.add_entry)
            view.remove_requested.connect(self.remove_entry)
            view.move_requested.connect(self.move_entry)
            view.open_requested.connect(self.open_entry)
        else:
            view = PageView(page, self.context)
            view.answered.connect(self._editor_answered)
            if page.key in self.visited:
                view.reveal()
        view.finished.connect(self.next)
        self.page_layout.addWidget(view)
        view.show()  # now, not on the next event-loop pass: focus and tests see it at once
        keep_nav_last(view, self.back_button, self.next_button)  # Tab: page, then Back/Next
        self.view = view
        if page is not None:
            self.session.show_page(page.key)
        self._update_nav()
        self.refresh_sections()
        if focus_path:
            view.focus_path(focus_path)
        else:
            view.focus_first()
        self.pageShown.emit(index)

    def _leave_page(self) -> None:
        view = self.view
        if view is None:
            return
        view.commit_pending()  # the answer being typed is given before the page goes
        if self.current_page is not None:
            self.visited.add(self.current_page.key)
        self.page_layout.removeWidget(view)
        view.hide()
        view.deleteLater()
        self.view = None

    def next(self) -> None:
        if self.index < self.summary_index:
            self.go_to(self.index + 1)

    def back(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def _update_nav(self) -> None:
        lang = self.session.lang
        self.back_button.setEnabled(self.index > 0)
        at_summary = self.index >= self.summary_index
        self.next_button.setEnabled(not at_summary)
        last = self.index == self.summary_index - 1
        self.next_button.setText(t("to_summary" if last else "next", lang))
        done, total = section_progress(self.session.form, self.current_page)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.sections.mark_current(self.index)

    def refresh_sections(self) -> None:
        self._sections_timer.stop()
        self.sections.show_sections(
            self.session.sections(), t("summary", self.session.lang), self.summary_index
        )
        self.sections.mark_current(self.index)

    # -- answering ------------------------------------------------------------------------
    def _editor_answered(self, path: str, value: Any) -> None:
        self.answer(path, value, echo=False)

    def answer(self, path: str, value: Any, *, echo: bool = True) -> None:
        """Give an answer: engine, autosave, and a repaint of what changed.

        Editors call this with `echo=False` (they already show the value); other callers get
        the value shown in the field's editor when it is on the current page.
        """
        try:
            changes = self.session.answer(path, value)
        except (AnswerError, AssessmentError) as exc:
            self._show_error(exc)
            return
        self._after_change(changes)
        row = getattr(self.view, "rows", {}).get(path)
        if echo and row is not None and row.editor is not None:
            row.editor.set_value(self.session.interview.answer(path))
        for sibling, given in interview_nik.followups(self.session.interview, path, value).items():
            self.answer(sibling, given)  # a valid NIK gives sex and birth date, as in the dialog

    def _after_change(self, changes: ChangeSet, select: str | None = None) -> None:
        self.save_status.saving()
        pages = self.session.pages()
        if pages is not self.pages:
            old = self.current_page
            self.pages = pages
            if old is not None:
                self.index = nav.page_index(pages, old.key)
                page = self.pages[self.index] if self.pages else None
                if page is not None and page.key == old.key and page.kind == old.kind:
                    if page.fields != self.view.fields or page != old:
                        self.view.sync(page)
                else:  # the page itself went away: show where its key now leads
                    self.go_to(self.index)
                    return
            else:
                self.index = self.summary_index
            self._update_nav()
        if isinstance(self.view, RosterView):
            self.view.reload(select)
        else:
            self.view.refresh(changes)
        self._sections_timer.start()

    def add_entry(self, repeat_path: str) -> None:
        changes = self._structure(lambda: self.session.add_entry(repeat_path))
        if changes is not None:
            self._after_change(changes, changes.entry)

    def remove_entry(self, entry_path: str) -> None:
        changes = self._structure(lambda: self.session.remove_entry(entry_path))
        if changes is not None:
            self._after_change(changes)

    def move_entry(self, entry_path: str, position: int) -> None:
        changes = self._structure(lambda: self.session.move_entry(entry_path, position))
        if changes is not None:
            prefix = entry_path.rsplit("[", 1)[0]
            count = len(self.session.interview.entries(prefix))
            self._after_change(changes, f"{prefix}[{max(1, min(position, count))}]")

    def _structure(self, change) -> ChangeSet | None:  # type: ignore[no-untyped-def]
        try:
            return change()
        except (AnswerError, AssessmentError) as exc:
            self._show_error(exc)
            return None

    def open_entry(self, entry_path: str) -> None:
        """Go to the first page of a repeat entry (from the roster)."""
        prefix = entry_path + "/"
        for index, page in enumerate(self.pages):
            if page.entry == prefix or page.key == entry_path:
                self.go_to(index)
                return

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """The app's language changed (Settings): an open interview follows it, form included."""
        if event.type() == QEvent.Type.LanguageChange:
            # The window as context: a wizard deleted before the timer fires is not called.
            QTimer.singleShot(0, self, self._follow_app_language)
        super().changeEvent(event)

    def _follow_app_language(self) -> None:
        lang = i18n.current()
        if self.language.findData(lang) >= 0:
            self.set_language(lang)

    def set_language(self, lang: str) -> None:
        if not lang or lang == self.session.lang:
            return
        if self.view is not None:
            self.view.commit_pending()
        self.session.set_language(lang)
        self.header.show_language(lang)
        self.retranslate()
        self.go_to(self.index)  # the page is rebuilt in the new language

    # -- finishing ------------------------------------------------------------------------
    def finalize(self) -> bool:
        lang = self.session.lang
        answer = QMessageBox.question(self, t("finalize.title", lang), t("finalize.ask", lang))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.audio.finish()  # the recording ends with the interview, and is part of it
        try:
            result = self.session.finalize()
        except AssessmentError as exc:
            self._show_error(exc)
            self.audio.start()
            return False
        if not result.finalized:
            self.audio.start()  # still a draft: record on (appended to what is kept)
            self.go_to(self.summary_index)
            return False
        self.retranslate()
        self.go_to(self.summary_index)
        self.finalized.emit(self.session.id)
        return True

    def _show_error(self, exc: Exception) -> None:
        text = exc.text(self.session.lang) if hasattr(exc, "text") else str(exc)
        QMessageBox.warning(self, t("error.title", self.session.lang), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.view is not None:
            self.view.commit_pending()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.audio.finish()  # the recording is stored (and saved) before the window goes
            self.session.close()  # every queued answer is on disk before the window goes
            close = getattr(self.writer, "close", None)
            if close is not None:
                close()
        finally:
            QApplication.restoreOverrideCursor()
        super().closeEvent(event)
