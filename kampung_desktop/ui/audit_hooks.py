"""The audit log in the main window (issue 12): record views and reveals, open the admin's log.

    from kampung_desktop.ui.audit_hooks import install
    self.audit_ui = install(window)   # once the services are open (MainWindow._settled)

- showing a household in the detail pane writes a `view` entry;
- "Tampilkan NIK" shows NIK and No. KK only once the `reveal` entries are committed;
- unlocking the lock screen writes a `sign_in` entry (failed tries are noted by services.access);
- "Log audit…" in the Data menu opens the log, for roles with VIEW_AUDIT (ui/access gating).
Writes run on the window's worker thread; every entry names ids only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.core.roles import Permission
from kampung_desktop.ui.access import gating
from kampung_desktop.ui.qt import QAction, QEvent, QObject, Qt


def install(window: Any) -> AuditUi:
    """Wire the audit log into `window` (a MainWindow whose backend is loaded)."""
    return AuditUi(window)


class AuditUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from kampung_desktop.services.audit import AuditService

        self.window = window
        self.service = AuditService.for_context(window.backend.ctx)
        self.action = gating.needs(QAction(window), Permission.VIEW_AUDIT)
        self.action.setObjectName("auditLogAction")
        self.action.triggered.connect(self.open_log)
        menu = window.file_menu
        settings = getattr(window, "settings_action", None)
        if settings is not None and settings in menu.actions():
            menu.insertAction(settings, self.action)
        else:
            menu.addAction(self.action)
        window.detail.householdShown.connect(self._viewed)
        window.detail.reveal_gate = self._reveal
        access_ui = getattr(window, "access_ui", None)
        if access_ui is not None:
            access_ui.lock.unlocked.connect(self._unlocked)
        window.installEventFilter(self)
        self.dialog: Any = None
        self.failed_notice: Any = None  # "N failed sign-ins since your last visit" (admin)
        self.retranslate()
        self._tell_failed_sign_ins()

    # -- recording ----------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        self.window.tasks.run(job, done, self.window._task_failed)

    def _viewed(self, household_id: str) -> None:
        service = self.service
        self._run(lambda: service.viewed_household(household_id))

    def _reveal(self, detail: Any, show: Callable[[], None]) -> None:
        """Written at once on this thread (one small transaction): the numbers appear only
        once their `reveal` entries are committed."""
        household = detail.household
        members = [m.id for m in detail.members if m.nik]
        try:
            self.service.revealed_household(household.id, members, bool(household.no_kk))
        except Exception as exc:  # refused or not written: the numbers stay masked
            self.window._task_failed(exc)
            return
        show()

    def _unlocked(self, session: Any) -> None:
        from kampung_desktop.services.audit import AuditService

        service = AuditService(self.service.db, session.principal.user_id, access=session)
        self.service = service
        self._run(service.signed_in, lambda _none: self._tell_failed_sign_ins())

    def _tell_failed_sign_ins(self) -> None:
        """The admin hears of the failed sign-ins since their last visit (read on the worker:
        the sign-in's own entry is written there first)."""
        if not gating.allowed(getattr(self.window, "access", None), Permission.VIEW_AUDIT):
            return
        service = self.service
        self._run(service.failed_since_last_visit, self._show_failed)

    def _show_failed(self, count: int) -> None:
        if not count:
            return
        from kampung_desktop.ui.qt import QMessageBox

        text = self.tr(
            "%n kali gagal masuk sejak kunjungan terakhir Anda. Lihat Data › Log audit…", "", count
        )
        self.window.status.showMessage(text, 30_000)
        if not getattr(self.window, "show_dialogs", True):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Percobaan masuk gagal"), text,
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setObjectName("failedSignInsNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.failed_notice = box
        box.open()  # not modal to the app: the window stays usable

    # -- the admin's log ----------------------------------------------------------------
    def open_log(self) -> None:
        from kampung_desktop.ui.audit_view import AuditDialog

        tasks = self.window.tasks
        self.dialog = AuditDialog(self.service, self.window, run=tasks.run)
        self.dialog.reload()
        self.dialog.exec()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("Log audit…"))
        self.action.setToolTip(self.tr("Siapa melihat, mengubah, mengekspor atau mencetak data"))
