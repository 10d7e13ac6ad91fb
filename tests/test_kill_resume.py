"""Kill the app mid-interview (SIGKILL, a real subprocess) and resume: nothing saved is lost.

The child opens the wizard offscreen on a temp data dir, answers through the widgets on several
pages (typing, Enter, a radio click, the roster's Add), then keeps answering one field as fast
as it can, printing every save the autosave reports. The parent kills it in the middle of that
burst. Reopening must show every reported answer, the page the child was on, and a database
that passes its integrity check.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.services.registry import RegistryService

ROOT = Path(__file__).resolve().parents[1]
BURST_BEFORE_KILL = 25

CHILD = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date
from PySide6.QtTest import QTest
from kampung_desktop.ui.qt import QApplication, Qt, QTimer

app = QApplication([])
from kampung_desktop.services.app import AppContext
from kampung_desktop.ui.interview import open_assessment

ctx = AppContext.open(sys.argv[1])
window = open_assessment(ctx, sys.argv[2])
window.writer.saved.connect(
    lambda s: print("SAVED " + json.dumps([s.field, s.value, s.page]), flush=True)
)

def page_of(key):
    return next(i for i, p in enumerate(window.pages) if p.key == key)

def type_in(path, text):
    line = window.view.rows[path].editor.line
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)

window.go_to(page_of("blok1"))
type_in("no_bangunan", "3")
type_in("no_keluarga", "1")
window.go_to(page_of("blok2"))
type_in("tanggal_pendataan", date.today().strftime("%d-%m-%Y"))
window.view.rows["hasil_pendataan"].editor.buttons["1"].click()
window.go_to(page_of("members"))
window.view.add_button.click()
window.view.open_button.click()
type_in("members[3]/nama", "Rini")
window.go_to(page_of("blok2"))
window.writer.flush()
app.processEvents()  # deliver the queued "saved" reports before saying READY
print("READY", flush=True)

count = [0]
def burst():
    count[0] += 1
    type_in("kode_petugas", f"B{count[0]:05d}")
timer = QTimer()
timer.timeout.connect(burst)
timer.start(5)
app.exec()
"""


@pytest.fixture
def started(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "data"
    ctx = AppContext.open(data_dir)
    try:
        draft = HouseholdInput(
            "36.71.09.1002",
            5,
            12,
            "Jl. Melati III No. 7",
            members=[
                MemberInput("Budi Santoso", "L", "1", nik=compose("367109", Sex.MALE, date(1980, 8, 17), 1)),
                MemberInput("Siti Aminah", "P", "2", nik=compose("367109", Sex.FEMALE, date(1984, 3, 2), 2)),
            ],
        )  # fmt: skip
        household_id = RegistryService(ctx.db, ctx.user_id).save(draft).household_id
        service = InterviewService.for_context(ctx)
        service.forms()
        aid = service.start("household_assessment", "", household_id=household_id)
    finally:
        ctx.close()
    return data_dir, aid


def _read_until_killed(proc: subprocess.Popen, deadline: float) -> tuple[list[list], int]:
    """Collect SAVED lines; SIGKILL the child once the burst has produced enough saves."""
    saves: list[list] = []
    ready_at = -1
    buffer = ""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        readable, _, _ = select.select([fd], [], [], 0.5)
        if not readable:
            if proc.poll() is not None:
                break
            continue
        chunk = os.read(fd, 65536).decode()
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split("\n")
        for line in lines:
            if line == "READY":
                ready_at = len(saves)
            elif line.startswith("SAVED "):
                saves.append(json.loads(line[6:]))
        if ready_at >= 0 and len(saves) - ready_at >= BURST_BEFORE_KILL:
            os.kill(proc.pid, signal.SIGKILL)
            return saves, ready_at
    proc.kill()
    raise AssertionError(f"child did not reach the burst; stderr:\n{proc.stderr.read().decode()}")


def test_sigkill_mid_interview_loses_nothing_saved_and_resumes_on_the_page(started, qtbot):
    data_dir, aid = started
    script = data_dir.parent / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), aid],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        saves, ready_at = _read_until_killed(proc, time.monotonic() + 90)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    ctx = AppContext.open(data_dir)  # the killed writer's WAL is recovered on open
    try:
        with ctx.db.raw() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        service = InterviewService.for_context(ctx)
        stored = service.assessments.answers(aid)
        # Everything answered before the burst is there, through widgets of four pages.
        assert stored["no_bangunan"] == 3 and stored["no_keluarga"] == 1
        assert stored["tanggal_pendataan"] == date.today().isoformat()
        assert stored["hasil_pendataan"] == "1"
        assert [m.get("nama") for m in stored["members"]] == ["Budi Santoso", "Siti Aminah", "Rini"]
        # The burst: the stored value is the last reported save or a newer one, never older.
        burst = [value for field, value, _ in saves[ready_at:] if field == "kode_petugas"]
        assert len(burst) >= BURST_BEFORE_KILL, "the kill did not land mid-burst"
        last_reported = burst[-1]
        assert stored["kode_petugas"] >= last_reported
        assert stored["kode_petugas"].startswith("B")
        assert service.assessments.get(aid).current_page == "blok2"

        # Reopening resumes on the same page, showing what was saved.
        from kampung_desktop.ui.interview import open_assessment

        window = open_assessment(ctx, aid, service=service)
        qtbot.addWidget(window)
        assert window.current_page.key == "blok2"
        assert window.view.rows["kode_petugas"].editor.value() == stored["kode_petugas"]
        window.close()
    finally:
        ctx.close()
