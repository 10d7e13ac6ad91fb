"""The sync UI against the real `SyncService` and a real `kampung server run` on 127.0.0.1.

Driven as a user would: enrol in the dialog, watch the pending counter fall to zero, read a
refused record's reason in the panel, find the office's returned assessment in the to-do list
with its note and reopen it, lose and regain the server without touching anything, and quit in
the middle of a sync and find nothing lost or doubled at the next start.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from server_fixtures import kampung
from ui_sample_data import CIBODAS_SARI, SUKARASA

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.ui import i18n

pytestmark = pytest.mark.slow

ENUMERATOR, OFFICE, PASSWORD = "ani", "lurah", "rahasia-sekali-123"
SCOPE = f"{SUKARASA},{CIBODAS_SARI}"


@pytest.fixture(autouse=True)
def _token_key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The encrypted-file token store keeps its key here, not in the real config dir."""
    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))


@pytest.fixture
def server(live_server_sqlite):
    """The real server process, with the shipped wilayah codes, an enumerator and an office."""
    seed_wilayah(live_server_sqlite.db_url)
    live_server_sqlite.add_user(ENUMERATOR, "enumerator", PASSWORD, scope=SCOPE)
    live_server_sqlite.add_user(OFFICE, "operator", PASSWORD, scope=SCOPE)
    return live_server_sqlite


def seed_wilayah(db_url: str) -> None:
    """Publish the shipped wilayah list on the server (`server init` creates only the schema).

    In a child process: the server's tables share SQLModel's metadata with the desktop's, so
    the two cannot be imported into one interpreter.
    """
    done = subprocess.run(
        [sys.executable, "-c", SEED_WILAYAH, db_url], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


SEED_WILAYAH = """
import csv, sys
from kampung_sync.server import records
from kampung_sync.server.db import make_engine, transaction
from kampung_desktop.paths import resource

text = resource("wilayah", "wilayah.csv").read_text(encoding="utf-8")
rows = sorted(csv.DictReader(text.splitlines()), key=lambda r: r["kode"].count("."))
wilayah = [{"kode": r["kode"], "nama": r["nama"], "level": r["kode"].count(".") + 1,
            "parent_kode": r["kode"].rsplit(".", 1)[0] if "." in r["kode"] else None}
           for r in rows]
engine = make_engine(sys.argv[1])
with transaction(engine) as session:
    records.write_server_records(session, "wilayah", wilayah, actor="test")
engine.dispose()
"""


def settle(qtbot, ui, timeout: int = 60_000) -> Any:
    """Wait until no sync is running and the last one has ended; return its outcome."""
    qtbot.waitUntil(lambda: ui.controller.last_outcome is not None, timeout=timeout)
    qtbot.waitUntil(lambda: not ui.controller.syncing, timeout=timeout)
    return ui.controller.last_outcome


def enrol_in_dialog(qtbot, ui, url: str, username: str, password: str = PASSWORD) -> Any:
    qtbot.waitUntil(lambda: ui.controller.service is not None, timeout=10_000)
    dialog = ui.open_enrol()
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(url)
    dialog.user_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.submit()
    return dialog


def household(i: int, kode: str = SUKARASA) -> HouseholdInput:
    nik = compose("367101", Sex.MALE, date(1970 + i % 30, 1 + i % 12, 1 + i % 28), 100 + i)
    return HouseholdInput(
        kelurahan_kode=kode, rw=2, rt=1 + i % 9, address=f"Jl. Uji No. {i}",
        members=[MemberInput(f"Kepala {i}", "L", "1", nik), MemberInput(f"Istri {i}", "P", "2")],
    )  # fmt: skip


def open_enrolled(qtbot, open_window, data_dir: Path, server, username: str) -> Any:
    """Open the main window on `data_dir` and enrol it in the dialog; the first sync follows."""
    window = open_window(data_dir)
    dialog = enrol_in_dialog(qtbot, window.sync_ui, server.url, username)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    settle(qtbot, window.sync_ui)
    return window


def test_enrol_then_the_pending_counter_drops_to_zero(qtbot, open_window, filled_dir, server):
    window = open_window(filled_dir)
    ui = window.sync_ui
    qtbot.waitUntil(lambda: ui.controller.status is not None, timeout=10_000)
    qtbot.waitUntil(lambda: ui.banner_dock.isVisible())  # first start: offline or enrol?
    assert ui.indicator.text() == "● Offline (tanpa server)"
    ui.show_panel()
    pending = ui.controller.status.pending_total
    assert pending > 0
    assert ui.panel.pending_counts() == {"Rumah tangga": 3, "Anggota keluarga": 6}
    assert window.status.pending_label.text() == f"Perubahan menunggu sinkron: {pending}"

    dialog = enrol_in_dialog(qtbot, ui, server.url, ENUMERATOR)
    assert dialog.message.text() == "Menghubungi server…"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert not ui.banner_dock.isVisible()
    outcome = settle(qtbot, ui)

    assert outcome.ok and outcome.sent == pending and outcome.rejected == 0
    assert ui.controller.status.pending_total == 0
    assert ui.panel.pending_counts() == {}
    assert ui.panel.pending_total_label.text() == "Tidak ada perubahan yang menunggu dikirim."
    assert ui.indicator.text() == "● Tersinkron"
    qtbot.waitUntil(lambda: window.status.pending_label.text() == "Perubahan menunggu sinkron: 0")
    session = ui.panel.log_view.plain(ui.panel.log_view.topLevelItem(0))
    assert f"{pending} dikirim · {pending} diterima" in session
    assert "belum pernah" not in ui.panel.last_label.text()


def test_a_wrong_password_shows_the_servers_reason_and_keeps_the_dialog(
    qtbot, open_window, filled_dir, server
):
    window = open_window(filled_dir)
    ui = window.sync_ui
    dialog = enrol_in_dialog(qtbot, ui, server.url, ENUMERATOR, password="salah")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.isVisible()
    assert dialog.message.text() and "/" not in dialog.message.text()  # one language
    assert dialog.password_edit.text() == ""
    assert dialog.user_edit.text() == ENUMERATOR
    assert not ui.controller.status.enrolled
    assert ui.indicator.text() == "● Offline (tanpa server)"


def test_a_refused_record_shows_its_reason(qtbot, open_window, filled_dir, server):
    publish_form(server)
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    aid = finalized_assessment(window.backend.ctx)
    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).accepted >= 1
    review_service(window.backend.ctx).assessments.transition(aid, "approve")  # not an enumerator's
    ui.sync_action.trigger()
    outcome = settle_again(qtbot, ui)
    assert outcome.rejected == 1 and outcome.needs_attention
    assert ui.indicator.text() == "● Perlu perhatian"
    assert ui.dock.isVisible()
    assert ui.panel.tabs.tabText(0) == "Ditolak (1)" and ui.panel.tabs.currentIndex() == 0
    [reason] = ui.panel.rejected_view.reasons()
    record = ui.controller.status.rejected[0]
    assert (record.code, reason) == ("forbidden_transition", record.reason_id)
    assert reason and "/" not in reason
    log_view = ui.panel.log_view
    top = log_view.topLevelItem(0)
    assert "1 ditolak" in log_view.plain(top)
    assert any(reason in log_view.plain(top.child(i)) for i in range(top.childCount()))

    view = ui.panel.rejected_view  # double-click: the record opens where it can be corrected
    view.itemActivated.emit(view.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: open_wizard() is not None, timeout=10_000)
    assert open_wizard().session.id == aid
    open_wizard().close()

    i18n.apply("en")  # the same reason in English, on the fly
    qtbot.waitUntil(lambda: ui.panel.rejected_view.reasons() == [record.reason_en])
    assert ui.indicator.text() == "● Needs attention"


def open_wizard() -> Any:
    from kampung_desktop.ui.interview import InterviewWindow
    from kampung_desktop.ui.qt import QApplication

    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, InterviewWindow) and w.isVisible()]  # fmt: skip
    return found[0] if found else None


def test_a_record_waiting_for_the_server_says_why_in_the_log(
    qtbot, open_window, filled_dir, server
):
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    finalized_assessment(window.backend.ctx)  # its form is not published on the server yet
    ui.sync_action.trigger()
    outcome = settle_again(qtbot, ui)
    assert outcome.ok and outcome.rejected == 0
    assert ui.controller.status.pending.get("assessments")  # kept, sent again later
    assert ui.indicator.text() == "● Menunggu sinkron"
    top = ui.panel.log_view.topLevelItem(0)
    assert top.isExpanded()
    lines = [ui.panel.log_view.plain(top.child(i)) for i in range(top.childCount())]
    assert any(
        line.startswith("Penilaian ") and ": menunggu\nFormulir bantar_rt versi" in line
        for line in lines
    ), lines


def review_service(ctx: Any) -> Any:
    from kampung_desktop.services.review import ReviewService

    return ReviewService.for_context(ctx)


def finalized_assessment(ctx: Any) -> str:
    from kampung_desktop.services.review import ReviewService

    review = ReviewService.for_context(ctx)
    review.assessments.install_shipped_forms()
    aid = review.assessments.start("bantar_rt", SUKARASA, rw=2, rt=1, prefill=bantar_answers())
    review.assessments.transition(aid, "finalize")
    return aid


def publish_form(server: Any) -> None:
    from kampung_desktop.paths import forms_dir

    done = kampung("server", "forms", "publish", "--db", server.db_url,
                   str(forms_dir() / "bantar_rt.xlsx"))  # fmt: skip
    assert done.returncode == 0, done.stderr


def bantar_answers() -> dict[str, Any]:
    from kampung_desktop.scoring import load_rules

    checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
    answers: dict[str, Any] = {name: "ya" for name in checklist}
    return answers | {"tahun": date.today().year, "kategori_rt": "sedang", "rw": 2, "rt": 1}


def test_a_returned_assessment_appears_in_the_to_do_list_with_its_note(
    qtbot, open_window, filled_dir, tmp_path, server
):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.review import ReviewService
    from kampung_desktop.ui.interview import InterviewWindow
    from kampung_desktop.ui.qt import QApplication

    publish_form(server)
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    aid = finalized_assessment(window.backend.ctx)
    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).ok

    office_dir = tmp_path / "office"
    office_dir.mkdir()
    sync_headless(office_dir, server.url, OFFICE)
    office = AppContext.open(office_dir)
    try:
        office_review = ReviewService.for_context(office)
        note = "Foto tempat sampah belum ada; lengkapi pertanyaan kebersihan."
        office_review.assessments.transition(aid, "return", note)
    finally:
        office.close()
    sync_headless(office_dir, server.url, OFFICE)

    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).received >= 1
    todo = ui.open_todo()
    qtbot.waitUntil(lambda: todo.returned_view.topLevelItemCount() == 1, timeout=10_000)
    assert todo.notes() == [note]
    assert todo.tabs.tabText(0) == "Dikembalikan untuk diperbaiki (1)"
    todo.open_button.click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, InterviewWindow) and w.isVisible()
                    for w in QApplication.topLevelWidgets()),
        timeout=10_000,
    )  # fmt: skip
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, InterviewWindow))
    assert not wizard.session.read_only  # returned: open for correction

    wizard.close()
    corrected = review_service(window.backend.ctx).assessments
    if corrected.get(aid).state == "returned":
        corrected.transition(aid, "reopen")
    corrected.transition(aid, "finalize")  # corrected and finalized again ...
    todo.refresh()
    qtbot.waitUntil(lambda: todo.returned_view.topLevelItemCount() == 0, timeout=10_000)
    ui.sync_action.trigger()  # ... and back to the office
    assert settle_again(qtbot, ui).accepted >= 1
    sync_headless(office_dir, server.url, OFFICE)
    office = AppContext.open(office_dir)
    try:
        assert ReviewService.for_context(office).assessments.get(aid).state == "finalized"
    finally:
        office.close()


def settle_again(qtbot, ui, timeout: int = 60_000) -> Any:
    """Wait for the sync just started (the outcome object changes) to end."""
    before = ui.controller.last_outcome
    qtbot.waitUntil(
        lambda: ui.controller.last_outcome is not before and not ui.controller.syncing,
        timeout=timeout,
    )
    return ui.controller.last_outcome


def sync_headless(data_dir: Path, url: str, username: str, ok_if_attention: bool = False) -> None:
    """The office desktop, enrolled and synced through the same service (no window)."""
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.sync import SyncService

    ctx = AppContext.open(data_dir)
    try:
        service = SyncService.for_context(ctx)
        if not service.status().enrolled:
            service.enrol(url, username, PASSWORD)
        outcome = service.sync()
        assert outcome.ok, outcome.error
        assert ok_if_attention or not outcome.needs_attention, outcome
    finally:
        ctx.close()


def test_sync_starts_by_itself_when_the_server_comes_back(qtbot, open_window, filled_dir, server):
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    schedule = ui.controller.schedule
    schedule.first_backoff, schedule.check_every, schedule.jitter = 0.2, 0.3, 0.0
    server.stop()
    window.backend.registry.save(household(1))
    ui.controller.check()
    qtbot.waitUntil(lambda: ui.indicator.text() == "● Offline", timeout=20_000)
    assert ui.controller.status.pending_total > 0
    server.start()
    qtbot.waitUntil(lambda: ui.controller.status.pending_total == 0, timeout=60_000)
    qtbot.waitUntil(lambda: ui.indicator.text() == "● Tersinkron", timeout=20_000)


def mid_push(progress: Any) -> bool:
    return (
        progress is not None
        and progress.phase == "push"
        and 0 < progress.done < (progress.total or 0)
    )


def test_quitting_during_a_sync_loses_and_doubles_nothing(
    qtbot, open_window, data_dir, tmp_path, server
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
    dialog = enrol_in_dialog(qtbot, ui, server.url, ENUMERATOR)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: mid_push(ui.controller.progress), timeout=30_000)
    progress = ui.controller.progress
    t0 = time.monotonic()
    window.close()  # mid-push: must return promptly and leave the data whole
    assert time.monotonic() - t0 < 10
    assert not ui.controller.runner._thread.is_alive()
    assert 0 < progress.done < progress.total

    window = open_window(data_dir)
    ui = window.sync_ui
    qtbot.waitUntil(lambda: ui.controller.status is not None, timeout=10_000)
    assert ui.controller.status.enrolled  # the token survived the quit
    # nobody presses anything: the next start finds the server and resumes by itself
    qtbot.waitUntil(lambda: ui.controller.status.pending_total == 0, timeout=120_000)
    settle(qtbot, ui)

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


def test_the_office_resolves_a_conflict_field_by_field(
    qtbot, open_window, data_dir, tmp_path, server
):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    server.add_user("dedi", "enumerator", PASSWORD, scope=SCOPE)
    laptops = {name: tmp_path / name for name in ("ani", "dedi")}
    for path in laptops.values():
        path.mkdir()
    ctx = AppContext.open(laptops["ani"])
    try:
        household_id = RegistryService(ctx.db, ctx.user_id).save(household(7)).household_id
    finally:
        ctx.close()
    sync_headless(laptops["ani"], server.url, "ani")
    sync_headless(laptops["dedi"], server.url, "dedi")  # both laptops hold the household
    for name, address in (("ani", "Jl. Uji No. 7A"), ("dedi", "Jl. Uji No. 7B")):
        ctx = AppContext.open(laptops[name])
        try:
            registry = RegistryService(ctx.db, ctx.user_id)
            draft = registry.draft_of(household_id)
            draft.address = address
            registry.save(draft)
        finally:
            ctx.close()
        sync_headless(laptops[name], server.url, name, ok_if_attention=True)  # dedi's: conflict

    window = open_enrolled(qtbot, open_window, data_dir, server, OFFICE)
    ui = window.sync_ui
    assert ui.controller.status.open_conflicts == 1
    assert ui.indicator.text() == "● Perlu perhatian"
    todo = ui.open_todo()
    qtbot.waitUntil(lambda: todo.conflict_view.topLevelItemCount() == 1, timeout=10_000)
    assert todo.tabs.tabText(1) == "Konflik (1)"
    dialog = todo.resolve_selected()
    assert dialog.radios[("address", "mine")].text() == "Jl. Uji No. 7A"  # in force now
    assert dialog.radios[("address", "theirs")].text() == "Jl. Uji No. 7B"  # dedi's
    assert not dialog.ok_button.isEnabled()
    dialog.choose("address", "theirs")
    for field in dialog.groups:
        if field != "address":
            dialog.choose(field, "mine")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: todo.conflict_view.topLevelItemCount() == 0, timeout=10_000)
    assert todo.message.text() == "Keputusan disimpan; terkirim pada sinkron berikutnya."

    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).ok
    qtbot.waitUntil(lambda: ui.controller.status.open_conflicts == 0, timeout=10_000)
    sync_headless(laptops["ani"], server.url, "ani")
    ctx = AppContext.open(laptops["ani"])
    try:
        assert RegistryService(ctx.db, ctx.user_id).draft_of(household_id).address == (
            "Jl. Uji No. 7B"
        )
    finally:
        ctx.close()


def test_a_revoked_device_stops_with_a_clear_message_and_keeps_its_data(
    qtbot, open_window, filled_dir, server
):
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    code = ui.controller.status.device_code
    done = kampung("server", "device", "revoke", "--db", server.db_url, code)
    assert done.returncode == 0, done.stderr
    window.backend.registry.save(household(3))
    ui.sync_action.trigger()
    outcome = settle_again(qtbot, ui)
    assert not outcome.ok and outcome.error
    qtbot.waitUntil(lambda: ui.controller.status.revoked, timeout=10_000)
    assert ui.indicator.text() == "● Perangkat dicabut"
    assert "hubungi admin untuk mendaftar ulang" in ui.panel.state_label.text()
    assert not ui.panel.sync_button.isEnabled()
    assert ui.controller.status.pending_total > 0  # nothing lost: the edit still waits
    window.refresh_all()
    qtbot.waitUntil(lambda: window.list.count_label.text() == "4 rumah tangga", timeout=10_000)


def test_settings_show_the_server_and_open_the_enrolment(
    qtbot, open_window, filled_dir, server, monkeypatch
):
    from kampung_desktop.ui.qt import QDialog, QWidget
    from kampung_desktop.ui.settings_dialog import SettingsDialog
    from kampung_desktop.ui.sync.enrol_dialog import EnrolDialog

    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    seen: list[str] = []

    def look(dialog: SettingsDialog) -> int:
        box = dialog.findChild(QWidget, "syncSettingsBox")
        seen.append(box.summary.text())
        box.change_button.click()
        enrol = dialog.findChild(EnrolDialog)
        seen.append(enrol.url_edit.text() if enrol is not None else "")
        enrol.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", look)
    window.settings_action.trigger()
    status = window.sync_ui.controller.status
    assert seen == [
        f"Terhubung ke {server.url} sebagai {ENUMERATOR} (perangkat {status.device_code}).",
        server.url,
    ]
