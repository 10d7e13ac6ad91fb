"""Pull pages read in growing seq windows: a sparse scope still gets full pages, in order."""

from __future__ import annotations

from server_core_support import KEL_A, KEL_B, household, op, server


def test_sparse_scope_gets_full_pages_in_seq_order(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        enumerator = srv.device("ani")  # scope KEL_A
        office_b = srv.device("obi", role="operator", scope=(KEL_B,))
        mine: list[str] = []
        for _ in range(4):  # each of ours sits after a run of 25 rows the enumerator never sees
            office_b.push([op("households", household(kel=KEL_B)) for _ in range(25)])
            home = household()
            enumerator.push([op("households", home)])
            mine.append(home["id"])
        pages = []
        cursor = 0
        while True:
            page = enumerator.pull_page(cursor, limit=2)
            pages.append(page)
            cursor = page.next_cursor
            if not page.has_more:
                break
        changes = [c for p in pages for c in p.changes]
        seqs = [c.seq for c in changes]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        assert [c.record_id for c in changes if c.table == "households"] == mine
        assert all(c.data["kelurahan_kode"] == KEL_A for c in changes if c.table == "households")
        assert all(len(p.changes) == 2 for p in pages[:-1]) and 1 <= len(pages[-1].changes) <= 2
        assert not enumerator.pull_page(cursor).changes
