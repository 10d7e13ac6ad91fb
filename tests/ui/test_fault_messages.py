"""The GUI shows the same clear messages as the CLI (one mapping, `services.failures`):
a database held by another program is "in use", not "unexpected error"."""

from __future__ import annotations

import pytest
from db_lock import IN_USE, LockHolder

from kampung_desktop.services.registry import RegistryService
from kampung_desktop.ui import faults
from kampung_desktop.ui.household_dialog import HouseholdDialog
from kampung_desktop.ui.qt import QApplication, QMessageBox


@pytest.fixture
def boxes(monkeypatch, qapp):
    shown: list[tuple[str, str, str]] = []

    def box(kind):
        def show(_parent, title, text, *_args):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


def test_saving_a_household_while_another_program_holds_the_database(qtbot, filled_dir, boxes):
    from kampung_desktop.services.app import AppContext

    ctx = AppContext.open(filled_dir)
    try:
        service = RegistryService(ctx.db, ctx.user_id)
        with ctx.db.raw() as conn:
            [household_id] = conn.execute("SELECT id FROM households LIMIT 1").fetchone()
        dialog = HouseholdDialog(service, service.draft_of(household_id))
        qtbot.addWidget(dialog)
        dialog.address.setText("Jl. Baru No. 1")
        with LockHolder(ctx.db.path):
            assert dialog.save() is False
        [(kind, _title, text)] = boxes
        assert IN_USE in text and "masih ada" in text
        assert dialog.save() is True  # nothing was lost: the same dialog saves afterwards
    finally:
        ctx.close()


def test_fault_hook_shows_a_known_failure_not_an_apology(ctx, boxes):
    with LockHolder(ctx.db.path), pytest.raises(Exception) as caught:
        ctx.set_setting("language", "en")
    faults._excepthook(type(caught.value), caught.value, caught.value.__traceback__)
    [(kind, _title, text)] = boxes
    assert kind == "warning" and IN_USE in text
    assert "tidak terduga" not in text
    faults._excepthook(KeyError, KeyError("x"), None)  # a bug still gets the apology
    assert boxes[-1][0] == "critical" and "tidak terduga" in boxes[-1][2]
    assert QApplication.instance() is not None


def test_gui_start_on_a_read_only_data_dir_says_read_only(filled_dir, tmp_path):
    """The window's start-up path (a real `kampung` process) on a read-only mount."""
    import os
    import sys
    from pathlib import Path

    from sandbox import run_in_namespace

    kampung = Path(sys.executable).with_name("kampung")
    done = run_in_namespace(
        f"mount --bind {filled_dir} {filled_dir}; mount -o remount,bind,ro {filled_dir}; "
        f"QT_QPA_PLATFORM=offscreen {kampung} gui --data-dir {filled_dir} --startup-probe "
        "> out.txt 2>&1 || true",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "error=DatabaseUnavailable:readonly" in out, out
    assert "Traceback" not in out
    assert os.access(filled_dir, os.W_OK)  # outside the namespace nothing changed
