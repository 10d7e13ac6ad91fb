"""Every refused or conflicting record in the sync panel and log opens in its editor.

A member the server refused opens in the household dialog with its row selected and its editor
open; correcting it queues it again and the next sync is accepted (real server on 127.0.0.1).
An answer named in the log opens the interview on its question; an award decision opens the
review on its kelurahan, year and program.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_sync_live import (
    ENUMERATOR,
    finalized_assessment,
    household,
    open_enrolled,
    open_wizard,
    server,  # noqa: F401  (fixture)
    settle_again,
)
from ui_sample_data import SUKARASA

from kampung_desktop.services.sync import SyncLogEntry, SyncOutcome

pytestmark = pytest.mark.slow

LONG_NAME = "Siti " + "Aminah " * 40  # longer than the server takes (200 characters)


def opened(qtbot, ui, activate) -> Any:
    seen: list[Any] = []
    ui.opener.opened.connect(seen.append)
    activate()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    return seen[0]


def test_a_refused_member_opens_on_its_row_and_correcting_it_sends_it_again(
    qtbot,
    open_window,
    filled_dir,
    server,  # noqa: F811
):
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    draft = household(5)
    draft.members[1].name = LONG_NAME
    saved = window.backend.registry.save(draft)
    ui.sync_action.trigger()
    outcome = settle_again(qtbot, ui)
    assert outcome.rejected == 1
    [record] = ui.controller.status.rejected
    assert record.table == "members"

    view = ui.panel.rejected_view
    dialog = opened(qtbot, ui, lambda: view.itemActivated.emit(view.topLevelItem(0), 0))
    assert dialog.isVisible()
    assert dialog.members.selected_row() == 1  # the refused member, not the head
    editor = dialog.member_editor
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible(), timeout=5_000)
    assert editor.name.text().strip() == LONG_NAME.strip()  # the refused member, as saved
    editor.name.setText("Siti Aminah")
    editor.accept()
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert window.backend.registry.draft_of(saved.household_id).members[1].name == "Siti Aminah"

    ui.sync_action.trigger()
    outcome = settle_again(qtbot, ui)
    assert outcome.ok and outcome.rejected == 0 and outcome.accepted >= 1
    qtbot.waitUntil(lambda: ui.controller.status.rejected == [], timeout=10_000)
    assert ui.panel.rejected_view.topLevelItemCount() == 0


def log_with(*items: tuple[str, str, str, str]) -> list[SyncLogEntry]:
    outcome = SyncOutcome(1, 0, 0, 0, 1, 0, ok=True, error=None, needs_attention=True)
    return [SyncLogEntry("s1", "2026-12-01T02:00:00+00:00", "2026-12-01T02:01:00+00:00",
                         outcome, list(items))]  # fmt: skip


def test_an_answer_in_the_log_opens_the_interview_on_its_question(qtbot, open_window, filled_dir):
    window = open_window(filled_dir)
    ui = window.sync_ui
    aid = finalized_assessment(window.backend.ctx)
    qtbot.waitUntil(lambda: ui.controller.service is not None, timeout=10_000)
    reason = "Sudah diubah di perangkat lain / Changed on another device"
    ui.controller._set_log(
        log_with(("assessment_answers", f"{aid}/kategori_rt", "conflict", reason))
    )
    log_view = ui.panel.log_view
    child = log_view.topLevelItem(0).child(0)
    wizard = opened(qtbot, ui, lambda: log_view.itemActivated.emit(child, 0))
    assert wizard is open_wizard() and wizard.session.id == aid
    assert "kategori_rt" in wizard.current_page.fields
    wizard.close()


def test_an_award_decision_in_the_log_opens_the_review_on_its_place(qtbot, open_window, filled_dir):
    from kampung_desktop.storage.models import AwardDecision

    window = open_window(filled_dir)
    ui = window.sync_ui
    ctx = window.backend.ctx
    aid = finalized_assessment(ctx)
    with ctx.db.write() as session:
        decision = AwardDecision(
            program="bantar", year=2025, kelurahan_kode=SUKARASA, rw=2, rt=1,
            category="sedang", assessment_id=aid, decided_at="2026-11-01T00:00:00+00:00",
        )  # fmt: skip
        session.add(decision)
        session.flush()
        decision_id = decision.id
    qtbot.waitUntil(lambda: ui.controller.service is not None, timeout=10_000)
    ui.controller._set_log(log_with(("award_decisions", decision_id, "rejected", "a / b")))
    log_view = ui.panel.log_view
    child = log_view.topLevelItem(0).child(0)
    review = opened(qtbot, ui, lambda: log_view.itemActivated.emit(child, 0))
    qtbot.waitUntil(lambda: review.kelurahan_kode() == SUKARASA, timeout=10_000)
    assert review.year() == 2025
    assert review.tabs.currentWidget() is review.program_tabs["bantar"]
    review.close()
