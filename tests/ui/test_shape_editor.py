"""geotrace/geoshape answers are drawn as they are typed, with their length or area."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kampung_desktop.survey import load_form_markdown  # noqa: E402
from kampung_desktop.ui.interview.factory import editor_for  # noqa: E402
from kampung_desktop.ui.interview.shape_editor import ShapeEditor, parse_points  # noqa: E402

FORM = """
| survey |
| | type | name | label |
| | geoshape | bidang | Bidang |
| | geotrace | jalur | Jalur |
"""
# About 111 m × 110 m around Cibodas, Kota Tangerang.
SQUARE = "-6.2 106.6 0 0; -6.2 106.601 0 0; -6.201 106.601 0 0; -6.201 106.6 0 0; -6.2 106.6 0 0"


def _editor(qtbot, name: str) -> ShapeEditor:
    form = load_form_markdown(FORM)
    editor = editor_for(form.nodes[name], "id", [])
    qtbot.addWidget(editor)
    assert isinstance(editor, ShapeEditor)
    return editor


def test_typed_points_parse_or_are_refused() -> None:
    assert parse_points("-6.2 106.6; -6.3 106.7 0 5") == [(-6.2, 106.6), (-6.3, 106.7)]
    assert parse_points("") == []
    assert parse_points("-6.2 106.6; abc") is None
    assert parse_points("-96.2 106.6") is None  # latitude beyond the pole


def test_shape_shows_its_area_and_draws_it(qtbot) -> None:
    editor = _editor(qtbot, "bidang")
    editor.resize(500, 140)
    editor.show()
    editor.set_value(SQUARE)
    caption = editor.preview.caption()
    assert caption.startswith("Luas ± 12.")  # ≈12.300 m², in Indonesian digits
    assert caption.endswith("m²")
    image = editor.preview.grab().toImage()
    blue = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).blue() > 150 and image.pixelColor(x, y).red() < 100
    )
    assert blue > 20  # the outline is painted


def test_trace_length_and_bad_points_say_what_is_wrong(qtbot) -> None:
    editor = _editor(qtbot, "jalur")
    editor.line.setText("-6.2 106.6")
    assert editor.preview.caption() == "Perlu sedikitnya 2 titik"
    editor.line.setText("-6.2 106.6; -6.2 106.601")
    assert editor.preview.caption() == "Panjang ± 111 m"
    editor.line.setText("-6.2 106.6; 106.601")
    assert "tidak sah" in editor.preview.caption()
    assert editor.preview.accessibleName()
