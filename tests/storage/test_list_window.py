"""Listings read the same households, in the same order, as one full sort, at a cost that does
not grow with the number of households; the maintained counts follow every write."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from kampung_desktop.services import demo
from kampung_desktop.storage import engine
from kampung_desktop.storage import list_window as lw
from kampung_desktop.storage.household_list import (
    AreaFilter,
    area_counts,
    area_total,
    order_by,
    rebuild_counts,
)
from kampung_desktop.storage.search import match_expression

KECAMATAN = "36.71.01"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    from kampung_desktop.services.app import AppContext

    data_dir = tmp_path_factory.mktemp("listing")
    ctx = AppContext.open(data_dir)
    demo.seed(ctx.db, 700, 3)
    path = ctx.db.path
    ctx.close()
    return path


def connect_to(path: Path):
    return lambda: engine.raw_connection(path)


def full_sort(conn: sqlite3.Connection, spec: lw.ListSpec) -> list[int]:
    """The reference answer: every match, sorted by SQLite in one go."""
    where, params = ["h.deleted = 0"], []
    if spec.area.kode_prefix:
        where.append("(h.kelurahan_kode = ? OR h.kelurahan_kode LIKE ?)")
        params += [spec.area.kode_prefix, spec.area.kode_prefix + ".%"]
    if spec.area.rw is not None:
        where += [f"h.rw = {int(spec.area.rw)}"]
    if spec.area.rt is not None:
        where += [f"h.rt = {int(spec.area.rt)}"]
    if spec.query:
        where.append(
            "h.rowid IN (SELECT rowid FROM household_search WHERE household_search MATCH ?)"
        )
        params.append(match_expression(spec.query))
    sql = (
        f"SELECT h.rowid FROM households h NOT INDEXED WHERE {' AND '.join(where)} "
        f"ORDER BY {order_by(spec.sort, spec.descending)}"
    )
    return [r[0] for r in conn.execute(sql, params)]


def some_area(conn: sqlite3.Connection) -> tuple[str, int, int]:
    return conn.execute(
        "SELECT kelurahan_kode, rw, rt FROM households GROUP BY 1, 2, 3 ORDER BY count(*) DESC"
    ).fetchone()


def check_pages(listing: lw.Listing, expected: list[int], rng: random.Random) -> None:
    assert listing.total == len(expected)
    ids = lambda start, n: [r.rowid for r in listing.rows(start, n)]  # noqa: E731
    for start in range(0, len(expected), 37):  # forward, page after page
        assert ids(start, 37) == expected[start : start + 37]
    for _ in range(25):  # the scroll bar dragged anywhere
        start = rng.randrange(0, max(1, len(expected)))
        assert ids(start, 23) == expected[start : start + 23]
    for rowid in rng.sample(expected, min(10, len(expected))):
        assert listing.position_of(rowid) == expected.index(rowid)


SPECS = [
    lw.ListSpec(),
    lw.ListSpec(descending=True),
    lw.ListSpec(sort="address"),
    lw.ListSpec(sort="area", descending=True),
    lw.ListSpec(sort="member_count"),
    lw.ListSpec(sort="member_count", descending=True),
    lw.ListSpec(area=AreaFilter(KECAMATAN)),
    lw.ListSpec(area=AreaFilter(KECAMATAN), sort="address", descending=True),
    lw.ListSpec(query="a"),
    lw.ListSpec(query="s", sort="member_count", descending=True),
    lw.ListSpec(query="a", area=AreaFilter(KECAMATAN)),
    lw.ListSpec(query="si"),
]


@pytest.mark.parametrize("materialize_max", [10, 100_000], ids=["keyset", "rowids"])
@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_every_read_matches_one_full_sort(seeded, monkeypatch, spec, materialize_max):
    monkeypatch.setattr(lw, "MATERIALIZE_MAX", materialize_max)
    conn = engine.raw_connection(seeded)
    expected = full_sort(conn, spec)
    assert expected, "the fixture should match something"
    listing = lw.open_listing(connect_to(seeded), spec, first=40)
    # Without a search this fixture's areas are large shares of it: paged along the index.
    keyset = materialize_max == 10 or not spec.query
    assert isinstance(listing, lw.KeysetListing if keyset else lw.RowidListing)
    assert [r.rowid for r in listing.first_rows] == expected[:40]
    check_pages(listing, expected, random.Random(str(spec)))
    listing.close()
    conn.close()


def test_small_areas_and_rare_words_are_listed_whole(seeded):
    conn = engine.raw_connection(seeded)
    kel, rw, rt = some_area(conn)
    assert isinstance(
        lw.open_listing(connect_to(seeded), lw.ListSpec(AreaFilter(kel))), lw.KeysetListing
    )
    for spec in (
        lw.ListSpec(area=AreaFilter(kel, rw, rt)),
        lw.ListSpec(query=conn.execute("SELECT nik FROM members LIMIT 1").fetchone()[0][:12]),
    ):
        listing = lw.open_listing(connect_to(seeded), spec)
        assert isinstance(listing, lw.RowidListing)
        check_pages(listing, full_sort(conn, spec), random.Random(1))
    nothing = lw.open_listing(connect_to(seeded), lw.ListSpec(query="zzzzqqq"))
    assert nothing.total == 0 and nothing.rows(0, 10) == []
    conn.close()


def test_pages_next_to_known_ones_step_over_nothing(seeded, monkeypatch):
    monkeypatch.setattr(lw, "MATERIALIZE_MAX", 10)
    listing = lw.open_listing(connect_to(seeded), lw.ListSpec(), first=50)
    listing.rows(50, 50)  # after the first page: starts from its last key
    assert listing.scanned == 50
    listing.rows(600, 50)  # far away: nearer the end, so counted back from it
    assert listing.scanned == listing.total - 600
    listing.rows(550, 50)  # just before a known page: read backwards from its first key
    assert listing.scanned == 50


def test_names_differing_only_in_case_keep_one_order_across_pages(data_dir, monkeypatch):
    from kampung_desktop.services.app import AppContext

    ctx = AppContext.open(data_dir)
    demo.seed(ctx.db, 30, 1)
    with ctx.db.raw() as conn:
        names = ["adi", "Adi", "ADI", "budi", "Budi", "ádi", "Zaki", "zaki"] * 5
        conn.executemany(
            "UPDATE households SET head_name = ? WHERE rowid = ?",
            [(name, i + 1) for i, name in enumerate(names)],
        )
        conn.commit()
    monkeypatch.setattr(lw, "MATERIALIZE_MAX", 5)
    path = ctx.db.path
    ctx.close()
    conn = engine.raw_connection(path)
    for descending in (False, True):
        spec = lw.ListSpec(descending=descending)
        listing = lw.open_listing(connect_to(path), spec)
        expected = full_sort(conn, spec)
        got = [r.rowid for start in range(0, 30, 4) for r in listing.rows(start, 4)]
        assert got == expected


def opcodes(path: Path, spec: lw.ListSpec) -> int:
    """SQLite virtual-machine steps to open a listing and read its first two pages."""
    steps = [0]

    def connect() -> sqlite3.Connection:
        conn = engine.raw_connection(path)
        conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1), 100)
        return conn

    listing = lw.open_listing(connect, spec, first=100)
    listing.rows(100, 100)
    listing.close()
    return steps[0] * 100


def test_opening_costs_the_same_for_ten_times_the_households(tmp_path):
    from kampung_desktop.services.app import AppContext

    paths = {}
    for n in (400, 4000):
        ctx = AppContext.open(tmp_path / str(n))
        demo.seed(ctx.db, n, 5)
        paths[n] = ctx.db.path
        ctx.close()
    for spec in (lw.ListSpec(), lw.ListSpec(sort="member_count", descending=True)):
        small, large = opcodes(paths[400], spec), opcodes(paths[4000], spec)
        assert large < 1.5 * small + 5000, (spec, small, large)

    # The measure does see growth: one full sort costs ten times as much at ten times the size.
    def full_sort_opcodes(path: Path) -> int:
        conn, steps = engine.raw_connection(path), [0]
        conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1), 100)
        full_sort(conn, lw.ListSpec())
        conn.close()
        return steps[0] * 100

    assert full_sort_opcodes(paths[4000]) > 5 * full_sort_opcodes(paths[400])


def test_counts_follow_inserts_moves_and_deletes(seeded, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    source = sqlite3.connect(seeded)
    source.backup(target := sqlite3.connect(copy))
    source.close()
    conn = target

    def truth() -> dict:
        return {
            (k, rw, rt): n
            for k, rw, rt, n in conn.execute(
                "SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0 "
                "GROUP BY 1, 2, 3"
            )
        }

    assert area_counts(conn) == truth()
    kel, rw, rt = some_area(conn)
    conn.execute("UPDATE households SET rw = 99 WHERE rowid = 1")  # moved to a new RW
    conn.execute("UPDATE households SET deleted = 1 WHERE rowid = 2")  # soft delete
    conn.execute("UPDATE households SET deleted = 0 WHERE rowid = 2")  # and back
    conn.execute("UPDATE households SET deleted = 1 WHERE rowid = 3")
    conn.execute("UPDATE households SET address = 'Jl. Baru' WHERE rowid = 4")  # no area change
    conn.execute("DELETE FROM households WHERE rowid IN (5, 3)")  # one live, one soft-deleted
    conn.execute(
        "INSERT INTO households (id, kelurahan_kode, rw, rt, address, created_at, updated_at) "
        "VALUES ('x1', ?, ?, ?, 'Jl. X', 'now', 'now')",
        (kel, rw, rt),
    )
    conn.execute(
        "INSERT INTO households (id, kelurahan_kode, rw, rt, address, deleted, created_at, "
        "updated_at) VALUES ('x2', ?, ?, ?, 'Jl. Y', 1, 'now', 'now')",
        (kel, rw, rt),
    )
    conn.commit()
    assert area_counts(conn) == truth()
    assert area_total(conn, AreaFilter()) == sum(truth().values())
    assert area_total(conn, AreaFilter(kel, rw, rt)) == truth()[(kel, rw, rt)]
    kecamatan = kel.rsplit(".", 1)[0]
    assert area_total(conn, AreaFilter(kecamatan)) == sum(
        n for (k, _, _), n in truth().items() if k.startswith(kecamatan + ".")
    )
    conn.execute("UPDATE household_counts SET n = n + 7")  # damaged somehow: recount
    rebuild_counts(conn)
    assert area_counts(conn) == truth()
    conn.close()


def test_counts_are_built_for_existing_households_by_the_migration(data_dir):
    from kampung_desktop.storage import migrations

    path = engine.prepare_database(data_dir, migrate=False)
    conn = engine.raw_connection(path)
    migrations.upgrade(conn, target=6)
    conn.execute(
        "INSERT INTO wilayah (id, kode, nama, level, source, created_at, updated_at) "
        "VALUES ('w', '36.71.01.1001', 'Sukarasa', 4, 'test', 'now', 'now')"
    )
    for i, (rw, rt, deleted) in enumerate([(1, 1, 0), (1, 1, 0), (1, 2, 0), (1, 2, 1)]):
        conn.execute(
            "INSERT INTO households (id, kelurahan_kode, rw, rt, address, deleted, created_at, "
            "updated_at) VALUES (?, '36.71.01.1001', ?, ?, 'Jl.', ?, 'now', 'now')",
            (f"h{i}", rw, rt, deleted),
        )
    migrations.upgrade(conn)
    assert area_counts(conn) == {("36.71.01.1001", 1, 1): 2, ("36.71.01.1001", 1, 2): 1}
    conn.close()


@pytest.mark.parametrize("spec", [lw.ListSpec(), lw.ListSpec(query="a", descending=True)], ids=str)
def test_filled_positions_bound_every_jump(seeded, monkeypatch, spec):
    monkeypatch.setattr(lw, "MATERIALIZE_MAX", 10)
    monkeypatch.setattr(lw, "ANCHOR_STEP", 50)
    listing = lw.open_listing(connect_to(seeded), spec)
    rounds = 1
    while not listing.fill_positions(budget_s=0):
        rounds += 1
    assert rounds > 1  # done in short slices, so other jobs can run in between
    assert listing.positions_ready
    rng = random.Random(2)
    for _ in range(40):
        start = rng.randrange(0, listing.total)
        listing.rows(start, 20)
        assert listing.scanned < 50 + 20
    conn = engine.raw_connection(seeded)
    check_pages(listing, full_sort(conn, spec), rng)
    listing.close()
    assert listing.fill_positions()  # a closed listing has nothing left to do
