"""Award decisions from a program tab: the decision dialog under the award rule, revoking.

Reads and writes run on the window's TaskRunner; the dialogs answer through signals. Texts keep
the "ProgramTab" translation context (literal, for lupdate) they had as methods of `ProgramTab`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kampung_desktop.ui.qt import QCoreApplication
from kampung_desktop.ui.review.decision_dialog import DecisionDialog
from kampung_desktop.ui.review.dialogs import NoteDialog, place_text

if TYPE_CHECKING:
    from kampung_desktop.ui.review.program_tab import ProgramTab


def decide_selected(tab: ProgramTab) -> None:
    ranked = tab.selected(tab.ranking_view)
    if ranked is None:
        return
    program, review = tab.program, tab.host.review

    def job() -> tuple:
        from kampung_desktop.services.printing import category_choices

        return (
            category_choices(program),
            review.user_names().get(review.user_id or "", ""),
            review.refusals(ranked.assessment),
        )

    tab.host.tasks.run(
        job, lambda got: _show_decision(tab, ranked.assessment, *got), tab.host.error
    )


def _show_decision(
    tab: ProgramTab, assessment: Any, categories: list, user: str, refusals: list
) -> None:
    dialog = DecisionDialog(tab.title, assessment, tab.host.year(), categories, user,
                            tab.host.lang(), tab, refusals)  # fmt: skip
    dialog.decided.connect(tab.decide)
    tab.decision_dialog = dialog
    dialog.open()


def decide(
    tab: ProgramTab, assessment: Any, year: int, category: str, reason: str | None, name: str
) -> None:
    """Record the award through the same rule as the CLI (an override needs `reason`)."""
    review = tab.host.review

    def job() -> Any:
        if name and name != tab.users.get(review.user_id or ""):
            review.set_my_name(name)
        return review.decide(assessment, year, category, override_reason=reason)

    tab.host.tasks.run(
        job,
        tab._after_change(
            QCoreApplication.translate("ProgramTab", "Keputusan penghargaan dicatat.")
        ),
        tab.host.error,
    )


def revoke_selected(tab: ProgramTab) -> NoteDialog | None:
    row = tab.selected(tab.decision_view)
    if row is None or row.decision.revoked_at:
        return None
    dialog = NoteDialog(
        QCoreApplication.translate("ProgramTab", "Cabut keputusan"),
        QCoreApplication.translate("ProgramTab", "Keputusan {place} kategori {category} dicabut, piagamnya ditandai dicabut "
                "(tidak dihapus). Tulis alasannya.").format(
            place=place_text(row.decision.rw, row.decision.rt), category=row.decision.category),
        QCoreApplication.translate("ProgramTab", "Cabut"),
        tab,
    )  # fmt: skip
    decision_id, review = row.decision.id, tab.host.review
    dialog.submitted.connect(
        lambda reason: tab.host.tasks.run(
            lambda: review.revoke(decision_id, reason),
            tab._after_change(QCoreApplication.translate("ProgramTab", "Keputusan dicabut.")),
            tab.host.error,
        )
    )
    tab.note_dialog = dialog
    dialog.open()
    return dialog
