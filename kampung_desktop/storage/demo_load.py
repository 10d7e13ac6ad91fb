"""The demo seed's bulk load: generated households, members and search documents written with
executemany in one transaction (one ORM object per row is about six times slower).

No row goes to the sync outbox: demo data never reaches the city server. A large load sets the
secondary indexes and count triggers aside and rebuilds them at the end, in the same
transaction: one sort per index instead of a million random inserts into trees larger than
the page cache.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence

from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.household_list import rebuild_counts

#: One generated household: (household row, its member rows, its search document).
Generated = tuple[tuple, list[tuple], str]
Area = tuple[str, int, int]  # (kelurahan kode, rw, rt)

# Written after the generator's columns.
_STAMP_COLS = ["created_at", "updated_at", "revision", "is_demo"]
_WILAYAH_COLS = [
    "id",
    "kode",
    "nama",
    "level",
    "parent_kode",
    "kelurahan_kode",
    "rw",
    "rt",
    "source",
    "created_at",
    "updated_at",
    "revision",
    "is_demo",
]
_SEARCH_CONFIG = "INSERT INTO household_search (household_search, rank) VALUES ('automerge', ?)"
_FTS5_AUTOMERGE = 4  # FTS5's default


def load(
    conn: RawConnection,
    batches: Iterable[list[Generated]],
    household_cols: Sequence[str],
    member_cols: Sequence[str],
    now: str,
    *,
    bulk: bool,
    rt_rows: Callable[[list[Area]], list[dict]],
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Write the batches' households not yet present (by id), their members and documents,
    the wilayah rows of their RTs (`rt_rows`, demo-marked, where missing) and the
    'demo_loaded' setting, all or nothing; returns (households added, members added).

    `bulk`: set the indexes aside for the load. `progress` gets the households done so far."""
    insert_h = stamped_insert("households", ["rowid", *household_cols], now)
    insert_m = stamped_insert("members", list(member_cols), now)
    member_total = added = 0
    conn.execute("PRAGMA synchronous=NORMAL")  # bulk load; FULL again for user edits below
    conn.execute("PRAGMA cache_size=-131072")  # 128 MiB: pages are not spilled and rewritten
    conn.execute(f"PRAGMA threads={min(4, os.cpu_count() or 1)}")  # index rebuild sorts
    conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild = _set_aside_indexes(conn) if bulk else []
        automerge = _pause_search_merges(conn) if rebuild else None
        rowid = conn.execute("SELECT COALESCE(max(rowid), 0) FROM households").fetchone()[0]
        areas: set[Area] = set()
        done = 0
        for batch in batches:
            rows_h, rows_m, rows_s = [], [], []
            present = _existing_ids(conn, [house[0] for house, _, _ in batch])
            for house, members, document in batch:
                if house[0] in present:  # the same seed again: already there
                    continue
                rowid += 1
                areas.add(house[1:4])
                rows_h.append((rowid, *house))
                rows_m.extend(members)
                rows_s.append((rowid, document))
            conn.executemany(insert_h, rows_h)
            conn.executemany(insert_m, rows_m)
            conn.executemany("INSERT INTO household_search (rowid, body) VALUES (?, ?)", rows_s)
            member_total += len(rows_m)
            added += len(rows_h)
            done += len(batch)
            if progress:
                progress(done)
        for sql in rebuild:  # indexes and triggers back, counts recounted
            conn.execute(sql)
        if rebuild:
            rebuild_counts(conn)
            _resume_search_merges(conn, automerge)
        conn.executemany(
            _insert_sql("wilayah", _WILAYAH_COLS, ignore=True),
            [tuple(r[c] for c in _WILAYAH_COLS) for r in rt_rows(sorted(areas))],
        )
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('demo_loaded', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = '1'"
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite already rolled back on a full disk or an I/O error
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA synchronous=FULL")
    return added, member_total


def household_count(conn: RawConnection) -> int:
    """Households not deleted (demo or not)."""
    return conn.execute("SELECT count(*) FROM households WHERE deleted = 0").fetchone()[0]


def stamped_insert(table: str, cols: list[str], now: str) -> str:
    """INSERT of `cols` (bound) and the demo stamps (created/updated `now`, revision 1, demo):
    the same stamps on every row go into the statement, not into millions of row tuples."""
    if not re.fullmatch(r"[0-9T:.Z-]+", now):  # written into the SQL: a timestamp, nothing else
        raise ValueError(f"not a timestamp: {now!r}")
    marks = ", ".join("?" * len(cols))
    return (
        f"INSERT INTO {table} ({', '.join([*cols, *_STAMP_COLS])}) "
        f"VALUES ({marks}, '{now}', '{now}', 1, 1)"
    )


def _insert_sql(table: str, cols: list[str], ignore: bool = False) -> str:
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def _existing_ids(conn: RawConnection, ids: list[str]) -> set[str]:
    """Which of `ids` are already households (one query per batch, any batch size)."""
    rows = conn.execute(
        "SELECT id FROM households WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    )
    return {row[0] for row in rows}


def _set_aside_indexes(conn: RawConnection) -> list[str]:
    """Drop the secondary indexes of households and members and the count triggers (whose
    effect `rebuild_counts` then replays); their SQL, to run again once the rows are in (the
    caller's transaction covers both)."""
    found = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('households', 'members') "
        "AND sql IS NOT NULL AND (type = 'index' OR name LIKE 'household_counts_%')"
    ).fetchall()
    for kind, name, _sql in found:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for kind, _name, sql in sorted(found, key=lambda r: r[0] != "index")]


def _pause_search_merges(conn: RawConnection) -> str | None:
    """Stop FTS5's incremental merging for the bulk load; returns the stored setting. With
    automerge on, each flush of new documents rewrites the index's segments again, level by
    level (a third of the index's cost at a million households); its crisis merges still
    bound the number of segments, and merging resumes with the next user edit."""
    row = conn.execute("SELECT v FROM household_search_config WHERE k = 'automerge'").fetchone()
    conn.execute(_SEARCH_CONFIG, (0,))
    return None if row is None else str(row[0])


def _resume_search_merges(conn: RawConnection, stored: str | None) -> None:
    conn.execute(_SEARCH_CONFIG, (int(stored) if stored is not None else _FTS5_AUTOMERGE,))
