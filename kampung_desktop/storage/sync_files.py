"""SQL of attachment files on the laptop: hashes by path, and where the download list stopped.

`sync_attachments` remembers each file's sha256 by its path under the data dir (hashed once),
and whether the server holds it (`uploaded_at`): a downloaded file is marked held, so it is
never uploaded back.
"""

from __future__ import annotations

import sqlite3

from kampung_desktop.core.ids import utc_now_iso

CURSOR_KEY = "sync_attachment_cursor"


def known_hash(conn: sqlite3.Connection, rel_path: str, size: int) -> str | None:
    """The remembered sha256 of the file at `rel_path` if its size is unchanged."""
    row = conn.execute(
        "SELECT sha256 FROM sync_attachments WHERE path = ? AND size = ?", (rel_path, size)
    ).fetchone()
    return row[0] if row else None


def remember(conn: sqlite3.Connection, sha256: str, rel_path: str, size: int, held: bool) -> None:
    """Record a file's hash; `held`: the server has it (downloaded from there)."""
    conn.execute(
        "INSERT INTO sync_attachments (sha256, path, size, uploaded_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size, "
        "uploaded_at = COALESCE(sync_attachments.uploaded_at, excluded.uploaded_at)",
        (sha256, rel_path, size, utc_now_iso() if held else None),
    )


def cursor(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CURSOR_KEY,)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def set_cursor(conn: sqlite3.Connection, value: int) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (CURSOR_KEY, str(value)),
    )


def answer_assessments(conn: sqlite3.Connection, assessment_ids: list[str]) -> set[str]:
    """Which of these assessments are on this laptop (files are kept only for those)."""
    found: set[str] = set()
    for start in range(0, len(assessment_ids), 500):
        part = assessment_ids[start : start + 500]
        found |= {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM assessments WHERE id IN ({','.join('?' * len(part))})", part
            )
        }
    return found
