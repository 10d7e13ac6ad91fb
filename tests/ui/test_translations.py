"""Every visible string has English, and switching the language changes what the user reads."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kampung_desktop.paths import resource

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import build_translations  # noqa: E402

TS = resource("translations", "kampung_en.ts")
PLACEHOLDER = re.compile(r"\{\w+\}|%\d|%n")


def messages(ts: Path) -> dict[tuple[str, str], list[str | None]]:
    """(context, source) -> translation texts (one per plural form), None when unfinished."""
    found: dict[tuple[str, str], list[str | None]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                forms = [None]
            found[(name, message.findtext("source"))] = forms
    return found


def test_every_string_has_an_english_translation():
    found = messages(TS)
    assert len(found) > 100
    missing = [key for key, forms in found.items() if not all(f and f.strip() for f in forms)]
    assert not missing, f"no English yet for: {missing}"


def test_translations_keep_their_placeholders():
    for (context, source), forms in messages(TS).items():
        for form in forms:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(form or "")), (
                context,
                source,
            )


def test_no_source_string_is_missing_from_the_ts_file(tmp_path):
    """A fresh lupdate over kampung_desktop/ui finds nothing new (run tools/build_translations.py)."""
    fresh = tmp_path / "kampung_en.ts"
    shutil.copy(TS, fresh)
    build_translations.update(fresh, "en")
    before, after = messages(TS), messages(fresh)
    assert sorted(set(after) - set(before)) == []
    assert sorted(set(before) - set(after)) == []  # nothing stale either


def test_compiled_translation_is_loadable(tmp_path):
    from kampung_desktop.ui.qt import QTranslator

    copy = tmp_path / "kampung_en.ts"
    shutil.copy(TS, copy)
    qm = build_translations.release(copy)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("StatusBar", "DATA DEMO") == "DEMO DATA"


def test_switching_to_english_retranslates_the_open_window(qtbot, open_window, filled_dir):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.household_model import HEAD

    if not i18n.qm_path("en").exists():
        build_translations.release(build_translations.ts_path("en"))
    window = open_window(filled_dir)

    def header() -> str:
        return window.list.header_model.horizontalHeaderItem(HEAD).text()

    assert header() == "Kepala keluarga"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.list.search.placeholderText().startswith("Search name"))
    assert window.add_action.text() == "Add household"
    assert header() == "Head of family"
    assert window.tree.header_model.horizontalHeaderItem(0).text() == "Area"
    assert window.status.pending_label.text().startswith("Changes waiting to sync: ")
    assert window.list.count_label.text() == "3 households"
    assert window.tree.area_model.data(window.tree.area_model.index_of("")) == "All areas"
    qtbot.waitUntil(lambda: not window.tasks.busy)
    window.close()

    ctx = AppContext.open(filled_dir)  # remembered for the next start ...
    assert ctx.setting("language") == "en"
    ctx.close()
    assert i18n.peek_language(filled_dir) == "en"  # ... and read before the first paint

    i18n.apply("id")
    qtbot.waitUntil(lambda: window.add_action.text() == "Tambah rumah tangga")


def test_peek_language_does_not_touch_a_damaged_file(data_dir):
    from kampung_desktop.ui import i18n

    path = data_dir / "kampung.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    assert i18n.peek_language(data_dir) == "id"
    assert path.read_bytes() == b"\x00garbage" * 100
    assert i18n.peek_language(data_dir / "missing") == "id"


def test_settings_dialog_offers_both_languages_and_applies_the_choice(
    qtbot, open_window, filled_dir, monkeypatch
):
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.qt import QDialog
    from kampung_desktop.ui.settings_dialog import SettingsDialog

    if not i18n.qm_path("en").exists():
        build_translations.release(build_translations.ts_path("en"))
    window = open_window(filled_dir)
    offered: list[list[str]] = []

    def choose_english(dialog: SettingsDialog) -> int:
        box = dialog.language
        offered.append([box.itemText(i) for i in range(box.count())])
        box.setCurrentIndex(box.findData("en"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_english)
    window.settings_action.trigger()
    assert offered == [["Bahasa Indonesia", "English"]]
    qtbot.waitUntil(lambda: window.status.demo_label.text() == "DEMO DATA")
    assert window.detail.hint().startswith("Select a household in the table")
