"""A scoped account's lists hold only households of its kelurahan: the list, its paging, the
search and the counts all honour `AreaFilter.within`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.services import demo
from kampung_desktop.storage import engine
from kampung_desktop.storage import list_window as lw
from kampung_desktop.storage.household_list import AreaFilter, area_total, ordered_rowids


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    from kampung_desktop.services.app import AppContext

    ctx = AppContext.open(tmp_path_factory.mktemp("scope"))
    demo.seed(ctx.db, 400, 5)
    path = ctx.db.path
    ctx.close()
    return path


def kelurahan_of(conn, rowids: list[int]) -> set[str]:  # type: ignore[no-untyped-def]
    marks = ",".join("?" * len(rowids))
    sql = f"SELECT DISTINCT kelurahan_kode FROM households WHERE rowid IN ({marks})"
    return {r[0] for r in conn.execute(sql, rowids)}


def test_scope_limits_lists_counts_and_search(seeded):
    with engine.raw(seeded) as conn:
        per_kel = dict(
            conn.execute(
                "SELECT kelurahan_kode, count(*) FROM households WHERE deleted = 0 "
                "GROUP BY kelurahan_kode ORDER BY 2 DESC"
            ).fetchall()
        )
        first, second = list(per_kel)[:2]
        scope = AreaFilter(within=(first, second))
        assert not scope.is_all
        assert area_total(conn, scope) == per_kel[first] + per_kel[second]
        rowids = ordered_rowids(conn, scope)
        assert len(rowids) == per_kel[first] + per_kel[second]
        assert kelurahan_of(conn, rowids) == {first, second}
        # A chosen area outside the scope shows nothing, inside it only itself.
        assert ordered_rowids(conn, AreaFilter(kode_prefix=first, within=(second,))) == []
        kecamatan = first.rsplit(".", 1)[0]
        inside = ordered_rowids(conn, AreaFilter(kode_prefix=kecamatan, within=(first,)))
        assert len(inside) == per_kel[first]
        third = list(per_kel)[2]
        name = conn.execute(
            "SELECT head_name FROM households WHERE kelurahan_kode = ? LIMIT 1", (third,)
        ).fetchone()[0]
        assert third in kelurahan_of(conn, ordered_rowids(conn, AreaFilter(), name))
        found = ordered_rowids(conn, AreaFilter(within=(first,)), name)
        assert kelurahan_of(conn, found) <= {first}  # the search stays inside the scope too

    listing = lw.open_listing(lambda: engine.raw_connection(seeded), lw.ListSpec(scope), 50)
    try:
        assert listing.total == per_kel[first] + per_kel[second]
        rows = listing.rows(0, listing.total)
        assert {r.kelurahan_kode for r in rows} == {first, second}
    finally:
        listing.close()
