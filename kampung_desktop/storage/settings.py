"""Settings rows (key → text) read and written inside the caller's ORM transaction; a plain
connection reads them with `storage.peek.setting`."""

from __future__ import annotations

from sqlmodel import Session

from kampung_desktop.storage.models import Setting


def get(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def put(session: Session, key: str, value: str) -> None:
    """Set `key` to `value`, creating the row when there is none."""
    row = session.get(Setting, key) or Setting(key=key, value=value)
    row.value = value
    session.add(row)
