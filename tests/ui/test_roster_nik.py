"""The NIK in the wizard's member roster: the household dialog's rules, words and fill-in."""

from __future__ import annotations

from datetime import date

from kampung_desktop.core import messages
from kampung_desktop.core.nik import Sex, compose, problems
from kampung_desktop.ui.interview.page_view import PageView
from kampung_desktop.ui.interview.roster import RosterView
from kampung_desktop.ui.qt import Qt
from tests.ui.test_interview_wizard import (  # noqa: F401 (fixtures and helpers)
    boxes,
    click,
    household_id,
    open_window,
    service,
    type_line,
)


def _new_member_page(qtbot, window):
    window.answer("hasil_pendataan", "1")
    roster_index = next(i for i, p in enumerate(window.pages) if p.kind == "roster")
    window.go_to(roster_index)
    roster = window.view
    assert isinstance(roster, RosterView)
    click(qtbot, roster.add_button)
    click(qtbot, roster.open_button)
    page = window.view
    assert isinstance(page, PageView) and page.page.entry == "members[3]/"
    return page


def test_a_bad_nik_gets_the_household_dialogs_message(qtbot, service, household_id, boxes):  # noqa: F811
    window = open_window(qtbot, service, service.start("household_assessment", "",
                                                       household_id=household_id))  # fmt: skip
    page = _new_member_page(qtbot, window)
    row = page.rows["members[3]/nik"]
    bad = "3671093213000001"  # day 32, month 13: no such birth date
    type_line(qtbot, row.editor.line, bad, key=Qt.Key.Key_Tab)
    expected = " ".join(p.text(messages.current_language()) for p in problems(bad))
    assert row.message.isVisible() and row.message.text() == expected
    assert "digit 7–12" in expected


def test_a_valid_nik_fills_sex_and_birth_date(qtbot, service, household_id, boxes):  # noqa: F811
    window = open_window(qtbot, service, service.start("household_assessment", "",
                                                       household_id=household_id))  # fmt: skip
    page = _new_member_page(qtbot, window)
    rini = compose("367109", Sex.FEMALE, date(2001, 5, 9), 3)
    type_line(qtbot, page.rows["members[3]/nik"].editor.line, rini, key=Qt.Key.Key_Tab)
    interview = window.session.interview
    assert interview.answer("members[3]/jenis_kelamin") in ("2", "P")
    assert interview.answer("members[3]/tanggal_lahir") == "2001-05-09"
    assert not page.rows["members[3]/nik"].message.isVisible()


def test_a_bad_nik_stops_finalizing_like_a_missing_answer(qtbot, service, household_id, boxes):  # noqa: F811
    window = open_window(qtbot, service, service.start("household_assessment", "",
                                                       household_id=household_id))  # fmt: skip
    page = _new_member_page(qtbot, window)
    bad = "3671093213000001"
    type_line(qtbot, page.rows["members[3]/nik"].editor.line, bad, key=Qt.Key.Key_Tab)
    [item] = [m for m in window.session.missing() if m.path == "members[3]/nik"]
    assert item.message == " ".join(p.text(window.session.lang) for p in problems(bad))
    assert item.page >= 0 and "Anggota keluarga 3" in item.group
