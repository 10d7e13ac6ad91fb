"""Add or edit a household and its members; nothing is saved until every field passes.

The dialog only gathers a `HouseholdInput`; `RegistryService.save` decides. When it refuses
(`ValidationFailed`), each problem goes next to its field, member problems mark their row (and
appear under the field when that member is opened), and a summary at the top counts them.
"""

from __future__ import annotations

import logging
from copy import deepcopy

from kampung_desktop.core import codes, kk, nik, registry
from kampung_desktop.core.messages import Problem, current_language
from kampung_desktop.services.errors import ValidationFailed
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.services.wilayah import AreaNode
from kampung_desktop.ui import household_problems as summary
from kampung_desktop.ui.household_fields import (
    CoordinateFields,
    KelurahanCombo,
    NumberBox,
    kelurahan_choices,
    load_kelurahan_choices,
)
from kampung_desktop.ui.member_editor import MemberEditor
from kampung_desktop.ui.member_fields import CodeCombo
from kampung_desktop.ui.member_table import MemberTable
from kampung_desktop.ui.problem_banner import ProblemBanner
from kampung_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QShortcut,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.widgets_validation import (
    FIELD_STYLE,
    FieldGrid,
    FieldMessage,
    confirm_discard,
    is_blocking,
    required,
)

log = logging.getLogger(__name__)


class HouseholdDialog(QDialog):
    """`exec()` returns Accepted after a successful save; `saved_id` is then the household id."""

    def __init__(
        self,
        service: RegistryService,
        draft: registry.HouseholdInput | None = None,
        parent: QWidget | None = None,
        *,
        areas: list[AreaNode] | None = None,
    ) -> None:
        """`areas`: the wilayah tree when the caller has it loaded (saves a query)."""
        super().__init__(parent)
        self.service = service
        self._choices = (
            kelurahan_choices(areas) if areas is not None else load_kelurahan_choices(service)
        )
        self.saved_id: str | None = None
        draft = deepcopy(draft) if draft else registry.HouseholdInput("", None, None, "")
        self._id = draft.id
        self._other_problems: list = []  # problems of no known field: summary only
        self.setWindowTitle(
            self.tr("Ubah data rumah tangga") if draft.id else self.tr("Tambah rumah tangga")
        )
        self.setStyleSheet(FIELD_STYLE)
        self.setMinimumWidth(760)
        self.messages: dict[str, FieldMessage] = {}
        self._build(draft.members)
        self._load(draft)
        self._baseline = self._snapshot()
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)

    # -- layout -------------------------------------------------------------------------
    def _build(self, members: list[registry.MemberInput]) -> None:
        self.summary = ProblemBanner(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self._household_box())
        self.members = MemberTable(members, self._duplicates)
        self.members.reveal_gate = self.service.reveal_members  # audited (UU 27/2022)
        self.members.changed.connect(self._refresh_summary)
        layout.addWidget(self.members, 1)
        legend = QLabel(required("") + " " + self.tr("wajib diisi"))
        layout.addWidget(legend)
        # Above the buttons, not at the top: appearing, it must not push the fields down
        # under the pointer (a click would land in the wrong field).
        layout.addWidget(self.summary)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Simpan"))
        self.save_button.setToolTip(self.tr("Simpan rumah tangga (Ctrl+S)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Batal"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _household_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rumah tangga"))
        self.kelurahan = KelurahanCombo(self._choices)
        self.kelurahan.setObjectName("kelurahan")
        self.kelurahan.lineEdit().setPlaceholderText(self.tr("Ketik nama kelurahan atau kecamatan"))
        self.kelurahan_hint = QLabel()
        self.kelurahan_hint.setStyleSheet("color: #555555;")
        self.rw = NumberBox()
        self.rw.setObjectName("rw")
        self.rt = NumberBox()
        self.rt.setObjectName("rt")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Jalan, gang, nomor rumah"))
        self.no_kk = QLineEdit()
        self.no_kk.setObjectName("no_kk")
        self.no_kk.setMaxLength(22)
        self.no_kk.setPlaceholderText(self.tr("16 digit nomor Kartu Keluarga"))
        self.status = CodeCombo(codes.HOUSEHOLD_STATUS, optional=False)
        self.status.setObjectName("status")
        self.coordinates = CoordinateFields()
        self.latitude, self.longitude = self.coordinates.latitude, self.coordinates.longitude

        form = FieldGrid(box, halves=2)
        m = self.messages = {}
        m["kelurahan_kode"] = form.add(
            required(self.tr("Kelurahan")), self.kelurahan, self.kelurahan_hint, span=2
        )
        form.next_row()
        m["rw"] = form.add(required(self.tr("RW")), self.rw, grow=False)
        m["rt"] = form.add(required(self.tr("RT")), self.rt, column=1, grow=False)
        form.next_row()
        m["address"] = form.add(required(self.tr("Alamat")), self.address, span=2)
        form.next_row()
        m["no_kk"] = form.add(self.tr("No. KK"), self.no_kk)
        m["status"] = form.add(self.tr("Status"), self.status, column=1)
        form.next_row()
        m["latitude"] = form.add(self.tr("Lintang"), self.latitude)
        m["longitude"] = form.add(self.tr("Bujur"), self.longitude, column=1)

        self.kelurahan.left.connect(self._kelurahan_left)
        self.kelurahan.activated.connect(self._kelurahan_left)
        self.kelurahan.completer().activated.connect(self._kelurahan_left)
        self.kelurahan.editTextChanged.connect(lambda: self._edited("kelurahan_kode"))
        self.rw.valueChanged.connect(lambda: self._edited("rw"))
        self.rt.valueChanged.connect(lambda: self._edited("rt"))
        self.address.textEdited.connect(lambda: self._edited("address"))
        self.no_kk.textEdited.connect(lambda: self._edited("no_kk"))
        self.no_kk.editingFinished.connect(self._check_no_kk)
        self.latitude.textEdited.connect(lambda: self._edited("latitude"))
        self.longitude.textEdited.connect(lambda: self._edited("longitude"))
        self.latitude.editingFinished.connect(self._check_coordinates)
        self.longitude.editingFinished.connect(self._check_coordinates)
        return box

    # -- reading and writing the fields -------------------------------------------------
    def _load(self, draft: registry.HouseholdInput) -> None:
        self.kelurahan.set_kode(draft.kelurahan_kode)
        self._update_kelurahan_hint()
        self.rw.set_number(draft.rw)
        self.rt.set_number(draft.rt)
        self.address.setText(draft.address)
        self.no_kk.setText(draft.no_kk)
        self.status.set_code(draft.status)
        self.coordinates.show(draft.latitude, draft.longitude)

    def draft(self) -> registry.HouseholdInput:
        """What the fields hold now, as the service takes it."""
        latitude, longitude = self.coordinates.values()
        return registry.HouseholdInput(
            id=self._id,
            kelurahan_kode=self.kelurahan.kode(),
            rw=self.rw.number(),
            rt=self.rt.number(),
            address=self.address.text().strip(),
            no_kk=nik.clean(self.no_kk.text()),
            status=self.status.code() or "aktif",
            latitude=latitude,
            longitude=longitude,
            members=self.members.members(),
        )

    def _snapshot(self) -> tuple:
        return (self.draft(), self.kelurahan.currentText().strip(), *self.coordinates.texts())

    def is_dirty(self) -> bool:
        return self._snapshot() != self._baseline

    # -- live checks of household fields ------------------------------------------------
    def _edited(self, name: str) -> None:
        """A changed field's old error no longer applies; its summary line goes too."""
        message = self.messages[name]
        if message.problems:
            message.clear_message()
            self._refresh_summary()
        if name == "kelurahan_kode":
            self._update_kelurahan_hint()

    def _kelurahan_left(self, *_args: object) -> None:
        problem = self.kelurahan.problem()
        if problem is not None:
            self._set_field("kelurahan_kode", [problem])
        elif self.kelurahan.choice() is not None:
            self.kelurahan.normalise()
            self.messages["kelurahan_kode"].clear_message()
        self._update_kelurahan_hint()
        self._refresh_summary()

    def _update_kelurahan_hint(self) -> None:
        choice = self.kelurahan.choice()
        self.kelurahan_hint.setText(f"{choice.kota} · {choice.kode}" if choice else "")
        self.kelurahan_hint.setVisible(choice is not None)

    def _check_no_kk(self) -> None:
        value = self.no_kk.text().strip()
        self._set_field("no_kk", kk.problems(value) if value else [])
        self._refresh_summary()

    def _check_coordinates(self) -> None:
        self.coordinates.split_pasted_pair()
        found = self.coordinates.problems()
        for name in ("latitude", "longitude"):
            self._set_field(name, found.get(f"household.{name}", []))
        self._refresh_summary()

    def _local_problems(self) -> dict[str, list]:
        """What only the form can see: text that is no kelurahan, coordinates that are no number."""
        found = self.coordinates.problems()
        problem = self.kelurahan.problem()
        if problem is not None:
            found["household.kelurahan_kode"] = [problem]
        return found

    # -- members ------------------------------------------------------------------------
    @property
    def member_editor(self) -> MemberEditor | None:
        """The member editor opened last (it is window-modal over this dialog)."""
        return self.members.editor

    def _duplicates(self, index: int | None, member: registry.MemberInput) -> list[Problem]:
        """The service's 'NIK already registered' problems for this member (one indexed query)."""
        draft = self.draft()
        if index is None:
            draft.members.append(member)
            index = len(draft.members) - 1
        else:
            draft.members[index] = member
        found = self.service.check(draft).get(f"members.{index}.nik", [])
        return [p for p in found if p.code == "nik.duplicate"]

    # -- problems -----------------------------------------------------------------------
    def _set_field(self, name: str, problems: list) -> None:
        self.messages[name].set_problems(problems)

    def show_problems(self, problems: dict[str, list]) -> None:
        """Put every problem next to its field or on its member row, and count them on top."""
        by_member: dict[int, dict[str, list]] = {}
        household: dict[str, list] = {}
        self._other_problems = []
        for key, found in problems.items():
            parts = key.split(".")
            if parts[0] == "household" and len(parts) == 2 and parts[1] in self.messages:
                household[parts[1]] = list(found)
            elif parts[0] == "members" and len(parts) == 3 and parts[1].isdigit():
                by_member.setdefault(int(parts[1]), {})[parts[2]] = list(found)
            else:
                self._other_problems.extend(found)
        for name in registry.HOUSEHOLD_FIELDS:
            self._set_field(name, household.get(name, []))
        self.members.set_problems(by_member)
        self._refresh_summary()
        self._focus_first_problem(household, by_member)

    def _focus_first_problem(self, household: dict, by_member: dict) -> None:
        for name in registry.HOUSEHOLD_FIELDS:
            if is_blocking(household.get(name, [])):
                widget = self.kelurahan if name == "kelurahan_kode" else getattr(self, name)
                widget.setFocus()
                return
        for i in sorted(by_member):
            if any(is_blocking(v) for v in by_member[i].values()):
                self.members.focus_row(i)
                return

    def problem_lines(self, blocking: bool = True) -> list[str]:
        """'Field: message' for each blocking problem (or each warning), in form order."""
        return summary.problem_lines(
            self.messages, self.members.rows, self._other_problems, current_language(), blocking
        )

    def blocking_count(self) -> int:
        """How many fields (household fields and member fields) still need fixing."""
        return summary.blocking_count(self.messages, self.members.rows, self._other_problems)

    def _refresh_summary(self) -> None:
        count = self.blocking_count()
        head = self.tr("%n isian perlu diperbaiki", "", count)
        self.summary.show_problems(head, self.problem_lines() if count else [])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.summary.window_shown(event)

    # -- save / cancel ------------------------------------------------------------------
    def save(self) -> bool:
        """Validate and save in one short transaction; on refusal show why and keep the dialog."""
        draft = self.draft()
        local = self._local_problems()
        if local:
            # Show the service's view of the rest too, so one round fixes everything.
            found = registry.blocking(self.service.check(draft))
            self.show_problems(found | local)
            return False
        try:
            result = self.service.save(draft)
        except ValidationFailed as refused:
            self.show_problems(refused.problems)
            return False
        except Exception as exc:
            # The user must see it and the log must get it, but only the type: driver
            # messages can carry the NIKs and names being written.
            log.error("saving a household failed: %s", type(exc).__name__)
            from kampung_desktop.ui.faults import message_for  # in use, disk full, read-only

            known = message_for(exc)
            generic = self.tr(
                "Rumah tangga tidak dapat disimpan karena masalah pada database. Tidak ada "
                "yang tersimpan; data di formulir ini masih ada. Coba lagi, atau tutup dan "
                "buka kembali aplikasi."
            )
            kept = self.tr("Data di formulir ini masih ada; simpan lagi setelahnya.")
            text = f"{known}\n\n{kept}" if known else generic
            QMessageBox.critical(self, self.tr("Gagal menyimpan"), text)
            return False
        self.saved_id = result.household_id
        self._baseline = self._snapshot()
        if result.warnings:
            self.show_problems(result.warnings)
            QMessageBox.information(
                self,
                self.tr("Tersimpan dengan catatan"),
                self.tr("Rumah tangga tersimpan. Periksa lagi catatan berikut:")
                + "\n\n"
                + "\n".join(f"• {line}" for line in self.problem_lines(blocking=False)),
            )
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: ask before throwing typed data away."""
        if self.is_dirty() and not confirm_discard(
            self,
            self.tr("Buang perubahan?"),
            self.tr("Perubahan pada rumah tangga ini belum disimpan. Buang perubahan?"),
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Enter goes to the next field (or opens the selected member); it never saves half a form.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self.members.table.hasFocus():
                self.members.edit_member()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)
