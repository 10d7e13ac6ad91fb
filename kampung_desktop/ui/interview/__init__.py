"""The interview wizard (issue #3): entry points for the main window.

    from kampung_desktop.ui.interview import open_interview
    window = open_interview(ctx, parent=self, household_id=selected_or_None)

`open_interview` asks for the form and area (or uses the household), then opens the wizard
window; `open_assessment` opens a known assessment directly (e.g. from a review list).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.ui import i18n
from kampung_desktop.ui.interview.autosave import AutosaveWriter
from kampung_desktop.ui.interview.wizard import InterviewWindow
from kampung_desktop.ui.qt import QApplication, QDialog, QMessageBox, Qt, QWidget

__all__ = ["InterviewWindow", "open_assessment", "open_interview", "media_dir"]

#: The wizard's text field that gets type-ahead over the kelurahan reference list.
KELURAHAN_FIELD = "kelurahan_code"
#: assessment id → its open window (one per assessment in this process).
_OPEN: dict[str, InterviewWindow] = {}


def media_dir(data_dir: Path, assessment_id: str) -> Path:
    """Where an assessment's photos are copied (next to the database, kept with it)."""
    return Path(data_dir) / "attachments" / assessment_id


def open_interview(
    ctx: Any, parent: QWidget | None = None, household_id: str | None = None
) -> InterviewWindow | None:
    """Choose form + area (or the given household's), then show the wizard; None if cancelled."""
    from kampung_desktop.ui.interview.start_dialog import StartDialog

    service = InterviewService.for_context(ctx)
    lang = i18n.current()  # the form opens in the app's language (switchable in the wizard)
    dialog = StartDialog(service, lang, household_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.assessment_id is None:
        return None
    return open_assessment(ctx, dialog.assessment_id, parent, service=service, lang=lang)


def open_assessment(
    ctx: Any,
    assessment_id: str,
    parent: QWidget | None = None,
    *,
    service: InterviewService | None = None,
    lang: str | None = None,
) -> InterviewWindow | None:
    """Open the wizard on one assessment (a returned one reopens for correction); if it is
    open already, that window is brought forward: two windows on one draft would each save
    over the other."""
    already = _OPEN.get(assessment_id)
    if already is not None:
        already.showNormal()
        already.raise_()
        already.activateWindow()
        return already
    service = service or InterviewService.for_context(ctx)
    lang = lang or ctx.setting("language") or "id"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        writer = AutosaveWriter(service.assessments)
        try:
            session = service.open(assessment_id, lang=lang, writer=writer)
        except Exception as exc:
            writer.close()
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(parent, "Kampung", str(exc))
            return None
        window = InterviewWindow(
            session,
            suggestions={KELURAHAN_FIELD: service.kelurahan()},
            media_dir=media_dir(ctx.data_dir, assessment_id),
            parent=parent,
        )
        writer.setParent(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        _OPEN[assessment_id] = window
        window.destroyed.connect(partial(_OPEN.pop, assessment_id, None))
        window.show()
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
    return window
