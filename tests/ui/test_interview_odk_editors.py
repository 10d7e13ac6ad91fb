"""Editors for the other ODK question types, through their widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

from kampung_desktop.survey import load_form_markdown  # noqa: E402
from kampung_desktop.ui.interview.editors import LineEditor  # noqa: E402
from kampung_desktop.ui.interview.factory import editor_for  # noqa: E402
from kampung_desktop.ui.interview.odk_editors import (  # noqa: E402
    DateTimeEditor,
    FileEditor,
    RangeEditor,
)
from kampung_desktop.ui.qt import QDateTime  # noqa: E402

FORM = """
| survey |
| | type | name | label | parameters |
| | range | skor | Skor | start=0 end=10 step=2 |
| | range | suhu | Suhu | start=35 end=37 step=0.5 |
| | dateTime | waktu | Waktu | |
| | audio | rekaman | Rekaman | |
| | geoshape | bidang | Bidang | |
| | rank | urut | Urutan | |
| choices |
| | list_name | name | label |
| | urut | a | A |
| | urut | b | B |
"""


def _editor(qtbot, name: str, media_dir: Path | None = None):
    form = load_form_markdown(FORM)
    editor = editor_for(form.nodes[name], "id", [], media_dir=media_dir)
    qtbot.addWidget(editor)
    return editor


def test_range_slider_commits_numbers_on_the_steps(qtbot):
    editor = _editor(qtbot, "skor")
    assert isinstance(editor, RangeEditor)
    with qtbot.waitSignal(editor.committed) as signal:
        editor.slider.setValue(3)
    assert signal.args == [6]
    decimal = _editor(qtbot, "suhu")
    with qtbot.waitSignal(decimal.committed) as signal:
        decimal.slider.setValue(3)
    assert signal.args == [36.5]
    decimal.set_value(35.5)
    assert decimal.slider.value() == 1 and decimal.shown.text() == "35.5"


def test_datetime_commits_iso_text(qtbot):
    editor = _editor(qtbot, "waktu")
    assert isinstance(editor, DateTimeEditor)
    with qtbot.waitSignal(editor.committed) as signal:
        editor.edit.setDateTime(QDateTime(2026, 11, 23, 14, 5, 0))
    assert signal.args == ["2026-11-23T14:05:00"]
    editor.set_value("2026-01-02T08:30:00")
    assert editor.edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-01-02 08:30"


def test_audio_is_attached_as_a_file_copied_next_to_the_data(qtbot, tmp_path: Path):
    source = tmp_path / "suara.m4a"
    source.write_bytes(b"\x00\x01")
    editor = _editor(qtbot, "rekaman", media_dir=tmp_path / "media")
    assert isinstance(editor, FileEditor)
    assert editor.choose.text() == "Lampirkan berkas…"
    with qtbot.waitSignal(editor.committed) as signal:
        editor.attach(source)
    assert signal.args == ["rekaman-suara.m4a"]
    assert (tmp_path / "media" / "rekaman-suara.m4a").read_bytes() == b"\x00\x01"


def test_shapes_and_ranks_are_typed_with_a_hint(qtbot):
    shape = _editor(qtbot, "bidang")
    assert isinstance(shape, LineEditor)
    assert "lintang bujur" in shape.line.placeholderText()
    rank = _editor(qtbot, "urut")
    rank.set_value(["b", "a"])
    assert rank.line.text() == "b a"


def test_datetime_starts_blank_and_now_fills_it(qtbot):
    editor = _editor(qtbot, "waktu")
    assert editor.value() is None and editor.edit.text().strip() == ""
    with qtbot.waitSignal(editor.committed) as signal:
        editor.now.click()
    assert signal.args[0].startswith(QDateTime.currentDateTime().toString("yyyy-MM-dd"))
