"""The kelurahan review window: pick kecamatan → kelurahan and year, one tab per program.

It shares the main window's `AppContext` (one database) but has its own worker thread, so a
long ranking or report never stalls the household list, and closing it never closes the data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kampung_desktop.ui import faults, i18n
from kampung_desktop.ui.qt import (
    QComboBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStandardPaths,
    QTabWidget,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.review.program_tab import ProgramTab
from kampung_desktop.ui.tasks import TaskRunner

USER_ERRORS = ("AssessmentError", "AwardError", "AwardRefused", "PrintError", "TemplateError",
               "ValueError")  # fmt: skip


class ReviewWindow(QMainWindow):
    areasLoaded = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kampung_desktop.services.printing import PrintingService
        from kampung_desktop.services.review import PROGRAM_TITLES, PROGRAMS, ReviewService

        self.setObjectName("reviewWindow")
        self.ctx = ctx
        self.review = ReviewService.for_context(ctx)
        self.printing = PrintingService(ctx.db, ctx.user_id, getattr(ctx, "access", None))
        self.tasks = TaskRunner(self.error, self)
        self.last_message: QMessageBox | None = None
        self.areas: list[Any] = []

        central = QWidget(self)
        layout = QVBoxLayout(central)
        bar = QHBoxLayout()
        self.kecamatan_label = QLabel(self)
        self.kecamatan_box = QComboBox(self)
        self.kecamatan_box.setObjectName("kecamatanBox")
        self.kecamatan_box.setMinimumContentsLength(24)  # in characters: grows with the text size
        self.kelurahan_label = QLabel(self)
        self.kelurahan_box = QComboBox(self)
        self.kelurahan_box.setObjectName("kelurahanBox")
        self.kelurahan_box.setMinimumContentsLength(20)
        self.year_label = QLabel(self)
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year)
        self.refresh_button = QPushButton(self)
        for widget, stretch in ((self.kecamatan_label, 0), (self.kecamatan_box, 3),
                                (self.kelurahan_label, 0), (self.kelurahan_box, 3),
                                (self.year_label, 0), (self.year_box, 0)):  # fmt: skip
            bar.addWidget(widget, stretch)
        for label, box in ((self.kecamatan_label, self.kecamatan_box),
                           (self.kelurahan_label, self.kelurahan_box),
                           (self.year_label, self.year_box)):  # fmt: skip
            label.setBuddy(box)  # Alt+letter and the screen reader's name
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("programTabs")
        self.program_tabs: dict[str, ProgramTab] = {}
        for program in PROGRAMS:
            tab = ProgramTab(self, program, PROGRAM_TITLES[program])
            self.program_tabs[program] = tab
            self.tabs.addTab(tab, PROGRAM_TITLES[program])
            tab.refreshed.connect(lambda tab=tab: self._count_in_title(tab))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("reviewStatus")
        self.resize(1180, 720)

        self.kecamatan_box.currentIndexChanged.connect(self._kecamatan_changed)
        self.kelurahan_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_box.valueChanged.connect(lambda _v: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.retranslate()
        self.tasks.run(self.review.areas, self._areas_loaded, self.error)

    # -- shell ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for tab in self.program_tabs.values():
                tab.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pemeriksaan penilaian dan penghargaan"))
        self.kecamatan_label.setText(self.tr("Kecamatan:"))
        self.kelurahan_label.setText(self.tr("Kelurahan:"))
        self.year_label.setText(self.tr("Tahun:"))
        self.year_box.setAccessibleName(self.tr("Tahun"))
        self.refresh_button.setText(self.tr("Muat ulang"))

    def _count_in_title(self, tab: ProgramTab) -> None:
        waiting = sum(1 for a in tab.assessment_model.rows if a.state in ("finalized", "submitted"))
        title = (
            self.tr("{program} · %Ln menunggu pemeriksaan", "", waiting).format(program=tab.title)
            if waiting
            else tab.title
        )
        self.tabs.setTabText(self.tabs.indexOf(tab), title)

    def _area_label(self, name: str, count: int) -> str:
        """ "Pasir Putih · 7 penilaian": the count names what it counts."""
        if not count:
            return name
        return self.tr("{area} · %Ln penilaian", "", count).format(area=name)

    def lang(self) -> str:
        return i18n.current()

    def state_text(self, state: str) -> str:
        texts = {
            "draft": self.tr("Draf"),
            "finalized": self.tr("Final"),
            "submitted": self.tr("Terkirim"),
            "approved": self.tr("Disetujui"),
            "returned": self.tr("Dikembalikan"),
        }
        return texts.get(state, state)

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def error(self, error: BaseException | str) -> None:
        """A problem the user can act on is shown as a message; anything else is a fault."""
        if isinstance(error, BaseException) and type(error).__name__ not in USER_ERRORS:
            faults.report(error)
            return
        text = str(error)
        self.status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tidak dapat dilanjutkan"), text,
                          parent=self)  # fmt: skip
        box.setObjectName("reviewMessage")
        self.last_message = box
        box.open()

    def output_dir(self) -> Path:
        found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(found) if found and Path(found).is_dir() else Path.home()

    # -- area and year ----------------------------------------------------------------------
    def _areas_loaded(self, areas: list[Any]) -> None:
        self.areas = areas
        self.kecamatan_box.blockSignals(True)
        self.kecamatan_box.clear()
        for area in areas:
            self.kecamatan_box.addItem(self._area_label(area.nama, area.count), area.kode)
        busiest = max(range(len(areas)), key=lambda i: areas[i].count, default=-1)
        self.kecamatan_box.setCurrentIndex(busiest)
        self.kecamatan_box.blockSignals(False)
        self._kecamatan_changed(busiest)
        self.areasLoaded.emit()

    def _kecamatan_changed(self, index: int) -> None:
        area = self.areas[index] if 0 <= index < len(self.areas) else None
        self.kelurahan_box.blockSignals(True)
        self.kelurahan_box.clear()
        for child in area.children if area else []:
            self.kelurahan_box.addItem(self._area_label(child.nama, child.count), child.kode)
        if area and area.children:
            busiest = max(range(len(area.children)), key=lambda i: area.children[i].count)
            self.kelurahan_box.setCurrentIndex(busiest)
        self.kelurahan_box.blockSignals(False)
        self.refresh()

    def select_kelurahan(self, kode: str) -> None:
        """Show one kelurahan (used by tests and by callers that open the window for one)."""
        kecamatan = kode.rsplit(".", 1)[0]
        index = self.kecamatan_box.findData(kecamatan)
        if index >= 0 and index != self.kecamatan_box.currentIndex():
            self.kecamatan_box.setCurrentIndex(index)
        found = self.kelurahan_box.findData(kode)
        if found >= 0 and found != self.kelurahan_box.currentIndex():
            self.kelurahan_box.setCurrentIndex(found)

    def kelurahan_kode(self) -> str | None:
        return self.kelurahan_box.currentData()

    def year(self) -> int:
        return self.year_box.value()

    def refresh(self) -> None:
        for tab in self.program_tabs.values():
            tab.refresh()

    def closeEvent(self, event: Any) -> None:
        for tab in self.program_tabs.values():
            if tab.job is not None:
                tab.job.cancel()
        QThreadPool.globalInstance().waitForDone(10_000)
        self.tasks.shutdown()
        super().closeEvent(event)
