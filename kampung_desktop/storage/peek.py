"""Settings read on an open connection, or before the database stack loads (read-only, no
side effects).

The window needs the saved UI language for its first paint, ≈300 ms before SQLModel is
imported. The file is opened read-only and only when it starts like SQLite, so a damaged or
missing file is neither touched nor created; any problem reads as "not set".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kampung_desktop.storage import connection
from kampung_desktop.storage.engine import database_path


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    """A setting on an open connection (plain or SQLCipher); None when it is unset."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def peek_setting(data_dir: Path, key: str) -> str | None:
    """The setting's value, or None when it is unset or the file cannot be read as it is."""
    path = database_path(Path(data_dir))
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != connection.SQLITE_MAGIC:
                return None  # damaged, or encrypted (the key is not known before sign-in)
        conn = connection.connect(path, readonly=True, timeout=0.05, remembered=False)
        try:
            return setting(conn, key)
        finally:
            conn.close()
    except (OSError, *connection.ERROR):
        return None
