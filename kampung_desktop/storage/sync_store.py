"""SQL of the sync bookkeeping: the device row, pending ops, receipts, cursor, sync log.

All functions take a plain sqlite3 connection (autocommit mode, see engine._configure); the
ones that write several rows open their own BEGIN IMMEDIATE so a receipt and the outbox row it
settles are stored together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage.connection import row_factory

# Rejections that depend on what has reached the server so far (the server does not store
# them): the op stays pending and goes again next session, after its parent, form or area.
TRANSIENT_CODES = frozenset({"parent_missing", "unknown_form", "unknown_wilayah"})
PRUNED = "{}"  # what remains of a receipted payload: the record (and its NIKs) left the outbox
MAIN_SCOPE = "main"


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# -- device and enrolment ------------------------------------------------------------------
def device(conn: sqlite3.Connection) -> dict[str, Any]:
    conn.row_factory = row_factory(conn)  # sqlite3.Row or SQLCipher's, as the connection
    try:
        row = conn.execute("SELECT * FROM sync_device WHERE id = 1").fetchone()
    finally:
        conn.row_factory = None
    return dict(row)


def save_enrolment(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    columns = ("server_url", "username", "user_id", "role", "scope", "device_code", "limits")
    with transaction(conn):
        conn.execute(
            "UPDATE sync_device SET "
            + ", ".join(f"{c} = ?" for c in columns)
            + ", enrolled_at = ?, revoked_at = NULL WHERE id = 1",
            [values.get(c) for c in columns] + [utc_now_iso()],
        )


def clear_enrolment(conn: sqlite3.Connection) -> None:
    """Forget server and account; data, outbox and receipts stay."""
    conn.execute(
        "UPDATE sync_device SET server_url = NULL, username = NULL, role = NULL, "
        "enrolled_at = NULL, revoked_at = NULL, limits = NULL WHERE id = 1"
    )


def set_device_field(conn: sqlite3.Connection, column: str, value: str | None) -> None:
    assert column in {"revoked_at", "last_attempt_at", "last_success_at", "limits"}
    conn.execute(f"UPDATE sync_device SET {column} = ? WHERE id = 1", (value,))


def adopt_server_account(
    conn: sqlite3.Connection, user_id: str, username: str, full_name: str, role: str
) -> str | None:
    """Store the enrolled account as a local user and attribute the placeholder's records to it.

    Returns the placeholder's id when one was replaced. One transaction.
    """
    with transaction(conn):
        row = conn.execute("SELECT value FROM settings WHERE key = 'current_user'").fetchone()
        old = row[0] if row else None
        now = utc_now_iso()
        conn.execute(
            "INSERT INTO users (id, username, full_name, role, active, origin, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, 1, 'server', ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "username = excluded.username, full_name = excluded.full_name, role = excluded.role",
            (user_id, f"{username}", full_name, role, now, now),
        )
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('current_user', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (user_id,),
        )
        placeholder = conn.execute(
            "SELECT 1 FROM users WHERE id = ? AND origin = 'local'", (old,)
        ).fetchone()
        if old and old != user_id and placeholder:
            for table, column in (
                ("assessments", "created_by"),
                ("award_decisions", "decided_by"),
                ("award_decisions", "revoked_by"),
            ):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (user_id, old))
            for key in ("created_by", "decided_by", "revoked_by"):
                conn.execute(
                    f"UPDATE outbox SET payload = json_set(payload, '$.{key}', ?) "
                    f"WHERE status = 'pending' AND json_extract(payload, '$.{key}') = ?",
                    (user_id, old),
                )
            return old
    return None


# -- pending ops -----------------------------------------------------------------------------
PENDING_COLUMNS = (
    "seq, op_id, entity, record_id, op, revision, base_revision, created_at, fields, payload"
)


def pending_ops(conn: sqlite3.Connection, after_seq: int, limit: int) -> list[tuple]:
    return conn.execute(
        f"SELECT {PENDING_COLUMNS} FROM outbox WHERE status = 'pending' AND seq > ? "
        "ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()


def pending_by_table(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT entity, count(*) FROM outbox WHERE status = 'pending' GROUP BY entity"
    ).fetchall()
    return {entity: n for entity, n in rows if n}


def store_receipts(
    conn: sqlite3.Connection, batch_id: str, session_id: str, receipts: Iterable[Any]
) -> None:
    """Store each receipt and settle its outbox row, all in one transaction.

    accepted/duplicate: sent. conflict: settled (the server keeps both versions and the office
    resolves from them). rejected: settled until the record is edited again (which queues a new
    op from the record itself). All four prune the payload: it held the whole record, NIKs
    included, and nothing reads it again. A transient rejection stays pending, payload and all.
    The server revision is remembered only where the laptop now holds exactly the server's
    version, so a merged or conflicting record is brought back by the next pull.
    """
    now = utc_now_iso()
    receipt_rows, outbox_rows, known = [], [], []
    for r in receipts:
        reason = r.reason
        receipt_rows.append(
            (
                r.op_id, batch_id, session_id, r.table, r.record_id, r.status, r.revision,
                r.server_seq, r.code, reason.id if reason else None, reason.en if reason else None,
                json.dumps(r.conflict_fields), json.dumps(r.merged_fields), int(r.replay), now,
            )
        )  # fmt: skip
        sent = r.status in ("accepted", "duplicate")
        status = "pending" if is_transient(r) else r.status
        outbox_rows.append(
            (
                status,
                now if sent else None,
                r.model_dump_json(),
                None if status == "pending" else now,
                r.op_id,
            )  # fmt: skip
        )
        exact = r.status == "duplicate" or (r.status == "accepted" and not r.merged_fields)
        if exact and r.revision:
            known.append((r.table, r.record_id, r.revision, r.server_seq))
    with transaction(conn):
        conn.executemany(
            "INSERT INTO sync_receipts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(op_id) DO UPDATE SET status = excluded.status, "
            "revision = excluded.revision, replay = excluded.replay, "
            "received_at = excluded.received_at",
            receipt_rows,
        )
        conn.executemany(
            "UPDATE outbox SET status = ?, sent_at = ?, receipt = ?, pruned_at = ?, "
            f"payload = CASE WHEN ?4 IS NOT NULL THEN '{PRUNED}' ELSE payload END, "
            "attempts = attempts + 1 WHERE op_id = ?5",
            outbox_rows,
        )
        remember_revisions(conn, known)


def is_transient(receipt: Any) -> bool:
    return receipt.status == "rejected" and receipt.code in TRANSIENT_CODES


def remember_revisions(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """(table, record_id, server_revision, server_seq): keep the highest revision seen."""
    conn.executemany(
        "INSERT INTO sync_records VALUES (?, ?, ?, ?) ON CONFLICT(tbl, record_id) DO UPDATE "
        "SET server_revision = max(server_revision, excluded.server_revision), "
        "server_seq = COALESCE(excluded.server_seq, server_seq)",
        rows,
    )


def knows_revisions(conn: sqlite3.Connection) -> bool:
    """Does the laptop hold any server revision (a record pulled, or pushed and accepted)?"""
    return conn.execute("SELECT 1 FROM sync_records LIMIT 1").fetchone() is not None


def reject_locally(
    conn: sqlite3.Connection, op_id: str, code: str, reason_id: str, reason_en: str
) -> None:
    """A whole-batch refusal narrowed down to one op: settle it as rejected, with the reason."""
    receipt = {"op_id": op_id, "status": "rejected", "code": code}
    receipt["reason"] = {"id": reason_id, "en": reason_en}
    with transaction(conn):
        row = conn.execute("SELECT entity, record_id FROM outbox WHERE op_id = ?", (op_id,))
        entity, record_id = row.fetchone()
        conn.execute(
            "INSERT OR REPLACE INTO sync_receipts (op_id, batch_id, tbl, record_id, status, code, "
            "reason_id, reason_en, received_at) VALUES (?, '-', ?, ?, 'rejected', ?, ?, ?, ?)",
            (op_id, entity, record_id, code, reason_id, reason_en, utc_now_iso()),
        )
        conn.execute(
            f"UPDATE outbox SET status = 'rejected', receipt = ?, attempts = attempts + 1, "
            f"payload = '{PRUNED}', pruned_at = ? WHERE op_id = ?",
            (json.dumps(receipt), utc_now_iso(), op_id),
        )


def rejected_records(conn: sqlite3.Connection) -> list[tuple]:
    """Records whose newest op was rejected: (table, record_id, code, reason_id, reason_en, at)."""
    return conn.execute(
        "SELECT o.entity, o.record_id, r.code, r.reason_id, r.reason_en, r.received_at "
        "FROM outbox o JOIN sync_receipts r ON r.op_id = o.op_id "
        "WHERE o.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM outbox n WHERE "
        "n.entity = o.entity AND n.record_id = o.record_id AND n.seq > o.seq "
        "AND n.status <> 'local') ORDER BY r.received_at DESC LIMIT 500"
    ).fetchall()


def prune_settled(conn: sqlite3.Connection) -> int:
    """Payloads of receipted rows whose pruning a crash interrupted (start-up invariant)."""
    cur = conn.execute(
        f"UPDATE outbox SET payload = '{PRUNED}', pruned_at = ? WHERE status IN "
        f"('accepted', 'duplicate', 'conflict', 'rejected') AND payload <> '{PRUNED}'",
        (utc_now_iso(),),
    )
    return cur.rowcount


# -- cursor ------------------------------------------------------------------------------------
def cursor(conn: sqlite3.Connection, scope: str = MAIN_SCOPE) -> int:
    row = conn.execute("SELECT cursor FROM sync_state WHERE scope = ?", (scope,)).fetchone()
    return int(row[0]) if row else 0


def set_cursor(conn: sqlite3.Connection, value: int, scope: str = MAIN_SCOPE) -> None:
    """Call inside the transaction that applied the page."""
    conn.execute(
        "INSERT INTO sync_state VALUES (?, ?, ?) ON CONFLICT(scope) DO UPDATE SET "
        "cursor = excluded.cursor, updated_at = excluded.updated_at",
        (scope, value, utc_now_iso()),
    )
