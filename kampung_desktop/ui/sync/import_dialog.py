"""Data → "Impor data rumah tangga…": a registry extract (CSV/XLSX) into this laptop, with progress.

The same file format and checks as `kampung households import` and the server's import (one
reader). All or nothing, unless "skip the bad rows" is ticked: then the good households are
imported and the bad rows are written to a reject file next to the original. Every problem is
listed with its line and column, in the UI language. The import runs on its own worker thread,
so the household list and search stay usable while it runs; it cannot be interrupted halfway
(it is one transaction), so the dialog stays open until it ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.ui import faults
from kampung_desktop.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts
from kampung_desktop.ui.sync.runner import SyncRunner


class ImportDialog(QDialog):
    imported = Signal(int)  # households imported

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ctx = ctx
        self.busy = False
        self.report: Any = None
        self.problems: list[Any] = []
        self.runner = SyncRunner(self)
        self.runner.progressed.connect(self._progressed)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPathEdit")
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        self.skip_box = QCheckBox(self)
        self.skip_box.setObjectName("skipInvalidBox")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.hide()
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.problem_view = QPlainTextEdit(self)
        self.problem_view.setObjectName("importProblems")
        self.problem_view.setReadOnly(True)
        self.problem_view.hide()
        self.buttons = QDialogButtonBox(self)  # own buttons: Qt would retranslate standard ones
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.problem_view, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 240)
        self.retranslate()

    # -- user -------------------------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas data rumah tangga"), "",
            self.tr("Data rumah tangga (*.csv *.xlsx)"),
        )  # fmt: skip
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        """Import the chosen file on the worker."""
        if self.busy:
            return
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip() or not path.is_file():
            self._show_message(self.tr("Pilih berkas CSV atau XLSX yang ada."), error=True)
            return
        from kampung_desktop.services.registry_import import import_registry

        self._set_busy(True)
        self.problems, self.report = [], None
        self.problem_view.hide()
        self._show_message(self.tr("Membaca dan memeriksa {name}…").format(name=path.name))
        db, user, skip, report = (
            self.ctx.db, self.ctx.user_id, self.skip_box.isChecked(), self.runner.report
        )  # fmt: skip

        def job() -> Any:
            return import_registry(db, path, user, skip_invalid=skip, progress=_pair(report))

        self.runner.run(job, self._done, self._failed)

    def _progressed(self, value: tuple[int, int]) -> None:
        done, total = value
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._show_message(
            self.tr("Menyimpan {done} dari {total} rumah tangga…").format(
                done=texts.format_count(done), total=texts.format_count(total)
            )
        )

    def _done(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self._describe()
        self.imported.emit(report.households)

    def _failed(self, error: BaseException) -> None:
        from kampung_desktop.services.registry_import import RegistryImportError

        self._set_busy(False)
        self.progress_bar.hide()
        if not isinstance(error, RegistryImportError):
            faults.report(error)  # logged; the user gets the apology, nothing was written
            return
        self.problems = list(error.problems)
        if self.problems:  # the service's text names the command-line switch; say the checkbox
            text = self.tr(
                "%Ln masalah; tidak ada yang diimpor. Perbaiki berkasnya, atau centang "
                '"Impor baris yang benar saja".',
                "",
                len(self.problems),
            )
        else:
            text = texts.pick(str(error))
        self._show_message(text, error=True)
        self._show_problems()

    # -- what is shown ------------------------------------------------------------------------
    def _describe(self) -> None:
        report = self.report
        if report is None:
            return
        fmt = texts.format_count
        # Households and members counted apart: one family of two is not "3 data baru".
        text = self.tr(
            "Diimpor — rumah tangga: {households} ({households_new} baru, {households_updated} "
            "diperbarui); anggota: {members} ({members_new} baru, {members_updated} diperbarui)."
        ).format(
            households=fmt(report.households), members=fmt(report.members),
            households_new=fmt(report.households_new),
            households_updated=fmt(report.households_updated),
            members_new=fmt(report.members_new), members_updated=fmt(report.members_updated),
        )  # fmt: skip
        if not report.inserted and not report.updated:
            text = self.tr(
                "{households} rumah tangga ({members} anggota) di berkas sudah sama dengan data "
                "laptop ini; tidak ada yang berubah."
            ).format(households=fmt(report.households), members=fmt(report.members))
        if report.rejected_rows:
            text += " " + self.tr(
                "%Ln baris ditolak, ditulis ke {file}.", "", report.rejected_rows
            ).format(file=report.reject_file)
        self._show_message(text)

    def problem_lines(self) -> list[str]:
        """Each refused row as shown: where, then why, in the UI language."""
        lines = []
        for problem in self.problems:
            message = texts.pick_pair(problem.message_id, problem.message_en)
            if not problem.line:
                lines.append(self.tr("berkas: {message}").format(message=message))
            elif problem.column:
                lines.append(
                    self.tr("baris {line}, kolom {column}: {message}").format(
                        line=problem.line, column=problem.column, message=message
                    )
                )
            else:
                lines.append(
                    self.tr("baris {line}: {message}").format(line=problem.line, message=message)
                )
        return lines

    def _show_problems(self) -> None:
        lines = self.problem_lines()
        self.problem_view.setPlainText("\n".join(lines))
        self.problem_view.setVisible(bool(lines))
        if lines:
            self.resize(self.width(), max(self.height(), 420))

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b91c1c;" if error else "")
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.import_button, self.browse_button, self.path_edit, self.skip_box):
            widget.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.show()

    def reject(self) -> None:
        if not self.busy:  # one transaction: it finishes (or rolls back) before the dialog goes
            self.runner.shutdown(1)
            super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.busy:
            event.ignore()
            return
        self.runner.shutdown(1)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Impor data rumah tangga"))
        self.path_edit.setAccessibleName(self.tr("Berkas yang diimpor"))
        self.intro.setText(
            self.tr(
                "Berkas CSV atau XLSX dari kota (satu baris per anggota keluarga; kolom "
                "kelurahan_kode, rw, rt, alamat, no_kk, nik, nama, jenis_kelamin, tanggal_lahir, "
                "hubungan). Rumah tangga yang sudah ada diperbarui menurut No. KK."
            )
        )
        self.browse_button.setText(self.tr("Pilih berkas…"))
        self.skip_box.setText(
            self.tr("Impor baris yang benar saja; tulis baris yang salah ke berkas .ditolak.csv")
        )
        self.import_button.setText(self.tr("Impor"))
        self.close_button.setText(self.tr("Tutup"))
        if self.problems:
            self._show_problems()
        self._describe()


def _pair(report: Any) -> Any:
    """The service reports (done, total); the runner coalesces one value."""
    return lambda done, total: report((done, total))
