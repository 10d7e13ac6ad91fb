"""The interview wizard driven like an enumerator would: typing, clicking, Enter, Next.

Answers go through the real background autosave into a real temp database.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter  # noqa: E402
from datetime import date  # noqa: E402

import pytest  # noqa: E402

from kampung_desktop.core.nik import Sex, compose  # noqa: E402
from kampung_desktop.core.registry import HouseholdInput, MemberInput  # noqa: E402
from kampung_desktop.services.interviews import InterviewService  # noqa: E402
from kampung_desktop.services.registry import RegistryService  # noqa: E402
from kampung_desktop.ui.interview import open_interview  # noqa: E402
from kampung_desktop.ui.interview.autosave import AutosaveWriter  # noqa: E402
from kampung_desktop.ui.interview.check_editors import AcknowledgeEditor, ChecksEditor  # noqa: E402
from kampung_desktop.ui.interview.choice_editors import ComboEditor, RadioEditor  # noqa: E402
from kampung_desktop.ui.interview.editors import LineEditor  # noqa: E402
from kampung_desktop.ui.interview.page_view import PageView  # noqa: E402
from kampung_desktop.ui.interview.roster import RosterView  # noqa: E402
from kampung_desktop.ui.interview.summary import SummaryView  # noqa: E402
from kampung_desktop.ui.interview.wizard import InterviewWindow  # noqa: E402
from kampung_desktop.ui.qt import QApplication, QDialog, QMessageBox, Qt  # noqa: E402

KELURAHAN = "36.71.09.1002"
BUDI = compose("367109", Sex.MALE, date(1980, 8, 17), 1)
SITI = compose("367109", Sex.FEMALE, date(1984, 3, 2), 2)
TODAY = date.today().strftime("%d-%m-%Y")

#: Answers typed where the first choice or a plain "2" would not do.
ANSWERS = {
    "no_bangunan": "3",
    "no_keluarga": "1",
    "jumlah_anggota": "2",
    "tanggal_pendataan": TODAY,
    "kode_petugas": "PTG-07",
    "luas_lantai": "36,5",
    "umur": "40",
    "jam_kerja": "40",
    "kelas_tertinggi": "3",
    "waktu_selesai": "10:45",
    "alamat": "Jl. Melati III No. 7",
}


@pytest.fixture
def service(ctx):
    svc = InterviewService.for_context(ctx)
    svc.forms()
    return svc


@pytest.fixture
def household_id(ctx):
    draft = HouseholdInput(
        KELURAHAN,
        5,
        12,
        "Jl. Melati III No. 7",
        members=[
            MemberInput("Budi Santoso", "L", "1", nik=BUDI, birth_date=date(1980, 8, 17),
                        marital_status="2"),
            MemberInput("Siti Aminah", "P", "2", nik=SITI, birth_date=date(1984, 3, 2),
                        marital_status="2"),
        ],
    )  # fmt: skip
    return RegistryService(ctx.db, ctx.user_id).save(draft).household_id


@pytest.fixture
def boxes(monkeypatch):
    """Answer Yes to every question box; record what was asked."""
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: asked.append(a[2]))
    return asked


def open_window(qtbot, service, assessment_id, **kwargs) -> InterviewWindow:
    writer = AutosaveWriter(service.assessments)
    session = service.open(assessment_id, writer=writer, **kwargs)
    window = InterviewWindow(session, suggestions={"kelurahan_code": service.kelurahan()})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def click(qtbot, widget) -> None:
    QApplication.processEvents()  # lay out a page just built, as a paint would before a person clicks
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_line(qtbot, line, text: str, key=Qt.Key.Key_Return) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, key)


def rows_to_answer(window: InterviewWindow) -> list:
    view = window.view
    if not isinstance(view, PageView):
        return []
    return [
        view.rows[path]
        for path in view.page.fields
        if path in view.rows
        and view.rows[path].editor is not None
        and not view.rows[path].editor.read_only
        and not view.rows[path].state.valid
    ]


def answer_row(qtbot, row) -> None:
    """Give an answer through the row's widgets, as a person would."""
    editor, name = row.editor, row.node.name
    if isinstance(editor, RadioEditor):
        click(qtbot, next(iter(editor.buttons.values())))
    elif isinstance(editor, ComboEditor):
        line = editor.combo.lineEdit()
        line.setFocus()
        label = editor.combo.itemText(0)
        qtbot.keyClicks(line, label[:6])  # type-ahead: a few letters of the label
        qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Return)
        if editor.value() is None:  # popup closed without a pick: take the unique match
            type_line(qtbot, line, label)
    elif isinstance(editor, ChecksEditor):
        boxes = list(editor.boxes.values())
        click(qtbot, boxes[1] if name == "kartu_identitas" else boxes[0])
    elif isinstance(editor, AcknowledgeEditor):
        click(qtbot, editor.box)
    elif isinstance(editor, LineEditor):
        type_line(qtbot, editor.line, ANSWERS.get(name, "2"))
    else:  # pragma: no cover - the household form has no other required editor
        raise AssertionError(f"no way to answer {name} ({type(editor).__name__})")


def fill_to_summary(qtbot, window: InterviewWindow) -> Counter:
    """Answer every relevant question that still needs one, page by page, to the summary."""
    tries: Counter = Counter()
    for _ in range(400):
        if window.index == window.summary_index:
            return tries
        key = window.current_page.key
        todo = [row for row in rows_to_answer(window) if tries[row.path] < 2]
        if not todo:
            click(qtbot, window.next_button)
            continue
        tries[todo[0].path] += 1
        answer_row(qtbot, todo[0])
        if window.current_page is None or window.current_page.key != key:
            continue  # Enter on the last field moved on by itself
    raise AssertionError("the wizard never reached the summary")


def test_fill_household_assessment_end_to_end_and_finalize(
    qtbot, ctx, service, household_id, boxes
):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    assert window.index == 0 and isinstance(window.view, PageView)
    assert window.view.rows["kelurahan_code"].editor.value() == KELURAHAN  # prefilled

    tries = fill_to_summary(qtbot, window)
    assert max(tries.values()) == 1  # every answer was accepted the first time
    assert "members[2]/hamil" in tries  # relevance followed the answers (Siti, married, 42)
    assert "members[1]/hamil" not in tries
    summary = window.view
    assert isinstance(summary, SummaryView)
    assert summary.missing == []
    assert summary.finalize_button.isEnabled()

    click(qtbot, summary.finalize_button)
    assert boxes and "tidak dapat diubah" in boxes[-1]
    assert window.session.state == "finalized"
    assert service.assessments.get(aid).state == "finalized"
    assert window.lock_banner.isVisible()

    stored = service.assessments.answers(aid)
    assert stored == {k: v for k, v in window.session.interview.answers().items()}
    assert [m["nama"] for m in stored["members"]] == ["Budi Santoso", "Siti Aminah"]
    assert stored["luas_lantai"] == 36.5 and stored["kode_petugas"] == "PTG-07"
    with ctx.db.raw() as conn:
        outbox = conn.execute(
            "SELECT count(*) FROM outbox WHERE entity = 'assessment_answers'"
        ).fetchone()[0]
    assert outbox >= len(stored)

    window.go_to(0)  # read-only now: editors do not take answers
    line = window.view.rows["kelurahan_code"].editor.line
    assert line.isReadOnly()


def test_rule_message_shows_at_once_and_enter_moves_on(qtbot, service, household_id, boxes):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.go_to(1)  # Blok I
    rows = window.view.rows
    bangunan = rows["no_bangunan"]
    type_line(qtbot, bangunan.editor.line, "0")
    assert bangunan.message.isVisible()
    assert bangunan.message.text()  # the form's constraint message, next to the field
    assert rows["no_keluarga"].editor.line.hasFocus()  # Enter moved to the next field
    assert not rows["no_keluarga"].message.isVisible()  # untouched: no red yet
    type_line(qtbot, bangunan.editor.line, "4")
    assert not bangunan.message.isVisible()
    window.writer.flush()
    assert service.assessments.answers(aid)["no_bangunan"] == 4
    assert service.assessments.get(aid).current_page == "blok1"


def test_typing_pause_saves_without_leaving_the_field(qtbot, service, household_id, boxes):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.go_to(3)  # Blok II
    line = window.view.rows["kode_petugas"].editor.line
    line.setFocus()
    qtbot.keyClicks(line, "PTG-99")
    qtbot.waitUntil(lambda: service.assessments.answers(aid).get("kode_petugas") == "PTG-99")
    assert line.hasFocus()


def test_roster_is_prefilled_and_add_remove_reorder_save_it(qtbot, service, household_id, boxes):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.answer("hasil_pendataan", "1")
    roster_index = next(i for i, p in enumerate(window.pages) if p.kind == "roster")
    window.go_to(roster_index)
    roster = window.view
    assert isinstance(roster, RosterView)
    texts = [roster.list.item(i).text() for i in range(roster.list.count())]
    assert ["Budi Santoso" in texts[0], "Siti Aminah" in texts[1]] == [True, True]

    click(qtbot, roster.add_button)
    assert roster.list.count() == 3 and roster.list.currentRow() == 2
    click(qtbot, roster.open_button)
    page = window.view
    assert isinstance(page, PageView) and page.page.entry == "members[3]/"
    type_line(qtbot, page.rows["members[3]/nama"].editor.line, "Rini")
    window.go_to(roster_index)
    roster = window.view
    roster.list.setCurrentRow(2)
    click(qtbot, roster.up_button)
    window.writer.flush()
    names = [m.get("nama") for m in service.assessments.answers(aid)["members"]]
    assert names == ["Budi Santoso", "Rini", "Siti Aminah"]
    assert roster.list.currentRow() == 1

    roster.list.setCurrentRow(0)
    click(qtbot, roster.remove_button)
    assert "Budi Santoso" in boxes[-1]
    window.writer.flush()
    names = [m.get("nama") for m in service.assessments.answers(aid)["members"]]
    assert names == ["Rini", "Siti Aminah"]


def test_summary_lists_what_is_missing_and_a_click_jumps_there(qtbot, service, household_id):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.go_to(window.summary_index)
    summary = window.view
    assert summary.missing and not summary.finalize_button.isEnabled()
    target = next(i for i, m in enumerate(summary.missing) if m.path == "kode_petugas")
    summary.list.itemClicked.emit(summary.items[target], 0)
    assert window.current_page.key == "blok2"
    assert window.view.rows["kode_petugas"].editor.line.hasFocus()


def test_section_list_jumps_and_marks_completion(qtbot, service, household_id):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    sections = window.sections
    labels = [sections.item(i).text() for i in range(sections.count())]
    assert labels[0].startswith("✓") and "Lokasi" in labels[0]  # prefilled location
    assert labels[1].startswith("○")
    sections.itemClicked.emit(sections.item(3))
    assert window.current_page.key == "blok2"


def test_language_switch_relabels_the_form(qtbot, service, household_id):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.go_to(3)
    assert "Tanggal pendataan" in window.view.rows["tanggal_pendataan"].label.text()
    window.language.setCurrentIndex(window.language.findData("en"))
    assert window.session.lang == "en"
    assert window.current_page.key == "blok2"
    assert "Enumeration date" in window.view.rows["tanggal_pendataan"].label.text() or (
        "date" in window.view.rows["tanggal_pendataan"].label.text().lower()
    )
    assert window.next_button.text() == "Next ▶"


def test_long_choice_list_has_type_ahead(qtbot, service, household_id, boxes):
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.answer("hasil_pendataan", "1")
    key = next(p.key for p in window.pages if "sumber_air_minum" in p.fields)
    window.go_to(next(i for i, p in enumerate(window.pages) if p.key == key))
    editor = window.view.rows["sumber_air_minum"].editor
    assert isinstance(editor, ComboEditor)  # 11 choices: a searchable list
    line = editor.combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "leding")
    popup = QApplication.activePopupWidget()
    assert popup is not None and editor.completer.completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.value() == "3"
    assert window.session.interview.answer("sumber_air_minum") == "3"


def test_returned_assessment_reopens_with_the_reviewers_note(qtbot, service, household_id):
    aid = service.start("household_assessment", "", household_id=household_id)
    service.assessments.transition(aid, "finalize")
    viewed = open_window(qtbot, service, aid)
    assert viewed.session.read_only and viewed.lock_banner.isVisible()
    assert viewed.view.rows["rw"].editor.line.isReadOnly()
    viewed.close()

    service.assessments.transition(aid, "return", "RT salah: seharusnya RT 013")
    window = open_window(qtbot, service, aid)
    assert window.session.state == "draft"
    assert window.note_banner.isVisible()
    assert "RT salah: seharusnya RT 013" in window.note_banner.text()
    rt = window.view.rows["rt"].editor.line
    assert not rt.isReadOnly()
    type_line(qtbot, rt, "13", key=Qt.Key.Key_Tab)
    window.close()  # closing waits for the autosave
    assert service.assessments.answers(aid)["rt"] == 13


def test_open_interview_starts_a_prefilled_assessment(qtbot, ctx, household_id, monkeypatch):
    from kampung_desktop.ui.interview import start_dialog

    def run(dialog):
        dialog.form.setCurrentIndex(dialog.form.findData("household_assessment"))
        dialog._start()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(start_dialog.StartDialog, "exec", run)
    window = open_interview(ctx, None, household_id=household_id)
    qtbot.addWidget(window)
    assert window is not None and window.isVisible()
    assert window.session.assessment.household_id == household_id
    assert window.session.interview.answer("members[1]/nama") == "Budi Santoso"
    window.close()
