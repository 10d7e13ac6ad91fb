"""SQL of what sync shows people: the session log, conflicts, assessments returned for work."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from kampung_desktop.core.ids import utc_now_iso


def start_session(conn: sqlite3.Connection, session_id: str) -> None:
    conn.execute(
        "INSERT INTO sync_sessions (id, started_at) VALUES (?, ?)", (session_id, utc_now_iso())
    )


def end_session(conn: sqlite3.Connection, session_id: str, outcome: dict) -> None:
    conn.execute(
        "UPDATE sync_sessions SET ended_at = ?, outcome = ? WHERE id = ?",
        (utc_now_iso(), json.dumps(outcome), session_id),
    )


def add_items(conn: sqlite3.Connection, session_id: str, items: Iterable[tuple]) -> None:
    """(table, record_id, status, reason) per record worth showing (not every accepted op)."""
    conn.executemany(
        "INSERT INTO sync_log_items (session_id, tbl, record_id, status, reason) "
        "VALUES (?, ?, ?, ?, ?)",
        [(session_id, *item) for item in items],
    )


def sessions(conn: sqlite3.Connection, limit: int) -> list[tuple]:
    """Newest first: (id, started_at, ended_at, outcome json, [(table, id, status, reason)]).

    In the order the sessions began (rowid), not by `started_at`: that is the laptop's clock,
    which may have been hours wrong when a session ran and put right since."""
    rows = conn.execute(
        "SELECT id, started_at, ended_at, outcome FROM sync_sessions ORDER BY rowid DESC LIMIT ?",
        (limit,),
    ).fetchall()
    result = []
    for sid, started, ended, outcome in rows:
        items = conn.execute(
            "SELECT tbl, record_id, status, reason FROM sync_log_items WHERE session_id = ? "
            "ORDER BY seq LIMIT 1000",
            (sid,),
        ).fetchall()
        result.append((sid, started, ended, outcome, [tuple(i) for i in items]))
    return result


def last_success(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT last_success_at FROM sync_device WHERE id = 1").fetchone()
    return row[0] if row else None


# -- conflicts -------------------------------------------------------------------------------
def open_conflicts(conn: sqlite3.Connection) -> list[tuple]:
    """(id, table, record_id, fields json, server_version json, other_version json)."""
    return conn.execute(
        "SELECT id, tbl, record_id, fields, server_version, other_version FROM sync_conflicts "
        "WHERE resolved_at IS NULL ORDER BY created_at"
    ).fetchall()


def open_conflict_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[
        0
    ]


def mark_resolved(conn: sqlite3.Connection, conflict_id: str, resolution: dict) -> None:
    conn.execute(
        "UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
        (utc_now_iso(), json.dumps(resolution), conflict_id),
    )


# -- review loop -------------------------------------------------------------------------------
def returned_assessments(conn: sqlite3.Connection, user_id: str | None) -> list[tuple]:
    """Assessments the office returned for correction: (id, form_id, kel name, kel code, rw,
    rt, household head, note, updated_at). An enumerator sees their own and unassigned ones."""
    return conn.execute(
        "SELECT a.id, a.form_id, COALESCE(w.nama, a.kelurahan_kode), a.kelurahan_kode, a.rw, "
        "a.rt, h.head_name, COALESCE(a.review_note, ''), a.updated_at FROM assessments a "
        "LEFT JOIN wilayah w ON w.kode = a.kelurahan_kode "
        "LEFT JOIN households h ON h.id = a.household_id "
        "WHERE a.state = 'returned' AND a.deleted = 0 AND a.is_demo = 0 "
        "AND (? IS NULL OR a.created_by IS NULL OR a.created_by = ?) "
        "ORDER BY a.updated_at DESC",
        (user_id, user_id),
    ).fetchall()


_LABELS = {
    "households": "SELECT 'RW ' || printf('%03d', rw) || ' RT ' || printf('%03d', rt) || ', ' "
    "|| address FROM households WHERE id = ?",
    "members": "SELECT name FROM members WHERE id = ?",
    "assessments": "SELECT form_id || ' RW ' || COALESCE(printf('%03d', rw), '-') || ' RT ' "
    "|| COALESCE(printf('%03d', rt), '-') FROM assessments WHERE id = ?",
    "award_decisions": "SELECT program || ' ' || year || ' RW ' || printf('%03d', rw) || "
    "' RT ' || printf('%03d', rt) FROM award_decisions WHERE id = ?",
    "certificates": "SELECT number FROM certificates WHERE id = ?",
}


def record_label(conn: sqlite3.Connection, table: str, record_id: str) -> str | None:
    """What a person recognises a record by (for the screen, never for the log)."""
    sql = _LABELS.get(table)
    if sql is None:
        return None
    row = conn.execute(sql, (record_id,)).fetchone()
    return row[0] if row else None
