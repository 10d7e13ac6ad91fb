"""Open a record named in the sync panel or log where it can be corrected.

A refused or conflicting record is only useful to the user if one double-click brings them to
the editor that fixes it: households and members in the household dialog (a member: its row
selected and its editor open), assessments and answers in the interview (an answer: its
question's page), award decisions and certificates in the review window on their kelurahan,
year and program. Saving there queues the record again for the next sync.
"""

from __future__ import annotations

import logging
from typing import Any

from kampung_desktop.ui.qt import QDialog, QObject, Signal

log = logging.getLogger(__name__)


class RecordOpener(QObject):
    opened = Signal(object)  # the dialog or window that was opened (tests, screenshots)

    def __init__(self, ui: Any) -> None:
        super().__init__(ui)
        self.ui = ui

    @property
    def window(self) -> Any:
        return self.ui.window

    def open(self, table: str, record_id: str) -> None:
        """Look the record up on the window's worker, then open its editor."""
        if table == "conflicts":
            self.opened.emit(self.ui.open_todo())
            return
        service = self.ui.service()
        self.window.tasks.run(lambda: service.record_target(table, record_id), self._dispatch)

    def _dispatch(self, target: Any) -> None:
        if target is None:
            self.window.status.showMessage(
                self.tr("Data ini tidak ada lagi di laptop ini (dihapus atau belum diterima)."),
                8000,
            )
            return
        log.info("opening %s %s from the sync panel", target.table, target.record_id[:8])
        if target.household_id:
            self._open_household(target.household_id, target.member_id)
        elif target.program:
            self._open_review(target)
        elif target.assessment_id:
            self._open_assessment(target.assessment_id, target.question)

    # -- households and members ---------------------------------------------------------------
    def _open_household(self, household_id: str, member_id: str | None) -> None:
        registry = self.window.backend.registry
        self.window.tasks.run(
            lambda: registry.draft_of(household_id),
            lambda draft: self._household_loaded(draft, member_id),
        )

    def _household_loaded(self, draft: Any, member_id: str | None) -> None:
        from kampung_desktop.ui.household_dialog import HouseholdDialog

        if draft is None:
            return
        window = self.window
        dialog = HouseholdDialog(window.backend.registry, draft, window, areas=window._areas)
        dialog.finished.connect(lambda result: self._household_done(dialog, result))
        dialog.open()
        index = next((i for i, m in enumerate(draft.members) if m.id == member_id), None)
        if index is not None:
            dialog.members.focus_row(index)
            dialog.members.edit_member(index)
        self.opened.emit(dialog)

    def _household_done(self, dialog: Any, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.window.refresh_all(select_id=dialog.saved_id)
            self.ui.controller.refresh()
        dialog.deleteLater()

    # -- assessments, decisions -----------------------------------------------------------------
    def _open_assessment(self, assessment_id: str, question: str | None) -> None:
        wizard = self.ui.reopen(assessment_id)
        if wizard is None:
            return
        if question:
            from kampung_desktop.survey.navigation import page_index

            if any(question == p.key or question in p.fields for p in wizard.pages):
                wizard.go_to(page_index(wizard.pages, question), question)
        self.opened.emit(wizard)

    def _open_review(self, target: Any) -> None:
        from kampung_desktop.ui.review import open_review

        review = open_review(self.ui.ctx, self.window)
        if target.year:
            review.year_box.setValue(target.year)
        kode = target.kelurahan_kode
        if kode and review.areas:
            review.select_kelurahan(kode)
        elif kode:  # the window reads its areas on its worker: choose once they are there
            review.areasLoaded.connect(lambda: review.select_kelurahan(kode))
        tab = review.program_tabs.get(target.program)
        if tab is not None:
            review.tabs.setCurrentWidget(tab)
        self.opened.emit(review)
