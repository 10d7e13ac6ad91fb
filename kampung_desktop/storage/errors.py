"""Why a database could not be opened, in words a kelurahan clerk can act on."""

from __future__ import annotations

from pathlib import Path

_TEXT = {
    "locked": {
        "id": "Berkas database {path} sedang dipakai program lain. Tutup aplikasi Kampung "
        "lain yang terbuka (atau tunggu sebentar), lalu coba lagi.",
        "en": "The database file {path} is in use by another program. Close any other "
        "Kampung window (or wait a moment) and try again.",
    },
    "corrupt": {
        "id": "Berkas database {path} rusak atau bukan database Kampung. Berkas tidak diubah. "
        "Pulihkan dari cadangan atau hubungi admin kelurahan; jangan hapus berkas ini.",
        "en": "The database file {path} is damaged or is not a Kampung database. It was not "
        "changed. Restore it from a backup or call your office admin; do not delete it.",
    },
    "encrypted": {
        "id": "Database {path} terenkripsi (dilindungi kata sandi). Masuk dengan nama pengguna "
        "dan kata sandi Anda (di baris perintah: --user NAMA --password-stdin). Berkas tidak "
        "diubah.",
        "en": "The database {path} is encrypted (protected by a password). Sign in with your "
        "username and password (on the command line: --user NAME --password-stdin). The file "
        "was not changed.",
    },
    "wrongkey": {
        "id": "Kunci salah: database {path} tidak terbuka dengan kunci ini. Berkas tidak diubah. "
        "Berkas ini mungkin milik folder data lain atau rusak; pulihkan dari cadangan folder "
        "data ini atau hubungi admin kelurahan.",
        "en": "Wrong key: the database {path} does not open with this key. The file was not "
        "changed. It may belong to another data folder or be damaged; restore this data "
        "folder's backup or call your office admin.",
    },
    "unreadable": {
        "id": "Berkas database {path} tidak dapat dibaca ({detail}). Periksa izin berkas "
        "dan ruang disk, lalu coba lagi.",
        "en": "The database file {path} cannot be read ({detail}). Check the file's "
        "permissions and free disk space, then try again.",
    },
    "full": {
        "id": "Disk tempat berkas database {path} penuh, jadi Kampung tidak dapat membuka atau "
        "menyimpan data. Berkas tidak rusak dan tidak diubah. Kosongkan ruang disk, lalu coba "
        "lagi.",
        "en": "The disk holding the database file {path} is full, so Kampung cannot open or "
        "save data. The file is not damaged and was not changed. Free some disk space, then "
        "try again.",
    },
    "readonly": {
        "id": "Berkas database {path} atau foldernya hanya dapat dibaca, jadi Kampung tidak dapat "
        "menyimpan. Berkas tidak rusak dan tidak diubah. Periksa izin folder data (atau disk "
        "yang terkunci) atau pakai folder data lain.",
        "en": "The database file {path} or its folder is read-only, so Kampung cannot save. The "
        "file is not damaged and was not changed. Check the data folder's permissions (or a "
        "write-protected disk) or use another data folder.",
    },
    "missing": {
        "id": "Tidak ada database Kampung di {path}. Periksa --data-dir (tidak ada yang dibuat).",
        "en": "There is no Kampung database at {path}. Check --data-dir (nothing was created).",
    },
    "newer": {
        "id": "Database {path} dibuat oleh versi Kampung yang lebih baru (skema {found}, "
        "aplikasi ini mengenal sampai {known}). Perbarui aplikasi Kampung.",
        "en": "The database {path} was made by a newer Kampung (schema {found}, this app "
        "knows up to {known}). Please update Kampung.",
    },
}


class DatabaseUnavailable(Exception):
    """The database cannot be used; `kind` is a key of `_TEXT` (locked, readonly, corrupt...)."""

    def __init__(self, kind: str, path: Path, **details: object) -> None:
        self.kind = kind
        self.path = path
        self.details = details
        super().__init__(self.text("en"))

    def text(self, lang: str = "id") -> str:
        return _TEXT[self.kind][lang].format(path=self.path, **self.details)


class ValidationFailed(Exception):
    """A write was refused because fields are invalid; maps field name → problems."""

    def __init__(self, problems: dict[str, list]) -> None:
        self.problems = problems
        super().__init__(", ".join(sorted(problems)))


class BackupRefused(Exception):
    """The file cannot be restored here; `reason` is a key of services.backups' texts."""

    def __init__(self, reason: str, **details: object) -> None:
        self.reason = reason
        self.details = details
        super().__init__(reason)
