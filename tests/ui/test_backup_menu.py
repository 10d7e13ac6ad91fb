"""The Data menu's backup entries: shown by role, a backup from the window, a restore after a
clear confirmation (with the backup's date) that refreshes what is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from access_fixtures import ADMIN, ENUMERATOR, OPERATOR, build_protected, copy_of, open_signed_in

ROLES = {"admin": ADMIN, "operator": OPERATOR, "enumerator": ENUMERATOR}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("backup-ui") / "data")


@pytest.fixture
def window_for(template, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    folder = copy_of(template, tmp_path / "data")
    opened = []

    def opener(role: str):  # type: ignore[no-untyped-def]
        opened.append(open_signed_in(qtbot, folder, ROLES[role], quiet=True))
        return opened[-1]

    yield opener
    for window in opened:
        window.close()


def _visible(window) -> set[str]:  # type: ignore[no-untyped-def]
    ui = window.backup_ui
    named = {
        "backup": ui.backup_action,
        "restore": ui.restore_action,
        "schedule": ui.schedule_action,
    }
    in_menu = set(window.file_menu.actions())
    return {name for name, action in named.items() if action.isVisible() and action in in_menu}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("enumerator", set()),
        ("operator", {"backup", "schedule"}),
        ("admin", {"backup", "restore", "schedule"}),
    ],
)
def test_backup_entries_follow_the_role(window_for, role, expected):
    assert _visible(window_for(role)) == expected


def _households(window) -> int:  # type: ignore[no-untyped-def]
    with window.backend.ctx.db.raw() as conn:
        return conn.execute("SELECT count(*) FROM households WHERE deleted = 0").fetchone()[0]


def test_backup_then_restore_from_the_window(window_for, tmp_path, qtbot):
    window = window_for("admin")
    out = tmp_path / "usb" / "cadangan.kbak"
    out.parent.mkdir()
    window.backup_ui.backup_to(out)
    qtbot.waitUntil(lambda: out.exists() and not window.tasks.busy, timeout=10_000)
    assert not out.read_bytes()[200:].count(b"Budi")  # encrypted: no name in the clear
    before = _households(window)
    assert before > 0
    with window.backend.ctx.db.raw() as conn:
        conn.execute("UPDATE households SET deleted = 1")
    window.refresh_all()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert _households(window) == 0

    from kampung_desktop.services import backups

    text = window.backup_ui.confirmation_text(backups.describe(out))
    taken = backups.describe(out).created_local().strftime("%d-%m-%Y")
    assert taken in text and "hilang" in text
    window.backup_ui.restore_from(out, ask=False)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert _households(window) == before
    qtbot.waitUntil(lambda: window.list.model.rowCount() == before, timeout=10_000)


def test_a_foreign_file_is_refused_in_the_window_and_nothing_changes(window_for, tmp_path):
    window = window_for("admin")
    bogus = tmp_path / "bukan.kbak"
    bogus.write_bytes(b"KAMPUNG-BACKUP\x01\n" + b"\x00\x00\x00\x05{bad}")
    before = _households(window)
    shown = []
    window.backup_ui._failed = shown.append  # what the user would read in the warning
    window.backup_ui.restore_from(bogus, ask=False)
    assert len(shown) == 1 and "rusak" in shown[0].text_id
    assert _households(window) == before


def test_schedule_dialog_round_trip(window_for, tmp_path, qtbot):
    from kampung_desktop.services import backups
    from kampung_desktop.ui.backup_dialog import ScheduleDialog

    window = window_for("admin")
    schedule = backups.load_schedule(window.backend.ctx)
    assert schedule.folder is None and schedule.interval_hours == 24
    dialog = ScheduleDialog(schedule, window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "jadwal"))
    dialog.interval.setValue(12)
    dialog.keep.setValue(3)
    backups.save_schedule(window.backend.ctx, *dialog.values())
    saved = backups.load_schedule(window.backend.ctx)
    assert (saved.folder, saved.interval_hours, saved.keep) == (tmp_path / "jadwal", 12, 3)
    window.backup_ui.run_if_due()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert len(list((tmp_path / "jadwal").glob("*.kbak"))) == 1
