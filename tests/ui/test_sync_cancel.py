"""Cancelling a running sync from the panel, against a real `kampung server run` on 127.0.0.1.

"Batalkan" stops the worker at its next safe point (between batches or pages, each one
transaction); the log records the session as cancelled, nothing is half-applied, no new sync
starts by itself, and the next sync sends the rest: nothing lost, nothing doubled.
"""

from __future__ import annotations

import pytest
from test_sync_live import (
    ENUMERATOR,
    OFFICE,
    enrol_in_dialog,
    household,
    mid_push,
    server,  # noqa: F401  (fixture)
    settle,
    settle_again,
    sync_headless,
)

pytestmark = pytest.mark.slow


def test_cancel_stops_the_sync_and_the_next_one_resumes(
    qtbot,
    open_window,
    data_dir,
    tmp_path,
    server,  # noqa: F811
):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    count = 1400  # 4,200 changes: more than one push batch (2,000 ops at most)
    ctx = AppContext.open(data_dir)
    try:
        registry = RegistryService(ctx.db, ctx.user_id)
        for i in range(count):
            registry.save(household(i))
    finally:
        ctx.close()
    window = open_window(data_dir)
    ui = window.sync_ui
    panel = ui.panel
    ui.show_panel()
    assert not panel.cancel_button.isVisible()  # nothing to cancel yet
    dialog = enrol_in_dialog(qtbot, ui, server.url, ENUMERATOR)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: mid_push(ui.controller.progress), timeout=30_000)
    assert panel.cancel_button.isVisible() and panel.cancel_button.text() == "Batalkan"
    assert not panel.sync_button.isVisible()

    panel.cancel_button.click()
    assert panel.cancel_button.text() == "Membatalkan…"
    assert not panel.cancel_button.isEnabled()
    outcome = settle(qtbot, ui)
    assert not outcome.ok and "dibatalkan" in outcome.error
    assert 0 < outcome.sent < 3 * count
    pending = ui.controller.status.pending_total
    assert pending == 3 * count - outcome.sent  # every receipted batch stays sent
    assert not panel.cancel_button.isVisible() and panel.sync_button.isEnabled()
    top = panel.log_view.plain(panel.log_view.topLevelItem(0))
    assert "Sinkronisasi dibatalkan; sinkron berikutnya melanjutkan dari sini" in top
    assert ui.indicator.text() == "● Dibatalkan"  # not "offline", not an error
    qtbot.wait(1500)
    assert not ui.controller.syncing  # a cancel is not undone by the automatic sync

    ui.sync_action.trigger()
    assert settle_again(qtbot, ui, timeout=120_000).ok
    assert ui.controller.status.pending_total == 0

    other = tmp_path / "other"
    other.mkdir()
    sync_headless(other, server.url, OFFICE)
    octx = AppContext.open(other)
    try:
        with octx.db.raw() as conn:
            households = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
            members = conn.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    finally:
        octx.close()
    assert (households, members) == (count, 2 * count)
