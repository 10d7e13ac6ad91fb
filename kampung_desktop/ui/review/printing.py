"""The batch-printing flow of a program tab: choose, print with progress and cancel, preview.

1. count the active decisions of the kelurahan, its kecamatan and its city (worker);
2. `PrintOptionsDialog`: scope, one PDF or one file each, the certificate date;
3. a `PrintJob` on the thread pool with a `QProgressDialog` whose Cancel stops it (no file);
4. done: the single PDF opens in the in-app preview; one-file-each reports the folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kampung_desktop.ui.qt import (
    QCoreApplication,
    QFileDialog,
    QMessageBox,
    QObject,
    QProgressDialog,
    Qt,
)
from kampung_desktop.ui.review.print_dialog import PrintOptionsDialog
from kampung_desktop.ui.review.print_job import PrintJob

if TYPE_CHECKING:
    from kampung_desktop.ui.review.program_tab import ProgramTab


class ReviewPrinting(QObject):
    """Counted messages: lupdate reads plural forms only from `self.tr(text, "", n)` calls."""

    def printed(self, n: int) -> str:
        return self.tr("%Ln piagam dicetak ke {path}.", "", n)

    def printed_to_folder(self, n: int) -> str:
        return self.tr("%Ln piagam dicetak ke folder {folder}.", "", n)

    def saved_one_each(self, n: int) -> str:
        return self.tr("%Ln piagam disimpan, satu berkas per piagam, di folder:\n{folder}", "", n)


def open_print_options(tab: ProgramTab) -> None:
    kode, year, host = tab.host.kelurahan_kode(), tab.host.year(), tab.host
    if not kode:
        return
    program, printing, review = tab.program, host.printing, host.review

    def job() -> tuple[list[tuple[str, str, int]], str | None]:
        from kampung_desktop.services.printing import PrintError

        kecamatan, kota = kode.rsplit(".", 1)[0], kode.rsplit(".", 2)[0]
        try:
            warning = printing.signatory_warning(program)
        except PrintError:
            warning = None  # no template: printing itself says so
        return [
            (kode, QCoreApplication.translate("ReviewPrinting", "Kelurahan {name}").format(name=review.area_name(kode)),
             len(printing.batch(program, year, kode))),
            (kecamatan, QCoreApplication.translate("ReviewPrinting", "Kecamatan {name}").format(name=review.area_name(kecamatan)),
             len(printing.batch(program, year, kecamatan))),
            (kota, review.area_name(kota), len(printing.batch(program, year, kota))),
        ], warning  # fmt: skip

    host.tasks.run(job, lambda got: _warn_then_show(tab, *got), host.error)


def _warn_then_show(tab: ProgramTab, scopes: list[tuple[str, str, int]], warning: str | None):  # type: ignore[no-untyped-def]
    """A placeholder signatory ("NAMA WALI KOTA") is named before anything is printed."""
    if not warning:
        _show_options(tab, scopes)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ReviewPrinting", "Penandatangan masih contoh"),
        QCoreApplication.translate(
            "ReviewPrinting",
            "Piagam akan dicetak dengan penandatangan contoh. Pemeriksa atau admin dapat "
            "mengisi nama dan NIP yang sebenarnya di Pengaturan → Penandatangan piagam.",
        ),
        parent=tab,
    )
    box.setObjectName("placeholderWarning")
    box.setInformativeText(warning.split(" / ")[0])
    go = box.addButton(
        QCoreApplication.translate("ReviewPrinting", "Tetap cetak"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("ReviewPrinting", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.finished.connect(
        lambda _r: _show_options(tab, scopes) if box.clickedButton() is go else None
    )
    tab.placeholder_box = box
    box.open()


def _show_options(tab: ProgramTab, scopes: list[tuple[str, str, int]]) -> None:
    dialog = PrintOptionsDialog(tab.title, tab.host.year(), scopes, tab.host.output_dir(), tab)
    dialog.chosen.connect(lambda kode, pdf, folder, on: start_print(tab, kode, pdf, folder, on))
    tab.print_dialog = dialog
    dialog.open()


def start_print(
    tab: ProgramTab, kode: str, pdf: Path | None, folder: Path | None, on_date
) -> PrintJob:  # type: ignore[no-untyped-def]
    """Start a batch in the background with a progress dialog; returns the job."""
    from kampung_desktop.services.printing import PrintRequest

    request = PrintRequest(
        program=tab.program, year=tab.host.year(), kode_prefix=kode, out_pdf=pdf,
        separate_dir=folder, on_date=on_date,
    )  # fmt: skip
    job = PrintJob(tab.host.printing, request)
    progress = QProgressDialog(
        QCoreApplication.translate("ReviewPrinting", "Mencetak piagam…"),
        QCoreApplication.translate("ReviewPrinting", "Batal"),
        0,
        0,
        tab,
    )
    progress.setObjectName("printProgress")
    progress.setWindowTitle(QCoreApplication.translate("ReviewPrinting", "Cetak piagam"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(0)
    progress.canceled.connect(job.cancel)
    job.signals.progress.connect(lambda done, total: _progressed(job, progress, done, total))
    job.signals.finished.connect(lambda outcome: _finished(tab, progress, outcome))
    job.signals.failed.connect(lambda message: _failed(tab, progress, message))
    job.signals.crashed.connect(lambda error: _failed(tab, progress, None, error))
    tab.job, tab.progress = job, progress
    tab._update_buttons()
    progress.show()
    job.start()
    return job


def _progressed(job: PrintJob, progress: QProgressDialog, done: int, total: int) -> None:
    if progress.wasCanceled():  # also when cancelled by Esc or by code, not only the button
        job.cancel()
        return
    progress.setMaximum(max(total, 1))
    progress.setValue(min(done, max(total, 1)))
    progress.setLabelText(
        QCoreApplication.translate("ReviewPrinting", "Mencetak piagam {done} dari {total}…").format(
            done=done, total=total
        )
    )


def _end(tab: ProgramTab, progress: QProgressDialog) -> None:
    progress.close()
    tab.job = None
    tab._update_buttons()
    tab.refresh()  # new certificate numbers


def _finished(tab: ProgramTab, progress: QProgressDialog, outcome: Any) -> None:
    _end(tab, progress)
    if outcome.cancelled:
        tab.host.status(
            QCoreApplication.translate(
                "ReviewPrinting", "Pencetakan dibatalkan; tidak ada berkas yang dibuat."
            )
        )
    elif len(outcome.files) == 1:
        tab.host.status(ReviewPrinting().printed(outcome.count).format(path=outcome.files[0]))
        tab.show_preview(outcome.files[0])
    else:
        folder = outcome.files[0].parent if outcome.files else ""
        tab.host.status(ReviewPrinting().printed_to_folder(outcome.count).format(folder=folder))
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ReviewPrinting", "Cetak piagam"),
                          ReviewPrinting().saved_one_each(outcome.count).format(folder=folder), parent=tab)  # fmt: skip
        tab.host.last_message = box
        box.open()
    tab.printFinished.emit(outcome)


def _failed(
    tab: ProgramTab, progress: QProgressDialog, message: str | None, error: Any = None
) -> None:
    _end(tab, progress)
    if error is not None:
        from kampung_desktop.ui import faults

        faults.report(error)
    else:
        tab.host.error(message or "")
    tab.printFinished.emit(None)


def make_report(tab: ProgramTab, out_pdf: Path | None = None) -> None:
    """Summary report of this kelurahan (PDF, with CSV and XLSX next to it), then preview."""
    kode, year = tab.host.kelurahan_kode(), tab.host.year()
    if not kode:
        return
    if out_pdf is None:
        suggested = Path.home() / f"rekap-{tab.program}-{year}-{kode.replace('.', '')}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            tab,
            QCoreApplication.translate("ProgramTab", "Simpan laporan rekap"),
            str(suggested),
            QCoreApplication.translate("ProgramTab", "PDF (*.pdf)"),
        )
        if not path:
            return
        out_pdf = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
    review, program = tab.host.review, tab.program

    def job() -> Any:
        from kampung_desktop.services.printing import write_report

        pdf = Path(out_pdf)
        return write_report(review, program, year, kode, pdf, pdf.with_suffix(".csv"),
                            pdf.with_suffix(".xlsx"))  # fmt: skip

    def done(outcome: Any) -> None:
        tab.host.status(
            QCoreApplication.translate("ProgramTab", "Laporan disimpan: {files}").format(
                files=", ".join(str(f) for f in outcome.files)
            )
        )
        tab.show_preview(Path(out_pdf))

    tab.host.tasks.run(job, done, tab.host.error)
