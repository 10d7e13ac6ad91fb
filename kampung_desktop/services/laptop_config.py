"""What this laptop remembers outside any data dir: which data folder it uses, and its language.

The first-start dialog may put the data somewhere other than the platform's default; the next
start must find it without asking again. Once a data dir is protected its database is encrypted,
so the language the sign-in screen speaks cannot be read from it either: it is kept here too.
Nothing personal goes in this file (a folder path and a language code). Written atomically.

`KAMPUNG_CONFIG_DIR` moves the file (tests, portable installs); otherwise it lives in the
platform's user config dir.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.paths import APP_NAME

CONFIG_DIR_ENV = "KAMPUNG_CONFIG_DIR"
FILENAME = "laptop.json"
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class LaptopConfig:
    data_dir: Path | None = None  # None: the platform default (paths.default_data_dir)
    language: str | None = None  # None: not chosen yet


def config_path() -> Path:
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser() / FILENAME
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILENAME


def load() -> LaptopConfig:
    """The remembered choices; a missing or damaged file means none (never an error)."""
    try:
        raw = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LaptopConfig()
    if not isinstance(raw, dict):
        return LaptopConfig()
    folder = raw.get("data_dir")
    language = raw.get("language")
    return LaptopConfig(
        data_dir=Path(folder) if isinstance(folder, str) and folder else None,
        language=language if language in LANGUAGES else None,
    )


def save(data_dir: Path | None = None, language: str | None = None) -> None:
    """Remember a data folder and/or a language (None keeps what was there)."""
    old = load()
    folder = data_dir if data_dir is not None else old.data_dir
    content = {
        "data_dir": str(folder) if folder is not None else None,
        "language": language if language in LANGUAGES else old.language,
    }
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".laptop-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(content, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
