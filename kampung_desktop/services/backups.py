"""Backups of the local database: on demand, on a schedule, and restore, with the right checks.

A backup of a protected dir is encrypted with the dir's key, so a USB stick that goes missing
reveals nothing; taking one needs the BACKUP permission and restoring the RESTORE permission
(admin only). Scheduled backups go to a chosen folder at a chosen interval (default daily);
the app checks at start and every hour whether one is due and keeps the newest N. File names
carry only the date and time, never a name or place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kampung_desktop.core.roles import Permission
from kampung_desktop.services import audit
from kampung_desktop.services.access import AccessSession, require
from kampung_desktop.storage import backup_file
from kampung_desktop.storage.backup_file import BackupRefused, Manifest
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.migrations import LATEST_VERSION

log = logging.getLogger(__name__)

SUFFIX = ".kbak"
FOLDER_SETTING = "backup_folder"
INTERVAL_SETTING = "backup_interval_hours"
KEEP_SETTING = "backup_keep"
LAST_SETTING = "backup_last"
DEFAULT_INTERVAL_HOURS = 24
DEFAULT_KEEP = 7

_REFUSED = {
    "not-backup": (
        "Berkas ini bukan cadangan Kampung. Tidak ada yang diubah. Pilih berkas .kbak yang "
        "dibuat oleh Kampung.",
        "This file is not a Kampung backup. Nothing was changed. Choose a .kbak file made by "
        "Kampung.",
    ),
    "damaged": (
        "Berkas cadangan rusak atau tidak lengkap (isi tidak cocok dengan catatannya). Tidak "
        "ada yang diubah. Pakai cadangan lain.",
        "The backup file is damaged or incomplete (its content does not match its record). "
        "Nothing was changed. Use another backup.",
    ),
    "foreign": (
        "Cadangan ini bukan milik folder data ini (kunci enkripsinya lain). Tidak ada yang "
        "diubah. Pulihkan cadangan yang dibuat dari folder data ini.",
        "This backup does not belong to this data folder (its encryption key differs). Nothing "
        "was changed. Restore a backup made from this data folder.",
    ),
    "needs-key": (
        "Cadangan ini terenkripsi; folder data ini belum dilindungi kata sandi sehingga tidak "
        "punya kuncinya. Tidak ada yang diubah. Pulihkan ke folder data asalnya.",
        "This backup is encrypted; this data folder is not protected by a password, so it does "
        "not have the key. Nothing was changed. Restore it into the data folder it came from.",
    ),
    "newer": (
        "Cadangan ini dibuat oleh versi Kampung yang lebih baru (skema {found}, aplikasi ini "
        "sampai {known}). Tidak ada yang diubah. Perbarui Kampung dulu.",
        "This backup was made by a newer Kampung (schema {found}, this app knows up to "
        "{known}). Nothing was changed. Update Kampung first.",
    ),
}


class BackupProblem(Exception):
    """A backup or restore that could not be done, with the reason in both languages."""

    def __init__(self, text_id: str, text_en: str) -> None:
        self.text_id = text_id
        self.text_en = text_en
        super().__init__(f"{text_id} / {text_en}")


def _problem(refused: BackupRefused) -> BackupProblem:
    text_id, text_en = _REFUSED[refused.reason]
    return BackupProblem(text_id.format(**refused.details), text_en.format(**refused.details))


@dataclass(frozen=True)
class BackupInfo:
    """What the confirmation before a restore shows (no personal data)."""

    path: Path
    created_utc: datetime
    encrypted: bool
    households: int
    members: int

    def created_local(self) -> datetime:
        return self.created_utc.astimezone()


def _info(path: Path, manifest: Manifest) -> BackupInfo:
    created = datetime.strptime(manifest.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return BackupInfo(
        Path(path),
        created,
        manifest.encrypted,
        manifest.counts.get("households", 0),
        manifest.counts.get("members", 0),
    )


def _key(session: AccessSession | None) -> bytes | None:
    return session.db_key if session is not None else None


def backup_now(data_dir: Path, out: Path, session: AccessSession | None) -> BackupInfo:
    """Write a backup of the dir's database to `out` (the app may keep working meanwhile)."""
    require(session, Permission.BACKUP) if session is not None else None
    out = _checked_target(Path(data_dir), Path(out))
    manifest = backup_file.write_backup(Path(data_dir), out, _key(session))
    audit.record_in_dir(Path(data_dir), session, audit.BACKUP, "database", manifest.created)
    log.info("backup written (%d bytes)", manifest.db_size)
    return _info(out, manifest)


def _checked_target(data_dir: Path, out: Path) -> Path:
    """Where the backup goes: refused when it would overwrite the data folder's own files
    (the live database, its WAL, the accounts) or its folder does not exist."""
    if out.is_dir():
        out = out / default_name()
    folder = out.parent
    if not folder.is_dir():
        raise BackupProblem(
            f"Folder {folder} tidak ada. Tidak ada yang diubah. Pilih folder yang ada "
            "(flashdisk masih terpasang?).",
            f"The folder {folder} does not exist. Nothing was changed. Choose an existing "
            "folder (is the USB drive still plugged in?).",
        )
    if folder.resolve() == data_dir.resolve() and out.suffix != SUFFIX:
        raise BackupProblem(
            f"{out.name} adalah berkas milik folder data itu sendiri; cadangan tidak boleh "
            f"menimpanya. Tidak ada yang diubah. Pilih nama berakhiran {SUFFIX} atau folder "
            "lain (sebaiknya flashdisk).",
            f"{out.name} belongs to the data folder itself; a backup must not overwrite it. "
            f"Nothing was changed. Choose a name ending in {SUFFIX} or another folder "
            "(a USB drive is best).",
        )
    return out


def describe(backup: Path) -> BackupInfo:
    """The date and size of a backup, for the confirmation; BackupProblem if it is none."""
    try:
        return _info(backup, backup_file.read_manifest(Path(backup)))
    except BackupRefused as refused:
        raise _problem(refused) from refused
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise BackupProblem(
            f"Berkas cadangan tidak dapat dibaca ({exc.strerror}).",
            f"The backup file cannot be read ({exc.strerror}).",
        ) from exc


def restore(data_dir: Path, backup: Path, session: AccessSession | None) -> BackupInfo:
    """Replace the dir's database with the backup's, all or nothing; the app's own open
    connections stay valid (refresh what is shown). A refused file changes nothing."""
    require(session, Permission.RESTORE) if session is not None else None
    try:
        manifest = backup_file.restore_backup(
            Path(data_dir), Path(backup), _key(session), LATEST_VERSION
        )
    except BackupRefused as refused:
        raise _problem(refused) from refused
    Database.open(Path(data_dir), key=_key(session)).close()  # an older backup: migrate it now
    # into the restored log: it carries on from the backup's chain
    audit.record_in_dir(Path(data_dir), session, audit.RESTORE, "database", manifest.created)
    log.info("database restored from a backup taken %s", manifest.created)
    return _info(backup, manifest)


def default_name(now: datetime | None = None) -> str:
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"kampung-cadangan-{moment}{SUFFIX}"


# -- schedule ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Schedule:
    folder: Path | None  # None: scheduled backups are off
    interval_hours: int = DEFAULT_INTERVAL_HOURS
    keep: int = DEFAULT_KEEP
    last_utc: datetime | None = None

    def due(self, now: datetime) -> bool:
        if self.folder is None:
            return False
        return self.last_utc is None or now - self.last_utc >= timedelta(hours=self.interval_hours)


def load_schedule(ctx) -> Schedule:  # type: ignore[no-untyped-def]
    folder = ctx.setting(FOLDER_SETTING)
    last = ctx.setting(LAST_SETTING)
    return Schedule(
        Path(folder) if folder else None,
        _positive(ctx.setting(INTERVAL_SETTING), DEFAULT_INTERVAL_HOURS),
        _positive(ctx.setting(KEEP_SETTING), DEFAULT_KEEP),
        datetime.fromisoformat(last) if last else None,
    )


def save_schedule(ctx, folder: Path | None, interval_hours: int, keep: int) -> None:  # type: ignore[no-untyped-def]
    """Store the schedule (admin/operator: the BACKUP permission)."""
    require(ctx.access, Permission.BACKUP) if ctx.access is not None else None
    if interval_hours < 1 or keep < 1:
        raise BackupProblem(
            "Selang dan jumlah cadangan yang disimpan minimal 1.",
            "The interval and the number of backups kept must be at least 1.",
        )
    ctx.set_setting(FOLDER_SETTING, str(folder) if folder else "")
    ctx.set_setting(INTERVAL_SETTING, str(int(interval_hours)))
    ctx.set_setting(KEEP_SETTING, str(int(keep)))


def run_if_due(ctx, now: datetime | None = None) -> BackupInfo | None:  # type: ignore[no-untyped-def]
    """Take the scheduled backup when one is due (and prune old ones); None when not due."""
    now = now or datetime.now(UTC)
    schedule = load_schedule(ctx)
    if not schedule.due(now) or schedule.folder is None:
        return None
    schedule.folder.mkdir(parents=True, exist_ok=True)
    info = backup_now(ctx.data_dir, schedule.folder / default_name(), ctx.access)
    ctx.set_setting(LAST_SETTING, now.isoformat())
    prune(schedule.folder, schedule.keep)
    return info


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` scheduled backups in `folder`; returns those deleted."""
    made = sorted(Path(folder).glob(f"kampung-cadangan-*{SUFFIX}"))
    old = made[:-keep] if keep > 0 else made
    for path in old:
        path.unlink(missing_ok=True)
    return old


def _positive(value: str | None, default: int) -> int:
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return number if number > 0 else default
