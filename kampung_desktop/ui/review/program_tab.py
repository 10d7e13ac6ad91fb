"""One program's page of the review window: assessments, ranking and decisions of a kelurahan.

Reads and writes go through the window's TaskRunner (one worker thread), batch printing through
a `PrintJob` on the thread pool; the UI thread only builds widgets. Dialogs open with `open()`
and answer through signals; the last one of each kind is kept as an attribute (`detail_dialog`,
`note_dialog`, `decision_dialog`, `print_dialog`, `progress`, `preview`) for the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kampung_desktop.core.awards import AWARD_PROGRAMS
from kampung_desktop.services.review import CATEGORY_FIELDS
from kampung_desktop.ui.qt import (
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.review import deciding, tables
from kampung_desktop.ui.review.decision_dialog import DecisionDialog
from kampung_desktop.ui.review.dialogs import AssessmentDialog, NoteDialog, fmt_score, place_text
from kampung_desktop.ui.review.dialogs import category_text as category_label
from kampung_desktop.ui.review.models import RIGHT, Column, RowsModel, decimal_of, when

if TYPE_CHECKING:
    from kampung_desktop.ui.review.window import ReviewWindow

REVIEWABLE = ("finalized", "submitted")


def _level(result: Any, lang: str) -> str:
    if result is None:
        return "–"
    return result.label if lang == "id" else result.label_en


class ProgramTab(QWidget):
    refreshed = Signal()
    printFinished = Signal(object)  # PrintOutcome, or None after an error

    def __init__(self, host: ReviewWindow, program: str, title: str) -> None:
        super().__init__(host)
        self.host = host
        self.program = program
        self.title = title
        self.setObjectName(f"programTab_{program}")
        self.detail_dialog: AssessmentDialog | None = None
        self.note_dialog: NoteDialog | None = None
        self.decision_dialog: DecisionDialog | None = None
        self.print_dialog: Any = None
        self.progress: QProgressDialog | None = None
        self.preview: Any = None
        self.job: Any = None
        self.users: dict[str, str] = {}

        self.inner = QTabWidget(self)
        self.inner.setObjectName("innerTabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.inner)
        self._build_assessments()
        self._build_ranking()
        self._build_decisions()
        if program not in CATEGORY_FIELDS:  # only Kampung Bantar records an RT category
            self.assessment_view.setColumnHidden(6, True)
            self.ranking_view.setColumnHidden(4, True)
        if program not in AWARD_PROGRAMS:  # Kotaku ranks for handling; it awards nothing
            for button in (self.decide_button, self.revoke_button, self.print_button):
                button.hide()
        self.retranslate()

    # -- construction -----------------------------------------------------------------------
    def _table(self, model: RowsModel, name: str) -> QTableView:
        return tables.table(self, model, name, self._update_buttons)

    def _page(self, view: QTableView, buttons: list[QPushButton], hint: QLabel) -> QWidget:
        return tables.page(self, view, buttons, hint)

    def _button(self, name: str, handler) -> QPushButton:  # type: ignore[no-untyped-def]
        return tables.button(self, name, handler)

    def _build_assessments(self) -> None:
        lang = self.host.lang
        self.assessment_model = RowsModel([
            Column(lambda a: f"{a.rw:03d}" if a.rw else "–", RIGHT),
            Column(lambda a: f"{a.rt:03d}" if a.rt else "–", RIGHT),
            Column(lambda a: self.host.state_text(a.state)),
            Column(lambda a: str(a.year or "–"), RIGHT),
            Column(lambda a: fmt_score(a.total), RIGHT, lambda a: a.error or ""),
            Column(lambda a: _level(a.result, lang())),
            Column(lambda a: category_label(a.category)),
            Column(lambda a: a.review_note or "", tooltip=lambda a: a.review_note or ""),
        ])  # fmt: skip
        self.assessment_model.muted = lambda a: a.state == "returned"
        self.assessment_view = self._table(self.assessment_model, "assessmentTable")
        self.assessment_view.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = self._button("openButton", self.open_selected)
        self.approve_button = self._button("approveSelected", self.approve_selected)
        self.return_button = self._button("returnSelected", self.return_selected)
        self.assessment_hint = QLabel(self)
        self.inner.addTab(
            self._page(self.assessment_view, [self.open_button, self.approve_button,
                                              self.return_button], self.assessment_hint),
            "",
        )  # fmt: skip

    def _build_ranking(self) -> None:
        lang = self.host.lang
        self.ranking_model = RowsModel([
            Column(lambda r: str(r.rank) if r.rank else "–", RIGHT),
            Column(lambda r: place_text(r.assessment.rw, r.assessment.rt)),
            Column(lambda r: fmt_score(r.assessment.total), RIGHT, lambda r: r.assessment.error or ""),
            Column(lambda r: _level(r.assessment.result, lang())),
            Column(lambda r: category_label(r.assessment.category)),
            Column(lambda r: self.host.state_text(r.assessment.state)),
            Column(lambda r: category_label(r.decision.category) if r.decision else ""),
        ])  # fmt: skip
        self.ranking_view = self._table(self.ranking_model, "rankingTable")
        self.decide_button = self._button("decideButton", self.decide_selected)
        self.ranking_hint = QLabel(self)
        self.inner.addTab(
            self._page(self.ranking_view, [self.decide_button], self.ranking_hint), ""
        )

    def _build_decisions(self) -> None:
        self.decision_model = RowsModel([
            Column(lambda d: place_text(d.decision.rw, d.decision.rt)),
            Column(lambda d: d.kelurahan),
            Column(lambda d: category_label(d.decision.category)),
            Column(lambda d: fmt_score(decimal_of(d.decision.score)), RIGHT),
            Column(lambda d: self.users.get(d.decision.decided_by or "") or "–"),
            Column(lambda d: when(d.decision.decided_at)),
            Column(lambda d: d.certificate_number or ""),
            Column(self._decision_status, tooltip=self._decision_status),
        ])  # fmt: skip
        self.decision_model.muted = lambda d: bool(d.decision.revoked_at)
        self.decision_view = self._table(self.decision_model, "decisionTable")
        self.revoke_button = self._button("revokeButton", self.revoke_selected)
        self.print_button = self._button("printCertificates", self.print_certificates)
        self.report_button = self._button("reportButton", lambda: self.make_report())
        self.decision_hint = QLabel(self)
        self.inner.addTab(
            self._page(self.decision_view, [self.revoke_button, self.print_button,
                                            self.report_button], self.decision_hint),
            "",
        )  # fmt: skip

    def retranslate(self) -> None:
        self.inner.setTabText(0, self.tr("Penilaian"))
        self.inner.setTabText(1, self.tr("Peringkat"))
        self.inner.setTabText(2, self.tr("Keputusan dan piagam"))
        self.assessment_view.setAccessibleName(self.tr("Penilaian"))
        self.ranking_view.setAccessibleName(self.tr("Peringkat"))
        self.decision_view.setAccessibleName(self.tr("Keputusan dan piagam"))
        self.assessment_model.set_headers([
            self.tr("RW"), self.tr("RT"), self.tr("Status"), self.tr("Tahun"), self.tr("Skor"),
            self.tr("Tingkat"), self.tr("Kategori RT"), self.tr("Catatan pemeriksa"),
        ])  # fmt: skip
        rank = self.tr("Prioritas") if self.program == "kotaku" else self.tr("Peringkat")
        self.ranking_model.set_headers([
            rank, self.tr("RT / RW"), self.tr("Skor"), self.tr("Tingkat"), self.tr("Kategori RT"),
            self.tr("Status"), self.tr("Keputusan"),
        ])  # fmt: skip
        self.decision_model.set_headers([
            self.tr("RT / RW"), self.tr("Kelurahan"), self.tr("Kategori"), self.tr("Skor"),
            self.tr("Diputuskan oleh"), self.tr("Waktu"), self.tr("Nomor piagam"), self.tr("Status"),
        ])  # fmt: skip
        self.open_button.setText(self.tr("Buka…"))
        self.approve_button.setText(self.tr("Setujui"))
        self.return_button.setText(self.tr("Kembalikan untuk perbaikan…"))
        self.decide_button.setText(self.tr("Catat keputusan…"))
        self.revoke_button.setText(self.tr("Cabut keputusan…"))
        self.print_button.setText(self.tr("Cetak piagam…"))
        self.report_button.setText(self.tr("Laporan rekap…"))
        self.assessment_hint.setText(self._summary(self.assessment_model.rows))
        self.ranking_hint.setText(
            self.tr("Urutan dari skor tertinggi (skor Kotaku: makin tinggi makin kumuh).")
            if self.program == "kotaku"
            else self.tr("Urutan RT dari skor tertinggi; skor sama mendapat peringkat sama.")
        )
        self.decision_hint.setText(
            self.tr("Keputusan yang dicabut tetap tercatat dan ditandai dicabut.")
        )

    def _summary(self, assessments: list[Any]) -> str:
        """ "7 penilaian · Layak: 2 · Perlu pembinaan: 1 · menunggu: 5" above the list."""
        if not assessments:
            return self.tr("Belum ada penilaian final untuk program ini di kelurahan ini.")
        counts: dict[str, int] = {}
        for item in assessments:
            if item.state != "returned":
                label = _level(item.result, self.host.lang())
                counts[label] = counts.get(label, 0) + 1
        waiting = sum(1 for a in assessments if a.state in REVIEWABLE)
        parts = [self.tr("%Ln penilaian", "", len(assessments))]
        parts += [f"{label}: {n}" for label, n in counts.items()]
        parts.append(self.tr("menunggu pemeriksaan: %Ln", "", waiting))
        return " · ".join(parts)

    def _decision_status(self, row: Any) -> str:
        decision = row.decision
        if decision.revoked_at:
            return self.tr("Dicabut: {reason}").format(reason=decision.revoke_reason or "")
        return self.tr("Aktif")

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        kode, year, review = self.host.kelurahan_kode(), self.host.year(), self.host.review
        if not kode:
            return
        program = self.program

        def job() -> tuple:
            return (
                review.list(program, kode),
                review.ranking(program, year, kode),
                review.decisions(program, year, kode),
                review.user_names(),
            )

        self.host.tasks.run(job, self._show, key=f"refresh-{program}")

    def _show(self, data: tuple) -> None:
        assessments, ranking, decisions, users = data
        self.users = users
        keep = [
            self.selected(v) for v in (self.assessment_view, self.ranking_view, self.decision_view)
        ]
        self.assessment_model.set_rows(assessments)
        self.ranking_model.set_rows(ranking)
        self.decision_model.set_rows(decisions)
        for view in (self.assessment_view, self.ranking_view, self.decision_view):
            tables.fit_columns(view)
        self.assessment_hint.setText(self._summary(assessments))
        tables.reselect((self.assessment_view, self.ranking_view, self.decision_view), keep)
        self._update_buttons()
        self.refreshed.emit()

    @staticmethod
    def selected(view: QTableView) -> Any:
        return tables.selected(view)

    def _update_buttons(self, *_args: Any) -> None:
        assessment = self.selected(self.assessment_view)
        self.open_button.setEnabled(assessment is not None)
        self.approve_button.setEnabled(assessment is not None and assessment.state in REVIEWABLE)
        self.return_button.setEnabled(
            assessment is not None and assessment.state in (*REVIEWABLE, "approved")
        )
        ranked = self.selected(self.ranking_view)
        self.decide_button.setEnabled(ranked is not None and ranked.decision is None)
        decision = self.selected(self.decision_view)
        self.revoke_button.setEnabled(decision is not None and not decision.decision.revoked_at)
        active = any(not d.decision.revoked_at for d in self.decision_model.rows)
        self.print_button.setEnabled(self.job is None)
        self.report_button.setEnabled(bool(self.ranking_model.rows) or active)

    def _after_change(self, message: str):  # type: ignore[no-untyped-def]
        def done(_result: Any) -> None:
            self.host.status(message)
            self.refresh()

        return done

    # -- assessments ------------------------------------------------------------------------
    def open_selected(self) -> None:
        item = self.selected(self.assessment_view)
        if item is None:
            return
        review, lang = self.host.review, self.host.lang()
        self.host.tasks.run(
            lambda: review.detail(item.id, lang), self._show_detail, self.host.error
        )

    def _show_detail(self, detail: Any) -> None:
        from kampung_desktop.ui.interview import media_dir

        media = media_dir(self.host.ctx.data_dir, detail.assessment.id)
        dialog = AssessmentDialog(detail, self.host.lang(), self, media=media)
        dialog.approveRequested.connect(self.approve)
        dialog.returnRequested.connect(self.return_for_correction)
        self.detail_dialog = dialog
        dialog.open()

    def approve_selected(self) -> None:
        item = self.selected(self.assessment_view)
        if item is not None:
            self.approve(item.id)

    def approve(self, assessment_id: str) -> None:
        review = self.host.review
        self.host.tasks.run(
            lambda: review.approve(assessment_id),
            self._after_change(self.tr("Penilaian disetujui.")),
            self.host.error,
        )

    def return_selected(self) -> NoteDialog | None:
        item = self.selected(self.assessment_view)
        if item is None:
            return None
        dialog = NoteDialog(
            self.tr("Kembalikan untuk perbaikan"),
            self.tr("Tulis apa yang harus diperbaiki petugas ({place}). Catatan dikirim bersama "
                    "penilaian saat sinkronisasi.").format(place=place_text(item.rw, item.rt)),
            self.tr("Kembalikan"),
            self,
        )  # fmt: skip
        dialog.submitted.connect(lambda note: self.return_for_correction(item.id, note))
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def return_for_correction(self, assessment_id: str, note: str) -> None:
        review = self.host.review
        self.host.tasks.run(
            lambda: review.return_for_correction(assessment_id, note),
            self._after_change(self.tr("Penilaian dikembalikan ke petugas dengan catatan.")),
            self.host.error,
        )

    # -- decisions (ui/review/deciding.py) ------------------------------------------------
    def decide_selected(self) -> None:
        deciding.decide_selected(self)

    def decide(
        self, assessment: Any, year: int, category: str, reason: str | None = None, name: str = ""
    ) -> None:
        """Record the award through the same rule as the CLI (an override needs `reason`)."""
        deciding.decide(self, assessment, year, category, reason, name)

    def revoke_selected(self) -> NoteDialog | None:
        return deciding.revoke_selected(self)

    # -- printing ---------------------------------------------------------------------------
    def print_certificates(self) -> None:
        from kampung_desktop.ui.review.printing import open_print_options

        open_print_options(self)

    def make_report(self, out_pdf: Path | None = None) -> None:
        """Summary report of this kelurahan (PDF, with CSV and XLSX next to it), then preview."""
        from kampung_desktop.ui.review.printing import make_report

        make_report(self, out_pdf)

    def show_preview(self, path: Path) -> Any:
        from kampung_desktop.ui.review.preview import PdfPreview

        self.preview = PdfPreview(path, self)
        self.preview.show()
        return self.preview
