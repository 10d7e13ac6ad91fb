"""Which editor a question gets: by its type, then its appearance (notes get none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview import check_editors, choice_editors
from kampung_desktop.ui.interview.editors import (
    DateEditor,
    Editor,
    GeopointEditor,
    LineEditor,
    MultilineEditor,
    NumberEditor,
    SuggestEditor,
    TimeEditor,
)
from kampung_desktop.ui.interview.image_editor import ImageEditor
from kampung_desktop.ui.interview.odk_editors import odk_editor
from kampung_desktop.ui.interview.shape_editor import ShapeEditor
from kampung_desktop.ui.qt import QWidget


def editor_for(
    node: FormNode,
    lang: str,
    choices: list[Any],
    *,
    suggestions: dict[str, list[tuple[str, str]]] | None = None,
    media_dir: Path | None = None,
    parent: QWidget | None = None,
) -> Editor | None:
    """The editor for a question; None for notes (they only show their label)."""
    kind = node.type
    appearance = node.appearance.split()
    if kind == "note" or kind == "calculate":
        return None
    if kind == "select_one":
        return choice_editors.select_one(node, lang, choices, parent)
    if kind == "select_multiple":
        return check_editors.ChecksEditor(node, lang, choices, parent)
    if kind == "acknowledge":
        return check_editors.AcknowledgeEditor(node, lang, parent)
    if kind in ("integer", "decimal"):
        return NumberEditor(node, lang, parent)
    if kind == "date":
        return DateEditor(node, lang, parent)
    if kind == "time":
        return TimeEditor(node, lang, parent)
    if kind == "geopoint":
        return GeopointEditor(node, lang, parent)
    if kind == "image":
        return ImageEditor(node, lang, media_dir, parent)
    if kind in ("geotrace", "geoshape"):
        return ShapeEditor(node, lang, parent)
    other = odk_editor(node, lang, media_dir, parent)
    if other is not None:
        return other
    if "multiline" in appearance:
        return MultilineEditor(node, lang, parent)
    if suggestions and node.name in suggestions:
        return SuggestEditor(node, lang, suggestions[node.name], parent)
    return LineEditor(node, lang, parent)
