"""The main window's actions: built before the first paint (no `Qt` namespace yet), shortcuts
set just after the first view, texts (re)set on every language change.

The texts keep the main window's translation context ("MainWindow").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kampung_desktop.ui.qt import QAction, QCoreApplication, QKeySequence, QToolBar

if TYPE_CHECKING:
    from kampung_desktop.ui.main_window import MainWindow


def build(window: MainWindow) -> None:
    """The window's actions, its menus and its toolbar (texts come from `retranslate`)."""
    window.add_action = QAction(window)
    window.add_action.triggered.connect(window.add_household)
    window.edit_action = QAction(window)
    window.edit_action.triggered.connect(lambda: window.edit_household(window.list.current_id()))
    window.refresh_action = QAction(window)
    window.refresh_action.triggered.connect(window.refresh_all)
    window.find_action = QAction(window)
    window.find_action.triggered.connect(window._focus_search)
    window.settings_action = QAction(window)
    window.settings_action.triggered.connect(window.open_settings)
    window.quit_action = QAction(window)
    window.quit_action.triggered.connect(window.close)
    window.about_action = QAction(window)
    window.about_action.triggered.connect(window._about)
    window.interview_action = QAction(window)
    window.interview_action.triggered.connect(window.start_interview)
    window.review_action = QAction(window)
    window.review_action.triggered.connect(window.open_review)
    for action in window._data_actions():
        action.setEnabled(False)  # until the data is loaded

    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    window.file_menu.addActions([window.add_action, window.edit_action])
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.find_action, window.refresh_action])
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.settings_action, window.quit_action])
    window.assessment_menu = bar.addMenu("")
    window.assessment_menu.addActions([window.interview_action, window.review_action])
    window.help_menu = bar.addMenu("")
    window.help_menu.addAction(window.about_action)

    window.toolbar = QToolBar(window)
    window.toolbar.setObjectName("mainToolbar")
    window.toolbar.setMovable(False)
    window.toolbar.addActions([window.add_action, window.edit_action, window.refresh_action])
    window.toolbar.addSeparator()
    window.toolbar.addActions([window.interview_action, window.review_action])
    window.toolbar.addSeparator()
    window.toolbar.addAction(window.settings_action)
    window.addToolBar(window.toolbar)


def install_shortcuts(window: MainWindow) -> None:
    """Keyboard shortcuts, set just after the first view.

    Not in `_build_actions`: QAction.setShortcut makes PySide build its whole `Qt`
    namespace (≈15–20 ms), which belongs neither before the first paint nor before the
    data is on screen.
    """
    shortcuts = {
        window.add_action: QKeySequence.StandardKey.New,
        window.edit_action: QKeySequence("Ctrl+E"),
        window.refresh_action: QKeySequence.StandardKey.Refresh,
        window.find_action: QKeySequence.StandardKey.Find,
        window.quit_action: QKeySequence("Ctrl+Q"),
        window.interview_action: QKeySequence("Ctrl+I"),
    }
    for action, keys in shortcuts.items():
        action.setShortcut(keys)
    if window.access_ui is not None:
        window.access_ui.install_shortcuts()  # Ctrl+L: lock now


def retranslate(window: MainWindow) -> None:
    window.setWindowTitle(
        QCoreApplication.translate("MainWindow", "Kampung — Pendataan rumah tangga")
    )
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&Data"))
    window.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Bantuan"))
    window.assessment_menu.setTitle(QCoreApplication.translate("MainWindow", "&Penilaian"))
    window.interview_action.setText(
        QCoreApplication.translate("MainWindow", "Wawancara / penilaian…")
    )
    window.interview_action.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Isi formulir penilaian untuk rumah tangga terpilih atau satu RT (Ctrl+I)"
        )
    )
    window.review_action.setText(
        QCoreApplication.translate("MainWindow", "Pemeriksaan dan penghargaan…")
    )
    window.review_action.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Periksa penilaian, putuskan penghargaan dan cetak piagam"
        )
    )
    window.add_action.setText(QCoreApplication.translate("MainWindow", "Tambah rumah tangga"))
    window.add_action.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Daftarkan rumah tangga baru beserta anggotanya (Ctrl+N)"
        )
    )
    window.edit_action.setText(QCoreApplication.translate("MainWindow", "Ubah"))
    window.edit_action.setToolTip(
        QCoreApplication.translate("MainWindow", "Ubah rumah tangga yang dipilih (Ctrl+E)")
    )
    window.refresh_action.setText(QCoreApplication.translate("MainWindow", "Muat ulang"))
    window.find_action.setText(QCoreApplication.translate("MainWindow", "Cari"))
    window.settings_action.setText(QCoreApplication.translate("MainWindow", "Pengaturan…"))
    window.quit_action.setText(QCoreApplication.translate("MainWindow", "Keluar"))
    window.about_action.setText(QCoreApplication.translate("MainWindow", "Tentang Kampung"))
