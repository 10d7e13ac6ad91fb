"""Reading a file the user named (a CSV, an answers JSON): one clear message for each way it
can fail, in both languages, instead of the library's English ("[Errno 21] Is a directory",
"'utf-8' codec can't decode byte 0xe9 in position 16")."""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.services.failures import shorten


class InputFileError(ValueError):
    """The file cannot be used; str() is the message "id / en"."""


def check_file(path: Path) -> None:
    """Refuse a path that is not an existing file, saying what it is instead."""
    shown = shorten(path)
    if path.is_dir():
        raise InputFileError(
            f"{shown} adalah folder, bukan berkas; pilih berkasnya / is a folder, not a file: "
            "choose the file itself."
        )
    if not path.exists():
        raise InputFileError(f"Berkas {shown} tidak ada / file not found: {shown}.")


def read_text(path: Path) -> str:
    """The file's text (UTF-8, with or without the BOM Excel writes)."""
    path = Path(path)
    check_file(path)
    shown = shorten(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputFileError(
            f"Berkas {shown} tidak dapat dibaca ({reason}) / cannot read {shown} ({reason})."
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"Berkas {shown} bukan teks UTF-8 (byte ke-{exc.start + 1}); simpan ulang sebagai "
            f"'CSV UTF-8' atau UTF-8 / {shown} is not UTF-8 text (byte {exc.start + 1}); save "
            "it again as 'CSV UTF-8' or UTF-8."
        ) from None
