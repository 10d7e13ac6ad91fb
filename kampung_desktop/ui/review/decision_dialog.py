"""The review window's award dialog: record a decision under the award rule, or an exception.

Opened with `open()` (window-modal) and answering through `decided`, like the other dialogs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kampung_desktop.core import formats
from kampung_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QWidget,
    Signal,
)
from kampung_desktop.ui.review.dialogs import category_text, fmt_score, place_text


class DecisionDialog(QDialog):
    """Record an award for one RT (or RW): program, year, category, and who decides.

    When the award rule refuses the area (`refusals`: no approved assessment, a score below
    the threshold), the reasons are shown and the decision can only be recorded as an explicit
    exception with a written reason, exactly as `kampung awards decide --override --reason`.
    """

    decided = Signal(object, int, str, object, str)  # assessment, year, category, reason, name

    def __init__(
        self,
        program_title: str,
        assessment: Any,
        year: int,
        categories: list[tuple[str, str]],
        decided_by: str,
        lang: str,
        parent: QWidget | None = None,
        refusals: list[Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Catat keputusan penghargaan"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.assessment = assessment
        self.refusals = list(refusals or [])
        form = QFormLayout(self)
        form.addRow(self.tr("Program:"), QLabel(program_title, self))
        form.addRow(
            self.tr("Penerima:"),
            QLabel(
                self.tr("{place}, Kelurahan {kelurahan}").format(
                    place=place_text(assessment.rw, assessment.rt), kelurahan=assessment.kelurahan
                ),
                self,
            ),
        )
        result = assessment.result
        score = (
            f"{fmt_score(result.total)} ({result.label if lang == 'id' else result.label_en})"
            if result
            else "–"
        )
        form.addRow(self.tr("Skor:"), QLabel(score, self))
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("decisionYear")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(year)
        form.addRow(self.tr("Tahun:"), self.year_box)
        self.category_box = QComboBox(self)
        self.category_box.setObjectName("decisionCategory")
        self.category_box.setEditable(not categories)
        for code, label in categories:
            self.category_box.addItem(category_text(code, label), code)
        if assessment.category:
            found = self.category_box.findData(assessment.category)
            if found >= 0:
                self.category_box.setCurrentIndex(found)
        form.addRow(self.tr("Kategori:"), self.category_box)
        self.decider = QLineEdit(decided_by, self)
        self.decider.setObjectName("decisionDecider")
        self.decider.setPlaceholderText(self.tr("nama lengkap pengambil keputusan"))
        form.addRow(self.tr("Diputuskan oleh:"), self.decider)
        form.addRow(self.tr("Waktu:"), QLabel(formats.date_time(datetime.now()), self))
        self.override_box: QCheckBox | None = None
        self.reason_edit: QPlainTextEdit | None = None
        if self.refusals:
            self._add_refusals(form, lang)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Catat keputusan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("decisionOk")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.decider.textChanged.connect(self._update_ok)
        self._update_ok()

    def _add_refusals(self, form: QFormLayout, lang: str) -> None:
        reasons = "".join(f"<li>{r.text(lang)}</li>" for r in self.refusals)
        banner = QLabel(
            self.tr("<b>Penghargaan ini tidak memenuhi aturan:</b>") + f"<ul>{reasons}</ul>", self
        )
        banner.setObjectName("refusalBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel { background: #FDECEA; color: #611A15; border: 1px solid #F5C2C0;"
            " border-radius: 4px; padding: 6px; }"
        )
        form.addRow(banner)
        self.override_box = QCheckBox(
            self.tr("Tetap catat sebagai pengecualian (alasan dicatat di log audit)"), self
        )
        self.override_box.setObjectName("overrideBox")
        form.addRow(self.override_box)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("overrideReason")
        self.reason_edit.setPlaceholderText(
            self.tr("Alasan pengecualian, mis. keputusan rapat juri")
        )
        self.reason_edit.setFixedHeight(64)
        self.reason_edit.setEnabled(False)
        form.addRow(self.tr("Alasan:"), self.reason_edit)
        self.override_box.toggled.connect(self.reason_edit.setEnabled)
        self.override_box.toggled.connect(self._update_ok)
        self.reason_edit.textChanged.connect(self._update_ok)

    def override_reason(self) -> str | None:
        """None when the rule holds; the written reason when overriding ("" if not yet given)."""
        if not self.refusals:
            return None
        if self.override_box is None or not self.override_box.isChecked():
            return ""
        return self.reason_edit.toPlainText().strip() if self.reason_edit else ""

    def _update_ok(self, *_args: Any) -> None:
        allowed = bool(self.decider.text().strip())
        if self.refusals:
            allowed = allowed and bool(self.override_reason())
        self.ok_button.setEnabled(allowed)

    def category(self) -> str:
        data = self.category_box.currentData()
        return str(data if data is not None else self.category_box.currentText()).strip().lower()

    def _accept(self) -> None:
        if not self.category():
            self.category_box.setFocus()
            return
        if not self.ok_button.isEnabled():
            return
        self.decided.emit(
            self.assessment,
            self.year_box.value(),
            self.category(),
            self.override_reason(),
            self.decider.text().strip(),
        )
        self.accept()
