"""Migration 6: what sync needs in the local database, keeping every existing row.

- a device id (one row in `sync_device`, with the enrolment once there is one);
- per outbox entry: a stable `op_id` (a retried upload is recognised), the `base_revision` it
  was edited from, the fields it changed, and a `status` (pending until a receipt says
  otherwise; `local` for what never leaves the laptop: demo records and server-owned tables);
- `sync_records`: the server revision (and feed sequence) of every record the server knows;
- receipts, the pull cursor, a sync log, conflicts flagged by the server;
- wilayah keyed by its Kemendagri code, so the same area has the same id on every laptop;
- users get an `origin`: the per-install placeholder `petugas` is `local`, accounts from the
  server are `server` (users are never pushed).
"""

from __future__ import annotations

import json
import sqlite3
import uuid

from kampung_desktop.storage.sql_script import statements

PUSH_ENTITIES = (
    "households",
    "members",
    "assessments",
    "assessment_answers",
    "award_decisions",
    "certificates",
)

NEW_OP_ID = "lower(hex(randomblob(16)))"

V6_SCHEMA = f"""
ALTER TABLE outbox ADD COLUMN op_id TEXT;
ALTER TABLE outbox ADD COLUMN base_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN fields TEXT NOT NULL DEFAULT '[]';
ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN pruned_at TEXT;
UPDATE outbox SET op_id = {NEW_OP_ID} WHERE op_id IS NULL;
CREATE UNIQUE INDEX ux_outbox_op ON outbox(op_id);
CREATE INDEX ix_outbox_status ON outbox(status, seq);
CREATE INDEX ix_outbox_record ON outbox(entity, record_id, seq);
-- Bulk writers (executemany) may leave op_id out: it is filled in the same statement.
CREATE TRIGGER outbox_op_id AFTER INSERT ON outbox WHEN NEW.op_id IS NULL
BEGIN
    UPDATE outbox SET op_id = {NEW_OP_ID} WHERE seq = NEW.seq;
END;

ALTER TABLE users ADD COLUMN origin TEXT NOT NULL DEFAULT 'local';

CREATE TABLE sync_device (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    server_url TEXT,
    username TEXT,
    user_id TEXT,
    role TEXT,
    scope TEXT NOT NULL DEFAULT '[]',
    device_code TEXT,
    enrolled_at TEXT,
    revoked_at TEXT,
    last_attempt_at TEXT,
    last_success_at TEXT,
    limits TEXT
);

CREATE TABLE sync_records (
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    server_revision INTEGER NOT NULL,
    server_seq INTEGER,
    PRIMARY KEY (tbl, record_id)
) WITHOUT ROWID;

CREATE TABLE sync_receipts (
    op_id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL,
    session_id TEXT,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('accepted', 'duplicate', 'conflict', 'rejected')),
    revision INTEGER,
    server_seq INTEGER,
    code TEXT,
    reason_id TEXT,
    reason_en TEXT,
    conflict_fields TEXT NOT NULL DEFAULT '[]',
    merged_fields TEXT NOT NULL DEFAULT '[]',
    replay INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL
);
CREATE INDEX ix_receipts_record ON sync_receipts(tbl, record_id);

CREATE TABLE sync_state (
    scope TEXT PRIMARY KEY,
    cursor INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE sync_sessions (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT
);
CREATE INDEX ix_sync_sessions_started ON sync_sessions(started_at);

CREATE TABLE sync_log_items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sync_sessions(id) ON DELETE CASCADE,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_sync_log_items_session ON sync_log_items(session_id);

CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kelurahan_kode TEXT,
    fields TEXT NOT NULL,
    server_version TEXT NOT NULL,
    other_version TEXT NOT NULL,
    other_device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT
);
CREATE INDEX ix_sync_conflicts_open ON sync_conflicts(resolved_at);

CREATE TABLE sync_attachments (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded_at TEXT
);

-- The Kemendagri code is the key of an area on every laptop and on the server.
UPDATE outbox SET record_id = (SELECT kode FROM wilayah WHERE wilayah.id = outbox.record_id),
                  payload = json_set(payload, '$.id',
                                     (SELECT kode FROM wilayah WHERE wilayah.id = outbox.record_id))
 WHERE entity = 'wilayah' AND record_id IN (SELECT id FROM wilayah);
UPDATE wilayah SET id = kode WHERE id <> kode;
CREATE TRIGGER wilayah_id_is_kode AFTER INSERT ON wilayah WHEN NEW.id <> NEW.kode
BEGIN
    UPDATE wilayah SET id = NEW.kode WHERE rowid = NEW.rowid;
END;
"""


def apply_v6(conn: sqlite3.Connection) -> None:
    for statement in statements(V6_SCHEMA):
        conn.execute(statement)
    conn.execute("INSERT INTO sync_device (id, device_id) VALUES (1, ?)", (str(uuid.uuid4()),))
    _classify_outbox(conn)


def _classify_outbox(conn: sqlite3.Connection) -> None:
    """Existing entries: demo and server-owned rows stay local; the rest chain their bases."""
    placeholders = ",".join("?" * len(PUSH_ENTITIES))
    conn.execute(
        f"UPDATE outbox SET status = 'local' WHERE entity NOT IN ({placeholders}) "
        "OR json_extract(payload, '$.is_demo') IN (1, 'true')",
        PUSH_ENTITIES,
    )
    conn.execute(
        "UPDATE outbox SET status = 'accepted' WHERE status = 'pending' AND sent_at IS NOT NULL"
    )
    last: dict[tuple[str, str], int] = {}
    updates = []
    for seq, entity, record_id, revision, op, payload in conn.execute(
        "SELECT seq, entity, record_id, revision, op, payload FROM outbox "
        "WHERE status = 'pending' ORDER BY seq"
    ):
        key = (entity, record_id)
        base = 0 if op == "insert" else last.get(key, 0)
        last[key] = revision
        fields = sorted(json.loads(payload)) if op == "insert" else []
        updates.append((base, json.dumps(fields), seq))
    conn.executemany("UPDATE outbox SET base_revision = ?, fields = ? WHERE seq = ?", updates)
