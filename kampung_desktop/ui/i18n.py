"""The UI language: Bahasa Indonesia in the source, English through a compiled Qt translation.

Source strings are written in Bahasa Indonesia (`self.tr()` / `QCoreApplication.translate`);
`resources/translations/kampung_en.ts` holds their English, compiled to `kampung_en.qm` by
`tools/build_translations.py`. Switching installs or removes the translator, which makes Qt send
every widget a LanguageChange event, so open windows retranslate themselves live.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kampung_desktop.core import messages
from kampung_desktop.paths import resource
from kampung_desktop.services.first_view import saved_setting
from kampung_desktop.ui.qt import QCoreApplication, QLocale, QTranslator
from kampung_desktop.ui.qt_texts import qt_translator

log = logging.getLogger(__name__)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT = "id"
SETTING_KEY = "language"

_state: dict[str, object] = {"code": DEFAULT, "translator": None, "qt_translator": None}


def qm_path(code: str) -> Path:
    return resource("translations", f"kampung_{code}.qm")


def current() -> str:
    return str(_state["code"])


def apply(code: str) -> bool:
    """Switch the running app to `code`; False (and Indonesian) when no translation is built."""
    app = QCoreApplication.instance()
    if code not in LANGUAGES:
        code = DEFAULT
    old = _state["translator"]
    if old is not None and app is not None:
        app.removeTranslator(old)
        _state["translator"] = None
    _install_qt_texts(app, code)
    ok = True
    if code != DEFAULT:
        translator = QTranslator(app)
        if translator.load(str(qm_path(code))):
            app.installTranslator(translator)
            _state["translator"] = translator
        else:
            log.warning(
                "translation %s not found at %s; staying in Bahasa Indonesia", code, qm_path(code)
            )
            code, ok = DEFAULT, False
    _state["code"] = code
    messages.set_language(code)
    # Qt's own formatting (date edits, %Ln) in British English, never US "12/1/26 3:51 AM".
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        if code == "id"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    return ok


def _install_qt_texts(app: QCoreApplication | None, code: str) -> None:
    """Qt's own words (Cancel, Discard, file and print dialogs) in `code` too."""
    if app is None:
        return
    old = _state.get("qt_translator")
    if old is not None:
        app.removeTranslator(old)
        _state["qt_translator"] = None
    translator = qt_translator(code, app)
    if translator is not None:
        app.installTranslator(translator)
        _state["qt_translator"] = translator


def peek_language(data_dir: Path) -> str:
    """The saved UI language, read before the database stack loads (so the first paint is right).

    A damaged or missing file is not touched and means the default language (opening it
    properly reports the problem later).
    """
    code = saved_setting(data_dir, SETTING_KEY)
    return code if code in LANGUAGES else DEFAULT
