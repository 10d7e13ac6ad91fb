"""The audit log in the window: views and reveals are recorded, the admin's log lists, filters,
exports and checks the chain; only roles with VIEW_AUDIT see its menu entry."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from ui_sample_data import BUDI_KK, BUDI_NIK, SITI_NIK

from kampung_desktop.core.nik import mask
from kampung_desktop.storage.engine import database_path
from kampung_desktop.ui.audit_view import ACTION, DEVICE, KIND, RECORD, TIME, USER, AuditDialog
from kampung_desktop.ui.detail_pane import NIK


def _entries(data_dir, action=None):
    conn = sqlite3.connect(database_path(data_dir))
    try:
        sql = "SELECT action, entity, record_id, fields, username FROM audit_log"
        rows = conn.execute(sql + (" WHERE action = ?" if action else "") + " ORDER BY seq",
                            (action,) if action else ()).fetchall()  # fmt: skip
    finally:
        conn.close()
    return rows


def _select(qtbot, window, head: str) -> None:
    row = next(r for r in range(window.list.model.rowCount())
               if window.list.model.index(r, 0).data() == head)  # fmt: skip
    window.list.table.selectRow(row)
    qtbot.waitUntil(lambda: window.detail.heading() == head and not window.tasks.busy)


@pytest.fixture
def window(qtbot, open_window, filled_dir):
    return open_window(filled_dir)


def test_showing_a_household_records_a_view(qtbot, window, filled_dir):
    _select(qtbot, window, "Budi Santoso")
    household_id = window.detail.household_id
    qtbot.waitUntil(lambda: ("view", "households", household_id) in
                    [r[:3] for r in _entries(filled_dir, "view")])  # fmt: skip


def test_reveal_is_recorded_before_the_numbers_show(qtbot, window, filled_dir):
    _select(qtbot, window, "Budi Santoso")
    detail = window.detail
    assert detail.member_texts(NIK) == [mask(BUDI_NIK), mask(SITI_NIK)]
    assert _entries(filled_dir, "reveal") == []
    detail.show_nik.setChecked(True)
    assert detail.member_texts(NIK) == [BUDI_NIK, SITI_NIK]
    assert detail._fields["kk"][1].text() == BUDI_KK
    reveals = _entries(filled_dir, "reveal")
    members = [m.id for m in detail._detail.members]
    assert [(r[1], r[2], r[3]) for r in reveals] == [
        ("households", detail.household_id, '["no_kk"]'),
        *[("members", m, '["nik"]') for m in members],
    ]
    assert {r[4] for r in reveals} == {"petugas"}
    text = repr(_entries(filled_dir))
    assert BUDI_NIK not in text and BUDI_KK not in text and "Budi" not in text


def test_a_refused_reveal_keeps_the_numbers_masked(qtbot, window, monkeypatch):
    from kampung_desktop.services.access import AccessDenied

    _select(qtbot, window, "Budi Santoso")
    failures = []
    monkeypatch.setattr(window, "_task_failed", failures.append)

    def refuse(*_args, **_kwargs):
        raise AccessDenied("Tidak boleh.", "Not allowed.")

    monkeypatch.setattr(window.audit_ui.service, "revealed_household", refuse)
    window.detail.show_nik.setChecked(True)
    assert window.detail.member_texts(NIK) == [mask(BUDI_NIK), mask(SITI_NIK)]
    assert not window.detail.show_nik.isChecked() and len(failures) == 1


def test_the_menu_entry_opens_the_log(qtbot, window, monkeypatch):
    action = window.audit_ui.action
    assert action in window.file_menu.actions() and action.isVisible()
    assert action.text() == "Log audit…"
    opened = []
    monkeypatch.setattr(AuditDialog, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    assert len(opened) == 1 and opened[0].table.rowCount() > 0
    dialog = opened[0]
    dialog.verify()  # on the window's worker: the dialog stays responsive
    assert not dialog.verify_button.isEnabled() and dialog.chain.text() == "Memeriksa rantai…"
    qtbot.waitUntil(lambda: dialog.chain.text().startswith("Rantai utuh"), timeout=10_000)
    assert dialog.verify_button.isEnabled()


@pytest.fixture
def dialog(qtbot, ctx):
    from kampung_desktop.services.audit import AuditService

    for name, ids in (("ani", ["h1", "h2"]), ("budi", ["h3"])):
        service = AuditService(ctx.db, ctx.user_id, username=name)
        for household_id in ids:
            service.viewed_household(household_id)
    AuditService(ctx.db, ctx.user_id, username="budi").revealed("members", "m9", "nik")
    view = AuditDialog(AuditService(ctx.db, ctx.user_id, username="admin"))
    qtbot.addWidget(view)
    view.reload()
    return view


def test_the_log_lists_newest_first_with_local_time_and_device(dialog, ctx):
    assert dialog.column_texts(RECORD) == ["m9", "h3", "h2", "h1"]
    assert dialog.column_texts(USER) == ["budi", "budi", "ani", "ani"]
    assert dialog.column_texts(ACTION) == ["buka NIK/No. KK", "lihat", "lihat", "lihat"]
    assert dialog.column_texts(KIND)[:2] == ["anggota", "rumah tangga"]
    assert all(t and "T" not in t and "Z" not in t for t in dialog.column_texts(TIME))
    with ctx.db.raw() as conn:
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    assert set(dialog.column_texts(DEVICE)) == {device[:8]}
    assert dialog.windowTitle() == "Log audit"


def test_filters_by_user_action_and_date(dialog):
    dialog.user.setCurrentIndex(dialog.user.findData("ani"))
    assert dialog.column_texts(RECORD) == ["h2", "h1"]
    dialog.user.setCurrentIndex(0)
    dialog.action.setCurrentIndex(dialog.action.findData("reveal"))
    assert dialog.column_texts(RECORD) == ["m9"]
    dialog.action.setCurrentIndex(0)
    dialog.by_date.setChecked(True)  # the last seven days up to today
    assert dialog.table.rowCount() == 4
    dialog.last_day.setDate(dialog.first_day.date().addDays(-1))
    assert dialog.table.rowCount() == 0


def test_export_to_csv_follows_the_filter(dialog, tmp_path):
    dialog.user.setCurrentIndex(dialog.user.findData("budi"))
    out = tmp_path / "audit.csv"
    dialog.export(str(out))
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["record_id"] for r in rows] == ["h3", "m9"]
    assert "2 entri diekspor" in dialog.chain.text()


def test_a_failed_export_says_so_and_leaves_the_dialog_usable(dialog, tmp_path, monkeypatch):
    from kampung_desktop.ui import faults

    reported = []
    monkeypatch.setattr(faults, "report", reported.append)
    dialog.export(str(tmp_path / "no-such-folder" / "audit.csv"))
    assert len(reported) == 1 and isinstance(reported[0], OSError)
    assert dialog.export_button.isEnabled() and dialog.verify_button.isEnabled()
    assert not (tmp_path / "no-such-folder").exists()


def test_check_chain_button_reports_ok_and_the_first_broken_link(dialog, ctx):
    dialog.verify()
    assert dialog.chain.text() == "Rantai utuh: 4 entri diperiksa."
    with ctx.db.raw() as conn:
        conn.execute("UPDATE audit_log SET record_id = 'hx' WHERE seq = 2")
    dialog.verify()
    assert dialog.chain.text().startswith("Rantai rusak di entri #2: isi entri diubah")


def test_the_log_needs_view_audit(ctx):
    from kampung_desktop.core.roles import Role
    from kampung_desktop.services.access import AccessDenied, AccessSession, Principal
    from kampung_desktop.services.audit import AuditService

    operator = AccessSession(Principal("op", "u-op", "Op", Role.OPERATOR, ()), None)
    service = AuditService(ctx.db, ctx.user_id, access=operator)
    for read in (service.entries, service.verify, service.choices):
        with pytest.raises(AccessDenied):
            read()
    admin = AccessSession(Principal("adm", "u-adm", "Adm", Role.ADMIN, ()), None)
    assert AuditService(ctx.db, ctx.user_id, access=admin).verify().ok


@pytest.fixture(scope="module")
def protected_template(tmp_path_factory):
    from access_fixtures import build_protected

    return build_protected(tmp_path_factory.mktemp("audit-roles") / "data")


@pytest.mark.parametrize(
    ("who", "shown"), [("admin", True), ("operator", False), ("enumerator", False)]
)
def test_only_roles_with_view_audit_see_the_log(qtbot, tmp_path, protected_template, who, shown):
    from access_fixtures import ADMIN, ENUMERATOR, OPERATOR, copy_of

    from kampung_desktop.services import access
    from kampung_desktop.ui.main_window import MainWindow

    folder = copy_of(protected_template, tmp_path / "data")
    user = {"admin": ADMIN, "operator": OPERATOR, "enumerator": ENUMERATOR}[who]
    session = access.sign_in(folder, *user)
    window = MainWindow(folder, access=session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=15_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    window.file_menu.aboutToShow.emit()  # gating runs again whenever a menu opens
    assert window.audit_ui.action.isVisible() is shown
    assert window.audit_ui.service.username == user[0]
    window.close()


def test_the_edit_form_and_its_member_niks_are_audited(qtbot, window, filled_dir):
    from kampung_desktop.ui.household_dialog import HouseholdDialog
    from kampung_desktop.ui.member_table import MemberTable

    _select(qtbot, window, "Budi Santoso")
    household_id = window.detail.household_id
    registry = window.backend.registry
    dialog = HouseholdDialog(registry, registry.draft_of(household_id), window)
    qtbot.addWidget(dialog)
    assert [r[:4] for r in _entries(filled_dir) if r[3] in ('["edit_form"]', '["no_kk"]')] == [
        ("view", "households", household_id, '["edit_form"]'),
        ("reveal", "households", household_id, '["no_kk"]'),
    ]
    table: MemberTable = dialog.members
    column = [table.table.item(r, 1).text() for r in range(len(table.rows))]
    assert column == [mask(BUDI_NIK), mask(SITI_NIK)]
    table.show_nik.setChecked(True)
    assert [table.table.item(r, 1).text() for r in range(2)] == [BUDI_NIK, SITI_NIK]
    ids = [row.member.id for row in table.rows]
    assert [r[2] for r in _entries(filled_dir, "reveal") if r[1] == "members"] == ids
    table.edit_member(1)  # the editor shows Siti's NIK in full: recorded first
    assert table.editor is not None and table.editor.nik.text() == SITI_NIK
    assert [r[2] for r in _entries(filled_dir, "reveal") if r[1] == "members"] == [*ids, ids[1]]
    table.editor.reject()


def test_a_refused_member_reveal_stays_masked(qtbot, monkeypatch):
    from kampung_desktop.core.registry import MemberInput
    from kampung_desktop.services.access import AccessDenied
    from kampung_desktop.ui import faults
    from kampung_desktop.ui.member_table import MemberTable

    table = MemberTable([MemberInput("Budi Santoso", "L", "1", BUDI_NIK, id="m1")], lambda *a: [])
    qtbot.addWidget(table)
    reported = []
    monkeypatch.setattr(faults, "report", reported.append)

    def refuse(_ids):
        raise AccessDenied("Tidak boleh.", "Not allowed.")

    table.reveal_gate = refuse
    table.show_nik.setChecked(True)
    assert not table.show_nik.isChecked() and table.table.item(0, 1).text() == mask(BUDI_NIK)
    table.edit_member(0)
    assert table.editor is None and len(reported) == 2


def test_unlocking_records_the_refused_try_and_the_sign_in(qtbot, tmp_path, protected_template):
    from access_fixtures import ADMIN, copy_of

    from kampung_desktop.services import access
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.ui.main_window import MainWindow

    folder = copy_of(protected_template, tmp_path / "data")
    session = access.sign_in(folder, *ADMIN)
    window = MainWindow(folder, access=session)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=15_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    lock = window.access_ui.lock
    lock.lock()
    lock.dialog.form.password.setText("salah-sekali")
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: "salah" in lock.dialog.form.message.text(), timeout=10_000)
    lock.dialog.form.password.setText(ADMIN[1])
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=10_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    window.close()
    ctx = AppContext.open(folder, session)
    try:
        with ctx.db.raw() as conn:
            rows = conn.execute(
                "SELECT action, record_id FROM audit_log WHERE action LIKE 'sign_in%' ORDER BY seq"
            ).fetchall()
    finally:
        ctx.close()
    # window's sign-in, the refused unlock, the unlock, then this test's own sign-in
    assert rows == [("sign_in", ADMIN[0]), ("sign_in_failed", ADMIN[0]), ("sign_in", ADMIN[0]),
                    ("sign_in", ADMIN[0])]  # fmt: skip
