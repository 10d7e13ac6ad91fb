"""Start-up of the local side: open the database, load reference data, know the current user.

Views and commands get one `AppContext`; nothing else opens the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from kampung_desktop.services import wilayah
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Setting, User

log = logging.getLogger(__name__)

DEMO_SETTING = "demo_loaded"
USER_SETTING = "current_user"
LANGUAGE_SETTING = "language"


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    user_id: str

    @classmethod
    def open(cls, data_dir: Path) -> AppContext:
        db = Database.open(data_dir)
        added = wilayah.seed_reference(db)
        if added:
            log.info("loaded %d reference area codes", added)
        return cls(Path(data_dir), db, ensure_local_user(db))

    def setting(self, key: str, default: str | None = None) -> str | None:
        return get_setting(self.db, key, default)

    def set_setting(self, key: str, value: str) -> None:
        set_setting(self.db, key, value)

    def demo_loaded(self) -> bool:
        return self.setting(DEMO_SETTING) == "1"

    def close(self) -> None:
        self.db.close()


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    with db.read() as session:
        row = session.get(Setting, key)
        return row.value if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        row = session.get(Setting, key) or Setting(key=key, value=value)
        row.value = value
        session.add(row)


def ensure_local_user(db: Database) -> str:
    """The laptop's enumerator account (created on first start; real login comes with sync)."""
    current = get_setting(db, USER_SETTING)
    if current:
        return current
    with db.write() as session:
        user = session.exec(select(User).where(User.username == "petugas")).first()
        if user is None:
            user = User(username="petugas", full_name="Petugas Pendata", role="petugas")
            session.add(user)
            session.flush()
        session.add(Setting(key=USER_SETTING, value=user.id))
        return user.id
