"""Text size, keyboard mnemonics and colour contrast (the window tour checks them in place;
these pin the mechanisms down one by one)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
from window_checks import contrast  # noqa: E402

from kampung_desktop.ui import mnemonics, text_size  # noqa: E402
from kampung_desktop.ui.qt import (  # noqa: E402
    QApplication,
    QColor,
    QDialog,
    QFont,
    QLabel,
    QPalette,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@pytest.mark.parametrize(
    ("text", "taken", "expected"),
    [
        ("Simpan", set(), "&Simpan"),
        ("Simpan semua", {"s"}, "S&impan semua"),  # no free word start: the next free letter
        ("Tambah anggota", {"t"}, "Tambah &anggota"),  # a free word start first
        ("&Batal", {"b"}, "&Batal"),  # a chosen letter is kept
        ("Syarat && ketentuan", {"s"}, "Syarat && &ketentuan"),  # "&&" is a literal ampersand
        ("OK", {"o", "k"}, "OK"),  # nothing free: unchanged
    ],
)
def test_a_mnemonic_goes_on_the_first_free_letter(text, taken, expected):
    assert mnemonics.with_mnemonic(text, set(taken)) == expected


def test_every_button_of_a_shown_dialog_gets_its_own_letter(qtbot):
    mnemonics.install()
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        layout = QVBoxLayout(dialog)
        buttons = [QPushButton(t) for t in ("Simpan", "Simpan semua", "Batal", "&Setuju")]
        for button in buttons:
            layout.addWidget(button)
        dialog.show()
        qtbot.waitUntil(lambda: all(mnemonics.mnemonic_of(b.text()) for b in buttons[:3]))
        letters = [mnemonics.mnemonic_of(b.text()) for b in buttons]
        assert len(set(letters)) == 4 and buttons[3].text() == "&Setuju"
        late = QPushButton("Kembali")  # a button that appears after the window opened
        layout.addWidget(late)
        late.show()
        qtbot.waitUntil(lambda: mnemonics.mnemonic_of(late.text()) is not None, timeout=3000)
        assert mnemonics.mnemonic_of(late.text()) not in letters
    finally:
        mnemonics.uninstall()


def test_a_button_that_comes_later_takes_a_letter_a_label_had(qtbot):
    """Labels lettered first leave a new button no free letter: it takes one of theirs."""
    from kampung_desktop.ui.qt import QLineEdit

    mnemonics.install()
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        layout = QVBoxLayout(dialog)
        labels = []
        for caption in ("Ubah", "Bahasa", "Alamat", "Hari"):
            label, field = QLabel(caption), QLineEdit()
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
            labels.append(label)
        dialog.show()
        qtbot.waitUntil(lambda: all(mnemonics.mnemonic_of(w.text()) for w in labels))
        button = QPushButton("Ubah…")
        layout.addWidget(button)
        button.show()
        qtbot.waitUntil(lambda: mnemonics.mnemonic_of(button.text()) is not None, timeout=3000)
        letters = [mnemonics.mnemonic_of(w.text()) for w in (*labels, button)]
        given = [x for x in letters if x]
        assert len(given) == len(set(given))  # still one control per letter
    finally:
        mnemonics.uninstall()


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    from kampung_desktop.ui import i18n

    monkeypatch.setenv("KAMPUNG_CONFIG_DIR", str(tmp_path))
    i18n.apply("id")  # whatever an earlier test left
    yield tmp_path
    text_size.apply("normal")


def test_the_text_size_applies_at_once_everywhere_and_is_kept(qtbot, config_dir):
    from kampung_desktop.ui.settings_dialog import SettingsDialog

    base = text_size.base_font().pointSizeF()
    heading = QLabel("Budi Santoso")
    qtbot.addWidget(heading)
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)  # as the detail pane's heading does
    heading.setFont(font)
    plain = QLabel("Alamat")
    qtbot.addWidget(plain)

    dialog = SettingsDialog("id")
    qtbot.addWidget(dialog)
    labels = [dialog.text_size.itemText(i) for i in range(dialog.text_size.count())]
    assert labels == ["Kecil", "Normal", "Besar", "Sangat besar"]
    dialog.text_size.setCurrentIndex(dialog.text_size.findData("large"))
    dialog.accept()
    QApplication.processEvents()  # the next turn of the event loop, no restart

    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    assert plain.font().pointSizeF() == pytest.approx(base * 1.25)  # no restart needed
    assert heading.font().pointSizeF() == pytest.approx(base * 1.35 * 1.25)
    assert text_size.saved() == "large"  # the next start reads it before the first paint
    assert "large" in (config_dir / "view.ini").read_text()

    text_size.apply("normal")
    QApplication.processEvents()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert heading.font().pointSizeF() == pytest.approx(base * 1.35)


def test_an_unknown_saved_size_reads_as_normal(config_dir):
    (config_dir / "view.ini").write_text("[view]\ntext_size=huge\n")
    assert text_size.saved() == "normal"
    with pytest.raises(ValueError):
        text_size.save("huge")


def _colours(style: str) -> list[str]:
    return re.findall(r"#[0-9a-fA-F]{3,6}\b|\bwhite\b", style)


def test_badges_and_validation_messages_have_enough_contrast(qapp):
    """Every status badge and message colour the code uses, against the background it is
    shown on (the application palette's window and base colours, or the badge's own)."""
    from kampung_desktop.ui import problem_banner, status_bar, widgets_validation
    from kampung_desktop.ui.interview import field_row
    from kampung_desktop.ui.sync import texts as sync_texts

    palette = qapp.palette()
    grounds = [palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
    on_palette = {
        "validation error": widgets_validation.ERROR_COLOR,
        "validation warning": widgets_validation.WARNING_COLOR,
        "validation note": widgets_validation.NOTE_COLOR,
        "interview message": field_row.ERROR_COLOR,
        "interview note": field_row.NOTE_COLOR,
        **{f"sync {state}": colour for state, colour in sync_texts.STATE_COLOURS.items()},
    }
    low = {
        name: round(contrast(QColor(colour), ground), 2)
        for name, colour in on_palette.items()
        for ground in grounds
        if contrast(QColor(colour), ground) < 4.5
    }
    badge_fg, badge_bg = (QColor(c) for c in _colours(status_bar.DEMO_STYLE)[::-1])
    banner = problem_banner.ProblemBanner(QWidget())
    banner_fg, banner_bg = (QColor(c) for c in _colours(banner.styleSheet())[:2])
    note_fg, note_bg = QColor(field_row.NOTE_COLOR), QColor(field_row.WARNING_BG)
    assert low == {}
    assert contrast(badge_fg, badge_bg) >= 4.5  # DATA DEMO
    assert contrast(banner_fg, banner_bg) >= 4.5  # "n fields need fixing"
    assert contrast(note_fg, note_bg) >= 4.5  # a ⚠ note in the interview
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
