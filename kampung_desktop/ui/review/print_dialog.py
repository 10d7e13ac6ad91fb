"""Choose what to print: kelurahan, kecamatan or city; one PDF or one file each; the date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kampung_desktop.ui.qt import (
    QButtonGroup,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class PrintOptionsDialog(QDialog):
    """Emits `chosen(kode, out_pdf, separate_dir, on_date)` (one of the two paths is None)."""

    chosen = Signal(object, object, object, object)

    def __init__(
        self,
        program_title: str,
        year: int,
        scopes: list[tuple[str, str, int]],  # (kode, label, number of active decisions)
        default_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle(
            self.tr("Cetak piagam {program} {year}").format(program=program_title, year=year)
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.program_title, self.year = program_title, year
        self.default_dir = Path(default_dir)
        layout = QVBoxLayout(self)

        layout.addWidget(QLabel(self.tr("<b>Wilayah</b>"), self))
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: list[QRadioButton] = []
        for i, (kode, label, count) in enumerate(scopes):
            button = QRadioButton(
                self.tr("{area} — %Ln piagam", "", count).format(area=label), self
            )
            button.setProperty("kode", kode)
            button.setEnabled(count > 0)
            self.scope_group.addButton(button, i)
            self.scope_buttons.append(button)
            layout.addWidget(button)
        first = next((b for b in self.scope_buttons if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)

        layout.addWidget(QLabel(self.tr("<b>Hasil</b>"), self))
        form = QFormLayout()
        self.one_pdf = QRadioButton(self.tr("Satu berkas PDF berisi semua piagam"), self)
        self.one_pdf.setChecked(True)
        self.each_file = QRadioButton(self.tr("Satu berkas PDF per piagam, dalam folder"), self)
        form.addRow(self.one_pdf)
        self.pdf_path = QLineEdit(
            str(self.default_dir / f"piagam-{_slug(program_title)}-{year}.pdf"), self
        )
        self.pdf_path.setObjectName("pdfPath")
        form.addRow(self.tr("Berkas:"), self._with_browse(self.pdf_path, self._browse_pdf))
        form.addRow(self.each_file)
        self.folder_path = QLineEdit(
            str(self.default_dir / f"piagam-{_slug(program_title)}-{year}"), self
        )
        self.folder_path.setObjectName("folderPath")
        form.addRow(self.tr("Folder:"), self._with_browse(self.folder_path, self._browse_folder))
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("printDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("Tanggal piagam:"), self.date_edit)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Nomor piagam diberikan saat mencetak dan tidak pernah berulang; piagam yang sudah "
                "pernah dicetak memakai nomor dan tanggalnya semula."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Cetak"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("printOk")
        self.ok_button.setEnabled(first is not None)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _with_browse(self, edit: QLineEdit, handler) -> QWidget:  # type: ignore[no-untyped-def]
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        edit.setMinimumWidth(380)
        edit.setCursorPosition(0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("Pilih…"), box)
        browse.clicked.connect(handler)
        row.addWidget(browse)
        return box

    def _browse_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan piagam sebagai"), self.pdf_path.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.pdf_path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")
            self.one_pdf.setChecked(True)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Folder piagam"), self.folder_path.text()
        )
        if path:
            self.folder_path.setText(path)
            self.each_file.setChecked(True)

    def scope(self) -> str | None:
        button = self.scope_group.checkedButton()
        return button.property("kode") if button is not None else None

    def on_date(self) -> date:
        qdate = self.date_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _accept(self) -> None:
        kode = self.scope()
        if kode is None:
            return
        if self.one_pdf.isChecked():
            pdf = Path(self.pdf_path.text().strip())
            self.chosen.emit(kode, pdf, None, self.on_date())
        else:
            self.chosen.emit(kode, None, Path(self.folder_path.text().strip()), self.on_date())
        self.accept()


def _slug(text: str) -> str:
    return "".join(c.lower() if c.isalnum() else "-" for c in text).strip("-") or "piagam"
