"""Check where printed output is to go before anything is issued or written.

A certificate number is allocated before its page is drawn, so an output path that cannot
work (a folder given for a file, a file given for a folder, a folder that is missing or
read-only, a name too long) is refused first, with a message that says what to choose.
"""

from __future__ import annotations

import os
from pathlib import Path

from kampung_desktop.services.failures import shorten

MAX_NAME_BYTES = 255


def file_problem(path: Path | None) -> str | None:
    """Why `path` cannot be written as a file, or None when it can."""
    if path is None:
        return None
    path = Path(path)
    shown = shorten(path)
    if _too_long(path):
        return f"Nama berkas terlalu panjang: {shown} / the file name is too long."
    if path.is_dir():
        return (
            f"{shown} adalah folder; beri nama berkas, mis. {shorten(path / 'piagam.pdf')} / "
            "this is a folder: give a file name."
        )
    folder = path.parent
    if not folder.is_dir():
        return f"Folder {shorten(folder)} tidak ada / the folder does not exist."
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return (
            f"Folder {shorten(folder)} tidak dapat ditulisi (hanya-baca atau tanpa izin); pilih "
            "folder lain / the folder cannot be written (read-only or no permission)."
        )
    return None


def folder_problem(path: Path | None) -> str | None:
    """Why `path` cannot take one file per certificate (made if missing), or None."""
    if path is None:
        return None
    path = Path(path)
    shown = shorten(path)
    if _too_long(path):
        return f"Nama folder terlalu panjang: {shown} / the folder name is too long."
    if path.exists() and not path.is_dir():
        return f"{shown} adalah berkas, bukan folder; pilih folder / this is a file, not a folder."
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"{shorten(existing)} adalah berkas, bukan folder / this is a file, not a folder."
    if not os.access(existing, os.W_OK | os.X_OK):
        return (
            f"Folder {shorten(existing)} tidak dapat ditulisi (hanya-baca atau tanpa izin); "
            "pilih folder lain / the folder cannot be written (read-only or no permission)."
        )
    return None


def _too_long(path: Path) -> bool:
    return any(len(part.encode("utf-8", "replace")) > MAX_NAME_BYTES for part in path.parts)
