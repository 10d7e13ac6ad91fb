"""Pull: the change feed in seq order, paged, filtered by scope and role, with resets."""

from __future__ import annotations

import threading

from kampung_sync.server.tables import User
from server_core_support import (
    KEL_A,
    KEL_B,
    assessment,
    household,
    member,
    op,
    server,
    valid_nik,
)
from sqlalchemy import update


def _ids(changes, table: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.record_id for c in changes if c.table == table}


def test_feed_pages_in_seq_order_and_includes_forms_and_wilayah(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        homes = [household() for _ in range(7)]
        laptop.push([op("households", h) for h in homes])
        pages = []
        cursor = 0
        while True:
            page = laptop.pull_page(cursor, limit=3)
            pages.append(page)
            cursor = page.next_cursor
            if not page.has_more:
                break
        changes = [c for p in pages for c in p.changes]
        assert len(pages) == 4 and all(len(p.changes) <= 3 for p in pages)
        seqs = [c.seq for c in changes]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        assert _ids(changes, "households") == {h["id"] for h in homes}
        assert _ids(changes, "wilayah") == {KEL_A, KEL_B}
        assert _ids(changes, "form_versions") == {"rumah_sehat/2026.1"}
        # nothing new: same cursor, empty page
        tail = laptop.pull_page(cursor)
        assert tail.changes == [] and tail.next_cursor == cursor and not tail.has_more


def test_scope_and_role_decide_what_each_device_receives(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        enum_1 = srv.device("ani")
        enum_2 = srv.device("eko")
        office_a = srv.device("ina", role="operator", scope=(KEL_A,))
        office_b = srv.device("obi", role="operator", scope=(KEL_B,))
        admin = srv.device("root", role="admin", scope=())
        home_a, home_b = household(), household(kel=KEL_B)
        enum_1.push([op("households", home_a), op("members", member(home_a["id"]))])
        office_b.push(
            [op("households", home_b), op("members", member(home_b["id"], nik=valid_nik(3)))]
        )
        own = assessment(household_id=home_a["id"], state="finalized")
        returned = assessment(household_id=home_a["id"], state="finalized")
        enum_1.push([op("assessments", own), op("assessments", returned)])
        office_a.push(
            [
                op(
                    "assessments",
                    {**returned, "state": "returned", "review_note": "Foto kurang jelas"},
                    base=1,
                    revision=2,
                )
            ]
        )

        seen = {
            name: dev.pull_all()
            for name, dev in {
                "enum_1": enum_1,
                "enum_2": enum_2,
                "office_a": office_a,
                "office_b": office_b,
                "admin": admin,
            }.items()
        }
        assert _ids(seen["enum_2"], "households") == {home_a["id"]}
        assert _ids(seen["enum_2"], "assessments") == {returned["id"]}  # returned only
        assert _ids(seen["enum_1"], "assessments") == {own["id"], returned["id"]}  # + own
        assert _ids(seen["office_a"], "assessments") == {own["id"], returned["id"]}
        assert _ids(seen["office_a"], "households") == {home_a["id"]}
        assert _ids(seen["office_b"], "households") == {home_b["id"]}
        assert _ids(seen["office_b"], "assessments") == set()
        assert _ids(seen["admin"], "households") == {home_a["id"], home_b["id"]}
        note = next(c for c in seen["enum_2"] if c.record_id == returned["id"])
        assert note.data["review_note"] == "Foto kurang jelas" and note.data["state"] == "returned"
        for changes in seen.values():
            assert _ids(changes, "wilayah") == {KEL_A, KEL_B}


def test_cursor_past_the_end_or_a_changed_scope_resets(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        laptop.push([op("households", household())])
        laptop.pull_all()
        assert laptop.pull_page(laptop.cursor + 1000).reset
        assert not laptop.pull_page(laptop.cursor).reset
        with srv.session() as session:
            session.execute(update(User).where(User.username == "ani").values(scope=[KEL_A, KEL_B]))
        page = laptop.pull_page(laptop.cursor)
        assert page.reset and page.next_cursor == 0 and page.changes == []
        assert not laptop.pull_page(0).reset


def test_readers_never_skip_rows_while_batches_commit(server_db_url: str) -> None:
    """Seq follows commit order: a reader paging concurrently with writers misses nothing."""
    with server(server_db_url) as srv:
        writers = [srv.device(f"w{i}") for i in range(3)]
        reader = srv.device("ina", role="operator")
        written: list[str] = []
        lock = threading.Lock()

        def write(device) -> None:  # type: ignore[no-untyped-def]
            for _ in range(5):
                homes = [household() for _ in range(20)]
                device.push([op("households", h) for h in homes])
                with lock:
                    written.extend(h["id"] for h in homes)

        threads = [threading.Thread(target=write, args=(w,)) for w in writers]
        for thread in threads:
            thread.start()
        received: set[str] = set()
        while any(t.is_alive() for t in threads):
            received |= _ids(reader.pull_all(limit=7), "households")
        for thread in threads:
            thread.join()
        received |= _ids(reader.pull_all(limit=7), "households")
        assert received == set(written) and len(written) == 300
