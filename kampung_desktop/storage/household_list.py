"""What the household table and search box query: filters, sort orders, display rows, counts.

The table itself pages through a `list_window.Listing`; this module holds the pieces every
listing shares, plus `ordered_rowids` for callers that want a short, complete answer (the
registry search, the window's first screen of search results).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kampung_desktop.storage.search import match_expression


@dataclass(frozen=True)
class SortOrder:
    """A sort of the list and the index that yields it (rowid is the index's last column)."""

    index: str
    columns: tuple[str, ...]  # SQL, in index order
    fields: tuple[str, ...]  # the ListRow attributes holding the same values


# Ties are broken by area, then rowid: the index order (migration 7), so no sort is needed.
SORTS: dict[str, SortOrder] = {
    "head_name": SortOrder(
        "ix_households_head_area",
        ("h.head_name COLLATE NOCASE", "h.kelurahan_kode", "h.rw", "h.rt"),
        ("head_name", "kelurahan_kode", "rw", "rt"),
    ),
    "address": SortOrder(
        "ix_households_address_area",
        ("h.address COLLATE NOCASE", "h.kelurahan_kode", "h.rw", "h.rt"),
        ("address", "kelurahan_kode", "rw", "rt"),
    ),
    "area": SortOrder(
        "ix_households_area", ("h.kelurahan_kode", "h.rw", "h.rt"), ("kelurahan_kode", "rw", "rt")
    ),
    "member_count": SortOrder(
        "ix_households_members_area",
        ("h.member_count", "h.kelurahan_kode", "h.rw", "h.rt"),
        ("member_count", "kelurahan_kode", "rw", "rt"),
    ),
}
SORT_COLUMNS = {key: ", ".join(order.columns) for key, order in SORTS.items()}
AREA_INDEX = "ix_households_area"


@dataclass(frozen=True)
class AreaFilter:
    """Narrow the list to part of the wilayah tree; None fields mean 'all'."""

    kode_prefix: str | None = None  # kab/kota, kecamatan or kelurahan code
    rw: int | None = None
    rt: int | None = None
    # The signed-in account's scope: kelurahan (or coarser) codes a household must lie under;
    # () = everywhere. Applied on top of the chosen area, so no list shows outside it.
    within: tuple[str, ...] = ()

    @property
    def is_all(self) -> bool:
        return not self.kode_prefix and self.rw is None and self.rt is None and not self.within


@dataclass(frozen=True)
class ListRow:
    rowid: int
    id: str
    head_name: str
    no_kk: str
    address: str
    kelurahan_kode: str
    kelurahan_nama: str
    rw: int
    rt: int
    member_count: int
    is_demo: bool


def area_where(area: AreaFilter, table: str = "h") -> tuple[list[str], list]:
    """SQL terms for an area: a code and everything under it, as one index range.

    Codes hold digits and dots only, so "code, or code + '.' + anything" is the range
    [code, code + '/') ('/' follows '.').
    """
    clauses, params = [], []
    if area.kode_prefix:
        clauses.append(f"{table}.kelurahan_kode >= ? AND {table}.kelurahan_kode < ?")
        params += [area.kode_prefix, area.kode_prefix + "/"]
    if area.rw is not None:
        clauses.append(f"{table}.rw = ?")
        params.append(area.rw)
    if area.rt is not None:
        clauses.append(f"{table}.rt = ?")
        params.append(area.rt)
    if area.within:
        ranges = f"({table}.kelurahan_kode >= ? AND {table}.kelurahan_kode < ?)"
        clauses.append("(" + " OR ".join([ranges] * len(area.within)) + ")")
        for code in area.within:
            params += [code, code + "/"]
    return clauses, params


def order_by(sort: str, descending: bool) -> str:
    direction = " DESC" if descending else ""
    return ", ".join(f"{c}{direction}" for c in (*SORTS[sort].columns, "h.rowid"))


def ordered_rowids(
    conn: sqlite3.Connection,
    area: AreaFilter = AreaFilter(),
    query: str | None = None,
    sort: str = "head_name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """Rowids of matching households in display order.

    With a search `query` and a `limit`, the first `limit` matches are returned sorted among
    themselves, without sorting every match: that answer fits in one frame while the user
    types. Without a limit every match is read: for a short list only (the table pages
    through `list_window.open_listing` instead).
    """
    clauses, params = area_where(area)
    where = " AND ".join(["h.deleted = 0", *clauses])
    order = order_by(sort, descending)
    if query:
        match = match_expression(query)
        if match is None:
            return []
        source = (
            "household_search s JOIN households h ON h.rowid = s.rowid "
            f"WHERE household_search MATCH ? AND {where}"
        )
        params = [match, *params]
        if limit:
            sql = (
                f"SELECT h.rowid FROM households h WHERE h.rowid IN "
                f"(SELECT h.rowid FROM {source} LIMIT {int(limit)}) ORDER BY {order}"
            )
            return [r[0] for r in conn.execute(sql, params)]
    else:
        source = f"households h WHERE {where}"
    sql = f"SELECT h.rowid FROM {source} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in conn.execute(sql, params)]


def rows_for(conn: sqlite3.Connection, rowids: list[int]) -> list[ListRow]:
    """The display rows for `rowids`, returned in the same order."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    found = {
        r[0]: ListRow(*r[:10], bool(r[10]))
        for r in conn.execute(
            "SELECT h.rowid, h.id, h.head_name, COALESCE(h.no_kk, ''), h.address, "
            "h.kelurahan_kode, COALESCE(w.nama, h.kelurahan_kode), h.rw, h.rt, h.member_count, "
            f"h.is_demo FROM households h LEFT JOIN wilayah w ON w.kode = h.kelurahan_kode "
            f"WHERE h.rowid IN ({marks})",
            rowids,
        )
    }
    return [found[r] for r in rowids if r in found]


def rowid_of(conn: sqlite3.Connection, household_id: str) -> int | None:
    """The household's rowid (what the list keys its rows by), or None when there is none."""
    found = conn.execute("SELECT rowid FROM households WHERE id = ?", (household_id,)).fetchone()
    return found[0] if found else None


def area_counts(conn: sqlite3.Connection) -> dict[tuple[str, int, int], int]:
    """Household count per (kelurahan, rw, rt), for the wilayah tree: the maintained counters
    (migration 7), a few thousand rows whatever the number of households."""
    return {
        (k, rw, rt): n
        for k, rw, rt, n in conn.execute(
            "SELECT kelurahan_kode, rw, rt, n FROM household_counts WHERE n > 0"
        )
    }


def kelurahan_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Household count per kelurahan, from the maintained counters."""
    return dict(
        conn.execute("SELECT kelurahan_kode, sum(n) FROM household_counts GROUP BY kelurahan_kode")
    )


def area_total(conn: sqlite3.Connection, area: AreaFilter) -> int:
    """Live households in an area (all areas by default), from the maintained counters."""
    clauses, params = area_where(area, "c")
    where = " AND ".join(clauses) or "1"
    sql = f"SELECT COALESCE(sum(c.n), 0) FROM household_counts c WHERE {where}"
    return conn.execute(sql, params).fetchone()[0]


def rebuild_counts(conn: sqlite3.Connection) -> None:
    """Recount from the rows (repair; callers hold the transaction)."""
    conn.execute("DELETE FROM household_counts")
    conn.execute(
        "INSERT INTO household_counts (kelurahan_kode, rw, rt, n) "
        "SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0 "
        "GROUP BY kelurahan_kode, rw, rt"
    )
