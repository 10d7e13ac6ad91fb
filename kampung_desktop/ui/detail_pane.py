"""The right-hand pane: the selected household and its members.

NIK and No. KK are masked until the user presses "Tampilkan NIK", and masked again as soon as
another household is shown (UU 27/2022: expose identity numbers only when needed). With a
`reveal_gate` set (the audit log, ui/audit_hooks.py) they are shown only once the gate has
recorded the reveal; `householdShown` lets the audit log record the view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.core import codes, formats
from kampung_desktop.core.nik import mask
from kampung_desktop.core.search_match import matched_members
from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import QEvent, QLabel, QStackedWidget, QVBoxLayout, QWidget, Signal
from kampung_desktop.ui.tab_order import place_after

_SEX_SHORT = {"en": {"L": "M", "P": "F"}}  # Indonesian keeps the codes L/P themselves
MEMBER_COLUMNS = 5
NAME, NIK, SEX, RELATION, BIRTH = range(MEMBER_COLUMNS)


class DetailPane(QWidget):
    """Shows a `HouseholdDetail` (or a hint when nothing is selected)."""

    editRequested = Signal(str)  # household id
    householdShown = Signal(str)  # household id, each time another household is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self._detail: Any = None
        self._query = ""  # the search shown in the list: its matched members are marked
        self._page: QWidget | None = None  # built when the first household is shown
        self._ready = False
        # reveal_gate(detail, show): records the reveal, then calls show() (None: show at once)
        self.reveal_gate: Callable[[Any, Callable[[], None]], None] | None = None
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self)
        self._empty.setObjectName("detailEmpty")
        self._empty.setWordWrap(True)
        # Alignment through the style sheet: a Qt.AlignmentFlag here would build PySide's whole
        # `Qt` namespace before the first paint (see household_model).
        self._empty.setStyleSheet(
            "QLabel { color: palette(mid); padding: 24px; qproperty-alignment: AlignCenter; }"
        )
        self._stack.addWidget(self._empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    def ready(self) -> None:
        """The data is loaded: show the hint (nothing to say before there is a list)."""
        self._ready = True
        self.retranslate()

    def _ensure_page(self) -> None:
        if self._page is None:
            self._page = self._build_page()
            self._stack.addWidget(self._page)
            # Tab: the list, then this pane (not after the status bar, where late parts go)
            place_after(self.previousInFocusChain(), self._page)
            self.retranslate()

    def _build_page(self) -> QWidget:
        # Imported here: none of these is needed for the first paint (see household_model).
        from kampung_desktop.ui.qt import (
            QAbstractItemView,
            QCheckBox,
            QFont,
            QFormLayout,
            QFrame,
            QHBoxLayout,
            QHeaderView,
            QPushButton,
            QSizePolicy,
            Qt,
            QTableWidget,
        )

        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("detailTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_tag = QLabel(page)
        self.demo_tag.setStyleSheet(
            "background: #b45309; color: white; font-weight: bold; padding: 1px 6px; border-radius: 3px;"
        )
        self.edit_button = QPushButton(page)
        self.edit_button.setObjectName("detailEdit")
        self.edit_button.clicked.connect(self._edit_clicked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.demo_tag, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("address", "area", "rtrw", "kk", "status"):
            caption, value = QLabel(page), QLabel(page)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            self.form.addRow(caption, value)
            self._fields[key] = (caption, value)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.members_heading = QLabel(page)
        heading_font = QFont(self.members_heading.font())
        heading_font.setBold(True)
        self.members_heading.setFont(heading_font)
        self.show_nik = QCheckBox(page)
        self.show_nik.setObjectName("showNik")
        self.show_nik.toggled.connect(self._reveal_toggled)
        members_bar = QHBoxLayout()
        members_bar.addWidget(self.members_heading, 1)
        members_bar.addWidget(self.show_nik)

        self.members = QTableWidget(0, MEMBER_COLUMNS, page)
        self.members.setObjectName("membersTable")
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setAlternatingRowColors(True)
        self.members.setWordWrap(False)
        self.members.verticalHeader().setVisible(False)
        self.members.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.members.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(line)
        self.match_note = QLabel(page)
        self.match_note.setObjectName("memberMatch")
        self.match_note.setWordWrap(True)
        self.match_note.hide()
        layout.addLayout(members_bar)
        layout.addWidget(self.match_note)
        layout.addWidget(self.members, 1)
        return page

    # -- showing ------------------------------------------------------------------------
    @property
    def household_id(self) -> str | None:
        return self._detail.household.id if self._detail is not None else None

    def show_detail(self, detail: Any) -> None:
        """Show a household (a `services.registry.HouseholdDetail`), or the hint for None."""
        if detail is None and self._page is None:
            self._detail = None
            return  # the hint is already showing
        self._ensure_page()
        changed = (
            detail is None
            or self._detail is None
            or (detail.household.id != self._detail.household.id)
        )
        self._detail = detail
        if changed:
            self._set_revealed(False)  # a new household starts masked again
        self._render()
        if changed and detail is not None:
            self.householdShown.emit(detail.household.id)

    def _set_revealed(self, on: bool) -> None:
        self.show_nik.blockSignals(True)
        self.show_nik.setChecked(on)
        self.show_nik.blockSignals(False)

    def _reveal_toggled(self, on: bool) -> None:
        if on and self.reveal_gate is not None and self._detail is not None:
            self._set_revealed(False)  # masked until the gate has recorded the reveal
            detail = self._detail
            self.reveal_gate(detail, lambda: self._reveal_recorded(detail))
            return
        self._render()

    def _reveal_recorded(self, detail: Any) -> None:
        if self._detail is detail:  # still the household the reveal was recorded for
            self._set_revealed(True)
            self._render()

    def set_query(self, query: str) -> None:
        """The search being shown: members it matched are named and marked."""
        self._query = query or ""
        if self._page is not None and self._detail is not None:
            self._render()

    def heading(self) -> str:
        """The household's name as shown at the top ("" while none is shown)."""
        return self.title.text() if self._page is not None and self._detail is not None else ""

    def hint(self) -> str:
        return self._empty.text()

    def member_texts(self, column: int) -> list[str]:
        """What the members table shows in one column (tests read this, as the user would)."""
        return [self.members.item(r, column).text() for r in range(self.members.rowCount())]

    def _render(self) -> None:
        from kampung_desktop.ui.qt import QColor, QTableWidgetItem

        detail = self._detail
        if detail is None:
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        lang = i18n.current()
        h = detail.household
        reveal = self.show_nik.isChecked()
        self.title.setText(h.head_name or self.tr("(tanpa kepala keluarga)"))
        self.demo_tag.setVisible(bool(h.is_demo))
        values = {
            "address": h.address,
            "area": detail.kelurahan_nama,
            "rtrw": f"RT {h.rt:03d} / RW {h.rw:03d}",
            "kk": (h.no_kk if reveal else mask(h.no_kk)) if h.no_kk else "—",
            "status": codes.label(codes.HOUSEHOLD_STATUS, h.status, lang),
        }
        for key, value in values.items():
            self._fields[key][1].setText(value)
        self.members_heading.setText(self.tr("Anggota ({n})").format(n=len(detail.members)))
        matched = matched_members(self._query, [(m.name, m.nik) for m in detail.members])
        self.match_note.setText(
            self.tr("Cocok dengan pencarian: {names}").format(
                names=", ".join(detail.members[i].name for i in matched)
            )
            if matched
            else ""
        )
        self.match_note.setVisible(bool(matched))
        self.members.setRowCount(len(detail.members))
        for row, m in enumerate(detail.members):
            cells = {
                NAME: m.name,
                NIK: (m.nik if reveal else mask(m.nik)) if m.nik else "—",
                SEX: _SEX_SHORT.get(lang, {}).get(m.sex, m.sex),
                RELATION: codes.label(codes.RELATIONSHIP, m.relationship, lang),
                BIRTH: _date_text(m.birth_date),
            }
            tip = self._member_tip(m, lang)
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if row in matched:  # the member the search found, marked where it is listed
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QColor("#FFF3C4"))
                self.members.setItem(row, column, item)

    def _member_tip(self, m: Any, lang: str) -> str:
        """The member's other answers, shown on hover so the table stays narrow."""
        lines = [
            (self.tr("Jenis kelamin"), codes.label(codes.SEX, m.sex, lang)),
            (
                self.tr("Tempat, tanggal lahir"),
                ", ".join(p for p in (m.birth_place, _date_text(m.birth_date)) if p),
            ),
            (self.tr("Status kawin"), codes.label(codes.MARITAL_STATUS, m.marital_status, lang)),
            (self.tr("Pendidikan"), codes.label(codes.EDUCATION, m.education, lang)),
            (self.tr("Pekerjaan"), codes.label(codes.OCCUPATION, m.occupation, lang)),
        ]
        return "\n".join(f"{caption}: {value}" for caption, value in lines if value)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._ready:
            self._empty.setText(
                self.tr("Pilih rumah tangga di tabel untuk melihat rincian dan anggotanya.")
            )
        if self._page is None:
            return
        self.demo_tag.setText(self.tr("DEMO"))
        self.members.setAccessibleName(self.tr("Anggota rumah tangga"))
        self.edit_button.setText(self.tr("Ubah…"))
        self.show_nik.setText(self.tr("Tampilkan NIK"))
        self.show_nik.setToolTip(
            self.tr("NIK dan No. KK disamarkan; tampilkan hanya bila perlu (UU 27/2022).")
        )
        captions = {
            "address": self.tr("Alamat"),
            "area": self.tr("Kelurahan"),
            "rtrw": self.tr("RT/RW"),
            "kk": self.tr("No. KK"),
            "status": self.tr("Status"),
        }
        for key, text in captions.items():
            self._fields[key][0].setText(text)
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Nama"),
                self.tr("NIK"),
                self.tr("JK"),
                self.tr("Hubungan"),
                self.tr("Tgl. lahir"),
            ]
        )
        self._render()

    def _edit_clicked(self) -> None:
        if self.household_id:
            self.editRequested.emit(self.household_id)


def _date_text(iso: str | None) -> str:
    """A stored ISO date the app's way: `17 Agu 1980` / `17 Aug 1980` (core.formats)."""
    from datetime import date

    try:
        return formats.short_date(date.fromisoformat(iso[:10])) if iso else ""
    except ValueError:
        return iso or ""
