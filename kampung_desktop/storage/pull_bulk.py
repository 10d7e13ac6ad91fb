"""A pull into an empty laptop writes its rows without the secondary indexes of households and
members and without the area-count triggers, and builds them once at the end.

Why: row by row, those indexes were two thirds of the cost of writing the rows (a bare
executemany of 112,500 households and members: 0.77 s with them, 0.25 s without, and 0.11 s to
build them afterwards, sorted). The index that finds a household's members stays: each page
writes the search documents of the households the page before it settled (`sync_apply`),
and they gather the members by it.

Crash safety: the indexes and triggers are dropped in the transaction of the pull's first page,
together with a marker holding their SQL, so rows and marker commit or vanish together.
`restore` builds them from the marker, recounts the areas, indexes the households for search
and clears the marker, in one transaction. It runs at the end of the pull (also one cut off by
an error or a cancel) and whenever the database is opened (`storage.engine`, before
migrations), so a killed pull never leaves a laptop without its indexes past the next start.
Writes made meanwhile (the window stays usable during a sync) are counted by the recount.
"""

from __future__ import annotations

import json
import sqlite3

from kampung_desktop.storage import connection, search
from kampung_desktop.storage.household_list import rebuild_counts

MARKER = "sync_pull_set_aside"  # settings key: the SQL of what a pull has set aside
# FTS5's incremental merging rewrites the index's segments again with every flush of new
# documents; paused while thousands are written at once (its crisis merges still bound the
# number of segments; the setting is restored in the same transaction).
_AUTOMERGE = "INSERT INTO household_search (household_search, rank) VALUES ('automerge', ?)"
_FTS5_DEFAULT_AUTOMERGE = 4


def set_aside_if_empty(conn: sqlite3.Connection) -> bool:
    """Drop the secondary indexes and count triggers of households and members when both
    tables are empty (a fresh laptop), leaving the marker. Call inside the page's
    transaction. True when they are set aside now or were already."""
    if stored(conn) is not None:
        return True
    has_rows = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM households) OR EXISTS (SELECT 1 FROM members)"
    ).fetchone()[0]
    if has_rows:
        return False
    found = [
        (kind, name, sql)
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('households', "
            "'members') AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' "
            "AND name LIKE 'household_counts_%'))"
        )
        if not _finds_members(conn, kind, name)
    ]
    for kind, name, _sql in found:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    plan = [[kind, name, sql] for kind, name, sql in sorted(found, key=lambda r: r[0] != "index")]
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (MARKER, json.dumps(plan)),
    )
    return True


def _finds_members(conn: sqlite3.Connection, kind: str, name: str) -> bool:
    """An index leading with members.household_id stays: each page indexes households for
    search, and their documents gather their members by it."""
    if kind != "index":
        return False
    first = conn.execute(f'PRAGMA index_info("{name}")').fetchone()
    table = conn.execute("SELECT tbl_name FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return table[0] == "members" and first is not None and first[2] == "household_id"


def stored(conn: sqlite3.Connection) -> list[list[str]] | None:
    """What a pull has set aside ([kind, name, sql] each), or None. A database without the
    settings table yet (one about to be migrated from an early version) has nothing."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (MARKER,)).fetchone()
    except connection.OPERATIONAL as exc:
        if "no such table" in str(exc):
            return None
        raise
    return json.loads(row[0]) if row else None


def restore(conn: sqlite3.Connection) -> int:
    """Build what was set aside and index every household without a search document, in one
    transaction (autocommit connection). Returns the households indexed for search."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        plan = stored(conn)
        if plan is not None:
            present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            for _kind, name, sql in plan:
                if name not in present:
                    conn.execute(sql)
            rebuild_counts(conn)
            conn.execute("DELETE FROM settings WHERE key = ?", (MARKER,))
        indexed = fill_search(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return indexed


def repair_at_open(conn: sqlite3.Connection) -> None:
    """At every open: finish a pull that was killed while its indexes were set aside."""
    if stored(conn) is not None:
        restore(conn)


def fill_search(conn: sqlite3.Connection) -> int:
    """Index every live household that has no search document (in the caller's transaction),
    with FTS5's incremental merging paused while many are written."""
    missing = f"{search.DOCUMENT_SQL} AND h.rowid NOT IN (SELECT rowid FROM household_search)"
    row = conn.execute("SELECT v FROM household_search_config WHERE k = 'automerge'").fetchone()
    conn.execute(_AUTOMERGE, (0,))
    cur = conn.execute(f"INSERT INTO household_search (rowid, body) {missing}")
    conn.execute(_AUTOMERGE, (int(row[0]) if row else _FTS5_DEFAULT_AUTOMERGE,))
    return cur.rowcount
