"""Reading and writing the generic `records` table in bulk, for pushes and server-originated data.

Server-side writers (registry import, form publish, wilayah) call::

    write_server_records(session, table, rows, *, actor) -> int

inside their own transaction (`db.transaction(engine)`): `rows` are record dicts in the
`protocol.*Data` shape of `table` (wilayah rows keyed by `kode`, form versions by
"{form_id}/{version}", everything else by `id`). Unchanged rows are skipped; changed or new rows
get the next revision (the replaced version goes to the history) and a seq in commit order. Returns how many were written.

Every writer goes through `RowSet`: load the current rows with one SELECT per table, change them
in memory, then `flush` writes them with one bulk INSERT and one bulk UPDATE, history included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from kampung_sync import protocol
from kampung_sync.server import db
from kampung_sync.server.audience import audience_for
from kampung_sync.server.tables import AuditEntry, Record, RecordHistory
from psycopg.types.json import Jsonb
from pydantic_core import to_json
from sqlalchemy import (
    JSON,
    String,
    Table,
    Text,
    any_,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

CHUNK = 900  # bound parameters per IN list (SQLite's classic limit is 999)
ONE_OF_CHUNK = 20_000  # values per `one_of` (a single parameter: a JSON text or an array)
# Where a record's kelurahan comes from when it has none of its own.
PARENTS: dict[str, tuple[str, str]] = {
    "members": ("households", "household_id"),
    "assessment_answers": ("assessments", "assessment_id"),
    "certificates": ("award_decisions", "decision_id"),
}
BOOKKEEPING = {"revision", "updated_at"}

Key = tuple[str, str]
_COLUMNS = Record.__table__.c
# What `RowSet.load` reads besides the data (which it reads as text: see `Row`).
LOADED = (
    _COLUMNS.record_id,
    _COLUMNS.revision,
    _COLUMNS.deleted,
    _COLUMNS.kelurahan_kode,
    _COLUMNS.audience,
    _COLUMNS.owner_user_id,
    _COLUMNS.device_id,
    _COLUMNS.seq,
)


def one_of(session: Session, column: Any, values: list[str]) -> Any:
    """`column IN values` with ONE parameter, so the statement is compiled once and cached:
    `= ANY(array)` on PostgreSQL, `IN (SELECT value FROM json_each(?))` on SQLite (an expanding
    IN list is rendered anew on every call, which cost more than the query)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    listed = func.json_each(bindparam(None, json_text(list(values)), type_=String))
    return column.in_(select(literal_column("value")).select_from(listed))


class JsonText(str):
    """A value of a JSON column that is already JSON text (e.g. from `model_dump_json`)."""


def json_text(value: Any) -> str:
    """JSON text of `value`, as `json.dumps` reads back, made in Rust (3-4x faster)."""
    if isinstance(value, JsonText):
        return value
    return to_json(value, inf_nan_mode="constants").decode()


def record_key(table: str, data: dict[str, Any]) -> str:
    """The record id of a record dict of `table`."""
    if table == "wilayah":
        return str(data["kode"])
    if table == "form_versions":
        return f"{data['form_id']}/{data['version']}"
    if table == "assessment_answers":
        return f"{data['assessment_id']}/{data['field']}"
    return str(data["id"])


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal apart from bookkeeping (revision, updated_at): a resend of the same content."""
    keys = (set(a) | set(b)) - BOOKKEEPING
    return all(a.get(k) == b.get(k) for k in keys)


class Row:
    """One record's current state in memory during a write transaction.

    A row read from the database keeps its data as JSON text until something looks at it:
    most rows a push loads are parents (a member's household) needed only for their
    existence and kelurahan, and parsing their JSON was a tenth of deciding a batch.
    """

    __slots__ = (
        "table",
        "record_id",
        "revision",
        "_data",
        "_text",
        "deleted",
        "kelurahan_kode",
        "audience",
        "owner_user_id",
        "device_id",
        "seq",
        "exists",
        "history",
        "key",
    )

    def __init__(
        self,
        table: str,
        record_id: str,
        revision: int,
        data: dict[str, Any] | None = None,
        *,
        text: str | None = None,
        deleted: bool = False,
        kelurahan_kode: str | None = None,
        audience: str = "all",
        owner_user_id: str | None = None,
        device_id: str | None = None,
        seq: int | None = None,
        exists: bool = False,  # already in the database (UPDATE) or new (INSERT)
    ) -> None:
        self.table = table
        self.record_id = record_id
        self.revision = revision
        self._data = data if data is not None or text is not None else {}
        self._text = text
        self.deleted = deleted
        self.kelurahan_kode = kelurahan_kode
        self.audience = audience
        self.owner_user_id = owner_user_id
        self.device_id = device_id
        self.seq = seq
        self.exists = exists
        self.history: list[tuple[int, dict[str, Any]]] = []
        self.key: Key = (table, record_id)

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._text or "{}")
            self._text = None
        return self._data

    @data.setter
    def data(self, value: dict[str, Any]) -> None:
        self._data, self._text = value, None

    def __repr__(self) -> str:  # ids and bookkeeping only: data may hold personal data
        return f"Row({self.table!r}, {self.record_id!r}, revision={self.revision})"


class RowSet:
    """Current rows loaded in bulk, changed in memory, written back in bulk by `flush`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[Key, Row] = {}
        self.missing: set[Key] = set()
        # In order of first change (parents before children); a dict, not a list, so a
        # 100,000-row registry import does not test membership in a list per row.
        self.dirty: dict[Key, None] = {}

    def load(self, keys: Iterable[Key]) -> None:
        """Fetch the rows not already known, one SELECT per table (and 20,000 ids)."""
        wanted: dict[str, list[str]] = {}
        for key in set(keys):
            if key not in self.rows and key not in self.missing:
                wanted.setdefault(key[0], []).append(key[1])
        columns = Record.__table__.c
        for table, ids in wanted.items():
            for start in range(0, len(ids), ONE_OF_CHUNK):
                chunk = ids[start : start + ONE_OF_CHUNK]
                found = self.session.execute(
                    select(*LOADED, cast(columns.data, Text)).where(
                        columns.table_name == table, one_of(self.session, columns.record_id, chunk)
                    )
                )
                got: set[str] = set()
                for record_id, revision, deleted, kode, audience, owner, device, seq, text in found:
                    got.add(record_id)
                    self.rows[(table, record_id)] = Row(
                        table,
                        record_id,
                        revision,
                        text=text,
                        deleted=deleted,
                        kelurahan_kode=kode,
                        audience=audience,
                        owner_user_id=owner,
                        device_id=device,
                        seq=seq,
                        exists=True,
                    )
                self.missing.update((table, rid) for rid in chunk if rid not in got)

    def get(self, key: Key) -> Row | None:
        return self.rows.get(key)

    def put(self, row: Row, revision: int, data: dict[str, Any]) -> None:
        """Record a new revision of `row`; the version it replaces goes to the history.

        `record_history` holds every earlier revision (the current one is the row itself), so
        a stale edit is merged against its base and a batch of new records writes no history.
        """
        if row.revision and row.revision != revision:
            row.history.append((row.revision, row.data))
        row.revision = revision
        row.data = data
        self.rows[row.key] = row
        self.missing.discard(row.key)
        self.dirty.setdefault(row.key)

    def flush(self, last_seq: int, now: str) -> dict[Key, int]:
        """Write every changed row with seqs after `last_seq`; returns the seq of each key.

        The caller must hold the sequence lock (`db.lock_sequence`) since before it read the
        rows (or have checked under it that they did not change since, as a push does:
        `unchanged.still_valid`), and commits right after, so seqs follow commit order.
        """
        seqs: dict[Key, int] = {}
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        history: list[tuple[Any, ...]] = []
        for offset, key in enumerate(self.dirty, start=1):
            row = self.rows[key]
            row.seq = last_seq + offset
            seqs[key] = row.seq
            if row.exists:
                updates.append(
                    {
                        "k_table": row.table,
                        "k_id": row.record_id,
                        **dict(zip(RECORD_VALUES, _record_values(row, now), strict=True)),
                    }
                )
            else:
                inserts.append((row.table, row.record_id, *_record_values(row, now)))
                row.exists = True
            history.extend(
                (row.table, row.record_id, revision, data, row.device_id, now)
                for revision, data in row.history
            )
            row.history = []
        records = Record.__table__
        insert_tuples(self.session, records, ("table_name", "record_id", *RECORD_VALUES), inserts)
        if updates:
            # Parameter names matching columns become the SET clause (one executemany).
            self.session.execute(
                update(records).where(
                    records.c.table_name == bindparam("k_table"),
                    records.c.record_id == bindparam("k_id"),
                ),
                updates,
            )
        insert_tuples(self.session, RecordHistory.__table__, HISTORY_COLUMNS, history)
        db.advance_sequence(self.session, last_seq, len(self.dirty))
        self.dirty = {}
        return seqs


RECORD_VALUES = (
    "revision",
    "seq",
    "kelurahan_kode",
    "audience",
    "owner_user_id",
    "deleted",
    "data",
    "updated_at",
    "device_id",
)
HISTORY_COLUMNS = ("table_name", "record_id", "revision", "data", "device_id", "created_at")


def _record_values(row: Row, now: str) -> tuple[Any, ...]:
    """A row's values in the order of RECORD_VALUES."""
    return (
        row.revision,
        row.seq,
        row.kelurahan_kode,
        row.audience,
        row.owner_user_id,
        row.deleted,
        row.data,
        now,
        row.device_id,
    )


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows given as dicts with the same keys (see `insert_tuples`)."""
    if rows:
        columns = tuple(rows[0])
        insert_tuples(session, table, columns, [tuple(row[c] for c in columns) for row in rows])


def insert_tuples(
    session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """INSERT many rows in one go: COPY on PostgreSQL (one stream instead of a statement per
    row), executemany on SQLite (a loop in C). Same transaction as everything else. Values of
    JSON columns are Python values or `JsonText`."""
    if not rows:
        return
    connection = session.connection()
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    at = [i for i, c in enumerate(columns) if c in json_columns]
    names = ", ".join(f'"{name}"' for name in columns)
    if connection.dialect.name != "postgresql":
        # Straight to sqlite3's executemany: SQLAlchemy's per-row parameter processing costs
        # more than the insert. JSON is stored as JSON text, as the JSON type reads it.
        if at:
            rows = [_with_json_text(row, at) for row in rows]
        marks = ", ".join("?" for _ in columns)
        connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', rows)
        return
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            if at:
                row = list(row)
                for i in at:
                    row[i] = Jsonb(row[i], dumps=json_text)
            copy.write_row(row)


def _with_json_text(row: tuple[Any, ...], at: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for i in at:
        values[i] = json_text(values[i])
    return tuple(values)


def kelurahan_of(rows: RowSet, table: str, data: dict[str, Any]) -> str | None:
    """The kelurahan a record belongs to: its own code, or its parent's (already loaded)."""
    if table in ("wilayah", "form_versions"):
        return None
    if table in PARENTS:
        parent_table, column = PARENTS[table]
        parent = rows.get((parent_table, str(data.get(column))))
        return parent.kelurahan_kode if parent else None
    code = data.get("kelurahan_kode")
    return str(code) if code else None


def write_server_records(
    session: Session, table: str, rows: list[dict[str, Any]], *, actor: str
) -> int:
    """Publish server-originated records (registry import, forms, wilayah); see module doc.

    `actor` (a user id or a tool name such as "cli") goes to the audit log. Members must come
    with or after their household (same call or an earlier one).
    """
    if table not in protocol.PULL_TABLES:
        raise ValueError(f"unknown table {table!r}")
    now = protocol_now()
    last = db.lock_sequence(session)
    rowset = RowSet(session)
    keys = [(table, record_key(table, data)) for data in rows]
    rowset.load(keys)
    if table in PARENTS:
        parent_table, column = PARENTS[table]
        rowset.load((parent_table, str(data.get(column))) for data in rows)
    written = 0
    for (_, record_id), data in zip(keys, rows, strict=True):
        current = rowset.get((table, record_id))
        if current is not None and not current.deleted and same_content(current.data, data):
            continue
        revision = (current.revision if current else 0) + 1
        stored = dict(data)
        if "revision" in protocol.RECORD_MODELS.get(table, protocol.WilayahData).model_fields:
            stored["revision"] = revision
        row = current or Row(table=table, record_id=record_id, revision=0, data={})
        row.deleted = bool(stored.get("deleted", False))
        row.kelurahan_kode = kelurahan_of(rowset, table, stored)
        row.audience = audience_for(rowset, table, stored, current.audience if current else None)
        row.device_id = None
        rowset.put(row, revision, stored)
        written += 1
    rowset.flush(last, now)
    if written:
        session.execute(
            insert(AuditEntry.__table__),
            [
                {
                    "at": now,
                    "user_id": actor,
                    "device_id": None,
                    "action": "server_write",
                    "detail": {"table": table, "written": written},
                }
            ],
        )
    return written


def protocol_now() -> str:
    """UTC now as ISO-8601 text (the form every timestamp on the server takes)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
