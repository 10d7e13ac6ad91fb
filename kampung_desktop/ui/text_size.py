"""The app's own text size (Kecil / Normal / Besar / Sangat besar) on top of the OS font.

The base is the font the OS gives Qt at start (so the OS font size and display scaling are
followed); the chosen size multiplies it. Applying sets the application font, which reaches every
widget at once, and rescales the few widgets that set a relative font of their own (headings made
1.35x bigger), so an open window grows without a restart. The choice is a per-laptop view
preference, kept with Qt's own settings store (nothing personal), read before the first window.
"""

from __future__ import annotations

import os
from pathlib import Path

from kampung_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QCoreApplication,
    QFont,
    QSettings,
    Qt,
)

SIZES: dict[str, float] = {"small": 0.9, "normal": 1.0, "large": 1.25, "xlarge": 1.5}
LABELS: dict[str, str] = {
    "small": QT_TRANSLATE_NOOP("TextSize", "Kecil"),
    "normal": QT_TRANSLATE_NOOP("TextSize", "Normal"),
    "large": QT_TRANSLATE_NOOP("TextSize", "Besar"),
    "xlarge": QT_TRANSLATE_NOOP("TextSize", "Sangat besar"),
}
DEFAULT = "normal"
SETTING_KEY = "view/text_size"
CONFIG_DIR_ENV = "KAMPUNG_CONFIG_DIR"  # = services.laptop_config (tests, portable installs)

_state: dict[str, object] = {"base": None, "size": DEFAULT}


def label(size: str) -> str:
    return QCoreApplication.translate("TextSize", LABELS[size])


def _settings() -> QSettings:
    folder = os.environ.get(CONFIG_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "view.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Kampung", "view")


def saved() -> str:
    value = _settings().value(SETTING_KEY, DEFAULT)
    return value if value in SIZES else DEFAULT


def save(size: str) -> None:
    if size not in SIZES:
        raise ValueError(f"unknown text size {size!r}")
    settings = _settings()
    settings.setValue(SETTING_KEY, size)
    settings.sync()


def current() -> str:
    return str(_state["size"])


def base_font() -> QFont:
    """The OS font as Qt found it at start (remembered before the first change)."""
    if _state["base"] is None:
        _state["base"] = QFont(QApplication.font())
    return QFont(_state["base"])  # type: ignore[arg-type]


def apply(size: str) -> None:
    """Show every window at `size` now (unknown sizes mean Normal)."""
    app = QApplication.instance()
    if size not in SIZES:
        size = DEFAULT
    if app is None or not isinstance(app, QApplication):
        _state["size"] = size
        return
    ratio = SIZES[size] / SIZES[current()]
    font = base_font()
    font.setPointSizeF(font.pointSizeF() * SIZES[size])
    # Qt measures a label with kerning but draws the run after a mnemonic's underline without
    # it, so "&Text size" came out wider than its label at larger sizes (its last letter cut).
    font.setKerning(False)
    _state["size"] = size
    QApplication.setFont(font)
    if ratio == 1.0:
        return
    for widget in QApplication.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):  # a font of its own
            own = widget.font()
            if own.pointSizeF() > 0:
                own.setPointSizeF(own.pointSizeF() * ratio)
                widget.setFont(own)
