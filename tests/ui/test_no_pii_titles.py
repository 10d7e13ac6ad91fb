"""Least exposure (UU 27/2022): with demo data open, no window title, generated file name or log
line carries a name, NIK or No. KK of the demo households."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

import pytest

from kampung_desktop.storage.engine import database_path

DEMO_KEL = "36.71.01.1001"  # a kelurahan of the demo city (Kota Tangerang)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    from kampung_desktop.services import demo
    from kampung_desktop.services.app import AppContext

    folder = tmp_path_factory.mktemp("demo-pii") / "data"
    ctx = AppContext.open(folder)
    try:
        demo.seed(ctx.db, 40, 1)
        ctx.set_setting("demo_loaded", "1")
    finally:
        ctx.close()
    return folder


@pytest.fixture
def demo_dir(demo_template, tmp_path) -> Path:
    import shutil

    return Path(shutil.copytree(demo_template, tmp_path / "data"))


def personal_data(data_dir: Path) -> list[str]:
    """Every full name, NIK and No. KK of the demo households (strings that must not leak)."""
    conn = sqlite3.connect(database_path(data_dir))
    try:
        found = [r[0] for r in conn.execute("SELECT name FROM members WHERE name <> ''")]
        found += [r[0] for r in conn.execute("SELECT nik FROM members WHERE nik IS NOT NULL")]
        found += [r[0] for r in conn.execute("SELECT head_name FROM households")]
        found += [r[0] for r in conn.execute("SELECT no_kk FROM households WHERE no_kk <> ''")]
        found += [r[0] for r in conn.execute("SELECT address FROM households")]
    finally:
        conn.close()
    assert len(found) > 100
    return sorted({f for f in found if f and len(f) >= 6})


def leaks(texts: list[str], secrets: list[str]) -> list[tuple[str, str]]:
    return [(secret, text) for text in texts for secret in secrets if secret in text]


def _titles() -> list[str]:
    from kampung_desktop.ui.qt import QApplication, QWidget

    titles = []
    for top in QApplication.topLevelWidgets():
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isWindow() and widget.windowTitle():
                titles.append(widget.windowTitle())
    return titles


def test_no_window_title_names_a_person(qtbot, open_window, demo_dir, monkeypatch):
    from kampung_desktop.ui.qt import QDialog

    shown: list[QDialog] = []

    def show_instead(self) -> int:  # modal dialogs open without blocking the test
        shown.append(self)
        self.show()
        return 0

    monkeypatch.setattr(QDialog, "exec", show_instead)
    window = open_window(demo_dir)
    window.list.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(window.detail.heading()) and not window.tasks.busy)
    head = window.detail.heading()
    window.detail.show_nik.setChecked(True)
    window.edit_household()  # the household dialog, with its member table
    qtbot.waitUntil(lambda: any(d.objectName() != "" or d.windowTitle() for d in shown))
    household = next(d for d in shown if hasattr(d, "members"))
    household.members.edit_member(0)  # the member editor of its first member
    window.audit_ui.open_log()
    window.open_settings()
    window.open_review()
    window.start_interview()  # the interview start dialog, for the selected household
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    titles = _titles()
    opened = {"Ubah data rumah tangga", "Ubah anggota no. 1", "Log audit", "Pengaturan",
              "Pemeriksaan penilaian dan penghargaan"}  # fmt: skip
    assert opened <= set(titles), titles
    assert head and leaks(titles, personal_data(demo_dir)) == []
    for dialog in shown:
        dialog.close()


def test_generated_file_names_carry_no_personal_data(demo_dir, tmp_path):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.audit import AuditService
    from kampung_desktop.services.printing import PrintingService, PrintRequest

    ctx = AppContext.open(demo_dir)
    try:
        printing = PrintingService(ctx.db, ctx.user_id)
        for rt in (1, 2, 3):
            printing.awards.decide("bantar", 2026, DEMO_KEL, 1, rt, "sedang")
        out = tmp_path / "out"
        out.mkdir()
        outcome = printing.run(
            PrintRequest("bantar", 2026, DEMO_KEL, out_pdf=out / "semua.pdf", separate_dir=out)
        )
        AuditService.for_context(ctx).export_csv(out / "log-audit.csv")
    finally:
        ctx.close()
    names = sorted(p.name for p in out.iterdir())
    assert len(outcome.files) == 4 and len(names) == 5
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+\.(pdf|csv)", n) for n in names), names
    assert leaks(names, personal_data(demo_dir)) == []


def test_logs_of_a_full_demo_flow_hold_no_personal_data(qtbot, open_window, demo_dir, caplog):
    """Everything the app logs (any level) while a user browses, searches, reveals, edits and
    reviews demo households, and the log file it keeps in the data dir."""
    from kampung_desktop.core.registry import MemberInput
    from kampung_desktop.services.audit import AuditService

    caplog.set_level(logging.DEBUG)
    secrets = personal_data(demo_dir)
    window = open_window(demo_dir)
    for row in range(3):
        window.list.table.selectRow(row)
        qtbot.waitUntil(lambda: bool(window.detail.heading()) and not window.tasks.busy)
        window.detail.show_nik.setChecked(True)
    name, household_id = window.detail.heading(), window.detail.household_id
    window.list.search.setText(name.split()[0])
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    registry = window.backend.registry
    draft = registry.draft_of(household_id)
    draft.members.append(MemberInput("Ujang Sukmawijaya", "L", "3"))
    registry.save(draft)
    trail = AuditService.for_context(window.backend.ctx)
    trail.export_csv(demo_dir.parent / "log-audit.csv")
    window.refresh_all(select_id=household_id)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    window.close()
    logged = [r.getMessage() for r in caplog.records]
    assert any("household" in line for line in logged)
    files = [p.read_text(encoding="utf-8", errors="replace") for p in demo_dir.rglob("*.log")]
    assert files and "main window ready" in files[0]  # the app's own log file was read
    assert leaks([f"saved {secrets[0]}"], secrets)  # the check does find a leak
    assert leaks(logged + files, [*secrets, "Ujang Sukmawijaya"]) == []
