"""The review window, driven like a reviewer would: open, return with a note, approve, decide,
revoke with a reason, print a batch (cancel it, then let it finish) and preview the PDF."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from kampung_desktop.paths import forms_dir  # noqa: E402
from kampung_desktop.scoring import load_rules  # noqa: E402
from kampung_desktop.services.app import AppContext  # noqa: E402
from kampung_desktop.services.awards import AwardsService  # noqa: E402
from kampung_desktop.services.review import ReviewService  # noqa: E402
from kampung_desktop.ui.qt import QLabel, QPushButton, Qt, QTableWidget  # noqa: E402
from kampung_desktop.ui.review import open_review  # noqa: E402
from kampung_desktop.ui.review.print_job import PrintJob  # noqa: E402

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan, Kota Jambi
YEAR = date.today().year


@pytest.fixture
def ctx(tmp_path):
    """Bantar assessments of three RTs in RW 001: RT 001 all met (100), RT 002 without Aman
    (66.67, submitted), RT 003 without Aman and Pintar (33.33)."""
    context = AppContext.open(tmp_path / "data")
    review = ReviewService.for_context(context)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
    for rt, unmet, state in ((1, (), "finalized"), (2, ("a_",), "submitted"),
                             (3, ("a_", "p_"), "finalized")):  # fmt: skip
        answers = {name: "tidak" if name.startswith(unmet) else "ya" for name in checklist}
        answers |= {"tahun": YEAR, "kategori_rt": "sedang", "rw": 1, "rt": rt}
        aid = review.assessments.start("bantar_rt", KEL, rw=1, rt=rt, prefill=answers)
        review.assessments.transition(aid, "finalize")
        if state == "submitted":
            review.assessments.transition(aid, "submit")
    yield context
    context.close()


@pytest.fixture
def window(qtbot, ctx):
    win = open_review(ctx)
    qtbot.addWidget(win)
    tab = win.program_tabs["bantar"]
    qtbot.waitUntil(lambda: tab.assessment_model.rowCount() == 3, timeout=10_000)
    assert win.kelurahan_kode() == KEL  # the kelurahan with work to review is shown first
    yield win
    PrintJob.page_delay = 0.0


def _select(view, row: int) -> None:
    view.selectRow(row)


def _state(ctx, rt: int) -> tuple[str, str | None]:
    with ctx.db.raw() as conn:
        return conn.execute(
            "SELECT state, review_note FROM assessments WHERE rt = ?", (rt,)
        ).fetchone()


def test_open_an_assessment_and_return_it_with_a_note(qtbot, window, ctx):
    tab = window.program_tabs["bantar"]
    rows = [(a.rt, str(a.total)) for a in tab.assessment_model.rows]
    assert rows == [(1, "100.00"), (2, "66.67"), (3, "33.33")]
    _select(tab.assessment_view, 0)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.detail_dialog is not None and tab.detail_dialog.isVisible())
    dialog = tab.detail_dialog
    table = dialog.findChild(QTableWidget, "answersTable")
    labels = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "Ronda/siskamling berjalan aktif dan terjadwal" in labels
    assert "Skor 100" in dialog.findChild(QLabel, "assessmentHeader").text()

    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    note = dialog.note_dialog
    assert note is not None and not note.ok_button.isEnabled()  # a note is required
    qtbot.keyClicks(note.editor, "Foto bukti Bersih belum dilampirkan")
    assert note.ok_button.isEnabled()
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        qtbot.mouseClick(note.ok_button, Qt.MouseButton.LeftButton)
    assert _state(ctx, 1) == ("returned", "Foto bukti Bersih belum dilampirkan")
    shown = tab.assessment_model.rows[0]
    assert (shown.state, shown.review_note) == ("returned", "Foto bukti Bersih belum dilampirkan")
    assert tab.assessment_model.data(tab.assessment_model.index(0, 2)) == "Dikembalikan"
    assert [r.assessment.rt for r in tab.ranking_model.rows] == [2, 3]  # returned: not ranked


def test_approve_from_the_list(qtbot, window, ctx):
    tab = window.program_tabs["bantar"]
    _select(tab.assessment_view, 1)
    assert tab.approve_button.isEnabled()
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert _state(ctx, 2)[0] == "approved"
    assert tab.assessment_model.rows[1].state == "approved"


def _open_decision(qtbot, tab, row: int):
    tab.inner.setCurrentIndex(1)
    _select(tab.ranking_view, row)
    tab.decision_dialog = None
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.decision_dialog is not None and tab.decision_dialog.isVisible())
    return tab.decision_dialog


def test_record_a_decision_then_revoke_it_with_a_reason(qtbot, window, ctx):
    tab = window.program_tabs["bantar"]
    assert [(r.rank, r.assessment.rt) for r in tab.ranking_model.rows] == [(1, 1), (2, 2), (3, 3)]
    ReviewService.for_context(ctx).approve(tab.ranking_model.rows[0].assessment.id)
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        window.refresh()
    dialog = _open_decision(qtbot, tab, 0)
    assert dialog.findChild(QLabel, "refusalBanner") is None  # approved, 100 ≥ 80
    assert dialog.category() == "sedang"  # the category the committee assigned, preselected
    dialog.category_box.setCurrentIndex(dialog.category_box.findData("besar"))
    assert dialog.decider.text() == ""  # "Petugas Pendata" is a role, not the decider's name
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.decider, "Siti Rahmawati")
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [row] = AwardsService(ctx.db, ctx.user_id).decisions("bantar", YEAR, KEL)
    assert (row.decision.rt, row.decision.category, row.decision.score) == (1, "besar", "100.00")
    assert row.decision.decided_by == ctx.user_id and row.decision.decided_at
    assert tab.ranking_model.rows[0].decision.id == row.decision.id
    assert tab.decision_model.rowCount() == 1
    decider = tab.decision_model.data(tab.decision_model.index(0, 4))
    assert decider == "Siti Rahmawati"

    tab.inner.setCurrentIndex(2)
    _select(tab.decision_view, 0)
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    note = tab.note_dialog
    assert not note.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(note.editor, "RT salah dicatat")
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        qtbot.mouseClick(note.ok_button, Qt.MouseButton.LeftButton)
    assert tab.decision_model.rowCount() == 1  # still listed ...
    status = tab.decision_model.data(tab.decision_model.index(0, 7))
    assert status == "Dicabut: RT salah dicatat"  # ... as revoked
    assert tab.decision_model.muted(tab.decision_model.rows[0])
    assert AwardsService(ctx.db, ctx.user_id).decisions("bantar", YEAR, KEL) == []


def _decide_all(ctx) -> None:
    awards = AwardsService(ctx.db, ctx.user_id)
    for rt in (1, 2, 3):
        awards.decide("bantar", YEAR, KEL, 1, rt, "sedang")


def _start_print_through_the_dialog(qtbot, tab, pdf: Path) -> None:
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    # The shipped template still signs as "NAMA WALI KOTA": printing asks first.
    qtbot.waitUntil(lambda: getattr(tab, "placeholder_box", None) is not None)
    box = tab.placeholder_box
    assert box.isVisible() and "NAMA WALI KOTA" in box.informativeText()
    go = next(b for b in box.buttons() if b.text() == "Tetap cetak")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.print_dialog is not None and tab.print_dialog.isVisible())
    dialog = tab.print_dialog
    assert dialog.scope() == KEL
    assert "3 piagam" in dialog.scope_buttons[0].text()
    dialog.pdf_path.setText(str(pdf))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_cancel_a_batch_leaves_no_file(qtbot, window, ctx, tmp_path):
    _decide_all(ctx)
    tab = window.program_tabs["bantar"]
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        window.refresh()
    out = tmp_path / "out"
    out.mkdir()
    PrintJob.page_delay = 0.4  # slow pages, so Cancel lands in the middle of the batch
    _start_print_through_the_dialog(qtbot, tab, out / "piagam.pdf")
    qtbot.waitUntil(lambda: tab.progress is not None and tab.progress.value() >= 1, timeout=10_000)
    cancel = tab.progress.findChild(QPushButton)
    assert cancel.text() == "Batal"
    with qtbot.waitSignal(tab.printFinished, timeout=10_000) as finished:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert list(out.iterdir()) == []  # no PDF and no temporary file
    assert tab.preview is None


def test_batch_print_then_preview_and_print_it(qtbot, window, ctx, tmp_path):
    _decide_all(ctx)
    tab = window.program_tabs["bantar"]
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        window.refresh()
    pdf = tmp_path / "piagam.pdf"
    with qtbot.waitSignal(tab.printFinished, timeout=20_000) as finished:
        _start_print_through_the_dialog(qtbot, tab, pdf)
    outcome = finished.args[0]
    assert (outcome.count, outcome.cancelled) == (3, False)
    assert len(PdfReader(pdf).pages) == 3
    preview = tab.preview
    assert preview is not None and preview.isVisible()
    assert preview.page_count() == 3
    assert preview.pages_label.text().startswith("3 halaman")
    qtbot.waitUntil(lambda: all(r.certificate_number for r in tab.decision_model.rows))

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3


def test_open_review_from_a_main_window_reuses_the_open_one(qtbot, ctx):
    from kampung_desktop.ui.qt import QMainWindow

    main = QMainWindow()
    qtbot.addWidget(main)
    first = open_review(ctx, main)
    assert first.isWindow() and first.isVisible()
    assert open_review(ctx, main) is first
    first.close()
    qtbot.waitUntil(lambda: not first.isVisible())


def test_an_award_on_an_assessment_not_approved_is_refused_unless_overridden(qtbot, window, ctx):
    tab = window.program_tabs["bantar"]
    dialog = _open_decision(qtbot, tab, 1)  # RT 002: submitted, 66.67
    banner = dialog.findChild(QLabel, "refusalBanner")
    assert banner is not None and banner.isVisible()
    assert "belum disetujui" in banner.text() and "di bawah ambang penghargaan 80" in banner.text()
    qtbot.keyClicks(dialog.decider, "Siti Rahmawati")
    assert not dialog.ok_button.isEnabled()  # the rule holds unless overridden with a reason
    dialog.override_box.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Keputusan rapat juri")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [row] = AwardsService(ctx.db, ctx.user_id).decisions("bantar", YEAR, KEL)
    with ctx.db.raw() as conn:
        [fields] = conn.execute(
            "SELECT fields FROM audit_log WHERE action = 'decide_override' AND record_id = ?",
            (row.decision.id,),
        ).fetchone()
    assert "Keputusan rapat juri" in fields and "not_approved" in fields


def test_kotaku_has_no_award_buttons_and_tabs_say_what_they_count(qtbot, window):
    kotaku = window.program_tabs["kotaku"]
    assert kotaku.decide_button.isHidden() and kotaku.print_button.isHidden()
    assert not kotaku.report_button.isHidden()
    bantar = window.program_tabs["bantar"]
    title = window.tabs.tabText(window.tabs.indexOf(bantar))
    assert title == "Kampung Bantar · 3 menunggu pemeriksaan"
    assert window.kelurahan_box.currentText() == "Pasir Putih · 3 penilaian"


def test_a_real_signatory_set_in_settings_prints_without_asking(qtbot, window, ctx, tmp_path):
    from kampung_desktop.services import signatory
    from kampung_desktop.ui.settings_dialog import SettingsDialog
    from kampung_desktop.ui.signatory_settings import SignatoryBox

    dialog = SettingsDialog("id")
    qtbot.addWidget(dialog)
    box = SignatoryBox(ctx, dialog)
    dialog.add_section(box)
    assert box.name_edit.isReadOnly()  # the laptop's enumerator account may not change it
    with ctx.db.raw() as conn:
        conn.execute("UPDATE users SET role = 'pemeriksa' WHERE id = ?", (ctx.user_id,))
    box = SignatoryBox(ctx, dialog)
    dialog.add_section(box)
    assert box.name_edit.text() == "NAMA WALI KOTA" and not box.name_edit.isReadOnly()
    box.name_edit.clear()
    qtbot.keyClicks(box.name_edit, "Dr. H. Maulana, S.Ag.")
    dialog.accept()
    stored = signatory.stored(ctx.db, "bantar")
    assert stored is not None and stored.name == "Dr. H. Maulana, S.Ag."

    _decide_all(ctx)
    tab = window.program_tabs["bantar"]
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        window.refresh()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.print_dialog is not None and tab.print_dialog.isVisible())
    assert getattr(tab, "placeholder_box", None) is None
