"""The sign-in window: nothing of the data before sign-in, a wrong password opens nothing,
and the demo admin is shown only on demo data."""

from __future__ import annotations

from pathlib import Path

import pytest
from access_fixtures import ADMIN, build_protected, copy_of, visible_texts

from kampung_desktop.ui.qt import QDialog

NAMES = ("Budi Santoso", "Siti Aminah", "Ahmad Fauzi", "Dewi Lestari", "Mawar", "Kenanga")


@pytest.fixture(scope="module")
def protected_template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("signin") / "data", users=False)


@pytest.fixture
def protected(protected_template, tmp_path) -> Path:
    return copy_of(protected_template, tmp_path / "data")


def _window(qtbot, data_dir: Path, demo=None):  # type: ignore[no-untyped-def]
    from kampung_desktop.ui.access.sign_in import SignInWindow

    window = SignInWindow(data_dir, demo=demo)
    qtbot.addWidget(window)
    window.show()
    return window


def test_sign_in_shows_nothing_of_the_data(qtbot, protected):
    window = _window(qtbot, protected)
    texts = " ".join(visible_texts([window]))
    assert "Masuk" in texts
    assert not [name for name in NAMES if name in texts]
    assert window.form.demo_hint.isHidden()


def test_wrong_password_opens_nothing_and_changes_nothing(qtbot, protected):
    journal = {"failed-sign-ins.jsonl", ".failed-sign-ins.lock"}  # a refusal's one write
    before = {p.name: p.read_bytes() for p in protected.iterdir() if p.is_file()}
    window = _window(qtbot, protected)
    window.form.username.setText(ADMIN[0])
    window.form.password.setText("bukan-sandinya")
    window.form.button.click()
    assert "Memeriksa" in window.form.message.text()  # checked off the UI thread
    qtbot.waitUntil(lambda: "salah" in window.form.message.text(), timeout=10_000)
    assert window.session is None
    assert window.result() != QDialog.DialogCode.Accepted and window.isVisible()
    message = window.form.message.text()
    assert "salah" in message and "Wrong" in message  # bilingual, says what is wrong
    assert window.form.password.text() == ""  # cleared; the username stays
    assert window.form.username.text() == ADMIN[0]
    after = {p.name: p.read_bytes() for p in protected.iterdir() if p.is_file()}
    assert {n: b for n, b in after.items() if n not in journal} == before
    assert b'"kind": "failed"' in after["failed-sign-ins.jsonl"]  # for the audit log


def test_empty_fields_are_explained_before_asking_the_service(qtbot, protected):
    window = _window(qtbot, protected)
    window.form.button.click()
    assert "nama pengguna" in window.form.message.text().lower()
    window.form.username.setText(ADMIN[0])
    window.form.button.click()
    assert "kata sandi" in window.form.message.text().lower()
    assert window.session is None


def test_right_password_signs_in(qtbot, protected):
    window = _window(qtbot, protected)
    window.form.username.setText(ADMIN[0])
    window.form.password.setText(ADMIN[1])
    window.form.password.returnPressed.emit()  # Enter in the password field
    qtbot.waitUntil(lambda: window.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert window.session.principal.username == ADMIN[0]
    assert window.session.db_key is not None


def test_demo_credentials_only_on_demo_data(qtbot, protected, tmp_path):
    from kampung_desktop.services import access, first_start

    assert first_start.demo_credentials(protected) is None
    plain = _window(qtbot, protected, first_start.demo_credentials(protected))
    assert plain.form.demo_hint.isHidden() and plain.form.password.text() == ""

    demo_dir = build_protected(tmp_path / "demo", demo=True, users=False)
    creds = first_start.demo_credentials(demo_dir)
    assert creds == access.DEMO_ADMIN
    window = _window(qtbot, demo_dir, creds)
    assert window.form.demo_hint.isVisible()
    hint = window.form.demo_hint.text()
    assert "DEMO" in hint and creds[0] in hint and creds[1] in hint
    assert window.form.username.text() == creds[0]  # filled in: Enter signs in
    assert window.form.password.text() == creds[1]
    window.form.button.click()  # `make run`: one Enter into the demo data
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    assert window.session is not None and window.session.principal.username == creds[0]
