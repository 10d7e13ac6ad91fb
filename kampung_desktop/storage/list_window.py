"""One query's households for the table, read a screen at a time without listing them all.

`open_listing` (on a worker) chooses how to read a query by what it would cost:

- few households (an RT, a rare name; at most MATERIALIZE_MAX): their rowids in display
  order, read at once;
- many (the whole city, a kecamatan, a one-letter search): keyset pagination along the sort's
  index (migration 7), the area filtered inside the index and search matches kept in a
  temporary table. A page next to one already read starts from that page's last key; any other
  position (the scroll bar dragged) is counted on from the nearest known key or either end.

Totals come from the maintained counters (areas) or from counting the matches once, so
opening the whole list costs the same for 100,000 or 1,000,000 households. A listing owns its
own connection (its temporary table lives there); the table reads pages through it on the UI
thread, hence the lock and `check_same_thread=False` at the caller.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kampung_desktop.storage.household_list import (
    AREA_INDEX,
    SORTS,
    AreaFilter,
    ListRow,
    area_total,
    area_where,
    order_by,
    rows_for,
)
from kampung_desktop.storage.search import match_expression

MATERIALIZE_MAX = 5000  # ≤ ~7 ms to read and sort on the worker
MIN_AREA_SHARE = 200  # an area of ≥ 1/200 of all households is paged, not read whole
ANCHOR_STEP = 1000  # fill_positions learns the key of every 1000th row
MATCHES_TABLE = "temp.list_matches"


@dataclass(frozen=True)
class ListSpec:
    area: AreaFilter = AreaFilter()
    query: str | None = None
    sort: str = "head_name"
    descending: bool = False


class Listing:
    """The households matching one `ListSpec`, in display order, readable by position."""

    def __init__(self, conn: sqlite3.Connection, spec: ListSpec, total: int) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._closed = False
        self.spec = spec
        self.total = total
        self.first_rows: list[ListRow] = []  # read on the worker with the plan

    def rows(self, start: int, count: int) -> list[ListRow]:
        """Display rows at positions [start, start + count)."""
        count = min(count, self.total - start)
        if start < 0 or count <= 0:
            return []
        with self._lock:
            return rows_for(self._conn, self._rowids(start, count))

    def position_of(self, rowid: int) -> int | None:
        """Where a household is in this list, or None when it does not match."""
        with self._lock:
            return self._position(rowid)

    def fill_positions(self, budget_s: float = 0.004) -> bool:
        """Prepare for jumps anywhere in the list, `budget_s` at a time; True when done."""
        return True

    @property
    def positions_ready(self) -> bool:
        return True

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()

    def _rowids(self, start: int, count: int) -> list[int]:
        raise NotImplementedError

    def _position(self, rowid: int) -> int | None:
        raise NotImplementedError


class RowidListing(Listing):
    """A short list held as its rowids in display order."""

    def __init__(self, conn: sqlite3.Connection, spec: ListSpec, rowids: list[int]) -> None:
        super().__init__(conn, spec, len(rowids))
        self._ids = rowids
        self._index: dict[int, int] | None = None

    def _rowids(self, start: int, count: int) -> list[int]:
        return self._ids[start : start + count]

    def _position(self, rowid: int) -> int | None:
        if self._index is None:
            self._index = {r: i for i, r in enumerate(self._ids)}
        return self._index.get(rowid)


class KeysetListing(Listing):
    """A long list read along its sort index from the nearest known key."""

    def __init__(self, conn: sqlite3.Connection, spec: ListSpec, total: int, matches: bool) -> None:
        super().__init__(conn, spec, total)
        self._order = SORTS[spec.sort]
        self._matches = matches  # filter by the search matches in MATCHES_TABLE
        self._known: dict[int, tuple] = {}  # position -> (sort key..., rowid)
        self._positions: list[int] = []  # the keys of _known, sorted
        self._anchored = -1  # fill_positions has learned keys up to this position
        self.scanned = 0  # rows stepped over or read by the last read (tests look)

    @property
    def positions_ready(self) -> bool:
        return self._anchored >= self.total

    def fill_positions(self, budget_s: float = 0.004) -> bool:
        """Learn the key of every ANCHOR_STEP-th row, a few milliseconds at a time.

        Run as short worker jobs after the list is shown (each re-queued by the last, so other
        work goes in between): afterwards a drag of the scroll bar lands less than
        ANCHOR_STEP rows from a known key, wherever it ends in a million households.
        """
        deadline = time.perf_counter() + budget_s
        while True:  # at least one step per call, however small the budget
            with self._lock:
                if self._closed:
                    return True
                position = self._anchored + ANCHOR_STEP
                if position >= self.total:
                    self._anchored = self.total
                    return True
                self._rowids(position, 1)  # counted on from the previous anchor
                self._anchored = position
            if time.perf_counter() >= deadline:
                return False

    def _rowids(self, start: int, count: int) -> list[int]:
        i = bisect.bisect_left(self._positions, start)
        before = self._positions[i - 1] if i else -1
        j = bisect.bisect_left(self._positions, start + count)
        after = self._positions[j] if j < len(self._positions) else self.total
        forward_skip, backward_skip = start - before - 1, after - (start + count)
        if forward_skip <= backward_skip:
            found = self._scan(self._known.get(before), False, forward_skip, count)
        else:
            found = self._scan(self._known.get(after), True, backward_skip, count)[::-1]
        if found:
            self._remember(start, found[0])
            self._remember(start + len(found) - 1, found[-1])
        return [key[-1] for key in found]

    def _remember(self, position: int, key: tuple) -> None:
        if position not in self._known:
            bisect.insort(self._positions, position)
        self._known[position] = key

    def _filters(self) -> tuple[list[str], list]:
        clauses, params = area_where(self.spec.area)
        clauses.insert(0, "h.deleted = 0")
        if self._matches:
            clauses.append(f"h.rowid IN {MATCHES_TABLE}")
        return clauses, params

    def _beyond(self, key: tuple, descending: bool) -> tuple[list[str], list]:
        """Terms for "after `key` in this direction"; the first narrows the index range."""
        op = "<" if descending else ">"
        columns = ", ".join((*self._order.columns, "h.rowid"))
        marks = ", ".join("?" * len(key))
        return (
            [f"{self._order.columns[0]} {op}= ?", f"({columns}) {op} ({marks})"],
            [key[0], *key],
        )

    def _scan(self, key: tuple | None, backward: bool, skip: int, count: int) -> list[tuple]:
        descending = self.spec.descending != backward
        clauses, params = self._filters()
        if key is not None:
            more, values = self._beyond(key, descending)
            clauses += more
            params += values
        self.scanned = skip + count
        sql = (
            f"SELECT {', '.join(self._order.columns)}, h.rowid "
            f"FROM households h INDEXED BY {self._order.index} "
            f"WHERE {' AND '.join(clauses)} "
            f"ORDER BY {order_by(self.spec.sort, descending)} LIMIT ? OFFSET ?"
        )
        return [tuple(r) for r in self._conn.execute(sql, [*params, count, skip])]

    def _position(self, rowid: int) -> int | None:
        clauses, params = self._filters()
        columns = ", ".join(self._order.columns)
        row = self._conn.execute(
            f"SELECT {columns}, h.rowid FROM households h "
            f"WHERE h.rowid = ? AND {' AND '.join(clauses)}",
            [rowid, *params],
        ).fetchone()
        if row is None:
            return None
        key = tuple(row)
        more, values = self._beyond(key, not self.spec.descending)  # what comes before it
        sql = (
            f"SELECT count(*) FROM households h INDEXED BY {self._order.index} "
            f"WHERE {' AND '.join(clauses + more)}"
        )
        position = self._conn.execute(sql, [*params, *values]).fetchone()[0]
        self._remember(position, key)
        return position


def open_listing(
    connect: Callable[[], sqlite3.Connection], spec: ListSpec, first: int = 0
) -> Listing:
    """Plan how to read `spec` and read its first `first` rows (worker thread).

    The listing keeps the connection `connect()` made; `close()` it when it is replaced.
    """
    conn = connect()
    try:
        listing = _plan(conn, spec)
        if first:
            listing.first_rows = listing.rows(0, first)
    except BaseException:
        conn.close()
        raise
    return listing


def _plan(conn: sqlite3.Connection, spec: ListSpec) -> Listing:
    area_clauses, area_params = area_where(spec.area)
    live = " AND ".join(["h.deleted = 0", *area_clauses])
    order = order_by(spec.sort, spec.descending)
    in_area = area_total(conn, spec.area)
    if not spec.query:
        # An area is filtered inside the sort index (≈40 ns an entry): paging along it stays
        # cheap while one row in MIN_AREA_SHARE belongs to the area; reading a small area
        # whole costs a random table read per household instead.
        everyone = area_total(conn, AreaFilter()) if not spec.area.is_all else in_area
        sparse = in_area * MIN_AREA_SHARE < everyone
        if in_area <= MATERIALIZE_MAX and sparse:
            sql = (
                f"SELECT h.rowid FROM households h INDEXED BY {AREA_INDEX} "
                f"WHERE {live} ORDER BY {order}"
            )
            return RowidListing(conn, spec, [r[0] for r in conn.execute(sql, area_params)])
        return KeysetListing(conn, spec, in_area, matches=False)

    match = match_expression(spec.query)
    if match is None:
        return RowidListing(conn, spec, [])
    probe = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM household_search "
        "WHERE household_search MATCH ? LIMIT ?)",
        (match, MATERIALIZE_MAX + 1),
    ).fetchone()[0]
    if probe <= MATERIALIZE_MAX:  # few matches: read them all, from the full-text index
        sql = (
            "SELECT h.rowid FROM household_search s JOIN households h ON h.rowid = s.rowid "
            f"WHERE household_search MATCH ? AND {live} ORDER BY {order}"
        )
        return RowidListing(conn, spec, [r[0] for r in conn.execute(sql, [match, *area_params])])

    # Many matches: keep them in a temporary table (rowid order, so appended, C speed).
    conn.execute(f"CREATE TABLE {MATCHES_TABLE} (rowid INTEGER PRIMARY KEY)")
    conn.execute(
        f"INSERT INTO {MATCHES_TABLE} SELECT rowid FROM household_search "
        "WHERE household_search MATCH ?",
        (match,),
    )
    in_area_sql = (
        f"FROM households h INDEXED BY {AREA_INDEX} WHERE {live} AND h.rowid IN {MATCHES_TABLE}"
    )
    if spec.area.is_all:
        total = conn.execute(f"SELECT count(*) FROM {MATCHES_TABLE}").fetchone()[0]
    else:
        total = conn.execute(f"SELECT count(*) {in_area_sql}", area_params).fetchone()[0]
    if total <= MATERIALIZE_MAX:  # few in this area: a keyset scan would step over the rest
        sql = f"SELECT h.rowid {in_area_sql} ORDER BY {order}"
        return RowidListing(conn, spec, [r[0] for r in conn.execute(sql, area_params)])
    return KeysetListing(conn, spec, total, matches=True)
