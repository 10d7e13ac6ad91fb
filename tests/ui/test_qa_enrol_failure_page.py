"""A failed enrolment at the first start (wrong server password, server unreachable) sends
the user back to the page where the server and password are typed, with the reason shown
there (found in QA: the message sat on the last page, "Langkah 5 dari 5", far from the field
to correct)."""

from __future__ import annotations

import socket


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing answers


def test_failed_enrolment_returns_to_the_server_page(qtbot, tmp_path):
    from kampung_desktop.ui.access.first_start import FirstStartDialog

    dialog = FirstStartDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    while dialog.current() is not dialog.account_page:
        dialog.next_button.click()
    page = dialog.account_page
    page.server.setChecked(True)
    page.url.setText(f"http://127.0.0.1:{_closed_port()}")
    page.server_user.setText("rina")
    page.server_password.setText("petugas123")
    while dialog.current() is not dialog.demo_page:
        dialog.next_button.click()
    dialog.next_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.isVisible() and dialog.session is None
    assert dialog.current() is dialog.account_page
    assert dialog.message.text() and " / " in dialog.message.text()
    assert page.url.text().startswith("http://127.0.0.1:")  # what was typed is kept
    assert page.server_password.text() == "petugas123"
