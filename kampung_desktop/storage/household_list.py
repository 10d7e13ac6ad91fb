"""Queries behind the household table and search box, shaped for a lazily fetching view.

The view first asks for the ordered rowids matching a filter (integers only, cheap even for
100,000 households), then fetches the visible rows a page at a time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kampung_desktop.storage.search import match_expression

SORT_COLUMNS = {
    "head_name": "h.head_name COLLATE NOCASE",
    "address": "h.address COLLATE NOCASE",
    "area": "h.kelurahan_kode, h.rw, h.rt",
    "member_count": "h.member_count",
    "updated_at": "h.updated_at",
}


@dataclass(frozen=True)
class AreaFilter:
    """Narrow the list to part of the wilayah tree; None fields mean 'all'."""

    kode_prefix: str | None = None  # kecamatan or kelurahan code
    rw: int | None = None
    rt: int | None = None


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


def _where(area: AreaFilter, query: str | None) -> tuple[str, list]:
    clauses, params = ["h.deleted = 0"], []
    if area.kode_prefix:
        clauses.append("(h.kelurahan_kode = ? OR h.kelurahan_kode LIKE ?)")
        params += [area.kode_prefix, area.kode_prefix + ".%"]
    if area.rw is not None:
        clauses.append("h.rw = ?")
        params.append(area.rw)
    if area.rt is not None:
        clauses.append("h.rt = ?")
        params.append(area.rt)
    return " AND ".join(clauses), params


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
    types; ask again without `limit` (off the UI thread) for the complete sorted list.
    """
    where, params = _where(area, query)
    order = SORT_COLUMNS[sort] + (" DESC" if descending else "")
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
                f"(SELECT h.rowid FROM {source} LIMIT {int(limit)}) ORDER BY {order}, h.rowid"
            )
            return [r[0] for r in conn.execute(sql, params)]
    else:
        source = f"households h WHERE {where}"
    sql = f"SELECT h.rowid FROM {source} ORDER BY {order}, h.rowid"
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


def area_counts(conn: sqlite3.Connection) -> dict[tuple[str, int, int], int]:
    """Household count per (kelurahan, rw, rt), for the wilayah tree."""
    return {
        (k, rw, rt): n
        for k, rw, rt, n in conn.execute(
            "SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0 "
            "GROUP BY kelurahan_kode, rw, rt"
        )
    }
