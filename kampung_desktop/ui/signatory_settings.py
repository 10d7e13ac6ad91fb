"""Settings → "Penandatangan piagam": who signs each programme's certificates.

Reviewers and administrators edit it; an enumerator sees it read-only with the reason. Saved
with the dialog's Simpan through `services.signatory` (checked there again).
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.core.awards import AWARD_PROGRAMS
from kampung_desktop.services import signatory
from kampung_desktop.services.printing import PrintError, template_for
from kampung_desktop.ui.qt import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

TITLES = {"bantar": "Kampung Bantar", "ksm": "KSM / WKSBM"}


class SignatoryBox(QGroupBox):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatoryBox")
        self.setTitle(self.tr("Penandatangan piagam"))
        self.ctx = ctx
        self.editable = signatory.can_edit(ctx.db, ctx.user_id)
        self.values: dict[str, signatory.Signatory] = {}
        for program in AWARD_PROGRAMS:
            try:
                template = template_for(program)
            except PrintError:
                continue
            chosen = signatory.stored(ctx.db, program) or signatory.of_template(template)
            self.values[program] = chosen
        self.original = dict(self.values)
        self.program = QComboBox(self)
        self.program.setObjectName("signatoryProgram")
        for program in self.values:
            self.program.addItem(TITLES.get(program, program), program)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("signatoryTitle")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("signatoryName")
        self.nip_edit = QLineEdit(self)
        self.nip_edit.setObjectName("signatoryNip")
        self.nip_edit.setPlaceholderText(self.tr("18 angka; kosong bila bukan ASN"))
        self.nip_edit.setMaxLength(18)
        self.note = QLabel(self)
        self.note.setObjectName("signatoryNote")
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Program"), self.program)
        form.addRow(self.tr("Jabatan"), self.title_edit)
        form.addRow(self.tr("Nama"), self.name_edit)
        form.addRow(self.tr("NIP"), self.nip_edit)
        form.addRow(self.note)
        for edit in (self.title_edit, self.name_edit, self.nip_edit):
            edit.setReadOnly(not self.editable)
            edit.textEdited.connect(self._keep)
        self.program.currentIndexChanged.connect(self._show)
        self._show()

    def _current(self) -> str:
        return str(self.program.currentData())

    def _show(self, *_args: Any) -> None:
        value = self.values.get(self._current())
        if value is None:
            return
        self.title_edit.setText(value.title)
        self.name_edit.setText(value.name)
        self.nip_edit.setText(value.nip)
        if not self.editable:
            self.note.setText(self.tr("Hanya pemeriksa atau admin yang boleh mengubahnya."))
        elif value.placeholders():
            self.note.setText(
                self.tr("Masih contoh: tulis nama (dan NIP) pejabat yang menandatangani.")
            )
        else:
            self.note.setText("")

    def _keep(self, *_args: Any) -> None:
        self.values[self._current()] = signatory.Signatory(
            self.title_edit.text(), self.name_edit.text(), self.nip_edit.text()
        )

    def save(self) -> None:
        """Store what changed (SignatoryError, id / en, when a value is refused)."""
        if not self.editable:
            return
        for program, value in self.values.items():
            if value != self.original.get(program):
                signatory.save(self.ctx.db, self.ctx.user_id, program, value)
                self.original[program] = value
