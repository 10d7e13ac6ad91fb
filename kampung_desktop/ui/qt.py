"""The one place the UI imports Qt from (as Anki's `aqt.qt`): `from kampung_desktop.ui.qt import X`.

Names resolve lazily from QtWidgets, QtGui and QtCore. A star import would make PySide6
materialise every one of its ~1,000 lazily created types (≈100 ms here) before the first paint;
resolving on first use keeps start-up close to a bare Qt window. A view that needs another Qt
module (printing, PDF) imports it itself, lazily, through `optional()`.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

_SOURCES = (QtWidgets, QtGui, QtCore)


def _cheap_feature_check() -> None:
    """Stop shiboken reading the source of every module imported after PySide6.

    shiboken6 hooks `__import__` and calls `inspect.getsource()` on each newly imported module
    to see whether it mentions "PySide6" (for the opt-in `from __feature__ import ...`, which
    Kampung never uses). That costs ≈90 ms when sqlmodel loads after the window is up, and
    others saw it crash worker-thread imports (progh2/kamook#36, #46). Deciding by module name
    does no I/O and gives the same answer for every module Kampung imports.
    """
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    if hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda module: getattr(module, "__name__", "").startswith(
            ("PySide6", "kampung_desktop.ui")
        )


_cheap_feature_check()


def __getattr__(name: str) -> Any:
    for module in _SOURCES:
        try:
            value = getattr(module, name)
        except AttributeError:
            continue
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"Qt has no name {name!r} in QtWidgets, QtGui or QtCore")


def optional(module: str) -> ModuleType:
    """Another PySide6 module (e.g. "QtPrintSupport"), imported only when a view needs it."""
    return importlib.import_module(f"PySide6.{module}")
