"""A pull into an empty laptop writes rows without the secondary indexes and count triggers of
households and members and builds them once at the end; a pull killed meanwhile is finished
at the next open. Storage-level: pages applied as the pull applies them, no server needed."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from kampung_sync.protocol import Change
from server_fixtures import LiveServer
from sync_support import KEL, Laptop

from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.storage import pull_bulk
from kampung_desktop.storage.sync_apply import apply_page

NOW = "2026-11-23T08:00:00.000Z"
SCHEMA = (
    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('households', 'members') "
    "AND sql IS NOT NULL ORDER BY name"
)


def _page(first: int, households: int, seq: int) -> list[Change]:
    changes = []
    for h in range(first, first + households):
        hid = f"00000000-0000-4000-8000-{h:012d}"
        seq += 1
        data = {"id": hid, "kelurahan_kode": KEL, "rw": 1 + h % 3, "rt": 1 + h % 4,
                "address": f"Jl. Kenanga {h}", "no_kk": None, "head_name": f"Kepala {h}",
                "member_count": 2, "created_at": NOW, "updated_at": NOW, "revision": 1}  # fmt: skip
        changes.append(Change(seq=seq, table="households", record_id=hid, revision=1, data=data))
        for j in range(2):
            mid = f"00000000-0000-4000-9000-{h * 2 + j:012d}"
            seq += 1
            born = date(1980 + j, 1 + h % 12, 1 + j)
            data = {"id": mid, "household_id": hid, "name": f"Warga {h} {j}",
                    "nik": nik.compose("367109", Sex.MALE if j == 0 else Sex.FEMALE, born, 1 + h),
                    "sex": "L" if j == 0 else "P", "birth_date": born.isoformat(),
                    "relationship": "1" if j == 0 else "2", "position": j,
                    "created_at": NOW, "updated_at": NOW, "revision": 1}  # fmt: skip
            changes.append(Change(seq=seq, table="members", record_id=mid, revision=1, data=data))
    return changes


def _schema(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(SCHEMA).fetchall()


def _state(conn: sqlite3.Connection) -> tuple:
    """Counts kept by triggers, documents in the search index, and the integrity check."""
    counts = conn.execute(
        "SELECT kelurahan_kode, rw, rt, n FROM household_counts WHERE n > 0 ORDER BY 1, 2, 3"
    ).fetchall()
    recount = conn.execute(
        "SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0 "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ).fetchall()
    found = conn.execute(
        "SELECT count(*) FROM household_search WHERE household_search MATCH '\"kenanga\"*'"
    ).fetchone()[0]
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return counts == recount, found, integrity


def _user_adds_household(ctx: AppContext) -> str:
    """What the window may do between two pages: a household saved through the services."""
    born = date(1990, 5, 6)
    member = MemberInput(name="Siti Kenanga", sex="P", relationship="1", birth_date=born,
                         nik=nik.compose("367109", Sex.FEMALE, born, 9001))  # fmt: skip
    draft = HouseholdInput(kelurahan_kode=KEL, rw=9, rt=9, address="Jl. Kenanga Baru",
                           members=[member])  # fmt: skip
    return RegistryService(ctx.db, ctx.user_id).save(draft, date(2026, 11, 23)).household_id


def test_pull_into_empty_laptop_builds_indexes_once_at_the_end(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop")
    try:
        with laptop.ctx.db.raw() as conn:
            schema = _schema(conn)
            first = apply_page(conn, _page(0, 300, 0), 900, known_before=False, more_coming=True)
            # set aside: every secondary index and count trigger but the one that finds a
            # household's members (search documents need it); their SQL is kept
            kept = [s for s in schema if s[0] == "table" or s[1] == "ix_members_household"]
            assert _schema(conn) == kept and len(kept) < len(schema)
            assert sorted(tuple(p) for p in pull_bulk.stored(conn)) == sorted(
                s for s in schema if s not in kept
            )
            assert len(first.households) == 300
        _user_adds_household(laptop.ctx)  # the window keeps working meanwhile
        with laptop.ctx.db.raw() as conn:
            # the next page indexes the households the first one brought (not touched again)
            last = _page(300, 100, 900) + _page(0, 1, 1200)[1:]  # house 0's members edited
            apply_page(conn, last, 1300, known_before=False, settled=first.households)
            assert _searchable(conn) == 299 + 1  # house 0 waits; the window's is indexed
            assert pull_bulk.stored(conn) is not None  # the last page leaves it to the end
            assert pull_bulk.restore(conn) == 101  # house 0 and the last page's 100
            assert _schema(conn) == schema and pull_bulk.stored(conn) is None
            assert _state(conn) == (True, 401, "ok")
            assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == 801
    finally:
        laptop.close()


def _searchable(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM household_search").fetchone()[0]


def test_pull_killed_while_indexes_are_set_aside_is_finished_at_next_open(
    tmp_path: Path,
) -> None:
    laptop = Laptop(tmp_path / "laptop")
    with laptop.ctx.db.raw() as conn:
        schema = _schema(conn)
        apply_page(conn, _page(0, 200, 0), 600, known_before=False, more_coming=True)
        assert pull_bulk.stored(conn) is not None
    laptop.close()  # the process dies here: no restore ran
    again = AppContext.open(tmp_path / "laptop")
    try:
        with again.db.raw() as conn:
            assert pull_bulk.stored(conn) is None
            assert _schema(conn) == schema
            assert _state(conn) == (True, 200, "ok")
            assert conn.execute("SELECT cursor FROM sync_state").fetchone()[0] == 600
    finally:
        again.close()


def test_a_laptop_with_households_keeps_its_indexes(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop")
    try:
        _user_adds_household(laptop.ctx)
        with laptop.ctx.db.raw() as conn:
            schema = _schema(conn)
            apply_page(conn, _page(0, 100, 0), 300, more_coming=True)
            assert _schema(conn) == schema and pull_bulk.stored(conn) is None
            pull_bulk.restore(conn)
            assert _state(conn) == (True, 101, "ok")
    finally:
        laptop.close()


@pytest.mark.slow
def test_laptop_killed_mid_bulk_pull_is_whole_after_reopen_and_sync(
    server: LiveServer, laptop_factory: Callable[[str], Laptop]
) -> None:
    """A real `kampung sync` process killed after its first pages: the next open builds the
    indexes set aside, and the next sync brings the rest; nothing lost, nothing twice."""
    a = laptop_factory("a")
    a.enrol(server, "ani")
    a.add_households(150)
    assert a.sync.sync().ok
    b = laptop_factory("b")
    b.enrol(server, "dedi")
    with b.ctx.db.raw() as conn:
        schema = _schema(conn)
        conn.execute(
            "UPDATE sync_device SET limits = json_object('max_ops_per_batch', 40, "
            "'max_batch_bytes', 8388608, 'max_pull_limit', 40)"
        )
    proc = subprocess.Popen(
        [sys.executable, "-m", "kampung_desktop", "sync", "--data-dir", str(b.data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    members = 0
    while time.monotonic() < deadline and proc.poll() is None and members == 0:
        with b.ctx.db.raw() as conn:
            members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    with b.ctx.db.raw() as conn:
        assert 0 < conn.execute("SELECT count(*) FROM members").fetchone()[0] < 450
        assert pull_bulk.stored(conn) is not None  # killed while set aside
        assert _schema(conn) != schema
    b.close()
    again = Laptop(b.data_dir)
    try:
        with again.ctx.db.raw() as conn:
            assert _schema(conn) == schema and pull_bulk.stored(conn) is None
        assert again.sync.sync().ok
        assert again.rows("households") == a.rows("households")
        assert again.rows("members") == a.rows("members")
        with again.ctx.db.raw() as conn:
            assert _schema(conn) == schema
            ok, _found, integrity = _state(conn)
            assert ok and integrity == "ok"
            found = conn.execute(
                "SELECT count(*) FROM household_search WHERE household_search MATCH '\"warga\"*'"
            ).fetchone()[0]
            assert found == 150
    finally:
        again.close()
