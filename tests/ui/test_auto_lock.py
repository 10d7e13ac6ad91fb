"""The idle lock: after the idle time every window shows nothing of the data (names, titles),
no shortcut reaches behind it, a wrong password keeps it locked, and unlocking gives back
exactly what was open."""

from __future__ import annotations

from pathlib import Path

import pytest
from access_fixtures import ADMIN, ENUMERATOR, build_protected, copy_of, visible_texts

from kampung_desktop.ui.qt import QApplication, QLabel, QWidget

NAMES = ("Budi Santoso", "Siti Aminah", "Ahmad Fauzi", "Dewi Lestari", "Mawar", "Kenanga")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_protected(tmp_path_factory.mktemp("lock") / "data")


@pytest.fixture
def signed_in(template, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    from kampung_desktop.services import access
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.access.start_flow import open_main_window

    folder = copy_of(template, tmp_path / "data")
    windows = []

    def opener(user: tuple[str, str] = ADMIN):  # type: ignore[no-untyped-def]
        session = access.sign_in(folder, *user)
        window = open_main_window(folder, session)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=15_000)
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
        return window

    yield opener
    for window in windows:
        lock = window.access_ui.lock
        if lock.dialog is not None:
            lock.dialog.finish()
        window.close()
    i18n.apply("id")


def actions(window) -> list[str]:  # type: ignore[no-untyped-def]
    """What the audit log holds, newest first."""
    from kampung_desktop.services.audit import AuditService

    return [e.action for e in AuditService.for_context(window.backend.ctx).entries()]


def _shown_names() -> list[str]:
    texts = " ".join(visible_texts(QApplication.topLevelWidgets()))
    return [name for name in NAMES if name in texts]


def test_idle_lock_hides_every_window_and_unlocks_to_the_same_work(signed_in, qtbot):
    window = signed_in()
    qtbot.waitUntil(lambda: bool(_shown_names()), timeout=5_000)  # the data is on screen
    other = QWidget()  # another open window, e.g. an interview, titled with a name
    other.setWindowTitle("Wawancara — Budi Santoso")
    QLabel("Budi Santoso", other)
    qtbot.addWidget(other)
    other.show()
    signed_before = actions(window).count("sign_in")
    failed_before = actions(window).count("sign_in_failed")
    lock = window.access_ui.lock
    lock.set_idle_minutes(1)
    lock.watcher.set_idle_ms(300)  # a short idle limit for the test
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5_000)

    assert _shown_names() == []
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not [t for t in titles if "Budi" in t]
    assert not window.add_action.isEnabled() and not window.interview_action.isEnabled()
    assert lock.dialog is not None and lock.dialog.isVisible()

    lock.dialog.form.password.setText("salah-sekali")
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: "salah" in lock.dialog.form.message.text(), timeout=10_000)
    assert lock.is_locked
    assert _shown_names() == []

    lock.dialog.form.password.setText(ADMIN[1])
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=10_000)
    assert other.windowTitle() == "Wawancara — Budi Santoso"  # back as it was
    assert window.add_action.isEnabled()
    qtbot.waitUntil(lambda: "Budi Santoso" in _shown_names(), timeout=5_000)
    qtbot.waitUntil(  # the unlock, audited (written on the worker)
        lambda: actions(window).count("sign_in") == signed_before + 1, timeout=5_000
    )
    assert actions(window).count("sign_in_failed") == failed_before + 1  # and the wrong try


def test_input_keeps_the_app_unlocked_and_ctrl_l_locks_now(signed_in, qtbot):
    window = signed_in()
    lock = window.access_ui.lock
    lock.watcher.set_idle_ms(1_500)
    for _ in range(10):  # typing for longer than the idle limit, never pausing that long
        qtbot.keyClick(window.list.search, "a")
        qtbot.wait(200)
    assert not lock.is_locked
    window.list.search.clear()
    assert window.access_ui.lock.action.shortcut().toString() == "Ctrl+L"
    assert lock.action.isEnabled()
    lock.action.trigger()  # Akun > Kunci sekarang
    assert lock.is_locked, "Kunci sekarang did not lock"
    assert _shown_names() == []


def test_another_registered_user_may_unlock_and_gets_their_own_window(signed_in, qtbot):
    window = signed_in()
    assert window.review_action.isVisible()  # the admin reviews
    changed = []
    window.access_ui.sessionChanged.connect(changed.append)
    lock = window.access_ui.lock
    lock.lock()
    lock.dialog.form.username.setText(ENUMERATOR[0])
    lock.dialog.form.password.setText(ENUMERATOR[1])
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=10_000)
    assert [s.principal.username for s in changed] == [ENUMERATOR[0]]
    assert not window.isVisible()  # the admin's window closed
    mains = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    new = next(w for w in mains if w.isVisible())
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: new.is_ready and new.settled, timeout=15_000)
    assert new.access.principal.username == ENUMERATOR[0]
    assert not new.review_action.isVisible()  # an enumerator does not review
    qtbot.waitUntil(lambda: "Budi Santoso" in " ".join(visible_texts([new])), timeout=5_000)
    assert "Dewi Lestari" not in " ".join(visible_texts([new]))  # outside the enumerator's scope
    new.close()


def test_idle_setting_reads_and_clamps():
    from kampung_desktop.ui.access.auto_lock import idle_minutes

    assert idle_minutes(None) == 10
    assert idle_minutes("3") == 3
    assert idle_minutes("0") == 1 and idle_minutes("9999") == 240 and idle_minutes("x") == 10


def test_an_open_interview_keeps_its_answers_through_a_lock(signed_in, qtbot):
    from access_fixtures import SUKARASA

    from kampung_desktop.services.interviews import InterviewService
    from kampung_desktop.ui.interview import open_assessment

    window = signed_in()
    service = InterviewService.for_context(window.backend.ctx)
    service.forms()
    draft = service.start("household_assessment", SUKARASA, rw=5, rt=3)
    interview = open_assessment(window.backend.ctx, draft, window)
    qtbot.addWidget(interview)
    interview.answer("kode_petugas", "PTG-07")
    title = interview.windowTitle()
    form_title = "Pendataan Sosial Ekonomi"
    assert form_title in " ".join(visible_texts([interview])[1:])  # the form, shown
    lock = window.access_ui.lock
    lock.lock()
    assert interview.isVisible() and interview.windowTitle() != title  # covered, not closed
    assert form_title not in " ".join(visible_texts([interview]))
    lock.dialog.form.password.setText(ADMIN[1])
    lock.dialog.form.button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=10_000)
    assert interview.windowTitle() == title
    assert form_title in " ".join(visible_texts([interview])[1:])
    assert interview.writer.flush()
    assert service.assessments.answers(draft)["kode_petugas"] == "PTG-07"
    interview.close()


def test_quitting_from_the_lock_closes_everything_unseen(signed_in, qtbot):
    window = signed_in()
    other = QWidget()
    other.setWindowTitle("Wawancara — Budi Santoso")
    qtbot.addWidget(other)
    other.show()
    lock = window.access_ui.lock
    lock.lock()
    lock.dialog.quit_button.click()
    assert not window.isVisible() and not other.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
