"""The first-start dialog: a new laptop ends signed in as its new admin, the choices are kept,
legacy data survives, and a second start goes to sign-in instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.ui.qt import QApplication, QDialog, QTimer

CIBODAS_SARI = "36.71.09.1002"


def _dialog(qtbot, data_dir: Path):  # type: ignore[no-untyped-def]
    from kampung_desktop.ui.access.first_start import FirstStartDialog

    dialog = FirstStartDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_admin(dialog, username="admin.kel", password="sandi-kuat-99", again=None) -> None:  # type: ignore[no-untyped-def]
    page = dialog.account_page
    page.username.setText(username)
    page.full_name.setText("Admin Kelurahan")
    page.password.setText(password)
    page.again.setText(password if again is None else again)


def _finish(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Finish on the last page: the set-up runs on a worker; wait until it is done."""
    assert dialog.current() is dialog.demo_page
    dialog.next_button.click()
    assert dialog.busy and not dialog.next_button.isEnabled()  # the UI stays live meanwhile
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def _walk_to(dialog, page) -> None:  # type: ignore[no-untyped-def]
    while dialog.current() is not page:
        before = dialog.stack.currentIndex()
        dialog.next_button.click()
        assert dialog.stack.currentIndex() == before + 1, dialog.message.text()


def test_first_start_creates_the_admin_and_keeps_the_choices(qtbot, tmp_path):
    from kampung_desktop.services import access, first_start, laptop_config
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.ui import i18n

    folder = tmp_path / "elsewhere" / "kampung-data"
    dialog = _dialog(qtbot, tmp_path / "default")
    dialog.language_page.buttons["en"].setChecked(True)
    assert i18n.current() == "en"
    qtbot.waitUntil(lambda: dialog.next_button.text() == "&Next")  # the dialog follows live
    dialog.next_button.click()
    dialog.folder_page.edit.setText(str(folder))
    dialog.next_button.click()
    _fill_admin(dialog)
    _walk_to(dialog, dialog.kelurahan_page)
    dialog.kelurahan_page.filter.setText("cibodas sari")
    assert dialog.kelurahan_page.select(CIBODAS_SARI)
    _walk_to(dialog, dialog.demo_page)
    assert "admin.kel" in dialog.demo_page.summary.text()
    _finish(qtbot, dialog)
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
        assert dialog.session.principal.username == "admin.kel"
        assert dialog.session.principal.role.value == "admin"
        assert dialog.data_dir == folder
        assert access.is_protected(folder) and access.is_encrypted(folder)
        assert laptop_config.load().data_dir == folder
        assert laptop_config.load().language == "en"
        ctx = AppContext.open(folder, access=dialog.session)
        try:
            assert ctx.setting(first_start.KELURAHAN_SETTING) == CIBODAS_SARI
            assert ctx.setting("language") == "en"
            assert not ctx.demo_loaded()
            from kampung_desktop.ui.sync.setup import SETUP_SEEN

            assert ctx.setting(SETUP_SEEN) == "1"  # the server question is answered: no banner
        finally:
            ctx.close()
        assert first_start.dir_state(folder) == first_start.DirState.PROTECTED
    finally:
        i18n.apply("id")


def test_bad_account_input_keeps_the_dialog_on_its_page(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path / "data")
    _walk_to(dialog, dialog.account_page)
    _fill_admin(dialog, password="pendek")
    dialog.next_button.click()
    assert dialog.current() is dialog.account_page
    assert "8" in dialog.message.text()
    _fill_admin(dialog, password="sandi-kuat-99", again="sandi-kuat-98")
    dialog.next_button.click()
    assert dialog.current() is dialog.account_page
    assert "tidak sama" in dialog.message.text()
    assert dialog.account_page.strength.value() >= 2  # the hint for the typed password
    dialog.account_page.server.setChecked(True)
    dialog.account_page.url.setText("kampung.example")
    dialog.next_button.click()
    assert dialog.current() is dialog.account_page
    assert "http" in dialog.message.text()
    assert not (tmp_path / "data" / "access.json").exists()


def test_legacy_data_is_kept_and_protected(qtbot, filled_dir):
    from kampung_desktop.services import access, first_start
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.demo import household_count

    assert first_start.dir_state(filled_dir) == first_start.DirState.LEGACY
    dialog = _dialog(qtbot, filled_dir)
    _walk_to(dialog, dialog.account_page)
    _fill_admin(dialog)
    _walk_to(dialog, dialog.demo_page)
    assert dialog.demo_page.check.isEnabled()
    _finish(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert access.is_encrypted(filled_dir)
    ctx = AppContext.open(filled_dir, access=dialog.session)
    try:
        assert household_count(ctx.db) == 3  # the three households are all there
    finally:
        ctx.close()


@pytest.mark.slow
def test_demo_data_when_asked_and_the_second_start_signs_in(qtbot, tmp_path):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.demo import household_count
    from kampung_desktop.ui.access.sign_in import SignInWindow
    from kampung_desktop.ui.access.start_flow import open_data

    folder = tmp_path / "data"
    dialog = _dialog(qtbot, folder)
    _walk_to(dialog, dialog.account_page)
    _fill_admin(dialog)
    _walk_to(dialog, dialog.demo_page)
    dialog.demo_page.check.setChecked(True)
    _finish(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    ctx = AppContext.open(folder, access=dialog.session)
    try:
        assert ctx.demo_loaded() and household_count(ctx.db) > 0
        with ctx.db.raw() as conn:  # one summary entry in the audit log, counts only
            seeded = conn.execute(
                "SELECT fields FROM audit_log WHERE action = 'demo_seed'"
            ).fetchall()
        assert len(seeded) == 1 and f'"households": {household_count(ctx.db)}' in seeded[0][0]
    finally:
        ctx.close()

    seen: list[object] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(modal)
        modal.form.username.setText("admin.kel")
        modal.form.password.setText("sandi-kuat-99")
        modal.form.button.click()

    QTimer.singleShot(200, answer)
    opened = open_data(folder)
    assert isinstance(seen[0], SignInWindow)  # not the first-start dialog again
    assert not seen[0].form.demo_hint.isVisible()  # the user's own admin: no demo password
    assert opened is not None and opened.session.principal.username == "admin.kel"


@pytest.mark.slow
def test_enrolling_makes_the_server_account_this_laptops_first(qtbot, tmp_path, live_server_sqlite):
    from kampung_desktop.services import access

    live_server_sqlite.add_user("pemeriksa.kel", "operator", "server-sandi-1", scope=CIBODAS_SARI)
    folder = tmp_path / "data"
    dialog = _dialog(qtbot, folder)
    _walk_to(dialog, dialog.account_page)
    page = dialog.account_page
    page.server.setChecked(True)
    page.url.setText(live_server_sqlite.url)
    page.server_user.setText("pemeriksa.kel")
    page.server_password.setText("salah-sandi")
    _walk_to(dialog, dialog.demo_page)
    _finish(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted  # refused by the server: explained
    assert dialog.message.text() and not access.is_protected(folder)
    assert dialog.current() is page  # back where the password is typed

    page.server_password.setText("server-sandi-1")
    _walk_to(dialog, dialog.demo_page)
    _finish(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert dialog.session.principal.username == "pemeriksa.kel"
    assert dialog.session.principal.role.value == "operator"
    assert access.is_protected(folder) and access.is_encrypted(folder)
    from kampung_desktop.services.app import AppContext

    AppContext.open(folder, dialog.session).close()  # the main window's first open
    assert (folder / "kampung.sqlite3").read_bytes()[:16] != b"SQLite format 3\x00"


def test_choosing_a_protected_folder_goes_to_its_sign_in(qtbot, tmp_path):
    from access_fixtures import ADMIN, build_protected

    from kampung_desktop.services import laptop_config
    from kampung_desktop.ui.access.sign_in import SignInWindow
    from kampung_desktop.ui.access.start_flow import open_data

    protected = build_protected(tmp_path / "usb" / "data", users=False)
    seen: list[object] = []

    def first_start() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.next_button.click()  # language
        dialog.folder_page.edit.setText(str(protected))
        dialog.next_button.click()  # the folder has accounts: no set-up, sign in there
        QTimer.singleShot(200, sign_in)

    def sign_in() -> None:
        window = QApplication.activeModalWidget()
        seen.append(window)
        window.form.username.setText(ADMIN[0])
        window.form.password.setText(ADMIN[1])
        window.form.button.click()

    QTimer.singleShot(200, first_start)
    opened = open_data(tmp_path / "new")
    assert isinstance(seen[1], SignInWindow)
    assert opened is not None and opened.data_dir == protected
    assert opened.session.principal.username == ADMIN[0]
    assert laptop_config.load().data_dir == protected  # the next start goes there
    assert not (tmp_path / "new").exists()  # nothing was created where it started


def test_cancelling_restores_the_language_only_if_it_was_changed_here(qtbot, tmp_path):
    from kampung_desktop.ui import i18n

    try:
        assert i18n.apply("en")
        untouched = _dialog(qtbot, tmp_path / "a")
        i18n.apply("id")  # changed elsewhere meanwhile: closing must not undo that
        untouched.close()
        assert i18n.current() == "id"
        changed = _dialog(qtbot, tmp_path / "b")
        changed.language_page.buttons["en"].setChecked(True)
        assert i18n.current() == "en"
        changed.cancel_button.click()
        assert i18n.current() == "id"  # back to what the dialog found
    finally:
        i18n.apply("id")
