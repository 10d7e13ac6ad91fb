"""One interview window per assessment: opening it again focuses the open one; and a window
whose answers were overtaken elsewhere says so instead of "Tersimpan"."""

from __future__ import annotations

import pytest

from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.ui.interview import open_assessment
from kampung_desktop.ui.interview.autosave import AutosaveWriter
from kampung_desktop.ui.interview.wizard import InterviewWindow
from kampung_desktop.ui.qt import QMessageBox

KELURAHAN = "36.71.09.1002"


@pytest.fixture
def draft(ctx):
    service = InterviewService.for_context(ctx)
    service.forms()
    return service.start("household_assessment", KELURAHAN, rw=5, rt=12)


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def test_opening_an_open_assessment_focuses_its_window(qtbot, ctx, draft):
    first = open_assessment(ctx, draft)
    qtbot.addWidget(first)
    again = open_assessment(ctx, draft)
    assert again is first
    first.close()
    qtbot.waitUntil(lambda: open_assessment.__globals__["_OPEN"].get(draft) is None)
    fresh = open_assessment(ctx, draft)
    qtbot.addWidget(fresh)
    assert fresh is not first and fresh.isVisible()
    fresh.close()


def _window(qtbot, service, draft) -> InterviewWindow:
    session = service.open(draft, writer=AutosaveWriter(service.assessments))
    window = InterviewWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_stale_window_reports_failure_and_the_newer_answer_stays(qtbot, ctx, draft, warnings):
    """Two windows in two processes (here: two sessions) on one draft."""
    service = InterviewService.for_context(ctx)
    first, second = _window(qtbot, service, draft), _window(qtbot, service, draft)
    first.answer("kode_petugas", "PTG-01")
    assert first.writer.flush()
    qtbot.waitUntil(lambda: "Tersimpan" in first.save_status.text())
    second.answer("kode_petugas", "PTG-99")
    assert second.writer.flush()
    qtbot.waitUntil(lambda: "Gagal" in second.save_status.text())
    assert "Tersimpan" not in second.save_status.text()
    assert service.assessments.answers(draft)["kode_petugas"] == "PTG-01"
    assert len(warnings) == 1 and "jendela atau perangkat lain" in warnings[0]
    second.answer("kode_petugas", "PTG-98")  # still refused, and said only once
    assert second.writer.flush()
    assert service.assessments.answers(draft)["kode_petugas"] == "PTG-01"
    assert len(warnings) == 1
    first.close()
    second.close()
