"""Extract the UI's translatable strings and compile the English translation.

    .venv/bin/python tools/build_translations.py            # lupdate, then lrelease
    .venv/bin/python tools/build_translations.py --release  # only compile .ts -> .qm (install/build)

Source strings are Bahasa Indonesia (`self.tr()` / `QCoreApplication.translate` in
kampung_desktop/ui). `pyside6-lupdate` adds new ones to resources/translations/kampung_en.ts as
unfinished (a test then fails until someone writes their English); `pyside6-lrelease` compiles
the .ts to the kampung_en.qm the app loads through `kampung_desktop.paths.resource()`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "kampung_desktop" / "ui"
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("en",)


def tool(name: str) -> str:
    """A PySide6 tool from the running venv (falls back to PATH)."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this Python ({sys.executable})")
    return found


def sources(ui_dir: Path = UI_DIR) -> list[str]:
    return sorted(str(p) for p in ui_dir.rglob("*.py"))


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"kampung_{lang}.ts"


def update(ts: Path, lang: str, ui_dir: Path = UI_DIR) -> str:
    """Run lupdate: add new source strings to `ts`, drop vanished ones; returns its report."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool("pyside6-lupdate"), *sources(ui_dir), "-no-obsolete", "-locations", "none",
         "-source-language", "id", "-target-language", lang, "-ts", str(ts)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout + result.stderr


def release(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return qm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if not args.release:
            print(update(ts, lang).strip())
        print(release(ts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
