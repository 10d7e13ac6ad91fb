"""Bulk upsert of registry households and members, with their outbox and audit entries.

Used by the local registry import: one BEGIN IMMEDIATE for the whole file (all or nothing),
the rows written in batches through sqlite-utils (inside that transaction: it nests its writes
as savepoints), outbox and audit entries per record, and the search index refreshed for the
touched households. Records keep
their stable ids (derived from No. KK and NIK), so importing a file twice updates, never copies.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import sqlite_utils

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage import audit as chain
from kampung_desktop.storage import search, sync_store

HOUSEHOLD_COLUMNS = ("kelurahan_kode", "rw", "rt", "address", "no_kk", "head_name", "member_count")
MEMBER_COLUMNS = ("household_id", "nik", "name", "sex", "birth_date", "relationship", "position")


def base_revision(conn: sqlite3.Connection, entity: str, record_id: str) -> int:
    """Raw-connection twin of `changes.base_revision` (same rule)."""
    queued = conn.execute(
        "SELECT revision FROM outbox WHERE entity = ? AND record_id = ? "
        "AND status IN ('pending', 'accepted', 'duplicate') ORDER BY seq DESC LIMIT 1",
        (entity, record_id),
    ).fetchone()
    known = conn.execute(
        "SELECT server_revision FROM sync_records WHERE tbl = ? AND record_id = ?",
        (entity, record_id),
    ).fetchone()
    if known is not None and (queued is None or known[0] >= queued[0]):
        return int(known[0])
    return int(queued[0]) if queued else 0


def upsert(
    conn: sqlite3.Connection,
    households: list[dict],
    members: list[dict],
    user_id: str | None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, tuple[int, int]]:
    """Write households and members; returns table -> (inserted, updated) record counts."""
    counts: dict[str, tuple[int, int]] = {}
    now = utc_now_iso()
    with sync_store.transaction(conn):
        for table, rows, columns in (
            ("households", households, HOUSEHOLD_COLUMNS),
            ("members", members, MEMBER_COLUMNS),
        ):
            outbox, audit, writes = [], [], []
            inserted = updated = 0
            existing = _existing(conn, table, columns, [r["id"] for r in rows])
            for done, row in enumerate(rows, 1):
                current = existing.get(row["id"])
                if current is not None and list(current[2:]) == [row[c] for c in columns]:
                    continue  # unchanged: nothing to queue
                op = "insert" if current is None else "update"
                revision = 1 if current is None else current[0] + 1
                created = now if current is None else current[1]  # an update keeps it
                writes.append(
                    {**row, "revision": revision, "created_at": created, "updated_at": now}
                )
                fields = sorted(row) if current is None else [
                    c for i, c in enumerate(columns) if current[2 + i] != row[c]
                ]  # fmt: skip
                base = 0 if current is None else base_revision(conn, table, row["id"])
                outbox.append(
                    (table, row["id"], revision, op, base, json.dumps(fields), now, row["id"])
                )
                audit.append(
                    chain.Pending(f"registry_{op}", table, row["id"], json.dumps(fields), user_id)
                )
                inserted += current is None
                updated += current is not None
                if progress and done % 500 == 0:
                    progress(done, len(rows))
            _write(conn, table, writes, columns)
            conn.executemany(
                "INSERT INTO outbox (entity, record_id, revision, op, base_revision, fields, "
                "created_at, payload) SELECT ?, ?, ?, ?, ?, ?, ?, json_object("
                + _json_pairs(table)
                + f") FROM {table} WHERE id = ?8",
                [(*o[:7], o[7]) for o in outbox],
            )
            chain.append_many(conn, audit)
            counts[table] = (inserted, updated)
        ids = {(h["id"],) for h in households} | {(m["household_id"],) for m in members}
        delete_sql, insert_sql = (s.replace(":id", "?") for s in search.REFRESH_ONE)
        conn.executemany(delete_sql, list(ids))
        conn.executemany(insert_sql, list(ids))
    return counts


def _existing(conn: sqlite3.Connection, table: str, columns: tuple, ids: list[str]) -> dict:
    """id -> (revision, created_at, *columns) of the rows that already exist, 500 ids a query."""
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(
            f"SELECT id, revision, created_at, {', '.join(columns)} FROM {table} "
            f"WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            found[row[0]] = row[1:]
    return found


def _write(conn: sqlite3.Connection, table: str, rows: list[dict], columns: tuple) -> None:
    """Insert new rows and update changed ones in batches (sqlite-utils' upsert).

    Every NOT NULL column is given, `created_at` too (an update passes the stored one):
    SQLite checks NOT NULL on an upsert's INSERT before it looks for the conflict, so an
    update without it fails. The caller's transaction is open, so sqlite-utils' writes nest
    in it as savepoints it releases itself. No plugins: they would be looked up (and
    imported) on the import's worker thread, and none is wanted here.
    """
    if not rows:
        return
    names = ("id", *columns, "revision", "created_at", "updated_at")
    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    db.table(table).upsert_all(({n: r[n] for n in names} for r in rows), pk="id", batch_size=500)
    if not conn.in_transaction:  # the file must stay all or nothing
        raise RuntimeError("sqlite-utils ended the import's transaction")


_PAYLOAD_COLUMNS = {
    "households": ("id", "created_at", "updated_at", "revision", "is_demo", "kelurahan_kode",
                   "rw", "rt", "address", "no_kk", "head_name", "member_count", "status",
                   "latitude", "longitude", "deleted"),
    "members": ("id", "created_at", "updated_at", "revision", "is_demo", "household_id", "nik",
                "name", "sex", "birth_place", "birth_date", "relationship", "marital_status",
                "education", "occupation", "position", "deleted"),
}  # fmt: skip
_BOOLEAN = {"is_demo", "deleted"}


def _json_pairs(table: str) -> str:
    """json_object arguments rebuilding the record as the models dump it (booleans as JSON)."""
    parts = []
    for column in _PAYLOAD_COLUMNS[table]:
        value = (
            f"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)"
            if column in _BOOLEAN
            else column
        )
        parts.append(f"'{column}', {value}")
    return ", ".join(parts)
