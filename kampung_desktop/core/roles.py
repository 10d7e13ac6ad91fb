"""Who may do what on the laptop: roles, permissions and kelurahan scope (UU 27/2022 least access).

Pure rules, no I/O: the services check them (services.access.require), the UI hides what a role
may not use, and the CLI refuses it. One table here so every path answers the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from kampung_desktop.core import wilayah


class Role(StrEnum):
    """The three kinds of user; the values are what access.json and the server store."""

    ADMIN = "admin"
    OPERATOR = "operator"  # kelurahan operator (pemeriksa): review, awards, printing
    ENUMERATOR = "enumerator"  # field enumerator (petugas): registry and interviews

    @classmethod
    def from_server(cls, name: str) -> Role:
        """The role for a server account's role name (English or the Indonesian job title)."""
        key = name.strip().lower()
        role = _SERVER_NAMES.get(key)
        if role is None:
            raise ValueError(f"unknown role {name!r}")
        return role

    @property
    def label(self) -> str:
        """Bilingual name for screens and CLI output."""
        return _LABELS[self]


class Permission(StrEnum):
    VIEW_REGISTRY = "view_registry"
    EDIT_REGISTRY = "edit_registry"
    INTERVIEW = "interview"
    REVIEW = "review"
    DECIDE_AWARDS = "decide_awards"
    PRINT = "print"
    EXPORT = "export"
    SYNC = "sync"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"
    RESTORE = "restore"
    REVEAL_ID = "reveal_id"
    SETTINGS = "settings"
    SYNC_SETUP = "sync_setup"  # enrol with a server, change it, or leave it (admin)

    @property
    def label(self) -> str:
        """Bilingual description, used in 'not allowed' messages."""
        return _PERMISSION_LABELS[self]


_SERVER_NAMES: dict[str, Role] = {
    "admin": Role.ADMIN,
    "operator": Role.OPERATOR,
    "pemeriksa": Role.OPERATOR,
    "enumerator": Role.ENUMERATOR,
    "petugas": Role.ENUMERATOR,
}

_LABELS: dict[Role, str] = {
    Role.ADMIN: "admin / admin",
    Role.OPERATOR: "operator kelurahan (pemeriksa) / kelurahan operator",
    Role.ENUMERATOR: "petugas pendata / enumerator",
}

_PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW_REGISTRY: "melihat data rumah tangga / view the household registry",
    Permission.EDIT_REGISTRY: "mengubah data rumah tangga / change the household registry",
    Permission.INTERVIEW: "melakukan wawancara / run interviews",
    Permission.REVIEW: "memeriksa penilaian / review assessments",
    Permission.DECIDE_AWARDS: "memutuskan penghargaan / decide awards",
    Permission.PRINT: "mencetak piagam / print certificates",
    Permission.EXPORT: "mengekspor data / export data",
    Permission.SYNC: "menyinkronkan data / synchronise data",
    Permission.MANAGE_USERS: "mengelola pengguna / manage users",
    Permission.VIEW_AUDIT: "melihat catatan audit / view the audit log",
    Permission.BACKUP: "membuat cadangan / make backups",
    Permission.RESTORE: "memulihkan cadangan / restore backups",
    Permission.REVEAL_ID: "membuka NIK / No. KK lengkap / reveal a full NIK or No. KK",
    Permission.SETTINGS: "mengubah pengaturan / change settings",
    Permission.SYNC_SETUP: "mengatur server sinkronisasi (mendaftar, mengganti atau keluar dari "
    "server) / set up the sync server (enrol, change or leave it)",
}

_ENUMERATOR = frozenset(
    {
        Permission.VIEW_REGISTRY,
        Permission.EDIT_REGISTRY,
        Permission.INTERVIEW,
        Permission.SYNC,
        Permission.REVEAL_ID,
    }
)
_OPERATOR = _ENUMERATOR | {
    Permission.REVIEW,
    Permission.DECIDE_AWARDS,
    Permission.PRINT,
    Permission.EXPORT,
    Permission.BACKUP,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ENUMERATOR: _ENUMERATOR,
    Role.OPERATOR: frozenset(_OPERATOR),
    Role.ADMIN: frozenset(Permission),
}


def allows(role: Role, permission: Permission) -> bool:
    """True when `role` may do `permission` anywhere in its scope."""
    return permission in PERMISSIONS[Role(role)]


def in_scope(scope: Sequence[str], wilayah_kode: str) -> bool:
    """True when a record in `wilayah_kode` lies inside `scope` ([] = the whole city).

    Scope codes are kelurahan (10 digits) or coarser (kecamatan 6, kota 4): a record matches a
    code that is a prefix of its own wilayah code.
    """
    if not scope:
        return True
    kode = "".join(ch for ch in str(wilayah_kode) if ch.isdigit())
    return any(kode.startswith(code) for code in _digits(scope) if code)


def normalise_scope(codes: Iterable[str]) -> tuple[str, ...]:
    """Scope codes in the dotted form stored everywhere ('3671011001' -> '36.71.01.1001'),
    sorted and de-duplicated. Validity (a real kelurahan code) is the caller's check."""
    return tuple(sorted({_dotted(c) for c in _digits(codes) if c}))


def _dotted(digits: str) -> str:
    # Longer than a kelurahan code: kept whole, so validation refuses it rather than a cut.
    return wilayah.dotted(digits) if len(digits) <= 10 else digits


def _digits(codes: Iterable[str]) -> list[str]:
    return ["".join(ch for ch in str(code) if ch.isdigit()) for code in codes]
