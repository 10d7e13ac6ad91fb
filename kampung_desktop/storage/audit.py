"""The tamper-evident audit log: one writer that chains every entry to the one before it.

Each entry carries `prev_hash` (the previous entry's hash) and `hash`, a SHA-256 over a
canonical serialisation of the entry including `prev_hash` and its `seq`. Entries are appended
inside the caller's write transaction (BEGIN IMMEDIATE serialises writers), so the chain follows
commit order. Editing, deleting, inserting or reordering an entry breaks a link that
`verify_chain` reports. Entries name records and fields only, never their values (no personal
data): who (user id and username), what (action, table, record id, field names), when, from
which device.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage.sql_script import statements

GENESIS = "0" * 64

# What an entry records. Record edits keep the operation names the log always used
# (insert/update/delete, registry_*, decide, revoke, decide_override).
VIEW = "view"
REVEAL = "reveal"
EXPORT = "export"
PRINT = "print"
SIGN_IN = "sign_in"
SIGN_IN_FAILED = "sign_in_failed"
BACKUP = "backup"
RESTORE = "restore"

COLUMNS = (
    "seq",
    "at",
    "user_id",
    "username",
    "device_id",
    "action",
    "entity",
    "record_id",
    "fields",
    "prev_hash",
)
_SELECT = f"SELECT {', '.join(COLUMNS)}, hash FROM audit_log"


@dataclass(frozen=True)
class Pending:
    """An entry to append; `fields` is a JSON text (field names, or a small structured note)."""

    action: str
    entity: str
    record_id: str
    fields: str = "[]"
    user_id: str | None = None
    username: str | None = None


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of `verify_chain`: how many entries, and the first broken link if any."""

    entries: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def entry_hash(row: Sequence[object]) -> str:
    """SHA-256 of the entry's values in COLUMNS order, as compact JSON (one spelling only)."""
    canonical = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def connection_of(target: Session | Any) -> Any:
    """The DB-API connection (sqlite3 or SQLCipher) behind a session, inside the session's
    (write) transaction; a connection passed in is returned as it is."""
    if isinstance(target, Session):
        return target.connection().connection.driver_connection
    return target


def append(
    target: Session | Any,
    action: str,
    entity: str,
    record_id: str,
    fields: Iterable[str] | str = (),
    *,
    user_id: str | None = None,
    username: str | None = None,
) -> int:
    """Append one entry in the caller's transaction; returns its seq."""
    text = fields if isinstance(fields, str) else json.dumps(list(fields), ensure_ascii=False)
    entry = Pending(action, entity, record_id, text, user_id, username)
    return append_many(connection_of(target), [entry])


def append_many(conn: Any, entries: Iterable[Pending]) -> int:
    """Append entries in order (bulk writers); the caller holds the write transaction.

    Returns the last seq written (0 when there was nothing to write).
    """
    last_seq, prev_hash, device_id = _head(conn)
    names: dict[str | None, str | None] = {}
    rows, at = [], utc_now_iso()
    for entry in entries:
        if entry.user_id not in names:
            names[entry.user_id] = entry.username or _username(conn, entry.user_id)
        last_seq += 1
        values = (
            last_seq,
            at,
            entry.user_id,
            entry.username or names[entry.user_id],
            device_id,
            entry.action,
            entry.entity,
            entry.record_id,
            entry.fields,
            prev_hash,
        )
        prev_hash = entry_hash(values)
        rows.append((*values, prev_hash))
    if rows:
        conn.executemany(
            f"INSERT INTO audit_log ({', '.join(COLUMNS)}, hash) "
            f"VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
            rows,
        )
    return last_seq if rows else 0


def _head(conn: Any) -> tuple[int, str, str | None]:
    """(last seq ever given, hash of the last entry, this laptop's device id)."""
    row = conn.execute(
        "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), "
        "COALESCE((SELECT max(seq) FROM audit_log), 0)), "
        "(SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), "
        "(SELECT device_id FROM sync_device WHERE id = 1)"
    ).fetchone()
    return int(row[0]), row[1] or GENESIS, row[2]


def _username(conn: Any, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    row = conn.execute("SELECT username FROM users WHERE id = ?", (user_id,)).fetchone()
    return row[0] if row else None


def verify_chain(conn: Any) -> ChainCheck:
    """Walk the log in seq order; the first entry whose link or content does not hold wins."""
    expected_prev, expected_seq, count = GENESIS, None, 0
    for row in conn.execute(f"{_SELECT} ORDER BY seq"):
        values, stored = row[:-1], row[-1]
        seq = int(values[0])
        if expected_seq is not None and seq != expected_seq:
            return ChainCheck(count, expected_seq, _MISSING.format(a=expected_seq, b=seq - 1))
        if values[-1] != expected_prev:
            return ChainCheck(count, seq, _BAD_LINK)
        if stored != entry_hash(values):
            return ChainCheck(count, seq, _EDITED)
        expected_prev, expected_seq, count = stored, seq + 1, count + 1
    given = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    last_given = int(given[0]) if given else 0
    if expected_seq is not None and last_given >= expected_seq:
        return ChainCheck(count, expected_seq, _MISSING.format(a=expected_seq, b=last_given))
    if expected_seq is None and last_given > 0:
        return ChainCheck(count, 1, _MISSING.format(a=1, b=last_given))
    return ChainCheck(count)


_MISSING = "entri #{a}..#{b} hilang (dihapus) / entries #{a}..#{b} are missing (deleted)"
_BAD_LINK = (
    "prev_hash tidak cocok dengan entri sebelumnya (entri sebelumnya dihapus, disisipkan atau "
    "dipindah) / prev_hash does not match the entry before (an entry was deleted, inserted or "
    "moved)"
)
_EDITED = "isi entri diubah (hash tidak cocok) / the entry was changed (hash mismatch)"


def chain_existing(conn: Any) -> int:
    """Migration 8: give every existing entry its device, username and place in the chain."""
    device = conn.execute("SELECT device_id FROM sync_device WHERE id = 1").fetchone()
    conn.execute(
        "UPDATE audit_log SET device_id = ?, "
        "username = (SELECT username FROM users WHERE users.id = audit_log.user_id)",
        (device[0] if device else None,),
    )
    prev, updates = GENESIS, []
    cols = ", ".join(COLUMNS[:-1])
    for row in conn.execute(f"SELECT {cols} FROM audit_log ORDER BY seq"):
        values = (*row, prev)
        prev = entry_hash(values)
        updates.append((values[-1], prev, row[0]))
    conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", updates)
    return len(updates)


V8_SCHEMA = """
ALTER TABLE audit_log ADD COLUMN device_id TEXT;
ALTER TABLE audit_log ADD COLUMN username TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX ix_audit_at ON audit_log(at);
"""


def apply_v8(conn: Any) -> None:
    for statement in statements(V8_SCHEMA):
        conn.execute(statement)
    chain_existing(conn)


# -- reading, for the admin view and its export ---------------------------------------------
@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    since: str | None = None  # UTC ISO, inclusive
    until: str | None = None  # UTC ISO, exclusive


def _where(flt: AuditFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    if flt.username:
        clauses.append("username = ?")
        params.append(flt.username)
    if flt.action:
        clauses.append("action = ?")
        params.append(flt.action)
    if flt.since:
        clauses.append("at >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("at < ?")
        params.append(flt.until)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def entries(conn: Any, flt: AuditFilter, limit: int | None = None) -> list[tuple]:
    """Entries matching the filter, newest first: COLUMNS then hash."""
    where, params = _where(flt)
    tail = f" LIMIT {int(limit)}" if limit else ""
    return conn.execute(f"{_SELECT}{where} ORDER BY seq DESC{tail}", params).fetchall()


def iter_entries(conn: Any, flt: AuditFilter) -> Iterator[tuple]:
    where, params = _where(flt)
    yield from conn.execute(f"{_SELECT}{where} ORDER BY seq", params)


def distinct(conn: Any, column: str) -> list[str]:
    """The usernames or actions present, for the view's filter choices."""
    if column not in ("username", "action"):
        raise ValueError(column)
    rows = conn.execute(
        f"SELECT DISTINCT {column} FROM audit_log WHERE {column} IS NOT NULL ORDER BY 1"
    )
    return [r[0] for r in rows]
