"""Apply one page of the server's change feed, and its cursor, in one local transaction.

A crash mid-page leaves neither the rows nor the cursor, so the next pull repeats the page. A
record with pending local ops is never overwritten (the server merges those ops when they
arrive and the merged record comes back in a later page); a change the laptop already holds
(its server revision is known and not older) is skipped. Rows are written with executemany,
grouped by table and column set, and foreign keys are checked by the server, not here: the
feed is ordered by the server's sequence, so a member may arrive before its household.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

from kampung_desktop.core.ids import new_id, utc_now_iso
from kampung_desktop.storage import pull_bulk, search, sync_clashes, sync_store

RECORD_TABLES = (
    "households",
    "members",
    "assessments",
    "assessment_answers",
    "award_decisions",
    "certificates",
)
_SOFT_DELETE = {"households", "members", "assessments"}


@dataclass
class PageResult:
    applied: int = 0
    skipped_pending: int = 0
    skipped_known: int = 0
    by_table: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    returned: list[str] = field(default_factory=list)  # assessments now returned for correction
    households: set[str] = field(default_factory=set)  # whose search document the page changed


class Incoming(Protocol):
    """One change as the apply reads it: the client's decoded change (or the protocol's
    `Change`) is applied as it is (a copy per record would cost more than writing it)."""

    @property
    def seq(self) -> int: ...
    @property
    def table(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def revision(self) -> int: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def data(self) -> dict[str, Any]: ...


def apply_page(
    conn: sqlite3.Connection,
    changes: Iterable[Incoming],
    next_cursor: int,
    *,
    known_before: bool = True,
    more_coming: bool = False,
    settled: Collection[str] = (),
) -> PageResult:
    """Page and cursor in one transaction. Committed without waiting for the disk (WAL,
    synchronous=NORMAL): a power cut can only lose whole pages together with their cursor,
    and the server sends those again; a commit never waits on fsync, a page is never half kept.

    `known_before=False`: the laptop held no server revisions when this pull started, so no
    lookup is needed (a record sent again later in the same pull comes with a higher
    revision). `more_coming`: more pages follow; into empty tables they are written without
    their secondary indexes until the pull ends (`pull_bulk`). `settled`: the households the
    previous page touched; those this page does not touch again are indexed for search now,
    while the next page is still on its way (the rest at the end, `pull_bulk.restore`).
    """
    changes = list(changes)
    result = PageResult()
    synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
    conn.execute("PRAGMA foreign_keys=OFF")  # see module docstring; must precede BEGIN
    conn.execute("PRAGMA synchronous=NORMAL")
    try:
        with sync_store.transaction(conn):
            if more_coming:
                pull_bulk.set_aside_if_empty(conn)
            _apply(conn, changes, result, known_before, settled)
            sync_store.set_cursor(conn, next_cursor)
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA synchronous={int(synchronous)}")
    return result


def _apply(
    conn: sqlite3.Connection,
    changes: list[Incoming],
    result: PageResult,
    known_before: bool,
    settled: Collection[str],
) -> None:
    rows: dict[str, list[Incoming]] = defaultdict(list)
    pending = _pending(conn)
    known = _known(conn, changes) if known_before else {}
    if pending or known:
        for change in changes:
            key = (change.table, change.record_id)
            if key in pending:
                result.skipped_pending += 1
            elif known.get(key, 0) >= change.revision:
                result.skipped_known += 1
            else:
                rows[change.table].append(change)
    else:  # a fresh laptop: every change applies
        for change in changes:
            rows[change.table].append(change)
    for table, items in rows.items():
        if table == "wilayah":
            _upsert(conn, "wilayah", [_wilayah_row(c) for c in items], "kode")
        elif table == "form_versions":
            _install_forms(conn, items)
        elif table == "conflicts":
            _store_conflicts(conn, items)
        elif table == "assessment_answers":
            gone = [c for c in items if c.deleted]
            conn.executemany(
                "DELETE FROM assessment_answers WHERE assessment_id = ? AND field = ?",
                [tuple(c.record_id.split("/", 1)) for c in gone],
            )
            live = [_record_row(c) for c in items if not c.deleted]
            _upsert(conn, table, live, "assessment_id, field")
        elif table in RECORD_TABLES:
            if table in ("certificates", "award_decisions"):  # laptop-only unique rules
                items = rows[table] = sync_clashes.hold_back(conn, table, items)
            _upsert_records(conn, table, items)
        else:
            continue
        result.by_table[table] += len(items)
        result.applied += len(items)
        if table == "assessments":
            result.returned += [c.record_id for c in items if c.data.get("state") == "returned"]
    sync_store.remember_revisions(
        conn,
        [(c.table, c.record_id, c.revision, c.seq) for items in rows.values() for c in items],
    )
    result.households = _refresh_search(conn, rows, settled)


def _pending(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Records with ops still to send (few after a push: the pull follows it)."""
    rows = conn.execute(
        "SELECT DISTINCT entity, record_id FROM outbox WHERE status = 'pending'"
    ).fetchall()
    return {(e, r) for e, r in rows}


def _known(conn: sqlite3.Connection, changes: list[Incoming]) -> dict[tuple[str, str], int]:
    """Server revisions the laptop already holds for these records: one query per page, the
    keys passed as one JSON parameter."""
    if not changes or not conn.execute("SELECT 1 FROM sync_records LIMIT 1").fetchone():
        return {}  # a fresh laptop: nothing to compare
    ids: dict[str, list[str]] = defaultdict(list)
    for change in changes:
        ids[change.table].append(change.record_id)
    known: dict[tuple[str, str], int] = {}
    for table, record_ids in ids.items():
        for rid, rev in conn.execute(
            "SELECT record_id, server_revision FROM sync_records WHERE tbl = ? "
            "AND record_id IN (SELECT value FROM json_each(?))",
            (table, json.dumps(record_ids)),
        ):
            known[(table, rid)] = rev
    return known


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _record_row(change: Incoming) -> dict[str, Any]:
    """The change as a row: sqlite3 stores Python booleans as 0/1 already."""
    row = dict(change.data)
    row["revision"] = change.revision
    if change.deleted and change.table in _SOFT_DELETE:
        row["deleted"] = True
    return row


def _upsert_records(conn: sqlite3.Connection, table: str, items: list[Incoming]) -> None:
    """`_upsert` of `_record_row`s, built straight as parameter tuples (no dict copy of each
    record: this loop runs once per pulled record). Same columns as `_record_row` gives."""
    allowed = set(_columns(conn, table))
    soft = table in _SOFT_DELETE
    with_revision = "revision" in allowed
    groups: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    layouts: dict[tuple[tuple[str, ...], bool], tuple[Callable, tuple[str, ...]]] = {}
    for change in items:
        data = change.data
        tombstone = soft and change.deleted
        with_deleted = tombstone or ("deleted" in data and "deleted" in allowed)
        shape = (tuple(data), with_deleted)
        layout = layouts.get(shape)
        if layout is None:
            names = tuple(k for k in shape[0] if k in allowed and k not in ("revision", "deleted"))
            extra = ("revision",) * with_revision + ("deleted",) * with_deleted
            layout = layouts[shape] = (_picker(names), names + extra)
        row = layout[0](data)
        if with_revision:
            row += (change.revision,)
        if with_deleted:
            row += (True if tombstone else data["deleted"],)
        groups[layout[1]].append(row)
    for columns, values in groups.items():
        updates = ", ".join(f"{n} = excluded.{n}" for n in columns if n != "id")
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            values,
        )


def _picker(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """A record's values for `names` (all present in it) as one tuple, read in C."""
    if len(names) > 1:
        return itemgetter(*names)
    return lambda data: tuple(data[name] for name in names)


def _upsert(conn: sqlite3.Connection, table: str, rows: list[dict], key: str) -> None:
    if not rows:
        return
    allowed = set(_columns(conn, table))
    groups: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    shapes: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        shape = tuple(row)
        names = shapes.get(shape)
        if names is None:
            names = shapes[shape] = tuple(k for k in shape if k in allowed)
        groups[names].append(tuple(map(row.get, names)))
    keys = {k.strip() for k in key.split(",")}
    for names, values in groups.items():
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in keys)
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT({key}) DO UPDATE SET {updates}",
            values,
        )


def _wilayah_row(change: Incoming) -> dict[str, Any]:
    data, now = change.data, utc_now_iso()
    kode = str(data["kode"])
    parts = kode.split(".")
    return {
        "id": kode,
        "kode": kode,
        "nama": data["nama"],
        "level": int(data["level"]),
        "parent_kode": data.get("parent_kode"),
        "kelurahan_kode": ".".join(parts[:4]) if len(parts) >= 4 else None,
        "rw": int(parts[4]) if len(parts) > 4 else None,
        "rt": int(parts[5]) if len(parts) > 5 else None,
        "source": "server",
        "created_at": now,
        "updated_at": now,
        "revision": change.revision,
        "is_demo": 0,
    }


def _install_forms(conn: sqlite3.Connection, items: list[Incoming]) -> None:
    """A published form version arrives whole; an installed one is never replaced."""
    conn.executemany(
        "INSERT INTO form_versions (id, form_id, version, title, file_name, sha256, content, "
        "installed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(form_id, version) DO NOTHING",
        [
            (
                new_id(), d["form_id"], d["version"], d["title"], d["file_name"], d["sha256"],
                base64.b64decode(d["content_b64"]), utc_now_iso(),
            )
            for d in (c.data for c in items)
        ],
    )  # fmt: skip


def _store_conflicts(conn: sqlite3.Connection, items: list[Incoming]) -> None:
    conn.executemany(
        "INSERT INTO sync_conflicts (id, tbl, record_id, kelurahan_kode, fields, server_version, "
        "other_version, other_device_id, created_at, resolved_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET resolved_at = COALESCE(sync_conflicts.resolved_at, "
        "excluded.resolved_at), server_version = excluded.server_version",
        [
            (
                d["id"], d["table"], d["record_id"], d.get("kelurahan_kode"),
                json.dumps(d["fields"]), json.dumps(d["server_version"]),
                json.dumps(d["other_version"]), d["other_device_id"], d["created_at"],
                d.get("resolved_at"),
            )
            for d in (c.data for c in items)
        ],
    )  # fmt: skip


def _refresh_search(
    conn: sqlite3.Connection, rows: dict[str, list[Incoming]], settled: Collection[str]
) -> set[str]:
    """Drop the search documents of the households this page touches, and write those of the
    `settled` ones it does not touch (their members are most likely all in by now; should
    more come later, that page drops the document again). Returns the touched households.
    Whatever is left without a document is indexed at the end (`pull_bulk.restore`)."""
    touched = {c.record_id for c in rows.get("households", ())}
    touched |= {c.data.get("household_id") for c in rows.get("members", ())}
    touched.discard(None)
    if touched and conn.execute("SELECT 1 FROM household_search LIMIT 1").fetchone():
        conn.execute(
            "DELETE FROM household_search WHERE rowid IN (SELECT h.rowid FROM households h "
            "WHERE h.id IN (SELECT value FROM json_each(?)))",
            (json.dumps(sorted(touched)),),
        )
    ready = [h for h in settled if h not in touched]
    if ready:
        conn.execute(
            f"INSERT INTO household_search (rowid, body) {search.DOCUMENT_SQL} "
            "AND h.id IN (SELECT value FROM json_each(?)) "
            "AND NOT EXISTS (SELECT 1 FROM household_search s WHERE s.rowid = h.rowid)",
            (json.dumps(ready),),
        )
    return touched
