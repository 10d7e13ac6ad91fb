"""The wizard's save status: saving…, saved at a time, or failed, with a retry after a moment.

The writer saves each answer in the background; this label listens to it. A failed save is
retried (database in use, disk full), except a stale one: an answer changed elsewhere is said
once and never written over.
"""

from __future__ import annotations

from datetime import datetime

from kampung_desktop.core import formats
from kampung_desktop.services.assessments import AssessmentError, StaleWrite
from kampung_desktop.services.interview_saves import Save
from kampung_desktop.services.interview_session import InterviewSession
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import QLabel, QTimer, QWidget, Signal

RETRY_MS = 2000
_COLORS = {"saved": "#1b5e20", "failed": "#c62828"}  # ≥ 4.5:1 on white; else grey #5f6368


class SaveStatus(QLabel):
    # An answer changed elsewhere since this window read it (said once per window). A signal,
    # not a callback: a label holding the window's method would keep a closed window alive.
    overtaken = Signal(Exception)

    def __init__(self, session: InterviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveStatus")
        self.setFixedWidth(220)  # text changes on every save: no relayout
        self.session = session
        self._state = ""
        self._stale_shown = False
        writer = session.writer
        saved = getattr(writer, "saved", None)
        if saved is not None:
            saved.connect(self._saved)
            writer.failed.connect(self._failed)  # type: ignore[attr-defined]

    def saving(self) -> None:
        self._show("saving", t("saving", self.session.lang))

    def _show(self, state: str, text: str) -> None:
        if state != self._state:  # restyling is costly: only when the state changes
            self._state = state
            self.setStyleSheet(f"color: {_COLORS.get(state, '#5f6368')};")
        self.setText(text)

    def _saved(self, save: Save) -> None:
        stamp = formats.time_of_day(datetime.now(), self.session.lang, seconds=True)
        self._show("saved", t("saved", self.session.lang, time=stamp))

    def _failed(self, payload: tuple[Save, BaseException]) -> None:
        save, exc = payload
        from kampung_desktop.ui.faults import message_for  # database in use, disk full, …

        lang = self.session.lang
        error = message_for(exc, lang) or type(exc).__name__
        if isinstance(exc, StaleWrite):  # changed elsewhere: say so once, never overwrite
            error = t("stale", lang)
            if not self._stale_shown:
                self._stale_shown = True
                self.overtaken.emit(exc)
        self._show("failed", t("save_failed", lang, error=error))
        if isinstance(exc, AssessmentError) or save.field is None:
            return
        QTimer.singleShot(RETRY_MS, lambda: self._retry(save.field))

    def _retry(self, field: str | None) -> None:
        if field is not None and not self.session.read_only:
            self.session.resave(field)
