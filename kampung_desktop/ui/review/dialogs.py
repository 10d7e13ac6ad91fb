"""The review window's dialogs: read one assessment, write a required note, record a decision.

Every dialog is opened with `open()` (window-modal, not blocking the event loop) and reports
through signals, so the worker keeps running and tests can drive the real widgets.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from kampung_desktop.core import formats
from kampung_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QLabel,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

PHOTO = 96  # thumbnail size of a photo answer, px
TOOLTIP_PHOTO = 360  # the larger picture on hover, px

#: RT size categories (Kampung Bantar) as the UI names them; codes stay Indonesian in the data.
CATEGORIES = {
    "kecil": QT_TRANSLATE_NOOP("ReviewCategories", "Kecil"),
    "sedang": QT_TRANSLATE_NOOP("ReviewCategories", "Sedang"),
    "besar": QT_TRANSLATE_NOOP("ReviewCategories", "Besar"),
}


def category_text(code: str | None, fallback: str | None = None) -> str:
    """A category code for people in the UI language: `besar` → "Besar" / "Large"."""
    if not code:
        return ""
    known = CATEGORIES.get(code.lower())
    if known is None:
        return fallback or code.title()
    return QCoreApplication.translate("ReviewCategories", known)


def fmt_score(value: Decimal | None) -> str:
    """66.67 → `66,67` (`66.67` in English), 70 → `70`; no score: `–` (see core.formats)."""
    if value is None:
        return formats.EMPTY
    return formats.number(value, 2 if value != value.to_integral_value() else 0)


def place_text(rw: int | None, rt: int | None) -> str:
    rt_text = f"RT {rt:03d} / " if rt else ""
    return rt_text + (f"RW {rw:03d}" if rw else "RW –")


class NoteDialog(QDialog):
    """Asks for a text that must not be empty (a return note, a revoke reason)."""

    submitted = Signal(str)

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setMinimumSize(420, 110)
        label.setBuddy(self.editor)  # the prompt names the text box for screen readers
        layout.addWidget(self.editor)
        self.hint = QLabel(self.tr("Wajib diisi."), self)
        self.hint.setStyleSheet("color: #a33;")
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("noteOk")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._changed)
        self._changed()

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _changed(self) -> None:
        filled = bool(self.text())
        self.ok_button.setEnabled(filled)
        self.hint.setVisible(not filled)

    def _accept(self) -> None:
        if self.text():
            self.submitted.emit(self.text())
            self.accept()


class AssessmentDialog(QDialog):
    """One assessment, read-only: where and what state, every answer, and how it scored."""

    approveRequested = Signal(str)
    returnRequested = Signal(str, str)  # assessment id, note

    def __init__(
        self, detail: Any, lang: str, parent: QWidget | None = None, media: Path | None = None
    ) -> None:
        """`media`: the assessment's folder of photos (answers naming a file there show it)."""
        super().__init__(parent)
        self.setObjectName("assessmentDialog")
        self.detail = detail
        self.lang = lang
        self.media = media
        item = detail.assessment
        self.assessment_id = item.id
        self.setWindowTitle(
            self.tr("Penilaian {place} — Kelurahan {kelurahan}").format(
                place=place_text(item.rw, item.rt), kelurahan=item.kelurahan
            )
        )
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header(item))
        tabs = QTabWidget(self)
        tabs.addTab(self._answers_table(detail.answers), self.tr("Jawaban"))
        tabs.addTab(self._score_table(item.result), self.tr("Perhitungan skor"))
        tabs.currentChanged.connect(lambda _i: QTimer.singleShot(0, self._fit_rows))
        layout.addWidget(tabs, 1)

        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Setujui"), self)
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton(self.tr("Kembalikan untuk perbaikan…"), self)
        self.return_button.setObjectName("returnButton")
        close = QPushButton(self.tr("Tutup"), self)
        can_review = item.state in ("finalized", "submitted")
        self.approve_button.setEnabled(can_review)
        self.return_button.setEnabled(item.state in ("finalized", "submitted", "approved"))
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self.ask_note)
        close.clicked.connect(self.reject)
        self.note_dialog: NoteDialog | None = None

    def _header(self, item: Any) -> QLabel:
        from kampung_desktop.services.review import state_label

        result = item.result
        score = (
            self.tr("Skor {score} — {label}").format(
                score=fmt_score(result.total),
                label=result.label if self.lang == "id" else result.label_en,
            )
            if result
            else self.tr("Skor tidak dapat dihitung: {reason}").format(reason=item.error or "")
        )
        lines = [
            f"<b>{self.detail.form_title or item.form_id}</b>",
            self.tr("Kelurahan {kelurahan}, Kecamatan {kecamatan} · {place} · tahun {year}").format(
                kelurahan=item.kelurahan,
                kecamatan=item.kecamatan,
                place=place_text(item.rw, item.rt),
                year=item.year or "–",
            ),
            self.tr("Status: {state}").format(state=state_label(item.state, self.lang)),
            f"<b>{score}</b>",
        ]
        if item.review_note:
            lines.append(self.tr("Catatan pemeriksa: {note}").format(note=item.review_note))
        label = QLabel("<br>".join(lines), self)
        label.setObjectName("assessmentHeader")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    def _answers_table(self, answers: list[Any]) -> QTableWidget:
        table = QTableWidget(len(answers), 3, self)
        table.setObjectName("answersTable")
        table.setAccessibleName(self.tr("Jawaban"))
        table.setHorizontalHeaderLabels(
            [self.tr("Bagian"), self.tr("Pertanyaan"), self.tr("Jawaban")]
        )
        for row, line in enumerate(answers):
            for column, text in enumerate((line.group, line.label, line.value)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(f"{line.name}: {text}" if column == 1 else text)
                table.setItem(row, column, cell)
            self._show_photo(table.item(row, 2), line.value)
        _fit(table, stretch=1)
        return table

    def _show_photo(self, cell: QTableWidgetItem, value: str) -> None:
        """A photo answer (a file in the assessment's folder, e.g. synced from the enumerator's
        laptop) shows as a thumbnail, larger on hover."""
        if self.media is None or not value or "/" in value or "\\" in value:
            return
        from kampung_desktop.services.attachments import read_bytes

        path = self.media / value
        data = read_bytes(path) if path.is_file() else None  # decrypted in memory only
        pixmap = QPixmap()
        if not data or not pixmap.loadFromData(data):
            return
        cell.setIcon(QIcon(pixmap.scaled(PHOTO, PHOTO, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)))  # fmt: skip
        cell.setToolTip(f'{value}<br><img src="{_data_uri(pixmap)}" width="{TOOLTIP_PHOTO}">')
        table = cell.tableWidget()
        if table is not None:
            table.setIconSize(QSize(PHOTO, PHOTO))

    def _score_table(self, result: Any) -> QTableWidget:
        items = list(result.items) if result else []
        table = QTableWidget(len(items), 4, self)
        table.setObjectName("scoreTable")
        table.setHorizontalHeaderLabels(
            [self.tr("Indikator"), self.tr("Masukan"), self.tr("Persen"), self.tr("Skor")]
        )
        for row, item in enumerate(items):
            label = item.label if self.lang == "id" else item.label_en
            value = item.input
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            score = (
                "–"
                if item.score is None
                else f"{fmt_score(item.score)} / {fmt_score(item.max_score)}"
            )
            shown = f"{item.id} · {label}" if len(item.id) <= 4 else label  # Kotaku "1a"
            texts = (shown, "" if value is None else str(value),
                     fmt_score(item.percent) if item.percent is not None else "", score)  # fmt: skip
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column >= 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, cell)
        _fit(table, stretch=0)
        return table

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        # Wrapped rows get their height once the stretched columns have their real width.
        QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        for table in self.findChildren(QTableWidget):
            table.resizeRowsToContents()

    def _approve(self) -> None:
        self.approveRequested.emit(self.assessment_id)
        self.accept()

    def ask_note(self) -> NoteDialog:
        """Ask for the correction note; the return happens only with a non-empty note."""
        dialog = NoteDialog(
            self.tr("Kembalikan untuk perbaikan"),
            self.tr(
                "Tulis apa yang harus diperbaiki petugas. Catatan ini dikirim bersama penilaian "
                "ke laptop petugas saat sinkronisasi."
            ),
            self.tr("Kembalikan"),
            self,
        )
        dialog.submitted.connect(self._return)
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def _return(self, note: str) -> None:
        self.returnRequested.emit(self.assessment_id, note)
        self.accept()


def _data_uri(pixmap: QPixmap) -> str:
    """The photo inside the tooltip itself (a PNG in a data: URI, scaled down): the file on
    disk is sealed, so no viewer may be pointed at it, and no plain copy is written."""
    from kampung_desktop.ui.qt import QBuffer, QByteArray, QIODevice

    small = pixmap.scaledToWidth(min(pixmap.width(), TOOLTIP_PHOTO),
                                 Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    buffer.close()
    return "data:image/png;base64," + bytes(data.toBase64()).decode("ascii")


def _fit(table: QTableWidget, stretch: int) -> None:
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    table.verticalHeader().setMinimumSectionSize(24)
