"""What went wrong, in words a clerk can act on: one mapping for the CLI and the GUI.

Code lets expected failures of the world around it (a database another program holds, a full
disk, a read-only folder, an output path that is a folder, input nested too deeply) rise as
the exceptions the libraries raise; `explain()` turns each known class into a message in
Bahasa Indonesia and English with an exit code. Only what it does not know is a fault (a bug):
the CLI and the GUI log its traceback and show a short apology instead.

The messages name files and kinds of failure, never the driver's text: an SQLite or SQLAlchemy
message can carry the values being written (names, NIKs).
"""

from __future__ import annotations

import csv
import errno
from dataclasses import dataclass

from kampung_desktop.services.access import AccessDenied
from kampung_desktop.storage import connection
from kampung_desktop.storage.access_file import AccessFileDamaged
from kampung_desktop.storage.errors import DatabaseUnavailable

EXIT_FAILED = 1  # the request could not be done; nothing was changed
EXIT_DATABASE = 2  # the database cannot be used now (in use, read-only, full, damaged)
EXIT_BUG = 70  # EX_SOFTWARE: an unexpected fault, details in the log
MAX_SHOWN = 80  # characters of a user-given value or path repeated in a message


@dataclass(frozen=True)
class Failure:
    """A known failure: `kind` for the log, the message in both languages, the exit code."""

    kind: str
    id: str
    en: str
    exit_code: int = EXIT_FAILED

    def text(self, lang: str | None = None) -> str:
        """One language (the GUI), or both as "id / en" (the CLI, `lang` None)."""
        if lang == "en":
            return self.en
        if lang == "id":
            return self.id
        return f"{self.id} / {self.en}"


def shorten(value: object, limit: int = MAX_SHOWN) -> str:
    """A value fit to repeat in a message: a 100,000-character argument is cut, not echoed."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 12]}… ({len(text)} karakter/characters)"


_DATABASE = {
    "locked": (
        "Database sedang dipakai program lain (misalnya jendela Kampung lain) dan belum "
        "dilepas. Tidak ada yang diubah. Tunggu sebentar atau tutup program itu, lalu coba lagi.",
        "The database is in use by another program (another Kampung window, for example). "
        "Nothing was changed. Wait a moment or close that program, then try again.",
    ),
    "readonly": (
        "Database hanya dapat dibaca (folder atau berkas data tidak boleh ditulisi). Tidak ada "
        "yang diubah; berkas tidak rusak. Periksa izin folder data atau pakai folder lain.",
        "The database is read-only (the data folder or file cannot be written). Nothing was "
        "changed; the file is not damaged. Check the data folder's permissions or use another.",
    ),
    "full": (
        "Disk penuh: database tidak dapat menyimpan. Langkah ini dibatalkan utuh; data yang "
        "sudah tersimpan aman. Kosongkan ruang disk, lalu coba lagi.",
        "The disk is full: the database cannot save. This step was undone as a whole; data "
        "saved before is safe. Free some disk space, then try again.",
    ),
    "io": (
        "Kesalahan baca/tulis disk pada database. Langkah ini dibatalkan. Periksa disk atau "
        "flashdisk (masih terpasang?), lalu coba lagi.",
        "A disk read/write error on the database. This step was undone. Check the disk or USB "
        "drive (still plugged in?), then try again.",
    ),
    "corrupt": (
        "Berkas database rusak. Berkas tidak diubah. Pulihkan dari cadangan atau hubungi admin "
        "kelurahan; jangan hapus berkas ini.",
        "The database file is damaged. It was not changed. Restore it from a backup or call "
        "your office admin; do not delete it.",
    ),
    "too_complex": (
        "Isian terlalu panjang atau rumit untuk dicari. Persingkat isian, lalu coba lagi.",
        "The value is too long or complex to search for. Shorten it and try again.",
    ),
}

# Phrases of SQLite's own messages (sqlite3_errstr) → kind above.
_SQLITE_PHRASES = (
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("database schema is locked", "locked"),
    ("busy", "locked"),
    ("readonly", "readonly"),
    ("read-only", "readonly"),
    ("disk is full", "full"),
    ("disk i/o error", "io"),
    ("unable to open database file", "io"),  # a USB drive pulled out, a folder gone
    ("malformed", "corrupt"),
    ("not a database", "corrupt"),
    ("pattern too complex", "too_complex"),
    ("string or blob too big", "too_complex"),
    ("too many sql variables", "too_complex"),
)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps (SQLAlchemy's `.orig`, `raise … from`); not the
    context: a bug in an `except` block must stay a bug, not pass for what it was handling."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or any(item is s for s in seen) or len(seen) > 20:
            continue
        seen.append(item)
        todo += [getattr(item, "orig", None), item.__cause__]
    return seen


def _database(kind: str) -> Failure:
    text_id, text_en = _DATABASE[kind]
    code = EXIT_FAILED if kind == "too_complex" else EXIT_DATABASE
    return Failure(f"database-{kind}", text_id, text_en, code)


def _sqlite(error: Exception) -> Failure | None:
    message = str(error).lower()
    for phrase, kind in _SQLITE_PHRASES:
        if phrase in message:
            return _database(kind)
    return None


def _where(error: OSError) -> tuple[str, str]:
    """The path the error names, or a stand-in in each language when it names none."""
    name = error.filename or ""
    return (shorten(name), shorten(name)) if name else ("berkas/folder", "a file or folder")


def _os(error: OSError) -> Failure:
    where, where_en = _where(error)
    code = error.errno
    if isinstance(error, BrokenPipeError):
        return Failure("broken-pipe", "Keluaran ditutup.", "Output was closed.", EXIT_FAILED)
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return Failure(
            "disk-full",
            f"Disk penuh saat menulis {where}. Kosongkan ruang disk, lalu coba lagi.",
            f"The disk is full while writing {where_en}. Free some disk space, then try again.",
        )
    if code == errno.EROFS:
        return Failure(
            "read-only-fs",
            f"{where} berada di disk yang hanya dapat dibaca. Pilih folder lain.",
            f"{where_en} is on a read-only disk. Choose another folder.",
        )
    if isinstance(error, PermissionError):
        return Failure(
            "permission",
            f"Tidak ada izin untuk {where}. Pilih folder lain atau periksa izinnya.",
            f"No permission for {where_en}. Choose another folder or check its permissions.",
        )
    if isinstance(error, IsADirectoryError):
        return Failure(
            "is-a-folder",
            f"{where} adalah folder, bukan berkas. Beri nama berkas, mis. {where}/hasil.pdf.",
            f"{where_en} is a folder, not a file. Give a file name, e.g. {where_en}/result.pdf.",
        )
    if isinstance(error, NotADirectoryError):
        return Failure(
            "not-a-folder",
            f"Bagian dari {where} adalah berkas, bukan folder. Pilih folder yang benar.",
            f"Part of {where_en} is a file, not a folder. Choose a real folder.",
        )
    if isinstance(error, FileExistsError):
        return Failure(
            "exists",
            f"{where} sudah ada dan bukan folder. Pilih nama lain.",
            f"{where_en} already exists and is not a folder. Choose another name.",
        )
    if isinstance(error, FileNotFoundError):
        return Failure(
            "not-found",
            f"{where} tidak ditemukan. Periksa nama berkas atau folder.",
            f"{where_en} was not found. Check the file or folder name.",
        )
    if code == errno.ENAMETOOLONG:
        return Failure(
            "name-too-long",
            f"Nama berkas atau folder terlalu panjang: {where}. Pakai nama yang lebih pendek.",
            f"The file or folder name is too long: {where_en}. Use a shorter name.",
        )
    reason = error.strerror or type(error).__name__
    return Failure(
        "os-error",
        f"Berkas atau folder {where} tidak dapat dipakai ({reason}).",
        f"The file or folder {where_en} cannot be used ({reason}).",
    )


def explain(exc: BaseException) -> Failure | None:
    """The user-facing failure for a known class of error; None for a fault (a bug)."""
    chain = _chain(exc)
    for item in chain:
        if isinstance(item, AccessDenied):
            return Failure("access-denied", item.id, item.en, EXIT_FAILED)
        if isinstance(item, AccessFileDamaged):
            return Failure("access-file-damaged", item.text("id"), item.text("en"), EXIT_DATABASE)
        if isinstance(item, DatabaseUnavailable):
            return Failure(f"database-{item.kind}", item.text("id"), item.text("en"), EXIT_DATABASE)
    for item in chain:
        if isinstance(item, connection.ERROR):
            found = _sqlite(item)
            if found is not None:
                return found
    for item in chain:
        if isinstance(item, OSError):
            return _os(item)
        if isinstance(item, RecursionError):
            return Failure(
                "too-deep",
                "Isian bersarang terlalu dalam (mis. JSON atau ekspresi berlapis ribuan kali). "
                "Periksa berkas masukan.",
                "The input is nested too deeply (e.g. JSON or an expression thousands of levels "
                "deep). Check the input file.",
            )
        if isinstance(item, OverflowError):
            return Failure(
                "too-large",
                "Angka terlalu besar. Periksa angka yang diisikan (mis. tahun 4 digit).",
                "A number is too large. Check the numbers given (e.g. a 4-digit year).",
            )
        if isinstance(item, MemoryError):
            return Failure(
                "no-memory",
                "Masukan terlalu besar untuk memori komputer ini. Pakai berkas yang lebih kecil.",
                "The input is too large for this computer's memory. Use a smaller file.",
            )
        if isinstance(item, csv.Error) and "field larger than field limit" in str(item):
            return Failure(
                "csv-field-too-long",
                "Satu sel di berkas CSV terlalu panjang (lebih dari 128 KB). Periksa berkas itu "
                "(tanda kutip yang tidak ditutup?).",
                "A cell in the CSV file is too long (over 128 KB). Check the file (an unclosed "
                "quote?).",
            )
        if isinstance(item, UnicodeError):
            return Failure(
                "not-text",
                "Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8 (CSV UTF-8), lalu coba lagi.",
                "The file is not UTF-8 text. Save it again as UTF-8 (CSV UTF-8) and try again.",
            )
    return None
