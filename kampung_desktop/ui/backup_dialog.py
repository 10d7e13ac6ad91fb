"""Backups from the app: "Cadangkan sekarang…", "Pulihkan dari cadangan…" and the schedule.

The entries sit in the Data menu for users whose role may back up (restore: admin only). The
work runs on the window's worker: a backup uses SQLite's online backup, so the window stays
usable; a restore asks first, naming the date of the backup and what will be lost, then
refreshes everything shown. The schedule is checked at start and every hour.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.core.roles import Permission, allows
from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import (
    QAction,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QObject,
    QPushButton,
    QSpinBox,
    QTimer,
    QWidget,
)

CHECK_EVERY_MS = 60 * 60 * 1000  # the schedule is looked at hourly (and once at start)
FILTER = "Cadangan Kampung (*.kbak)"


def install(window: Any) -> BackupUi:
    """Add the backup entries to `window` (a MainWindow whose backend is loaded)."""
    return BackupUi(window)


def _may(window: Any, permission: Permission) -> bool:
    session = getattr(window, "access", None)
    return session is None or allows(session.principal.role, permission)


class BackupUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        menu = window.file_menu
        self.backup_action = QAction(self.tr("Cadangkan sekarang…"), window)
        self.restore_action = QAction(self.tr("Pulihkan dari cadangan…"), window)
        self.schedule_action = QAction(self.tr("Jadwal cadangan…"), window)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action.triggered.connect(self.restore)
        self.schedule_action.triggered.connect(self.edit_schedule)
        anchor = getattr(window, "settings_action", None)
        actions = [self.backup_action, self.restore_action, self.schedule_action]
        if anchor is not None and anchor in menu.actions():
            menu.insertActions(anchor, actions)
            menu.insertSeparator(anchor)
        else:
            menu.addActions(actions)
        self.backup_action.setVisible(_may(window, Permission.BACKUP))
        self.schedule_action.setVisible(_may(window, Permission.BACKUP))
        self.restore_action.setVisible(_may(window, Permission.RESTORE))
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        if _may(window, Permission.BACKUP):
            self.timer.start()
            QTimer.singleShot(0, self.run_if_due)

    # -- jobs ----------------------------------------------------------------------------------
    def _ctx(self) -> Any:
        return self.window.backend.ctx

    def _failed(self, error: BaseException) -> None:
        from kampung_desktop.services.backups import BackupProblem

        if isinstance(error, BackupProblem):
            text = error.text_en if i18n.current() == "en" else error.text_id
            if self.window.show_dialogs:
                QMessageBox.warning(self.window, self.tr("Cadangan"), text)
            return
        self.window._task_failed(error)

    def run_if_due(self) -> None:
        def job() -> Any:
            from kampung_desktop.services import backups

            return backups.run_if_due(self._ctx())

        def done(info: Any) -> None:
            if info is not None:
                self.window.statusBar().showMessage(
                    self.tr("Cadangan terjadwal dibuat: {name}").format(name=info.path.name), 8000
                )

        self.window.tasks.run(job, done, self._failed, key="scheduled-backup")

    def backup_now(self) -> None:
        from kampung_desktop.services import backups

        folder = self._ctx().setting(backups.FOLDER_SETTING) or str(Path.home())
        suggested = str(Path(folder) / backups.default_name())
        out, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Cadangkan sekarang"), suggested, FILTER
        )
        if out:
            self.backup_to(Path(out))

    def backup_to(self, out: Path) -> None:
        window = self.window
        data_dir, session = window.data_dir, getattr(window, "access", None)

        def job() -> Any:
            from kampung_desktop.services import backups

            return backups.backup_now(data_dir, out, session)

        def done(info: Any) -> None:
            window.statusBar().showMessage(
                self.tr("Cadangan dibuat: {path}").format(path=info.path), 8000
            )

        window.tasks.run(job, done, self._failed)

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Pulihkan dari cadangan"), str(Path.home()), FILTER
        )
        if path:
            self.restore_from(Path(path), ask=True)

    def confirmation_text(self, info: Any) -> str:
        taken = info.created_local().strftime("%d-%m-%Y %H:%M")
        return self.tr(
            "Pulihkan data dari cadangan tanggal {taken} ({households} rumah tangga)?\n\n"
            "Semua data yang ada sekarang diganti dengan isi cadangan itu: perubahan sejak "
            "{taken} akan hilang. Tindakan ini tidak dapat dibatalkan."
        ).format(taken=taken, households=info.households)

    def restore_from(self, path: Path, ask: bool = True) -> None:
        from kampung_desktop.services import backups

        try:
            info = backups.describe(path)
        except (backups.BackupProblem, OSError) as error:
            self._failed(error)
            return
        if ask:
            answer = QMessageBox.question(
                self.window,
                self.tr("Pulihkan dari cadangan"),
                self.confirmation_text(info),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        window = self.window
        data_dir, session = window.data_dir, getattr(window, "access", None)

        def job() -> Any:
            return backups.restore(data_dir, path, session)

        def done(info: Any) -> None:
            window.refresh_all()
            window.statusBar().showMessage(self.tr("Data dipulihkan dari cadangan."), 8000)

        window.tasks.run(job, done, self._failed)

    def edit_schedule(self) -> None:
        from kampung_desktop.services import backups

        current = backups.load_schedule(self._ctx())
        dialog = ScheduleDialog(current, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                backups.save_schedule(self._ctx(), *dialog.values())
            except backups.BackupProblem as problem:
                self._failed(problem)


class ScheduleDialog(QDialog):
    """Folder (or USB drive), interval in hours, and how many scheduled backups to keep."""

    def __init__(self, schedule: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jadwal cadangan"))
        self.folder = QLineEdit(str(schedule.folder) if schedule.folder else "")
        self.folder.setAccessibleName(self.tr("Folder cadangan:"))  # its label names the row
        self.folder.setPlaceholderText(self.tr("kosong = tanpa cadangan terjadwal"))
        self.folder.setMinimumWidth(320)
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 30)
        self.interval.setValue(schedule.interval_hours)
        self.interval.setSuffix(self.tr(" jam"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(schedule.keep)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder cadangan:"), row)
        form.addRow(self.tr("Setiap:"), self.interval)
        form.addRow(self.tr("Simpan yang terbaru:"), self.keep)
        if schedule.last_utc is not None:
            last = schedule.last_utc.astimezone().strftime("%d-%m-%Y %H:%M")
            form.addRow(self.tr("Cadangan terakhir:"), QLineEdit(last, readOnly=True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder cadangan"))
        if chosen:
            self.folder.setText(chosen)

    def values(self) -> tuple[Path | None, int, int]:
        text = self.folder.text().strip()
        return (Path(text) if text else None, self.interval.value(), self.keep.value())
