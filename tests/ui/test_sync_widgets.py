"""Sync views driven with plain service values: panel, log, indicator, conflict and enrol dialogs.

These check what the user reads for a given status; the same views against the real service and
a real server process are in test_sync_live.py.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from kampung_desktop.services.sync import (
    ConflictItem,
    FieldChoice,
    RejectedRecord,
    SyncLogEntry,
    SyncOutcome,
    SyncProgress,
    SyncStatus,
)
from kampung_desktop.ui import i18n

NIK_REASON = RejectedRecord(
    table="members",
    record_id="m-1",
    label="Siti Aminah",
    code="nik_invalid",
    reason_id="NIK harus 16 angka; periksa KTP.",
    reason_en="NIK must have 16 digits; check the ID card.",
    at="2026-12-01T02:10:00+00:00",
)


def status(**changes) -> SyncStatus:
    values = dict(
        enrolled=True, server_url="http://127.0.0.1:1", username="budi", device_code="D1F",
        revoked=False, last_success_at="2026-12-01T02:10:00+00:00", last_attempt_at=None,
        pending={}, pending_total=0, rejected=[], open_conflicts=0, state="up_to_date",
    )  # fmt: skip
    values.update(changes)
    return SyncStatus(**values)


@pytest.fixture
def controller(qtbot):
    from kampung_desktop.ui.sync.controller import SyncController

    made = SyncController(lambda: None, auto=False)
    yield made
    made.shutdown(1)
    i18n.apply("id")


@pytest.fixture
def english():
    if not i18n.qm_path("en").exists():
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
        import build_translations

        build_translations.release(build_translations.ts_path("en"))
    assert i18n.apply("en")
    yield
    i18n.apply("id")


def test_panel_shows_pending_counts_by_kind_and_the_rejected_reason(qtbot, controller):
    from kampung_desktop.ui.sync.panel import SyncPanel

    panel = SyncPanel(controller)
    qtbot.addWidget(panel)
    controller._set_status(
        status(pending={"members": 41, "households": 12}, pending_total=53,
               rejected=[NIK_REASON], state="needs_attention")
    )  # fmt: skip
    assert panel.pending_counts() == {"Rumah tangga": 12, "Anggota keluarga": 41}
    assert panel.pending_total_label.text() == "Menunggu dikirim: 53 perubahan"
    assert panel.rejected_view.reasons() == ["NIK harus 16 angka; periksa KTP."]
    assert "Perlu perhatian" in panel.state_label.text()
    assert panel.tabs.tabText(0) == "Ditolak (1)"

    controller._set_status(status())
    assert panel.pending_counts() == {}
    assert panel.pending_total_label.text() == "Tidak ada perubahan yang menunggu dikirim."
    assert "Tersinkron" in panel.state_label.text()


def test_panel_progress_counts_records_and_bytes(qtbot, controller):
    from kampung_desktop.ui.sync.panel import SyncPanel

    panel = SyncPanel(controller)
    qtbot.addWidget(panel)
    controller._set_status(status())
    controller.syncing = True
    controller.progressChanged.emit(SyncProgress("push", 320, 1200, 1_300_000, 24_000))
    assert panel.progress_bar.maximum() == 1200 and panel.progress_bar.value() == 320
    assert panel.progress_label.text() == (
        "Mengirim data: 320 dari 1.200 data · 1,2 MB terkirim · 23,4 KB diterima"
    )
    controller.syncing = False
    controller.last_outcome = SyncOutcome(5, 4, 0, 0, 1, 7, True, None, True)
    controller._set_status(status())
    assert panel.progress_bar.isHidden()
    assert panel.progress_label.text() == (
        "Sinkron terakhir: 5 dikirim · 4 diterima · 1 ditolak · 7 diterima dari server"
    )


def test_panel_and_reasons_follow_the_english_switch(qtbot, controller, english):
    from kampung_desktop.ui.sync.panel import SyncPanel

    panel = SyncPanel(controller)
    qtbot.addWidget(panel)
    controller._set_status(
        status(pending={"households": 2}, pending_total=2, rejected=[NIK_REASON])
    )
    assert panel.pending_counts() == {"Households": 2}
    assert panel.rejected_view.reasons() == ["NIK must have 16 digits; check the ID card."]
    assert panel.sync_button.text() == "Sync now"


def test_sync_log_lists_each_session_with_its_refused_records(qtbot, controller):
    from kampung_desktop.ui.sync.log_view import SyncLogView

    view = SyncLogView()
    qtbot.addWidget(view)
    outcome = SyncOutcome(3, 1, 0, 1, 1, 0, True, None, True)
    failed = SyncOutcome(
        0, 0, 0, 0, 0, 0, False, "Server tidak terjangkau / Server unreachable", True
    )
    view.set_entries([
        SyncLogEntry("s2", "2026-12-01T02:10:00+00:00", "2026-12-01T02:11:00+00:00", outcome,
                     [("members", "m-1", "rejected", "NIK harus 16 angka / NIK must have 16 digits"),
                      ("households", "h-1", "conflict", "Alamat berubah di dua tempat / Address changed twice")]),
        SyncLogEntry("s1", "2026-12-01T01:00:00+00:00", "2026-12-01T01:00:03+00:00", failed, []),
    ])  # fmt: skip
    first, second = view.topLevelItem(0), view.topLevelItem(1)
    assert "3 dikirim · 1 diterima · 1 bentrok · 1 ditolak" in view.plain(first)
    assert first.isExpanded() and first.childCount() == 2
    assert view.plain(first.child(0)).startswith(
        "Anggota keluarga: ditolak"
    )  # no label: never an id
    assert view.plain(first.child(0)).endswith("NIK harus 16 angka")
    assert view.plain(second).split("\n")[1].startswith("Server tidak terjangkau (0 dikirim")

    view.resize(260, 400)  # a narrow dock: long lines are broken, never cut
    view.show()
    top = view.topLevelItem  # refilled at the new width: fresh items
    qtbot.waitUntil(lambda: top(0).text(0).count("\n") > view.plain(top(0)).count("\n"))
    assert top(0).text(0).replace("\n", " ") == view.plain(top(0)).replace("\n", " ")


def test_indicator_names_each_state(qtbot):
    from kampung_desktop.ui.sync.indicator import SyncIndicator

    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    seen = {}
    for state in ("offline", "syncing", "up_to_date", "needs_attention", "not_enrolled"):
        indicator.set_state(state)
        seen[state] = indicator.text()
    assert seen == {
        "offline": "● Offline",
        "syncing": "● Menyinkronkan…",
        "up_to_date": "● Tersinkron",
        "needs_attention": "● Perlu perhatian",
        "not_enrolled": "● Offline (tanpa server)",
    }


def test_display_state_prefers_attention_over_offline_and_syncing_over_all(controller):
    controller._set_status(status(state="offline"))
    controller.reachable = False
    assert controller.display_state() == "offline"
    controller._set_status(status(rejected=[NIK_REASON], state="needs_attention"))
    assert controller.display_state() == "needs_attention"
    controller.syncing = True
    assert controller.display_state() == "syncing"
    controller.syncing = False
    controller._set_status(status(enrolled=False, server_url=None, state="not_enrolled"))
    assert controller.display_state() == "not_enrolled"
    controller._set_status(status(revoked=True))
    assert controller.display_state() == "revoked"


def test_conflict_dialog_needs_a_choice_for_every_field(qtbot):
    from kampung_desktop.ui.sync.conflict_dialog import ConflictDialog

    conflict = ConflictItem("c-1", "households", "h-1", "Budi Santoso", [
        FieldChoice("address", "Alamat", "Jl. Kenanga 5", "Jl. Kenanga 5A"),
        FieldChoice("rt", "RT", "3", "4"),
    ])  # fmt: skip
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    assert dialog.radios[("address", "mine")].text() == "Jl. Kenanga 5"
    assert dialog.radios[("address", "theirs")].text() == "Jl. Kenanga 5A"
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == "Masih 2 isian belum dipilih."
    dialog.choose("address", "mine")
    assert not dialog.ok_button.isEnabled()
    dialog.choose("rt", "theirs")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.resolved) as signal:
        dialog.ok_button.click()
    assert signal.args == ["c-1", {"address": "mine", "rt": "theirs"}]
    dialog.choose_all("theirs")
    assert dialog.choices() == {"address": "theirs", "rt": "theirs"}


@pytest.mark.parametrize(
    ("url", "user", "password", "message"),
    [
        ("kampung.go.id", "budi", "x", "Alamat server harus diawali http:// atau https://"),
        ("http://127.0.0.1:9", "", "x", "Isi nama pengguna yang diberikan admin."),
        ("http://127.0.0.1:9", "budi", "", "Isi kata sandi."),
    ],
)
def test_enrol_dialog_says_what_is_missing(qtbot, controller, url, user, password, message):
    from kampung_desktop.ui.sync.enrol_dialog import EnrolDialog

    controller._set_status(status(enrolled=False, server_url=None, state="not_enrolled"))
    dialog = EnrolDialog(controller)
    qtbot.addWidget(dialog)
    assert dialog.server_radio.isChecked()
    dialog.url_edit.setText(url)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.submit()
    assert dialog.message.text().startswith(message)
    assert not dialog.busy and dialog.isEnabled()


def test_enrol_dialog_offline_choice_needs_no_fields(qtbot, controller):
    from kampung_desktop.ui.sync.enrol_dialog import EnrolDialog

    controller._set_status(status(enrolled=False, server_url=None, state="not_enrolled"))
    dialog = EnrolDialog(controller)
    qtbot.addWidget(dialog)
    dialog.offline_radio.setChecked(True)
    assert not dialog.url_edit.isEnabled()
    with qtbot.waitSignal(dialog.chosen) as signal:
        dialog.submit()
    assert signal.args == ["offline"]


def test_runner_returns_results_on_the_ui_thread_and_coalesces_progress(qtbot):
    from kampung_desktop.ui.sync.runner import SyncRunner

    runner = SyncRunner()
    seen: list[object] = []
    runner.progressed.connect(seen.append)
    results: list[tuple[str, bool]] = []

    def job() -> str:
        for i in range(5000):
            runner.report(i)
        return threading.current_thread().name

    runner.run(job, lambda name: results.append((name, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(results))
    assert results[0] == ("kampung-sync", "MainThread")
    qtbot.waitUntil(lambda: seen and seen[-1] == 4999)
    assert len(seen) < 5000  # reports waiting in the queue were merged, the last one kept
    assert runner.shutdown(2)


def test_quitting_cancels_a_running_job_and_waits_for_it(qtbot):
    from kampung_desktop.ui.sync.runner import SyncRunner

    runner = SyncRunner()
    started, stopped = threading.Event(), threading.Event()

    def job() -> None:
        started.set()
        runner.cancel.wait(30)  # as the engine checks it between batches
        stopped.set()

    runner.run(job)
    assert started.wait(5)
    t0 = time.monotonic()
    assert runner.shutdown(5)
    assert stopped.is_set() and time.monotonic() - t0 < 2


def test_quitting_never_hangs_on_a_job_that_ignores_cancel(qtbot):
    from kampung_desktop.ui.sync.runner import SyncRunner

    runner = SyncRunner()
    release = threading.Event()
    runner.run(lambda: release.wait(30))
    t0 = time.monotonic()
    assert not runner.shutdown(0.3)
    assert time.monotonic() - t0 < 2
    release.set()
