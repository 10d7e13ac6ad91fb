"""Sync in the desktop window (issue 8): indicator, panel, menu, enrolment, to-do list, import.

    from kampung_desktop.ui.sync import install
    self.sync_ui = install(window)      # once the services are open (MainWindow._settled)
    self.sync_ui.shutdown()            # in closeEvent, before the database closes

`install` adds everything to an existing main window without the window knowing the parts:
a state indicator in the status bar, a dockable sync panel, a "Sinkronisasi" menu, "Impor data
rumah tangga…" in the Data menu, the first-start banner, and a box for the Settings dialog.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.core.roles import Permission
from kampung_desktop.ui.access import gating
from kampung_desktop.ui.qt import (
    QAction,
    QDockWidget,
    QEvent,
    QKeySequence,
    QMenu,
    QMessageBox,
    QObject,
    Qt,
    QWidget,
)
from kampung_desktop.ui.sync.controller import SyncController
from kampung_desktop.ui.sync.enrol_dialog import EnrolDialog
from kampung_desktop.ui.sync.indicator import SyncIndicator
from kampung_desktop.ui.sync.opener import RecordOpener
from kampung_desktop.ui.sync.panel import SyncPanel
from kampung_desktop.ui.sync.setup import SETUP_SEEN, SetupBanner, SyncSettingsBox
from kampung_desktop.ui.sync.todo import TodoWindow

__all__ = ["SyncUi", "install"]


def install(window: Any, *, auto: bool = True) -> SyncUi:
    """Wire sync into `window` (a MainWindow whose backend is loaded)."""
    return SyncUi(window, auto=auto)


class _Dock(QDockWidget):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Sinkronisasi"))
        super().changeEvent(event)


class _SyncMenu(QMenu):
    """The "Sinkronisasi" menu; retranslates every action `SyncUi` adds (menus get the event)."""

    def __init__(self, owner: SyncUi, parent: QWidget) -> None:
        super().__init__(parent)
        self.owner = owner

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.owner.retranslate()
        super().changeEvent(event)


class SyncUi(QObject):
    def __init__(self, window: Any, *, auto: bool = True) -> None:
        super().__init__(window)
        from kampung_desktop.services.sync import SyncService

        self.window = window
        ctx = window.backend.ctx
        self.ctx = ctx
        self.controller = SyncController(lambda: SyncService.for_context(ctx), self, auto=auto)
        self.todo: TodoWindow | None = None
        self.enrol_dialog: EnrolDialog | None = None
        self._banner_checked = False

        self.indicator = SyncIndicator(window.status)
        window.status.addPermanentWidget(self.indicator)
        self.panel = SyncPanel(self.controller)
        self.dock = _Dock(window)
        self.dock.setObjectName("syncDock")
        self.dock.setWidget(self.panel)
        self.dock.setMinimumWidth(380)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.banner_dock = QDockWidget(window)
        self.banner_dock.setObjectName("syncBannerDock")
        self.banner_dock.setTitleBarWidget(QWidget(self.banner_dock))
        self.banner_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.banner = SetupBanner(self.banner_dock)
        self.banner_dock.setWidget(self.banner)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.banner_dock)
        self.banner_dock.hide()

        self.sync_action = QAction(window)
        self.sync_action.setObjectName("syncNowAction")
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        self.panel_action = self.dock.toggleViewAction()
        self.todo_action = QAction(window)
        self.todo_action.setObjectName("todoAction")
        self.todo_action.triggered.connect(self.open_todo)
        self.enrol_action = gating.needs(QAction(window), Permission.SYNC_SETUP)  # admin's
        self.enrol_action.setObjectName("enrolAction")
        self.enrol_action.triggered.connect(lambda: self.open_enrol())
        self.import_action = QAction(window)
        self.import_action.setObjectName("importHouseholdsAction")
        self.import_action.triggered.connect(self.open_import)
        self.menu = _SyncMenu(self, window.menuBar())
        self.menu.addActions([self.sync_action, self.panel_action, self.todo_action])
        self.menu.addSeparator()
        self.menu.addAction(self.enrol_action)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.file_menu.insertAction(window.settings_action, self.import_action)
        window.file_menu.insertSeparator(window.settings_action)

        self.indicator.clicked.connect(self.show_panel)
        self.panel.enrolRequested.connect(lambda: self.open_enrol())
        self.panel.todoRequested.connect(self.open_todo)
        self.opener = RecordOpener(self)
        self.panel.rejected_view.recordActivated.connect(self.open_record)
        self.panel.log_view.recordActivated.connect(self.open_record)
        self.banner.offlineChosen.connect(lambda: self._setup_done("offline"))
        self.banner.enrolRequested.connect(lambda: self.open_enrol())
        c = self.controller
        c.stateChanged.connect(self._state_changed)
        c.progressChanged.connect(lambda _p: self._state_changed(c.display_state()))
        c.statusChanged.connect(self._status_changed)
        c.syncFinished.connect(self._sync_finished)
        self.retranslate()
        c.start()

    # -- actions ------------------------------------------------------------------------------
    def sync_now(self) -> None:
        status = self.controller.status
        if status is not None and not status.enrolled:
            self.open_enrol()
            return
        self.controller.sync_now()
        self.show_panel()

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def may_set_up(self) -> bool:
        """Choosing, changing or leaving the server is the admin's (every role may sync)."""
        return gating.allowed(getattr(self.window, "access", None), Permission.SYNC_SETUP)

    def open_enrol(self, parent: QWidget | None = None) -> EnrolDialog | None:
        """Offline only, or enrol; `parent` when asked from a modal dialog (Settings). Another
        role is told to ask the admin (the service refuses it too)."""
        if not self.may_set_up():
            QMessageBox.information(
                parent or self.window,
                self.tr("Server sinkronisasi"),
                self.tr("Hanya admin yang dapat menghubungkan laptop ini ke server, menggantinya "
                        "atau memutuskannya. Minta admin Anda."),
            )  # fmt: skip
            return None
        if self.enrol_dialog is not None:
            self.enrol_dialog.deleteLater()  # the last one, closed (kept so callers can read it)
        dialog = EnrolDialog(self.controller, parent or self.window)
        dialog.chosen.connect(self._setup_done)
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    def open_todo(self) -> TodoWindow:
        if self.todo is None:
            self.todo = TodoWindow(self.service(), self.window.tasks.run, self.window)
            self.todo.openAssessment.connect(self.reopen)
            self.todo.conflictResolved.connect(lambda _id: self.controller.refresh())
        else:
            self.todo.refresh()
        self.todo.show()
        self.todo.raise_()
        return self.todo

    def open_import(self) -> Any:
        from kampung_desktop.ui.sync.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.window)
        dialog.imported.connect(lambda _n: self._after_import())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def settings_box(self, parent: QWidget | None = None) -> SyncSettingsBox:
        """The "Sinkronisasi" box for the Settings dialog."""
        box = gating.needs(SyncSettingsBox(self.controller, parent), Permission.SYNC_SETUP)
        box.changeRequested.connect(lambda: self.open_enrol(box.window()))
        return gating.apply_to(box, getattr(self.window, "access", None))  # admin's only

    def shutdown(self, timeout: float = 10.0) -> bool:
        return self.controller.shutdown(timeout)

    # -- reactions ----------------------------------------------------------------------------
    def open_record(self, table: str, record_id: str) -> None:
        """Open a refused or conflicting record where it can be corrected (saving queues it
        again): see `RecordOpener`."""
        self.opener.open(table, record_id)

    def service(self) -> Any:
        return self.controller.service or _service(self.ctx)

    def reopen(self, assessment_id: str) -> Any:
        """The interview of `assessment_id` (a returned one opens for correction)."""
        from kampung_desktop.ui.interview import open_assessment

        wizard = open_assessment(self.ctx, assessment_id, self.window)
        if wizard is not None:
            wizard.finalized.connect(lambda _id: self._after_correction())
        return wizard

    def _after_correction(self) -> None:
        if self.todo is not None:
            self.todo.refresh()
        self.window.refresh_status()
        self.controller.refresh()

    def _after_import(self) -> None:
        self.window.refresh_all()
        self.controller.refresh()

    def _state_changed(self, state: str) -> None:
        progress = self.controller.progress
        detail = ""
        if state == "syncing" and progress is not None and progress.total:
            detail = f"{progress.done * 100 // max(progress.total, 1)}%"
        self.indicator.set_state(state, detail)

    def _status_changed(self, status: Any) -> None:
        if self._banner_checked or status.enrolled:
            if status.enrolled:
                self.banner_dock.hide()
            return
        self._banner_checked = True
        ctx = self.ctx
        self.window.tasks.run(lambda: ctx.setting(SETUP_SEEN), self._show_banner_unless_seen)

    def _show_banner_unless_seen(self, seen: str | None) -> None:
        status = self.controller.status
        if seen != "1" and status is not None and not status.enrolled and self.may_set_up():
            self.banner_dock.show()

    def _setup_done(self, _choice: str) -> None:
        self.banner_dock.hide()
        ctx = self.ctx
        self.window.tasks.run(lambda: ctx.set_setting(SETUP_SEEN, "1"))

    def _sync_finished(self, outcome: Any) -> None:
        if outcome.received:
            self.window.refresh_all()  # new households, returned assessments…
        else:
            self.window.refresh_status()
        if self.todo is not None and self.todo.isVisible():
            self.todo.refresh()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Sinkronisasi"))
        self.menu.setTitle(self.tr("&Sinkronisasi"))
        self.sync_action.setText(self.tr("Sinkronkan sekarang"))
        self.sync_action.setToolTip(self.tr("Kirim dan terima data sekarang (F9)"))
        self.panel_action.setText(self.tr("Panel sinkronisasi"))
        self.todo_action.setText(self.tr("Daftar tugas (dikembalikan, konflik)…"))
        self.enrol_action.setText(self.tr("Server dan pendaftaran perangkat…"))
        self.import_action.setText(self.tr("Impor data rumah tangga…"))
        self.import_action.setToolTip(
            self.tr("Impor daftar rumah tangga dari berkas CSV atau XLSX (data kelurahan)")
        )


def _service(ctx: Any) -> Any:
    from kampung_desktop.services.sync import SyncService

    return SyncService.for_context(ctx)
