"""Find shipped resources and forms, and the user's data dir, the same way everywhere.

A source checkout, an installed wheel and a PyInstaller bundle lay files out differently; this
module is the only place that knows how.
"""

from __future__ import annotations

import os
import sys
from importlib import resources as _ir
from pathlib import Path

APP_NAME = "Kampung"
DATA_DIR_ENV = "KAMPUNG_DATA_DIR"
_REPO_ROOT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, folder: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / folder
    try:
        return Path(str(_ir.files(package)))
    except ModuleNotFoundError:
        return _REPO_ROOT / folder


def resources_dir() -> Path:
    """Folder of shipped resources (icons, fonts, translations, reference data, templates)."""
    return _package_dir("kampung_resources", "resources")


def forms_dir() -> Path:
    """Folder of the shipped XLSForm files and their scoring rules."""
    return _package_dir("kampung_forms", "forms")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """The data dir when none is given: $KAMPUNG_DATA_DIR, else the platform's user data dir."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(value: str | os.PathLike[str] | None) -> Path:
    path = Path(value).expanduser() if value else default_data_dir()
    return path
