"""Local user rows: the accounts records name as their author, and their display names."""

from __future__ import annotations

from sqlmodel import Session, select

from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.models import User


def user(session: Session, user_id: str) -> User | None:
    return session.get(User, user_id)


def by_username(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def names(conn: RawConnection) -> list[tuple[str, str]]:
    """(id, full name, or the username where there is none) of every account."""
    return conn.execute("SELECT id, coalesce(full_name, username) FROM users").fetchall()
