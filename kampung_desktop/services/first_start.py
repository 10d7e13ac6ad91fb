"""The first start of the app on a laptop (issue 13 item 2), as use cases the dialog calls.

A laptop is set up once: language, data folder, its first account (a local admin, or the
server account it enrols with), the kelurahan it works in, and optionally demo data. Creating
the account protects the data dir (services.access encrypts the database), so everything that
writes plain data (settings, demo households) happens before that, on the still-unprotected dir.
Re-running from Settings changes the language, the kelurahan and adds demo data through the
open session; it never creates an account again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kampung_desktop.core import wilayah as rules
from kampung_desktop.core.wilayah_csv import parse_csv
from kampung_desktop.paths import resource
from kampung_desktop.services import laptop_config

log = logging.getLogger(__name__)

KELURAHAN_SETTING = "home_kelurahan"  # the kelurahan this laptop works in (default scope)
LANGUAGE_SETTING = "language"
# The sync banner's "decided" flag (= ui.sync.setup.SETUP_SEEN): the first start asked already.
SYNC_DECIDED_SETTING = "sync_setup_seen"
REFERENCE_CSV = ("wilayah", "wilayah.csv")
MIN_PASSWORD = 8
DEMO_HOUSEHOLDS = 500
DEMO_SEED = 1


class DirState(StrEnum):
    NEW = "new"  # no database yet
    LEGACY = "legacy"  # data but no account: an unprotected dir from before issue 12
    PROTECTED = "protected"  # has accounts: sign in


@dataclass(frozen=True)
class Kelurahan:
    kode: str
    nama: str
    kecamatan: str
    kota: str

    @property
    def label(self) -> str:
        return f"{self.nama} — {self.kecamatan}, {self.kota} ({self.kode})"


def dir_state(data_dir: Path) -> DirState:
    """Read access.json only (no key derivation is loaded: the window comes up sooner).

    A damaged access.json raises `AccessFileDamaged` (the data stays closed, never "no users").
    """
    from kampung_desktop.storage import access_file

    found = access_file.load(Path(data_dir))
    if found is not None and found.accounts:
        return DirState.PROTECTED
    if (Path(data_dir) / "kampung.sqlite3").exists():
        return DirState.LEGACY
    return DirState.NEW


def demo_credentials(data_dir: Path) -> tuple[str, str] | None:
    """The documented demo admin, only when the protected data is demo data."""
    from kampung_desktop.storage import access_file

    found = access_file.load(Path(data_dir))
    if found is None or not found.demo:
        return None
    from kampung_desktop.services.access import DEMO_ADMIN

    return DEMO_ADMIN


def reference_kelurahan() -> list[Kelurahan]:
    """Every kelurahan of the shipped Kemendagri reference, read without opening a database."""
    rows = dict(parse_csv(resource(*REFERENCE_CSV).read_text(encoding="utf-8")))
    found = []
    for kode, nama in rows.items():
        if rules.level_of(kode) != rules.Level.KELURAHAN:
            continue
        kec = rules.parent_of(kode) or ""
        kota = rules.parent_of(kec) or ""
        found.append(Kelurahan(kode, nama, rows.get(kec, kec), rows.get(kota, kota)))
    return sorted(found, key=lambda k: (k.kota, k.kecamatan, k.nama))


def password_problem(password: str, again: str) -> str | None:
    """What is wrong with a new password as typed twice (bilingual), or None."""
    if len(password) < MIN_PASSWORD:
        return (
            f"Kata sandi minimal {MIN_PASSWORD} karakter / "
            f"The password needs at least {MIN_PASSWORD} characters."
        )
    if password != again:
        return (
            "Kedua kata sandi tidak sama; ketik ulang / The two passwords differ; type them again."
        )
    return None


def password_strength(password: str) -> int:
    """0 (weak) .. 3 (strong): length and mixed kinds of character; a hint, not a rule."""
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if len(password) < MIN_PASSWORD:
        return 0
    if len(password) >= 14 and kinds >= 2 or len(password) >= 10 and kinds >= 3:
        return 3
    return 2 if kinds >= 2 or len(password) >= 12 else 1


def username_problem(username: str) -> str | None:
    name = username.strip()
    if not name:
        return "Isi nama pengguna / Enter a username."
    if len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        return (
            "Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung (maks. 64) / "
            "A username is letters, digits, dot, underscore or hyphen (at most 64)."
        )
    return None


def apply_choices(ctx: Any, language: str | None, kelurahan: str | None) -> None:
    """Store the language and the home kelurahan in an open data dir (also on re-runs)."""
    if language:
        ctx.set_setting(LANGUAGE_SETTING, language)
    if kelurahan is not None:
        ctx.set_setting(KELURAHAN_SETTING, kelurahan)
    laptop_config.save(language=language)


def add_demo(ctx: Any, households: int = DEMO_HOUSEHOLDS) -> int:
    """Demo households (marked as demo everywhere), only into a dir without real households."""
    from kampung_desktop.services import demo
    from kampung_desktop.services.audit import AuditService
    from kampung_desktop.services.demo_assessments import seed_assessments

    if demo.household_count(ctx.db) and not ctx.demo_loaded():
        return 0  # real data: demo rows would mix in with it
    report = demo.seed(ctx.db, households, DEMO_SEED)
    added = seed_assessments(ctx.db, ctx.user_id, ctx.data_dir / "forms-cache", seed=DEMO_SEED)
    AuditService(ctx.db, ctx.user_id).seeded_demo(report.households, report.members, added.created)
    return report.households


def set_up_offline(
    data_dir: Path,
    *,
    language: str,
    username: str,
    password: str,
    full_name: str = "",
    kelurahan: str | None = None,
    demo: bool = False,
) -> Any:
    """First start, working offline: settings and demo first, then the admin (which encrypts)."""
    from kampung_desktop.services import access
    from kampung_desktop.services.app import AppContext

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    ctx = AppContext.open(data_dir)
    try:
        apply_choices(ctx, language, kelurahan or "")
        ctx.set_setting(SYNC_DECIDED_SETTING, "1")  # offline was chosen: no server banner
        if demo:
            add_demo(ctx)
    finally:
        ctx.close()
    session = access.create_first_admin(data_dir, username.strip(), password, full_name.strip())
    laptop_config.save(data_dir=data_dir, language=language)
    log.info("first start done (offline, demo=%s)", demo)
    return session


def prepare_for_enrol(
    data_dir: Path, *, language: str, kelurahan: str | None, demo: bool = False
) -> Any:
    """First start with a server: settings (and demo) in place, then the open context the sync
    service enrols through; the caller closes it."""
    from kampung_desktop.services.app import AppContext

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    ctx = AppContext.open(data_dir)
    apply_choices(ctx, language, kelurahan or "")
    ctx.set_setting(SYNC_DECIDED_SETTING, "1")
    if demo:
        add_demo(ctx)
    laptop_config.save(data_dir=data_dir, language=language)
    return ctx
