"""The office reviewing an assessment sees its photos: an answer naming a file in the
assessment's folder (where the interview copies a photo, and where sync downloads one) shows
as a thumbnail in the review's answers, larger on hover."""

from __future__ import annotations

from datetime import date

from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.review import ReviewService
from kampung_desktop.ui.qt import QColor, QPixmap, Qt, QTableWidget
from kampung_desktop.ui.review import open_review

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan, Kota Jambi
PHOTO = "foto_bersih-selokan.png"


def test_a_photo_answer_shows_as_a_picture_in_the_review(qtbot, tmp_path):
    ctx = AppContext.open(tmp_path / "data")
    try:
        review = ReviewService.for_context(ctx)
        review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
        checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
        answers = {name: "ya" for name in checklist}
        answers |= {"tahun": date.today().year, "kategori_rt": "sedang", "rw": 1, "rt": 1}
        aid = review.assessments.start("bantar_rt", KEL, rw=1, rt=1, prefill=answers)
        folder = tmp_path / "data" / "attachments" / aid
        folder.mkdir(parents=True)
        picture = QPixmap(200, 120)
        picture.fill(QColor("#2e7d32"))
        assert picture.save(str(folder / PHOTO))
        review.assessments.save_answer(aid, "foto_bersih", PHOTO)
        review.assessments.transition(aid, "finalize")

        window = open_review(ctx)
        qtbot.addWidget(window)
        tab = window.program_tabs["bantar"]
        qtbot.waitUntil(lambda: tab.assessment_model.rowCount() == 1, timeout=10_000)
        tab.assessment_view.selectRow(0)
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.detail_dialog is not None and tab.detail_dialog.isVisible())
        table = tab.detail_dialog.findChild(QTableWidget, "answersTable")
        [row] = [r for r in range(table.rowCount()) if table.item(r, 2).text() == PHOTO]
        cell = table.item(row, 2)
        assert not cell.icon().isNull()  # the photo itself, not only its file name
        # larger on hover, from memory: the file may be sealed, so no viewer is pointed at it
        assert 'src="data:image/png;base64,' in cell.toolTip()
        assert str(folder) not in cell.toolTip()
        others = [r for r in range(table.rowCount()) if r != row]
        assert all(table.item(r, 2).icon().isNull() for r in others)
        tab.detail_dialog.close()
        window.close()
    finally:
        ctx.close()
