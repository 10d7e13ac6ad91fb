"""Qt's own words follow the UI language: standard buttons and Qt's file dialog."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kampung_desktop.ui import i18n  # noqa: E402
from kampung_desktop.ui.qt import QDialogButtonBox, QFileDialog, QLabel, QMessageBox  # noqa: E402


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.apply("id")


def _buttons(box: QMessageBox) -> list[str]:
    return sorted(b.text().replace("&", "") for b in box.buttons())


def test_standard_buttons_in_indonesian_then_english(qtbot, restore_language):
    i18n.apply("id")
    box = QMessageBox(QMessageBox.Icon.Question, "Buang perubahan?", "Buang perubahan?",
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.addWidget(box)
    assert _buttons(box) == ["Batal", "Buang"]
    bar = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)  # fmt: skip
    qtbot.addWidget(bar)
    assert sorted(b.text().replace("&", "") for b in bar.buttons()) == ["Simpan", "Tutup"]
    i18n.apply("en")
    english = QMessageBox(QMessageBox.Icon.Question, "", "",
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.addWidget(english)
    assert _buttons(english) == ["Cancel", "Discard"]


def test_qt_file_dialog_speaks_indonesian(qtbot, restore_language, tmp_path):
    i18n.apply("id")
    dialog = QFileDialog(None, "Simpan laporan rekap", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    texts = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= texts
    assert not {"Look in:", "File name:", "Files of type:"} & texts


def test_other_texts_are_left_to_their_own_translation(qapp, restore_language):
    from kampung_desktop.ui.qt import QCoreApplication

    i18n.apply("id")
    assert QCoreApplication.translate("MainWindow", "Database tidak dapat dibuka") == (
        "Database tidak dapat dibuka"
    )


def test_the_print_dialog_speaks_indonesian(qtbot, restore_language):
    from kampung_desktop.ui.qt import QAbstractButton, optional

    print_support = optional("QtPrintSupport")
    i18n.apply("id")
    printer = print_support.QPrinter()
    dialog = print_support.QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    texts |= {w.text().replace("&", "") for w in dialog.findChildren(QAbstractButton)}
    assert {"Lokasi:", "Jenis:", "Properti", "Pilihan >>"} <= texts
    assert not {"Location:", "Type:", "Properties", "Options >>"} & texts


def test_right_click_menus_of_text_fields_speak_indonesian(qtbot, restore_language):
    """Every text field's right-click menu said Undo/Cut/Copy/Paste/Select All in English."""
    from kampung_desktop.ui.qt import QCoreApplication, QLineEdit, QPlainTextEdit

    i18n.apply("id")
    for field in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        words = {a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()}
        assert {"Urungkan", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"} <= words
        assert not {"Undo", "Cut", "Copy", "Paste", "Delete", "Select All"} & words
    # spin boxes (dates, numbers) and scroll bars build theirs when clicked: same texts
    assert QCoreApplication.translate("QAbstractSpinBox", "&Step up") == "&Naikkan"
    assert QCoreApplication.translate("QScrollBar", "Scroll here") == "Gulir ke sini"
    i18n.apply("en")
    field = QLineEdit()
    qtbot.addWidget(field)
    assert "&Copy\tCtrl+C" in [a.text() for a in field.createStandardContextMenu().actions()]
