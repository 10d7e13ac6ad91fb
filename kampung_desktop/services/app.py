"""Start-up of the local side: open the database, load reference data, know the current user.

Views and commands get one `AppContext`; nothing else opens the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.services import wilayah
from kampung_desktop.services.access import SIGN_IN_FIRST, AccessSession, is_protected
from kampung_desktop.services.audit import AuditService
from kampung_desktop.storage import settings, users
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import User

log = logging.getLogger(__name__)

DEMO_SETTING = "demo_loaded"
USER_SETTING = "current_user"
LANGUAGE_SETTING = "language"


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    user_id: str
    access: AccessSession | None = None  # None: an unprotected legacy dir

    @classmethod
    def open(cls, data_dir: Path, access: AccessSession | None = None) -> AppContext:
        """Open a data dir: a protected one only with a session from `services.access`
        (its key opens the encrypted database); an unprotected one as before."""
        if access is None and is_protected(Path(data_dir)):
            raise SIGN_IN_FIRST.again()
        db = Database.open(data_dir, key=access.db_key if access else None)
        try:
            added = wilayah.seed_reference(db)
            if added:
                log.info("loaded %d reference area codes", added)
            user_id = ensure_principal_user(db, access) if access else ensure_local_user(db)
            if access is not None:  # the sign-in (and refused tries before it) in the audit log
                AuditService(db, user_id, access=access).signed_in()
        except BaseException:
            db.close()
            raise
        return cls(Path(data_dir), db, user_id, access)

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
        value = settings.get(session, key)
        return value if value is not None else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        settings.put(session, key, value)


def ensure_local_user(db: Database) -> str:
    """The laptop's enumerator account (created on first start; real login comes with sync)."""
    current = get_setting(db, USER_SETTING)
    if current:
        return current
    with db.write() as session:
        user = users.by_username(session, "petugas")
        if user is None:
            user = User(username="petugas", full_name="Petugas Pendata", role="petugas")
            session.add(user)
            session.flush()
        settings.put(session, USER_SETTING, user.id)
        return user.id


SERVER_ROLE_NAMES = {"enumerator": "petugas", "operator": "pemeriksa", "admin": "admin"}


def ensure_principal_user(db: Database, access: AccessSession) -> str:
    """The signed-in account's row in `users` (records name their author by its id)."""
    principal = access.principal
    with db.write() as session:
        if users.user(session, principal.user_id) is not None:
            return principal.user_id
        username = principal.username
        taken = users.by_username(session, username)
        if taken is not None:  # e.g. the legacy local "petugas" placeholder
            username = f"{username}#{principal.user_id[:8]}"
        session.add(
            User(
                id=principal.user_id,
                username=username,
                full_name=principal.full_name,
                role=SERVER_ROLE_NAMES[principal.role.value],
            )
        )
    return principal.user_id
