"""Editors of the interview wizard, one behaviour each, through their widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kampung_desktop.survey import load_form_markdown  # noqa: E402
from kampung_desktop.ui.interview.check_editors import ChecksEditor  # noqa: E402
from kampung_desktop.ui.interview.choice_editors import ComboEditor  # noqa: E402
from kampung_desktop.ui.interview.editors import (  # noqa: E402
    DateEditor,
    MultilineEditor,
    SuggestEditor,
    parse_date,
)
from kampung_desktop.ui.interview.factory import editor_for  # noqa: E402
from kampung_desktop.ui.interview.image_editor import ImageEditor  # noqa: E402
from kampung_desktop.ui.qt import QApplication, QColor, QImage, QPoint, Qt  # noqa: E402

FORM = """
| survey |                 |          |              |            |
|        | type            | name     | label        | appearance |
|        | date            | lahir    | Lahir        |            |
|        | image           | foto     | Foto         |            |
|        | text            | catatan  | Catatan      | multiline  |
|        | text            | kode     | Kode         |            |
|        | select_multiple sektor | sektor | Sektor |            |
|        | select_one sektor | utama  | Utama        | minimal    |
| choices |           |         |           |
|         | list_name | name    | label     |
|         | sektor    | tani    | Pertanian |
|         | sektor    | ternak  | Peternakan |
|         | sektor    | dagang  | Perdagangan |
|         | sektor    | sampah  | Pengelolaan sampah |
|         | sektor    | ikan    | Perikanan |
|         | sektor    | jasa    | Jasa      |
|         | sektor    | industri | Industri rumah tangga |
|         | sektor    | wisata  | Wisata    |
|         | sektor    | kerajinan | Kerajinan |
|         | sektor    | lain    | Lainnya   |
"""


@pytest.fixture(scope="module")
def form():
    return load_form_markdown(FORM)


def show(qtbot, editor):
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_dates_are_read_as_written_on_a_ktp():
    assert parse_date("17-08-1980") == "1980-08-17"
    assert parse_date("7/8/1980") == "1980-08-07"
    assert parse_date("1980-08-17") == "1980-08-17"
    assert parse_date("31-02-1980") is None


def test_date_editor_commits_iso_and_keeps_what_is_not_a_date(qtbot, form):
    editor = show(qtbot, DateEditor(form.nodes["lahir"], "id"))
    given = []
    editor.committed.connect(given.append)
    qtbot.keyClicks(editor.line, "17-08-1980")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    editor.line.setText("kemarin")
    editor.commit_pending()
    assert given == ["1980-08-17", "kemarin"]  # the engine says why "kemarin" is no date
    editor.set_value("2001-02-03")
    assert editor.line.text() == "03-02-2001"


def test_photo_is_copied_next_to_the_data(qtbot, form, tmp_path):
    source = tmp_path / "kamera" / "IMG_1.png"
    source.parent.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    image.save(str(source))
    media = tmp_path / "attachments" / "a1"
    editor = show(qtbot, ImageEditor(form.nodes["foto"], "id", media))
    given = []
    editor.committed.connect(given.append)
    editor.attach(source)
    assert given == ["foto-IMG_1.png"]
    assert (media / "foto-IMG_1.png").read_bytes() == source.read_bytes()
    assert editor.thumb.isVisible()


def test_multiline_enter_is_a_new_line_ctrl_enter_moves_on(qtbot, form):
    editor = show(qtbot, MultilineEditor(form.nodes["catatan"], "id"))
    moved, given = [], []
    editor.advance.connect(lambda: moved.append(True))
    editor.committed.connect(given.append)
    qtbot.keyClicks(editor.text, "baris satu")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text, "baris dua")
    assert not moved
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert moved and given == ["baris satu\nbaris dua"]


def test_kelurahan_type_ahead_puts_the_code_in_the_field(qtbot, form):
    places = [("36.71.09.1002", "Cibodas Sari"), ("36.71.09.1001", "Cibodas")]
    editor = show(qtbot, SuggestEditor(form.nodes["kode"], "id", places))
    given = []
    editor.committed.connect(given.append)
    editor.completer.activated.emit("Cibodas Sari — 36.71.09.1002")
    qtbot.waitUntil(lambda: given == ["36.71.09.1002"])
    assert editor.name.text() == "Cibodas Sari"


def test_long_multiple_choice_list_has_a_filter(qtbot, form):
    node = form.nodes["sektor"]
    editor = show(qtbot, ChecksEditor(node, "id", list(node.choices)))
    assert editor.filter.isVisible()
    qtbot.keyClicks(editor.filter, "per")
    shown = [name for name, box in editor.boxes.items() if box.isVisible()]
    assert shown == ["tani", "dagang", "ikan"]  # Pertanian, Perdagangan, Perikanan
    given = []
    editor.committed.connect(given.append)
    box = editor.boxes["ikan"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert given == [["ikan"]]


def test_appearance_minimal_gives_a_searchable_list(qtbot, form):
    node = form.nodes["utama"]
    editor = editor_for(node, "id", list(node.choices))
    assert isinstance(editor, ComboEditor)
    show(qtbot, editor)
    given = []
    editor.committed.connect(given.append)
    line = editor.combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "sampah")
    qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Return)
    assert given == ["sampah"]
