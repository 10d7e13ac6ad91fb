"""A pulled page this laptop's database refuses ends the sync with a clear message, never a
traceback; the page is rolled back with its cursor, and the next sync takes it again.
Real server process on 127.0.0.1."""

from __future__ import annotations

from kampung_desktop.services.sync.engine import LOCAL_ERROR


def test_a_page_the_database_refuses_stops_cleanly_and_is_taken_again(server, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    a.add_households(3)
    assert a.sync.sync().ok
    with b.ctx.db.raw() as conn:  # any rule of the local database a page might break
        conn.execute(
            "CREATE TRIGGER refuse_households BEFORE INSERT ON households "
            "BEGIN SELECT RAISE(ABORT, 'refused by a local rule'); END"
        )
    refused = b.sync.sync()
    assert not refused.ok and refused.error == LOCAL_ERROR and " / " in refused.error
    assert refused.needs_attention and b.sync.status().state == "needs_attention"
    assert b.rows("households") == {} and b.rows("members") == {}  # nothing half-applied
    with b.ctx.db.raw() as conn:
        conn.execute("DROP TRIGGER refuse_households")
    again = b.sync.sync()
    assert again.ok, again.error
    assert b.rows("households") == a.rows("households")
    assert b.rows("members") == a.rows("members")
    assert b.sync.status().state == "up_to_date"
