"""Settings: the UI language and text size (applied live on OK), plus sections other parts add."""

from __future__ import annotations

from kampung_desktop.ui import i18n, text_size
from kampung_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.tab_order import place_after


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Pengaturan"))
        self._sections: list[QWidget] = []
        self.problem: QMessageBox | None = None
        self.language = QComboBox(self)
        self.language.setObjectName("languageBox")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.text_size = QComboBox(self)
        self.text_size.setObjectName("textSizeBox")
        for size in text_size.SIZES:
            self.text_size.addItem(text_size.label(size), size)
        self.text_size.setCurrentIndex(max(self.text_size.findData(text_size.current()), 0))
        self.text_size.setAccessibleDescription(
            self.tr("Ukuran huruf di semua jendela, di atas ukuran huruf sistem operasi")
        )
        note = QLabel(
            self.tr("Bahasa dan ukuran teks langsung berganti setelah Anda menekan Simpan."), self
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Bahasa tampilan"), self.language)
        form.addRow(self.tr("&Ukuran teks"), self.text_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def add_section(self, section: QWidget) -> None:
        """Another part's settings (e.g. the sync server box), above the buttons. A section
        with a `save()` is saved on Simpan; a refused value (ValueError) keeps the dialog open."""
        layout = self.layout()
        before = layout.itemAt(layout.count() - 2).widget()
        layout.insertWidget(layout.count() - 1, section)
        place_after(before, section)  # Tab reaches it before Simpan/Batal, where it is read
        self._sections.append(section)

    def accept(self) -> None:
        for section in self._sections:
            save = getattr(section, "save", None)
            if save is None:
                continue
            try:
                save()
            except ValueError as exc:
                box = QMessageBox(
                    QMessageBox.Icon.Warning, self.tr("Pengaturan"), str(exc), parent=self
                )
                box.setObjectName("settingsProblem")
                self.problem = box
                box.open()
                return
        chosen = self.chosen_text_size()
        if chosen != text_size.current():
            text_size.apply(chosen)
            text_size.save(chosen)
        super().accept()

    def chosen_text_size(self) -> str:
        return str(self.text_size.currentData())

    def chosen_language(self) -> str:
        return str(self.language.currentData())
