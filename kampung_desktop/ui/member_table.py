"""The household's member list: a small table with add / edit / remove / move buttons.

Each row keeps the problems last found for its member, so a refused save can mark the row
and the member editor can show the message under the field when that member is opened.
NIKs are masked until "Tampilkan NIK"; with a `reveal_gate` (the audit log) a saved member's
NIK is shown, in the table or in the member editor, only once the gate has recorded it.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field

from kampung_desktop.core import codes, formats, nik, registry
from kampung_desktop.core.messages import Problem, current_language
from kampung_desktop.ui.member_editor import MemberEditor
from kampung_desktop.ui.qt import (
    QAbstractItemView,
    QBrush,
    QCheckBox,
    QColor,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.widgets_validation import FieldMessage, LocalProblem, is_blocking

ROW_ERROR_BACKGROUND = QColor("#fdecea")
ROW_WARNING_BACKGROUND = QColor("#fff4e0")
# Sample text sizing the fixed columns, so an empty table does not squash their headers.
COLUMN_SAMPLES = ("", "367109••••••0001", "Perempuan", "Kepala keluarga", "31-12-2000")

# (row index or None for a new member, member as typed) → 'NIK already registered' problems
DuplicateLookup = Callable[[int | None, registry.MemberInput], list[Problem]]


@dataclass
class MemberRow:
    """A member in the table with the problems last found for it (field → problems)."""

    member: registry.MemberInput
    problems: dict[str, list] = field(default_factory=dict)


class MemberTable(QGroupBox):
    """Members of one household; `changed` fires after every add, edit, removal or move."""

    changed = Signal()

    def __init__(
        self,
        members: list[registry.MemberInput],
        duplicates: DuplicateLookup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Anggota rumah tangga"))
        self.rows = [MemberRow(deepcopy(m)) for m in members]
        self.editor: MemberEditor | None = None
        self._duplicates = duplicates
        # reveal_gate(member ids): records that saved NIKs are shown; raises when refused
        self.reveal_gate: Callable[[list[str]], None] | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMN_SAMPLES))
        self.table.setObjectName("members")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nama"),
                self.tr("NIK"),
                self.tr("Jenis kelamin"),
                self.tr("Hubungan"),
                self.tr("Tanggal lahir"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(150)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES[1:], start=1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = self.table.horizontalHeaderItem(column).text()
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.table.setColumnWidth(column, width + 24)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Tambah anggota…"))
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.up_button = QPushButton(self.tr("Naik"))
        self.down_button = QPushButton(self.tr("Turun"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(lambda: self.edit_member())
        self.remove_button.clicked.connect(self.remove_member)
        self.up_button.clicked.connect(lambda: self.move_member(-1))
        self.down_button.clicked.connect(lambda: self.move_member(1))
        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        self.show_nik = QCheckBox(self.tr("Tampilkan NIK"))
        self.show_nik.setObjectName("membersShowNik")
        self.show_nik.setToolTip(
            self.tr("NIK disamarkan; tampilkan hanya bila perlu (UU 27/2022).")
        )
        self.show_nik.toggled.connect(self._reveal_toggled)
        side.addWidget(self.show_nik)

        self.message = FieldMessage()
        grid = QGridLayout(self)
        grid.addWidget(self.table, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)

    # -- contents -----------------------------------------------------------------------
    def members(self) -> list[registry.MemberInput]:
        return [deepcopy(row.member) for row in self.rows]

    def set_problems(self, by_member: dict[int, dict[str, list]]) -> None:
        """Mark each row with its problems (row index → field → problems)."""
        for i, row in enumerate(self.rows):
            row.problems = by_member.get(i, {})
        self.refresh(select=self.selected_row())

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def focus_row(self, index: int) -> None:
        self.table.selectRow(index)
        self.table.setFocus()

    # -- actions ------------------------------------------------------------------------
    def add_member(self) -> None:
        self._open_editor(None)

    def edit_member(self, index: int | None = None) -> None:
        index = self.selected_row() if index is None else index
        if index is not None and 0 <= index < len(self.rows):
            self._open_editor(index)

    def _saved_with_nik(self, rows: list[MemberRow]) -> list[str]:
        return [row.member.id for row in rows if row.member.id and row.member.nik]

    def _recorded(self, member_ids: list[str]) -> bool:
        """Pass the gate for these saved members' NIKs; False (and the reason shown) if not."""
        if not member_ids or self.reveal_gate is None:
            return True
        try:
            self.reveal_gate(member_ids)
        except Exception as exc:  # refused, or the entry could not be written: stay masked
            from kampung_desktop.ui.faults import report

            report(exc)
            return False
        return True

    def _reveal_toggled(self, on: bool) -> None:
        if on and not self._recorded(self._saved_with_nik(self.rows)):
            self.show_nik.blockSignals(True)
            self.show_nik.setChecked(False)
            self.show_nik.blockSignals(False)
            return
        self.refresh(select=self.selected_row())

    def _open_editor(self, index: int | None) -> None:
        """Open the member editor window-modal; its result arrives through `accepted`."""
        row = self.rows[index] if index is not None else None
        if row is not None and not self._recorded(self._saved_with_nik([row])):
            return  # the editor shows the NIK in full
        if self.editor is not None:
            self.editor.deleteLater()
        editor = MemberEditor(
            deepcopy(row.member) if row else None,
            number=(index if index is not None else len(self.rows)) + 1,
            problems=row.problems if row else None,
            duplicate_check=lambda member: self._duplicates(index, member),
            parent=self.window(),
        )
        editor.accepted.connect(lambda: self._member_done(index, editor))
        self.editor = editor
        editor.open()

    def _member_done(self, index: int | None, editor: MemberEditor) -> None:
        # The editor only accepts without blocking problems; keep its warnings on the row.
        warnings = {k: v for k, v in editor.validate().items() if not is_blocking(v)}
        if index is None:
            self.rows.append(MemberRow(editor.member, warnings))
            index = len(self.rows) - 1
        else:
            self.rows[index] = MemberRow(editor.member, warnings)
        self.refresh(select=index)
        self.changed.emit()

    def remove_member(self) -> None:
        index = self.selected_row()
        if index is None:
            return
        name = self.rows[index].member.name or self.tr("tanpa nama")
        answer = QMessageBox.question(
            self,
            self.tr("Hapus anggota"),
            self.tr("Hapus %1 dari daftar anggota?").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        del self.rows[index]
        self.refresh(select=min(index, len(self.rows) - 1))
        self.changed.emit()

    def move_member(self, step: int) -> None:
        index = self.selected_row()
        if index is None or not 0 <= index + step < len(self.rows):
            return
        rows = self.rows
        rows[index], rows[index + step] = rows[index + step], rows[index]
        self.refresh(select=index + step)
        self.changed.emit()

    # -- display ------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        lang = current_language()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            m = row.member
            values = (
                m.name,
                (m.nik if self.show_nik.isChecked() else nik.mask(m.nik)) if m.nik else "",
                codes.label(codes.SEX, m.sex, lang),
                codes.label(codes.RELATIONSHIP, m.relationship, lang),
                formats.short_date(m.birth_date, lang),
            )
            problems = [p for found in row.problems.values() for p in found]
            blocking = is_blocking(problems)
            tip = "\n".join(p.text(lang) for p in problems)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if problems:
                    item.setToolTip(tip)
                    item.setBackground(
                        QBrush(ROW_ERROR_BACKGROUND if blocking else ROW_WARNING_BACKGROUND)
                    )
                self.table.setItem(r, column, item)
            if problems:
                icon = (
                    QStyle.StandardPixmap.SP_MessageBoxCritical
                    if blocking
                    else QStyle.StandardPixmap.SP_MessageBoxWarning
                )
                self.table.item(r, 0).setIcon(self.style().standardIcon(icon))
        if select is not None and 0 <= select < len(self.rows):
            self.table.selectRow(select)
        self._update_buttons()
        self._update_message()

    def _update_message(self) -> None:
        if not self.rows:
            self.message.set_note(self.tr("Belum ada anggota; tambahkan minimal kepala keluarga."))
        elif not registry.head_of([row.member for row in self.rows]):
            no_head = self.tr("Belum ada anggota dengan hubungan 'Kepala keluarga'.")
            self.message.set_problems([LocalProblem(no_head, warning=True)])
        else:
            self.message.clear_message()

    def _update_buttons(self) -> None:
        index = self.selected_row()
        chosen = index is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and index > 0)
        self.down_button.setEnabled(chosen and index < len(self.rows) - 1)
