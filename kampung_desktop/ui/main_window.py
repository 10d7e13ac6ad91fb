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
from kampung_desktop.ui import (
    faults,
    household_editing,
    i18n,
    list_feeding,
    main_actions,
    window_settings,
)
from kampung_desktop.ui.area_tree import AreaTree, build_items
from kampung_desktop.ui.detail_pane import DetailPane
from kampung_desktop.ui.household_list import HouseholdList
from kampung_desktop.ui.household_model import PAGE_SIZE
from kampung_desktop.ui.qt import (
    QAction,
    QEvent,
    QMainWindow,
    QPaintEvent,
    QSplitter,
    QTimer,
    QWidget,
    Signal,
)
from kampung_desktop.ui.status_bar import StatusBar
from kampung_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 10_000
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
        splitter.splitterMoved.connect(self._splitter_dragged)
        self._splitter_by_user = False
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
        main_actions.build(self)

    def _install_shortcuts(self) -> None:
        main_actions.install_shortcuts(self)  # after the first view: it loads PySide's `Qt`

    def resizeEvent(self, event: Any) -> None:
        """Tree, list and detail pane share the width 21:52:27 until the user drags a divider:
        in a 1200 px window the list keeps room for its address column."""
        super().resizeEvent(event)
        if not self._splitter_by_user:
            width = self.splitter.width()
            self.splitter.setSizes([int(width * 0.21), int(width * 0.52), int(width * 0.27)])

    def _splitter_dragged(self, *_args: object) -> None:
        self._splitter_by_user = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        main_actions.retranslate(self)

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
        list_feeding.ask_listing(self, query, focus_id, callback)

    def _fill_positions(self, listing: Any) -> None:
        list_feeding.fill_positions(self, listing)

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

    # -- add / edit, settings ------------------------------------------------------------
    @property
    def areas(self) -> list[Any]:
        """The wilayah tree last read (services.wilayah.AreaNode roots)."""
        return self._areas

    def add_household(self) -> None:
        household_editing.add_household(self)

    def edit_household(self, household_id: str | None = None) -> None:
        household_editing.edit_household(self, household_id)

    def open_settings(self) -> None:
        window_settings.open_settings(self)

    def set_language(self, code: str) -> None:
        """Switch the UI language now and remember it."""
        window_settings.set_language(self, code)

    def _about(self) -> None:
        window_settings.show_about(self)

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
