"""Every window and dialog, opened on demo data in each language, is usable without a mouse and
a screen, speaks the chosen language and writes dates, numbers and counts its way.

The tour (tools/window_tour.py) opens the main window, the sync panel, the household dialog and
its member editor, the interview start dialog and wizard (first page, a roster, the summary),
the review window (its three tabs, an assessment, the return note, a decision, printing) and
then triggers every menu action of the main window, catching each modal dialog it opens. New
windows other parts add to the menus are therefore walked too.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kampung_desktop.paths import resource

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import window_checks  # noqa: E402
import window_tour  # noqa: E402

#: Screens the tour must reach in both languages (a prefix of `Screen.name`).
REQUIRED = (
    "main window",
    "sync panel",
    "household dialog",
    "member editor",
    "interview start",
    "interview first page",
    "interview summary",
    "review",
    "review ranking",
    "review decisions",
    "review: decision",
)
TABLE_TIME = {
    "id": re.compile(
        r"^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} \d\d\.\d\d$"
    ),
    "en": re.compile(
        r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d$"
    ),
}


@pytest.fixture(scope="module", params=["id", "en"])
def tour(request, qapp, tmp_path_factory):
    """(language, screens) of one walk through the app on fresh demo data."""
    import os

    from kampung_desktop.ui import i18n, mnemonics

    lang = request.param
    work = tmp_path_factory.mktemp(f"tour-{lang}")
    old = os.environ.get("KAMPUNG_CONFIG_DIR")
    os.environ["KAMPUNG_CONFIG_DIR"] = str(work / "config")
    try:
        data_dir = window_tour.seed_demo(work / "Kampung")
        assert i18n.apply(lang), "kampung_en.qm missing: run tools/build_translations.py"
        mnemonics.install(qapp)
        screens = window_tour.Tour(data_dir, lang).run()
    finally:
        mnemonics.uninstall()
        i18n.apply("id")
        if old is None:
            os.environ.pop("KAMPUNG_CONFIG_DIR", None)
        else:
            os.environ["KAMPUNG_CONFIG_DIR"] = old
    return lang, screens


def _report(screens, attribute: str) -> dict[str, list[str]]:
    return {s.name: getattr(s, attribute) for s in screens if getattr(s, attribute)}


def test_the_tour_reaches_every_main_screen(tour):
    lang, screens = tour
    names = [s.name for s in screens]
    missing = [want for want in REQUIRED if not any(n.startswith(want) for n in names)]
    assert not missing, f"the tour did not reach: {missing}"
    assert any(n.startswith(("Pengaturan", "Settings")) for n in names)  # through the menu
    assert sum(s.controls for s in screens) > 150


def test_every_control_has_an_accessible_name(tour):
    """What QAccessible reports as the Name (a label buddy counts) is never empty."""
    lang, screens = tour
    assert _report(screens, "unnamed") == {}


def test_every_button_has_a_keyboard_mnemonic(tour):
    lang, screens = tour
    assert _report(screens, "no_mnemonic") == {}


def test_tab_follows_the_reading_order(tour):
    """In every window and dialog Tab never jumps back up to a control above the one before
    (the main window's detail pane, the wizard's page and the sections added to Settings are
    built after their window and are moved to where they are read)."""
    lang, screens = tour
    assert _report(screens, "tab_jumps") == {}


def test_styled_text_and_item_colours_have_enough_contrast(tour):
    """Badges, validation messages, hints and coloured table cells: WCAG AA, ≥ 4.5:1, measured
    on the painted pixels."""
    lang, screens = tour
    assert _report(screens, "low_contrast") == {}


def test_dates_numbers_and_counts_follow_the_language(tour):
    """No "12/1/26 3:51 AM", no raw ISO time, no "1 pages", no "field(s)", no 1,234.5 in
    Indonesian (nor 1.234,5 in English); and table times really are shown the language's way."""
    lang, screens = tour
    problems = {s.name: window_checks.format_problems(s.texts, lang) for s in screens}
    assert {name: found for name, found in problems.items() if found} == {}
    decisions = next(s for s in screens if s.name == "review decisions")
    assert any(TABLE_TIME[lang].match(text) for text in decisions.texts), sorted(decisions.texts)


def _indonesian_sources() -> set[str]:
    """Source strings (mnemonic marks removed) that are no English text anywhere in the file."""
    found, english = set(), set()
    root = ET.parse(resource("translations", "kampung_en.ts")).getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        english.update(f.replace("&", "").strip() for f in forms)
        source = message.findtext("source").replace("&", "").strip()
        if source and not re.search(r"\{\w+\}|%", source):  # templates are never shown bare
            found.add(source)
    return found - english  # "Data" is English too, whatever another context makes of it


def test_no_indonesian_text_is_left_in_the_english_windows(tour):
    """Covers the interview wizard (its own texts are in the .ts file now) and every dialog."""
    lang, screens = tour
    wizard = next(s for s in screens if s.name == "interview first page")
    buttons = {t.replace("&", "") for t in wizard.texts}
    if lang == "id":  # the source strings themselves: nothing to compare against
        assert {"◀ Kembali", "Lanjut ▶"} <= buttons
        return
    assert {"◀ Back", "Next ▶"} <= buttons
    sources = _indonesian_sources()
    left = {s.name: sorted(s.texts & sources) for s in screens if s.texts & sources}
    assert left == {}
