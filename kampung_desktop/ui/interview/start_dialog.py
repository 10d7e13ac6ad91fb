"""Choose what to interview: a form and an area (or the household given), or an existing one.

Starting creates the draft at once (prefilled from the registry); opening picks an existing
assessment of the household (or any, newest first) — a returned one reopens for correction.
"""

from __future__ import annotations

from kampung_desktop.services.assessments import AssessmentError
from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.services.review import program_of_form
from kampung_desktop.ui.interview.texts import state_label, t
from kampung_desktop.ui.qt import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_LISTED = 200


class StartDialog(QDialog):
    """After `exec()` returns Accepted, `assessment_id` is the assessment to open."""

    def __init__(
        self,
        service: InterviewService,
        lang: str = "id",
        household_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.lang = lang
        self.household_id = household_id
        self.assessment_id: str | None = None
        self.setWindowTitle(t("start.title", lang))
        self.form = QComboBox(self)
        self.form.setObjectName("formChoice")
        self.form.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        forms = service.forms()
        if household_id is not None:  # an RT/RW-level form (Kotaku, Bantar, KSM) is no household's
            forms = [f for f in forms if program_of_form(f.form_id) is None]
        else:  # an area: the RT/RW-level forms first
            forms.sort(key=lambda f: program_of_form(f.form_id) is None)
        for info in forms:
            self.form.addItem(info.title, info.form_id)
        form_layout = QFormLayout()
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_layout.addRow(t("start.form", lang), self.form)
        self.kelurahan = QComboBox(self)
        self.kelurahan.setObjectName("kelurahanChoice")
        self.rw: QSpinBox | None = None  # made only when an area is chosen (no stray box)
        self.rt: QSpinBox | None = None
        household = service.registry.draft_of(household_id) if household_id else None
        if household is not None:
            head = next((m.name for m in household.members if m.relationship == "1"), "")
            text = f"{household.address} — {head}\n{household.kelurahan_kode} · RW {household.rw:03d} · RT {household.rt:03d}"
            form_layout.addRow(t("start.household", lang), QLabel(text, self))
            self.kelurahan.hide()
        else:
            self.rw, self.rt = QSpinBox(self), QSpinBox(self)
            self.kelurahan.setEditable(True)
            self.kelurahan.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for kode, nama in service.kelurahan():
                self.kelurahan.addItem(f"{nama} — {kode}", kode)
            completer = self.kelurahan.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.kelurahan.setCurrentIndex(-1)
            for spin in (self.rw, self.rt):
                spin.setRange(1, 999)
            area = QHBoxLayout()
            area.addWidget(self.kelurahan, 1)
            area.addWidget(QLabel("RW", self))
            area.addWidget(self.rw)
            area.addWidget(QLabel("RT", self))
            area.addWidget(self.rt)
            form_layout.addRow(t("start.kelurahan", lang), area)
        self.existing = QListWidget(self)
        self.existing.setObjectName("existingAssessments")
        self.existing.setAccessibleName(t("start.existing", lang))
        # Whole lines, wrapped: nothing hides behind a horizontal scroll bar.
        self.existing.setWordWrap(True)
        self.existing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.existing.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.existing.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.existing.setSpacing(3)
        self.existing.itemActivated.connect(lambda _item: self._open())
        titles = {self.form.itemData(i): self.form.itemText(i) for i in range(self.form.count())}
        for assessment in service.list(household_id)[:MAX_LISTED]:
            area_text = (
                f"{assessment.kelurahan_kode} RW {assessment.rw or '-'} RT {assessment.rt or '-'}"
            )
            item = QListWidgetItem(
                f"{titles.get(assessment.form_id, assessment.form_id)} · {area_text} · "
                f"{state_label(assessment.state, lang)} · {assessment.updated_at[:16].replace('T', ' ')}"
            )
            item.setData(ID_ROLE, assessment.id)
            self.existing.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("start.cancel", lang))
        self.start_button = QPushButton(t("start.new", lang), self)
        self.start_button.setObjectName("startButton")
        self.open_button = QPushButton(t("start.open", lang), self)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self._start)
        self.open_button.clicked.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(QLabel(t("start.existing", lang), self))
        layout.addWidget(self.existing, 1)
        layout.addWidget(buttons)
        self.open_button.setEnabled(self.existing.count() > 0)
        self.resize(640, 460)

    def _start(self) -> None:
        form_id = self.form.currentData()
        if form_id is None:
            return
        try:
            if self.household_id is not None:
                self.assessment_id = self.service.start(form_id, "", household_id=self.household_id)
            else:
                kode = self.kelurahan.currentData()
                if kode is None or self.kelurahan.currentText() != self.kelurahan.itemText(
                    self.kelurahan.currentIndex()
                ):
                    QMessageBox.warning(
                        self, t("start.title", self.lang), t("start.bad_area", self.lang)
                    )
                    return
                rw, rt = self.rw, self.rt
                if rw is None or rt is None:  # never: they are made for the area case
                    return
                self.assessment_id = self.service.start(form_id, kode, rw.value(), rt.value())
        except AssessmentError as exc:
            QMessageBox.warning(self, t("start.title", self.lang), str(exc))
            return
        self.accept()

    def _open(self) -> None:
        item = self.existing.currentItem()
        if item is not None:
            self.assessment_id = item.data(ID_ROLE)
            self.accept()
