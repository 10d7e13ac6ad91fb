"""The sub-dialog that edits one household member, checking the NIK while it is typed.

The NIK is checked as soon as it has 16 digits or the field is left; a valid NIK fills in sex
and birth date when they are empty and warns (amber, not blocking) when they disagree. OK is
refused while a blocking problem remains, so the member table only holds members that pass the
rules the household save applies again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kampung_desktop.core import codes, nik, registry
from kampung_desktop.core.messages import Problem
from kampung_desktop.ui.member_fields import CodeCombo, OptionalDateEdit
from kampung_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QShortcut,
    QShowEvent,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.widgets_validation import (
    FIELD_STYLE,
    FieldGrid,
    FieldMessage,
    LocalProblem,
    confirm_discard,
    grow_to_fit,
    is_blocking,
    required,
)

FIELDS = (
    "name",
    "nik",
    "sex",
    "birth_place",
    "birth_date",
    "relationship",
    "marital_status",
    "education",
    "occupation",
)

DuplicateCheck = Callable[[registry.MemberInput], list[Problem]]


class MemberEditor(QDialog):
    """Edit one `MemberInput`; after `accepted`, read the result from `.member`.

    `problems` (field → problems, e.g. from a refused household save) are shown on opening;
    `duplicate_check` looks the NIK up in other households (and other rows of this one).
    """

    def __init__(
        self,
        member: registry.MemberInput | None = None,
        *,
        number: int = 1,
        problems: dict[str, list[Problem]] | None = None,
        duplicate_check: DuplicateCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = member or registry.MemberInput(name="", sex="", relationship="")
        self._duplicate_check = duplicate_check
        self.member: registry.MemberInput = self._original
        self.problems: dict[str, list[Problem]] = {}
        self.setWindowTitle(
            self.tr("Ubah anggota no. %1").replace("%1", str(number))
            if member is not None
            else self.tr("Tambah anggota rumah tangga")
        )
        self.setStyleSheet(FIELD_STYLE)
        self.setMinimumWidth(520)
        self._build()
        self._load(self._original)
        self._baseline = self._read()
        self.show_problems(problems or {})
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)

    # -- layout -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Never narrower than the captions at the chosen text size (the explicit minimum
        width would otherwise let them be cut), and tall enough for wrapped messages."""
        super().showEvent(event)
        self.setMinimumSize(self.minimumSize().expandedTo(self.layout().minimumSize()))
        QTimer.singleShot(0, lambda: grow_to_fit(self))

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.nik = QLineEdit()
        self.nik.setObjectName("nik")
        self.nik.setMaxLength(22)  # 16 digits plus the spaces/dots people type between groups
        self.nik.setPlaceholderText(self.tr("16 digit, contoh 3671091708800001"))
        self.sex = CodeCombo(codes.SEX, placeholder=self.tr("— pilih —"))
        self.sex.setObjectName("sex")
        self.birth_place = QLineEdit()
        self.birth_place.setObjectName("birth_place")
        self.birth_date = OptionalDateEdit()
        self.birth_date.setObjectName("birth_date")
        self.birth_date.setToolTip(self.tr("Ketik hh-bb-tttt atau pilih dari kalender"))
        self.birth_date.setAccessibleName(self.tr("Tanggal lahir"))
        self.clear_date = QToolButton()
        self.clear_date.setText(self.tr("Kosongkan"))
        self.clear_date.setToolTip(self.tr("Tanggal lahir tidak diketahui"))
        self.clear_date.clicked.connect(self._clear_birth_date)
        self.relationship = CodeCombo(codes.RELATIONSHIP, placeholder=self.tr("— pilih —"))
        self.relationship.setObjectName("relationship")
        self.marital_status = CodeCombo(
            codes.MARITAL_STATUS, placeholder=self.tr("— tidak diisi —")
        )
        self.marital_status.setObjectName("marital_status")
        self.education = CodeCombo(codes.EDUCATION, placeholder=self.tr("— tidak diisi —"))
        self.education.setObjectName("education")
        self.occupation = CodeCombo(codes.OCCUPATION, placeholder=self.tr("— tidak diisi —"))
        self.occupation.setObjectName("occupation")

        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.birth_date, 1)
        date_layout.addWidget(self.clear_date)

        self.messages: dict[str, FieldMessage] = {}
        form = FieldGrid()
        rows = (
            ("name", required(self.tr("Nama lengkap")), self.name),
            ("nik", self.tr("NIK"), self.nik),
            ("sex", required(self.tr("Jenis kelamin")), self.sex),
            ("birth_place", self.tr("Tempat lahir"), self.birth_place),
            ("birth_date", self.tr("Tanggal lahir"), date_row),
            (
                "relationship",
                required(self.tr("Hubungan dengan kepala keluarga")),
                self.relationship,
            ),
            ("marital_status", self.tr("Status perkawinan"), self.marital_status),
            ("education", self.tr("Pendidikan tertinggi"), self.education),
            ("occupation", self.tr("Lapangan usaha"), self.occupation),
        )
        for field, caption, widget in rows:
            buddy = self.birth_date if field == "birth_date" else widget
            self.messages[field] = form.add(caption, widget, buddy=buddy)
            form.next_row()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Batal"))
        for button in (self.ok_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        legend = QLabel(required("") + " " + self.tr("wajib diisi"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(legend)
        layout.addWidget(self.buttons)

        self.nik.textEdited.connect(self._nik_edited)
        self.nik.editingFinished.connect(self.check_nik)
        self.sex.currentIndexChanged.connect(self._cross_check)
        self.birth_date.dateChanged.connect(self._date_changed)
        self.birth_date.editingFinished.connect(self._check_birth_date)
        self.name.textEdited.connect(lambda: self._clear_blocking("name"))
        self.relationship.currentIndexChanged.connect(lambda: self._clear_blocking("relationship"))

    def _load(self, member: registry.MemberInput) -> None:
        self.name.setText(member.name)
        self.nik.setText(member.nik)
        self.sex.set_code(member.sex)
        self.birth_place.setText(member.birth_place)
        self.birth_date.set_value(member.birth_date)
        self.relationship.set_code(member.relationship)
        self.marital_status.set_code(member.marital_status)
        self.education.set_code(member.education)
        self.occupation.set_code(member.occupation)

    def _read(self) -> registry.MemberInput:
        return replace(
            self._original,
            name=self.name.text().strip(),
            nik=nik.clean(self.nik.text()),
            sex=self.sex.code(),
            birth_place=self.birth_place.text().strip(),
            # A half-typed date holds placeholder parts: it is no date yet.
            birth_date=None if self.birth_date.is_incomplete() else self.birth_date.value(),
            relationship=self.relationship.code(),
            marital_status=self.marital_status.code(),
            education=self.education.code(),
            occupation=self.occupation.code(),
        )

    # -- live checks --------------------------------------------------------------------
    def _nik_edited(self, text: str) -> None:
        digits = nik.clean(text)
        if len(digits) == 16 or self.messages["nik"].problems:
            self.check_nik()  # full length, or fixing a NIK already marked: keep it current
        elif not digits:
            self.messages["nik"].clear_message()

    def check_nik(self) -> None:
        """Show what is wrong with the NIK; from a valid one, fill in sex and birth date."""
        value = nik.clean(self.nik.text())
        if not value:
            self.messages["nik"].clear_message()
            self._clear_notes()
            self._cross_check()
            return
        found = nik.problems(value)
        decoded = nik.info(value) if not found else None
        if decoded is None:
            self._clear_notes()
        else:
            self._offer_from_nik(decoded)
            if self._duplicate_check is not None:
                found += self._duplicate_check(self._read())
        self.messages["nik"].set_problems(found)
        self._cross_check()

    def _offer_from_nik(self, decoded: nik.NikInfo) -> None:
        filled = []
        if not self.sex.code():
            self.sex.set_code(decoded.sex.value)
            filled.append("sex")
        if self.birth_date.value() is None and not self.birth_date.is_incomplete():
            self.birth_date.set_value(decoded.birth_date)
            filled.append("birth_date")
        for field in filled:
            self.messages[field].set_note(self.tr("Diisi dari NIK; periksa dengan KK."))

    def _cross_check(self) -> None:
        """Amber warnings under sex / birth date when they disagree with a valid NIK."""
        member = self._read()
        warnings = nik.cross_check(member.nik, member.sex, member.birth_date)
        for code, field in (("nik.sex_mismatch", "sex"), ("nik.birth_mismatch", "birth_date")):
            message = self.messages[field]
            mine = [p for p in warnings if p.code == code]
            if mine:
                message.set_problems(mine)
            elif message.problems and not message.blocking:
                message.clear_message()  # a former mismatch, now fixed

    def _clear_notes(self) -> None:
        for field in ("sex", "birth_date"):
            message = self.messages[field]
            if not message.problems:
                message.clear_message()

    def _date_changed(self) -> None:
        if self.messages["birth_date"].blocking and not self.birth_date.is_incomplete():
            self.messages["birth_date"].clear_message()  # completed, or picked in the calendar
        self._cross_check()

    def _check_birth_date(self) -> None:
        if self.birth_date.is_incomplete():
            self.messages["birth_date"].set_problems([self._incomplete_date()])
        elif self.messages["birth_date"].blocking:
            self.messages["birth_date"].clear_message()
            self._cross_check()

    def _clear_birth_date(self) -> None:
        self.birth_date.clear_value()
        self.messages["birth_date"].clear_message()
        self._cross_check()

    def _clear_blocking(self, field: str) -> None:
        if self.messages[field].blocking:
            self.messages[field].clear_message()

    def _incomplete_date(self) -> LocalProblem:
        return LocalProblem(
            self.tr(
                "Tanggal lahir belum lengkap atau tidak ada; tulis hh-bb-tttt, contoh 17-08-1980."
            )
        )

    # -- results ------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, list[Problem]]) -> None:
        """Put each problem under its field (keys are MemberInput field names)."""
        for field, message in self.messages.items():
            message.set_problems(problems.get(field, []))
        self.problems = {k: list(v) for k, v in problems.items() if v}

    def validate(self) -> dict[str, list[Problem]]:
        """Everything the household save would say about this member, plus typing slips."""
        member = self._read()
        found = registry.member_problems(member)
        if self.birth_date.is_incomplete():
            found["birth_date"] = [self._incomplete_date()]
        nik_ok = member.nik and not is_blocking(found.get("nik", []))
        if nik_ok and self._duplicate_check is not None:
            duplicates = self._duplicate_check(member)
            if duplicates:
                found["nik"] = found.get("nik", []) + duplicates
        return found

    def accept(self) -> None:
        found = self.validate()
        self.show_problems(found)
        if any(is_blocking(v) for v in found.values()):
            first = next(f for f in FIELDS if is_blocking(found.get(f, [])))
            self._widget(first).setFocus()
            return
        self.member = self._read()
        super().accept()

    def is_dirty(self) -> bool:
        return self._read() != self._baseline

    def reject(self) -> None:
        if self.is_dirty() and not confirm_discard(
            self,
            self.tr("Buang perubahan?"),
            self.tr("Data anggota yang sudah diketik belum disimpan. Buang perubahan?"),
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Enter confirms a member that is complete; with half a member typed it moves on to the
        # next field instead (no wall of errors for what simply is not typed yet).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self.focusWidget() is self.cancel_button:
                self.reject()
            elif self.focusWidget() is self.ok_button or not any(
                is_blocking(v) for v in self.validate().values()
            ):
                self.accept()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _widget(self, field: str) -> QWidget:
        return getattr(self, field)
