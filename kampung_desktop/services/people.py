"""Who did what, by name: the names shown for deciders and approvers.

A laptop that never enrolled has one local account named "Petugas Pendata" (a role, not a
person). A decision must name the person who took it, so the review window asks for the name
and stores it on that account; the role label is never shown as if it were a name.
"""

from __future__ import annotations

import logging

from kampung_desktop.storage import users
from kampung_desktop.storage.database import Database

log = logging.getLogger(__name__)

#: Names that are labels for a role, set when the local account was created.
PLACEHOLDER_NAMES = frozenset({"Petugas Pendata"})
MAX_NAME = 120


def user_names(db: Database) -> dict[str, str]:
    """User id → full name; "" for an account still carrying a role label."""
    with db.raw() as conn:
        rows = users.names(conn)
    return {uid: "" if name in PLACEHOLDER_NAMES else name for uid, name in rows}


def set_name(db: Database, user_id: str | None, name: str) -> None:
    """Give the account its person's name (what "Diputuskan oleh" then shows)."""
    name = " ".join((name or "").split())
    if not user_id or not name:
        raise ValueError("Nama wajib diisi / a name is required.")
    if len(name) > MAX_NAME or name in PLACEHOLDER_NAMES:
        raise ValueError(
            f"Tulis nama lengkap orangnya (paling banyak {MAX_NAME} huruf) / "
            f"write the person's full name (at most {MAX_NAME} characters)."
        )
    with db.write() as session:
        user = users.user(session, user_id)
        if user is None:
            raise ValueError("Akun tidak ditemukan / account not found.")
        user.full_name = name
        session.add(user)
    log.info("user %s named", user_id)  # never the name itself
