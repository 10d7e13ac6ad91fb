"""The admin opening the window hears how many sign-ins failed since their last visit; other
roles are not told (they may not read the audit log)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from access_fixtures import ADMIN, ENUMERATOR, build_protected, copy_of, open_signed_in

from kampung_desktop.services import access


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("notice") / "data")


def test_the_admin_is_told_of_failed_sign_ins(template, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))
    folder = copy_of(template, tmp_path / "data")
    first = open_signed_in(qtbot, folder, ADMIN)  # the admin's last visit
    first.close()
    for user, password in ((ADMIN[0], "salah-1"), (ENUMERATOR[0], "salah-2"), ("x", "y")):
        with pytest.raises(access.AccessDenied):
            access.sign_in(folder, user, password)
    enumerator = open_signed_in(qtbot, folder, ENUMERATOR)  # folds the tries; not told
    qtbot.wait(300)
    assert enumerator.audit_ui.failed_notice is None
    enumerator.close()
    window = open_signed_in(qtbot, folder, ADMIN)
    try:
        qtbot.waitUntil(lambda: window.audit_ui.failed_notice is not None, timeout=5_000)
        notice = window.audit_ui.failed_notice
        assert notice.isVisible()
        assert notice.text().startswith("3 kali gagal masuk sejak kunjungan terakhir Anda")
        assert "3 kali gagal masuk" in window.status.currentMessage()
        if os.environ.get("KAMPUNG_SCREENSHOTS"):
            window.grab().save(os.environ["KAMPUNG_SCREENSHOTS"] + "/failed-notice-window.png")
            notice.grab().save(os.environ["KAMPUNG_SCREENSHOTS"] + "/failed-notice.png")
        notice.accept()
    finally:
        window.close()


def test_the_sign_in_window_says_how_long_to_wait(template, tmp_path, qtbot, monkeypatch):
    from kampung_desktop.services import sign_in_notes
    from kampung_desktop.ui.access.sign_in import SignInWindow

    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))
    folder = copy_of(template, tmp_path / "data")
    for _ in range(sign_in_notes.FREE_TRIES):
        with pytest.raises(access.AccessDenied):
            access.sign_in(folder, ADMIN[0], "salah-sandi")
    window = SignInWindow(folder)
    qtbot.addWidget(window)
    window.show()
    window.form.username.setText(ADMIN[0])
    window.form.password.setText(ADMIN[1])  # right, but too soon
    window.form.button.click()
    qtbot.waitUntil(lambda: "Tunggu" in window.form.message.text(), timeout=10_000)
    assert "Wait 5 seconds" in window.form.message.text() and window.session is None
    message = window.form.message  # the whole bilingual message is shown, not cut off
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert window.form.password.height() >= window.form.password.sizeHint().height()
    if os.environ.get("KAMPUNG_SCREENSHOTS"):
        window.grab().save(os.environ["KAMPUNG_SCREENSHOTS"] + "/sign-in-wait.png")
    window.close()
