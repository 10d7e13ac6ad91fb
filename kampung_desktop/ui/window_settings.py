"""The main window's Settings dialog, language switch and About box.

Their texts keep the main window's translation context ("MainWindow").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import QCoreApplication, QDialog, QMessageBox

if TYPE_CHECKING:
    from kampung_desktop.ui.main_window import MainWindow


def may(window: MainWindow, permission: str) -> bool:
    """Whether the signed-in role has `permission` (core.roles; always on a legacy dir)."""
    from kampung_desktop.ui.access.gating import allowed

    return allowed(window.access, permission)


def open_settings(window: MainWindow) -> None:
    from kampung_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(i18n.current(), window)
    if window.sync_ui is not None:
        dialog.add_section(window.sync_ui.settings_box(dialog))
    if window.access_ui is not None:
        window.access_ui.settings_sections(dialog)
    if window.backend is not None and may(window, "print"):  # who signs the certificates
        from kampung_desktop.ui.signatory_settings import SignatoryBox

        dialog.add_section(SignatoryBox(window.backend.ctx, dialog))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        set_language(window, dialog.chosen_language())


def set_language(window: MainWindow, code: str) -> None:
    """Switch the UI language now and remember it (laptop config and database)."""
    if code == i18n.current():
        return
    from kampung_desktop.services import laptop_config

    laptop_config.save(language=code)  # the sign-in screen speaks it too (encrypted data)
    if not i18n.apply(code):
        QMessageBox.warning(
            window,
            QCoreApplication.translate("MainWindow", "Terjemahan tidak ditemukan"),
            QCoreApplication.translate(
                "MainWindow", "Berkas terjemahan belum dibuat; aplikasi tetap berbahasa Indonesia."
            ),
        )
        return
    if window.backend is not None:
        backend = window.backend
        window.tasks.run(lambda: backend.set_language(code))


def show_about(window: MainWindow) -> None:
    from kampung_desktop import __version__

    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "Tentang Kampung"),
        QCoreApplication.translate(
            "MainWindow",
            "Kampung {version}\nPendataan rumah tangga dan penilaian kampung, bekerja tanpa internet.",
        ).format(version=__version__),
    )
