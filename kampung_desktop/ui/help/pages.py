"""The in-app help pages: which there are, their titles, and their text in the current language.

The text is the user guide itself (docs/user-guide.md and user-guide.en.md), cut into one page
per screen by tools/build_help.py into resources/help/{id,en}/<page>.md, so the guide and the
help can never say different things (tests/ui/test_help_pages.py checks they match).
"""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.paths import resource
from kampung_desktop.ui.qt import QCoreApplication

# In the order of the Help menu and the viewer's contents list.
PAGES = (
    "main-window",
    "household",
    "interview",
    "review",
    "printing",
    "sync",
    "settings",
    "problems",
    "shortcuts",
)
SHORTCUTS = "shortcuts"
LANGUAGES = ("id", "en")


def page_path(page: str, lang: str) -> Path:
    return resource("help", lang, f"{page}.md")


def read_page(page: str, lang: str) -> str | None:
    """The page's Markdown in `lang` (Bahasa Indonesia if that is missing); None if not shipped."""
    for code in dict.fromkeys((lang, "id")):
        try:
            return page_path(page, code).read_text(encoding="utf-8")
        except OSError:
            continue
    return None


def plain(text: str) -> str:
    """A menu text without its mnemonic marks ("Pen&gaturan" -> "Pengaturan")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def title(page: str) -> str:
    """The page's name in the Help menu, with its mnemonic, in the UI language (.ts files);
    `plain(title(page))` in the viewer."""
    titles = {
        "main-window": QCoreApplication.translate(
            "HelpPages", "&Jendela utama dan daftar rumah tangga"
        ),
        "household": QCoreApplication.translate(
            "HelpPages", "&Mendaftarkan dan mengubah rumah tangga"
        ),
        "interview": QCoreApplication.translate("HelpPages", "&Wawancara / penilaian"),
        "review": QCoreApplication.translate("HelpPages", "&Pemeriksaan dan keputusan penghargaan"),
        "printing": QCoreApplication.translate("HelpPages", "Men&cetak piagam dan laporan"),
        "sync": QCoreApplication.translate("HelpPages", "&Sinkronisasi dan daftar tugas"),
        "settings": QCoreApplication.translate("HelpPages", "Pen&gaturan"),
        "problems": QCoreApplication.translate("HelpPages", "Bila &ada masalah"),
        "shortcuts": QCoreApplication.translate("HelpPages", "Pintasan &keyboard"),
    }
    return titles[page]
