"""The main window: wilayah tree | search + household table | detail pane, over a status bar.

The window is built and shown before the database stack is even imported; `start()` then
loads everything on the worker (`backend.Backend.load`) while the first frame is drawn, so
the user sees the window at close to bare-Qt speed and the data a moment later. All reads and
writes after that go through the one `TaskRunner`; only small table pages are read on the UI
thread. Nothing built before the first paint may touch PySide's `Qt` namespace (≈15–20 ms to
create): enums are used only after the data arrives, or spelled as ints (see household_model).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from kampung_desktop.services.list_query import AreaSelection, ListQuery
from kampung_desktop.ui import faults, i18n
from kampung_desktop.ui.area_tree import AreaTree, build_items
from kampung_desktop.ui.detail_pane import DetailPane
from kampung_desktop.ui.household_list import HouseholdList
from kampung_desktop.ui.household_model import PAGE_SIZE
from kampung_desktop.ui.qt import (
    QAction,
    QDialog,
    QEvent,
    QKeySequence,
    QMainWindow,
    QMessageBox,
    QPaintEvent,
    QSplitter,
    QTimer,
    QToolBar,
    QWidget,
    Signal,
)
from kampung_desktop.ui.status_bar import StatusBar
from kampung_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 10_000
FULL_LIST_DELAY_MS = 250
FILL_POSITIONS_DELAY_MS = 600
AFTER_READY_MS = 150
STARTUP_SWITCH_INTERVAL = 0.0005  # s; Python's default is 0.005


class MainWindow(QMainWindow):
    firstPainted = Signal()
    ready = Signal()  # data shown, window fully usable
    failed = Signal(object)  # the exception that stopped the data from loading

    def __init__(self, data_dir: Path, parent: QWidget | None = None, access: Any = None) -> None:
        """`access`: the signed-in AccessSession (None only on an unprotected legacy dir)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.data_dir = Path(data_dir)
        self.access = access
        self.backend: Any = None  # kampung_desktop.ui.backend.Backend once loaded
        self._areas: list[Any] = []  # the wilayah tree (services.wilayah.AreaNode) last read
        self.show_dialogs = True  # False in the start-up probe: report, never block
        self.is_ready = False
        self.settled = False  # True once the after-ready work (log file, registry) is done
        self._painted = False
        self._switch_interval: float | None = None
        self.tasks = TaskRunner(self._task_failed, self)
        self.sync_ui: Any = None  # kampung_desktop.ui.sync.SyncUi once the services are open
        self.help_ui: Any = None  # kampung_desktop.ui.help.HelpUi after the first view

        self.tree = AreaTree(self)
        self.list = HouseholdList(self)
        self.detail = DetailPane(self)
        splitter = QSplitter()  # horizontal; QSplitter(parent) would load PySide's `Qt` early
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        for index, widget in enumerate((self.tree, self.list, self.detail)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, (2, 5, 3)[index])
        splitter.setSizes([300, 690, 450])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._build_actions()
        from kampung_desktop.ui.access import install as install_access

        self.access_ui = install_access(self, access)  # account menu, auto-lock, role gating
        self.resize(1440, 860)

        self.tree.areaSelected.connect(self._area_selected)
        self.list.householdSelected.connect(self._household_selected)
        self.list.householdActivated.connect(self.edit_household)
        self.list.listingShown.connect(self._fill_positions)
        self.detail.editRequested.connect(self.edit_household)
        self.list.search.textChanged.connect(self.detail.set_query)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self.retranslate()

    # -- shell --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.add_action = QAction(self)
        self.add_action.triggered.connect(self.add_household)
        self.edit_action = QAction(self)
        self.edit_action.triggered.connect(lambda: self.edit_household(self.list.current_id()))
        self.refresh_action = QAction(self)
        self.refresh_action.triggered.connect(self.refresh_all)
        self.find_action = QAction(self)
        self.find_action.triggered.connect(self._focus_search)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.interview_action = QAction(self)
        self.interview_action.triggered.connect(self.start_interview)
        self.review_action = QAction(self)
        self.review_action.triggered.connect(self.open_review)
        for action in self._data_actions():
            action.setEnabled(False)  # until the data is loaded

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.add_action, self.edit_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.find_action, self.refresh_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.settings_action, self.quit_action])
        self.assessment_menu = bar.addMenu("")
        self.assessment_menu.addActions([self.interview_action, self.review_action])
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.add_action, self.edit_action, self.refresh_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.interview_action, self.review_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.settings_action)
        self.addToolBar(self.toolbar)

    def _install_shortcuts(self) -> None:
        """Keyboard shortcuts, set just after the first view.

        Not in `_build_actions`: QAction.setShortcut makes PySide build its whole `Qt`
        namespace (≈15–20 ms), which belongs neither before the first paint nor before the
        data is on screen.
        """
        shortcuts = {
            self.add_action: QKeySequence.StandardKey.New,
            self.edit_action: QKeySequence("Ctrl+E"),
            self.refresh_action: QKeySequence.StandardKey.Refresh,
            self.find_action: QKeySequence.StandardKey.Find,
            self.quit_action: QKeySequence("Ctrl+Q"),
            self.interview_action: QKeySequence("Ctrl+I"),
        }
        for action, keys in shortcuts.items():
            action.setShortcut(keys)
        if self.access_ui is not None:
            self.access_ui.install_shortcuts()  # Ctrl+L: lock now

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kampung — Pendataan rumah tangga"))
        self.file_menu.setTitle(self.tr("&Data"))
        self.help_menu.setTitle(self.tr("&Bantuan"))
        self.assessment_menu.setTitle(self.tr("&Penilaian"))
        self.interview_action.setText(self.tr("Wawancara / penilaian…"))
        self.interview_action.setToolTip(
            self.tr("Isi formulir penilaian untuk rumah tangga terpilih atau satu RT (Ctrl+I)")
        )
        self.review_action.setText(self.tr("Pemeriksaan dan penghargaan…"))
        self.review_action.setToolTip(
            self.tr("Periksa penilaian, putuskan penghargaan dan cetak piagam")
        )
        self.add_action.setText(self.tr("Tambah rumah tangga"))
        self.add_action.setToolTip(
            self.tr("Daftarkan rumah tangga baru beserta anggotanya (Ctrl+N)")
        )
        self.edit_action.setText(self.tr("Ubah"))
        self.edit_action.setToolTip(self.tr("Ubah rumah tangga yang dipilih (Ctrl+E)"))
        self.refresh_action.setText(self.tr("Muat ulang"))
        self.find_action.setText(self.tr("Cari"))
        self.settings_action.setText(self.tr("Pengaturan…"))
        self.quit_action.setText(self.tr("Keluar"))
        self.about_action.setText(self.tr("Tentang Kampung"))

    # -- start-up -----------------------------------------------------------------------
    def start(self) -> None:
        """Load the data on the worker; call right after `show()`.

        The job is queued with a zero timer, so the database stack imports on the worker while
        the first frame is drawn. The two then share the GIL; a 0.5 ms switch interval (until
        the data is shown) keeps each Python callback of that first paint from waiting up to
        the default 5 ms. Measured against loading after the paint: first frame ~20 ms later,
        data on screen ~30 ms sooner, both well inside their budgets.
        """
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(STARTUP_SWITCH_INTERVAL)
        QTimer.singleShot(0, self._load)

    def _startup_done(self) -> None:
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)  # after the whole tree has painted

    def _load(self) -> None:
        data_dir, query, access = self.data_dir, self.list.query, self.access

        def job() -> tuple[Any, Any]:
            from kampung_desktop.ui.backend import Backend  # the database stack loads here

            first = Backend.load(data_dir, query, PAGE_SIZE, access=access)
            return first, build_items(first.tree)

        self.tasks.run(job, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[Any, Any]) -> None:
        first, items = result
        self._startup_done()
        self.backend = first.backend
        self._areas = first.tree
        self.tree.set_root(items)
        self.detail.ready()
        self.list.attach(self._ask_listing, first.listing)
        self.status.set_data_dir(self.backend.data_dir)
        self._show_status(first.status)
        for action in (self.refresh_action, self.find_action):
            action.setEnabled(True)  # the rest once the services are open (`_settled`)
        self._status_timer.start()
        self.list.search.setFocus()
        self.is_ready = True
        QTimer.singleShot(0, self.ready.emit)
        # Not at once: the worker would compete for the GIL with painting the first view.
        QTimer.singleShot(AFTER_READY_MS, self._after_ready)

    def _after_ready(self) -> None:
        """Work the first view does not wait for: shortcuts, sorting, log file, registry."""
        self._install_shortcuts()
        from kampung_desktop.ui.help import install as install_help

        self.help_ui = install_help(self)  # guide pages in the Help menu, F1 in every window
        self.list.enable_sorting()
        self._read_tree()  # the first view stopped at kelurahan: RW and RT now
        backend, data_dir = self.backend, self.data_dir

        def job() -> Path | None:
            from kampung_desktop.services import logsetup

            log_file = logsetup.configure(data_dir)
            backend.registry  # noqa: B018 - import and build it now, off the UI thread
            return log_file

        self.tasks.run(job, self._settled)

    def _settled(self, log_file: Path | None) -> None:
        faults.set_log_file(log_file)
        for action in self._data_actions():
            action.setEnabled(True)
        from kampung_desktop.ui.sync import install as install_sync

        self.sync_ui = install_sync(self)  # status indicator, sync panel and menu, auto-sync
        from kampung_desktop.ui.audit_hooks import install as install_audit

        self.audit_ui = install_audit(self)  # view/reveal entries, the admin's audit log
        from kampung_desktop.ui.backup_dialog import install as install_backups

        self.backup_ui = install_backups(self)  # Data menu: back up, restore, schedule
        if self.access_ui is not None:
            self.access_ui.arm(self.backend.ctx)  # idle limit from the settings; gate late menus
        self.settled = True
        log.info("main window ready: %d households listed", self.list.model.rowCount())

    def _load_failed(self, error: BaseException) -> None:
        from kampung_desktop.services import logsetup
        from kampung_desktop.services.errors import DatabaseUnavailable

        self._startup_done()
        faults.set_log_file(logsetup.configure(self.data_dir))  # the log must have this

        if isinstance(error, DatabaseUnavailable):
            log.warning("database unavailable (%s): %s", error.kind, error.path)
            if self.show_dialogs:
                faults.show_database_unavailable(self, error.text(i18n.current()))
        elif self.show_dialogs:
            faults.report(error)
        else:
            log.error("loading failed", exc_info=error)
        self.failed.emit(error)
        self.close()

    def _task_failed(self, error: BaseException) -> None:
        if self.show_dialogs:
            faults.report(error)
        else:
            log.error("background job failed", exc_info=error)

    # -- reacting to the user -----------------------------------------------------------
    def _ask_listing(self, query: ListQuery, focus_id: str | None, callback) -> None:  # type: ignore[no-untyped-def]
        backend = self.backend

        def full() -> tuple[Any, int | None]:
            listing = backend.listing(query, PAGE_SIZE)
            rowid = backend.rowid_of(focus_id) if focus_id else None
            return listing, listing.position_of(rowid) if rowid is not None else None

        def first() -> tuple[list, bool]:
            return backend.first_screen(query, PAGE_SIZE)

        def first_done(result: tuple[list, bool]) -> None:
            rows, complete = result
            self.list.show_first_screen(rows, complete)
            if not complete or focus_id:
                # The complete sorted list once the user pauses: a one-letter search keeps
                # its matches in a temporary table first, which need not slow typing.
                QTimer.singleShot(FULL_LIST_DELAY_MS, run_full)

        def run_full() -> None:
            if self.list.query == query and self.backend is backend:
                self.tasks.run(full, callback, key="list")

        backend.interrupt_list()  # a running query for an older keystroke is now useless
        if query.text.strip():
            self.tasks.run(first, first_done, key="list")
        else:
            self.tasks.run(full, callback, key="list")

    def _fill_positions(self, listing: Any) -> None:
        """Let the shown listing learn where every 1000th row is, in short worker jobs, so a
        dragged scroll bar lands near a known key (see list_window.KeysetListing). It starts
        once the list has stayed a moment: a user typing on replaces it before then, and the
        worker stays free for the next keystroke."""

        def step(done: bool) -> None:
            if not done and self.list.model.source is listing:
                self.tasks.run(listing.fill_positions, step, key="positions")

        QTimer.singleShot(FILL_POSITIONS_DELAY_MS, lambda: step(False))

    def _area_selected(self, area: AreaSelection) -> None:
        self.list.set_area(area)

    def _household_selected(self, household_id: str | None, reload: bool = False) -> None:
        if household_id is None or self.backend is None:
            self.detail.show_detail(None)
            return
        if household_id == self.detail.household_id and not reload:
            return  # still the same household (the list was re-queried around it)
        backend = self.backend
        self.tasks.run(lambda: backend.detail(household_id), self.detail.show_detail, key="detail")

    def _data_actions(self) -> tuple[QAction, ...]:
        """Actions that need the database, enabled once it is loaded."""
        return (
            self.add_action,
            self.edit_action,
            self.refresh_action,
            self.find_action,
            self.interview_action,
            self.review_action,
        )

    def start_interview(self) -> None:
        if self.backend is None:
            return
        from kampung_desktop.ui.interview import open_interview

        window = open_interview(self.backend.ctx, self, household_id=self.list.current_id())
        if window is not None:
            window.finalized.connect(lambda _id: self.refresh_status())

    def open_review(self) -> None:
        if self.backend is None:
            return
        from kampung_desktop.ui.review import open_review

        open_review(self.backend.ctx, self)

    def _focus_search(self) -> None:
        self.list.search.setFocus()
        self.list.search.selectAll()

    def refresh_status(self) -> None:
        if self.backend is not None:
            self.tasks.run(self.backend.status, self._show_status, key="status")

    def _show_status(self, status: Any) -> None:
        self.status.set_pending(status.pending)
        self.status.set_demo(status.demo)

    def refresh_all(self, select_id: str | None = None) -> None:
        """Re-read tree counts, the list, the detail and the status (after a change)."""
        if self.backend is None:
            return
        self._read_tree()
        self.list.model.invalidate()
        self.list.refresh(select_id or self.list.current_id())
        current = select_id or self.detail.household_id
        if current:
            self._household_selected(current, reload=True)
        self.refresh_status()

    def _read_tree(self) -> None:
        backend = self.backend

        def read_tree() -> tuple[list[Any], Any]:
            nodes = backend.tree()
            return nodes, build_items(nodes)

        self.tasks.run(read_tree, self._show_tree, key="tree")

    def _show_tree(self, result: tuple[list[Any], Any]) -> None:
        self._areas, items = result
        self.tree.set_root(items)

    # -- add / edit ---------------------------------------------------------------------
    def add_household(self) -> None:
        self._open_dialog(self._draft_for_area(self.list.query.area))

    def edit_household(self, household_id: str | None = None) -> None:
        household_id = household_id or self.list.current_id()
        if not household_id or self.backend is None:
            return
        registry = self.backend.registry
        self.tasks.run(lambda: registry.draft_of(household_id), self._open_dialog_for_edit)

    def _open_dialog_for_edit(self, draft: Any) -> None:
        if draft is not None:
            self._open_dialog(draft)

    @staticmethod
    def _draft_for_area(area: AreaSelection) -> Any:
        """A new household already placed in the kelurahan/RW/RT chosen in the tree."""
        kode = area.kode_prefix
        if not kode or kode.count(".") != 3:
            return None
        from kampung_desktop.core.registry import HouseholdInput

        return HouseholdInput(kelurahan_kode=kode, rw=area.rw, rt=area.rt, address="")

    def _open_dialog(self, draft: Any) -> None:
        if self.backend is None:
            return
        try:
            from kampung_desktop.ui.household_dialog import HouseholdDialog
        except ImportError:
            log.warning("household dialog not available")
            QMessageBox.information(
                self, self.tr("Belum tersedia"), self.tr("Formulir rumah tangga belum tersedia.")
            )
            return
        dialog = HouseholdDialog(self.backend.registry, draft, self, areas=self._areas)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            saved = getattr(dialog, "saved_id", None)
            log.info("household saved: %s", saved)
            self.refresh_all(select_id=saved)

    # -- other actions ------------------------------------------------------------------
    def open_settings(self) -> None:
        from kampung_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(i18n.current(), self)
        if self.sync_ui is not None:
            dialog.add_section(self.sync_ui.settings_box(dialog))
        if self.access_ui is not None:
            self.access_ui.settings_sections(dialog)
        if self.backend is not None and self._may("print"):  # who signs the certificates
            from kampung_desktop.ui.signatory_settings import SignatoryBox

            dialog.add_section(SignatoryBox(self.backend.ctx, dialog))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_language(dialog.chosen_language())

    def _may(self, permission: str) -> bool:
        """Whether the signed-in role has `permission` (core.roles; always on a legacy dir)."""
        from kampung_desktop.ui.access.gating import allowed

        return allowed(self.access, permission)

    def set_language(self, code: str) -> None:
        """Switch the UI language now and remember it in the database."""
        if code == i18n.current():
            return
        from kampung_desktop.services import laptop_config

        laptop_config.save(language=code)  # the sign-in screen speaks it too (encrypted data)
        if not i18n.apply(code):
            QMessageBox.warning(
                self,
                self.tr("Terjemahan tidak ditemukan"),
                self.tr("Berkas terjemahan belum dibuat; aplikasi tetap berbahasa Indonesia."),
            )
            return
        if self.backend is not None:
            backend = self.backend
            self.tasks.run(lambda: backend.set_language(code))

    def _about(self) -> None:
        from kampung_desktop import __version__

        QMessageBox.about(
            self,
            self.tr("Tentang Kampung"),
            self.tr(
                "Kampung {version}\nPendataan rumah tangga dan penilaian kampung, bekerja tanpa internet."
            ).format(version=__version__),
        )

    def closeEvent(self, event: Any) -> None:
        self._status_timer.stop()
        if self.access_ui is not None:
            self.access_ui.shutdown()
        if self.backend is not None:
            self.backend.interrupt_list()  # do not wait for a search nobody will see
        if self.sync_ui is not None:
            self.sync_ui.shutdown()  # a running sync stops at its next batch or page
        self.tasks.shutdown()
        self.list.model.close()
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        super().closeEvent(event)
