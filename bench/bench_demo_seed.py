"""`kampung demo seed` at one or more sizes, side by side (targets: 100,000 households ≤ 30 s,
1,000,000 ≤ 120 s).

Runs the real command in a subprocess on a fresh data dir per size and reports wall and CPU
time, rows, file size and the time per 1,000 households, with the ratio of the last size to
the first. The floor, measured in the same run right after each seed: the same rows (same
seed) written by bare executemany in one transaction into an empty file with the seed's
pragmas (and the same key when encrypted), into tables with the same columns and primary keys
but no secondary index, trigger or full-text index (the search documents go to a plain
table); generating the rows is not counted. seed / floor is the figure that machine load does
not move much. --data-dir keeps the seeded dirs (DIR/seed-N) for the other benchmarks; without it
they go to a temp dir and are removed.

Usage: .venv/bin/python bench/bench_demo_seed.py --households 100000 --households 1000000 \\
           [--data-dir /tmp/kampung-seeds] [--encrypted]
(--encrypted: a protected demo dir, SQLCipher-encrypted from the first row, as `make run`)
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS_S = {100_000: 30.0, 1_000_000: 120.0}


def seed_once(data: Path, households: int, encrypted: bool = False) -> dict[str, float]:
    if data.exists():
        shutil.rmtree(data)  # a fresh dir each time: the figure is for a new database
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "demo", "seed", "--data-dir", str(data)]
        + ["--households", str(households), "--seed", "1"]
        + (["--demo-admin"] if encrypted else []),  # protected: SQLCipher from the start
        check=True,
        stdout=subprocess.DEVNULL,
    )
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    db = data / "kampung.sqlite3"
    from bench_keys import key_for

    from kampung_desktop.storage.connection import connect

    conn = connect(db, key_for(data))
    members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    floor = floor_s(data, households)
    return {
        "households": households,
        "members": members,
        "wall s": took,
        "cpu s (all processes)": (after.ru_utime + after.ru_stime)
        - (before.ru_utime + before.ru_stime),
        "database MB": db.stat().st_size / 1e6,
        "wall s per 1,000 households": took / households * 1000,
        "floor: bare executemany, wall s": floor,
        "floor per 1,000 households, s": floor / households * 1000,
        "seed / floor": took / floor,
    }


def floor_s(data: Path, households: int) -> float:
    """Seconds to executemany the seed's rows (households, members, search documents) into an
    empty file with the same pragmas and table definitions, without indexes or triggers."""
    from datetime import date

    from bench_keys import key_for

    from kampung_desktop.services import demo
    from kampung_desktop.services.demo_generator import CHUNK, HOUSE_FIELDS, MEMBER_ROW, make_chunk
    from kampung_desktop.storage import demo_load
    from kampung_desktop.storage.connection import connect

    key = key_for(data)
    src = connect(data / "kampung.sqlite3", key)
    tables = dict(src.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('households', 'members')"
    ).fetchall())  # fmt: skip
    kelurahan = [r[0] for r in src.execute(
        "SELECT kode FROM wilayah WHERE level = 4 AND kode LIKE ? ORDER BY kode",
        (demo.DEMO_CITY + ".%",),
    )]  # fmt: skip
    src.close()
    path = data.parent / f"{data.name}-floor.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = connect(path, key, remembered=False)
    conn.isolation_level = None
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-131072"):
        conn.execute(f"PRAGMA {pragma}")
    for sql in tables.values():
        conn.execute(sql)
    conn.execute("CREATE TABLE docs (body TEXT)")
    now = "2026-07-01T00:00:00.000Z"
    h_sql = demo_load.stamped_insert("households", ["rowid", *HOUSE_FIELDS], now)
    m_sql = demo_load.stamped_insert("members", list(MEMBER_ROW), now)
    took, rowid, today = 0.0, 0, date(2026, 7, 1)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    took += time.perf_counter() - start
    for k in range(-(-households // CHUNK)):
        made = make_chunk(1, k, min(CHUNK, households - k * CHUNK), kelurahan, today)
        rows_h = [(rowid + i + 1, *house) for i, (house, _, _) in enumerate(made)]
        rows_m = [m for _, members, _ in made for m in members]
        rows_s = [(rowid + i + 1, doc) for i, (_, _, doc) in enumerate(made)]
        rowid += len(made)
        start = time.perf_counter()
        conn.executemany(h_sql, rows_h)
        conn.executemany(m_sql, rows_m)
        conn.executemany("INSERT INTO docs (rowid, body) VALUES (?, ?)", rows_s)
        took += time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("COMMIT")
    took += time.perf_counter() - start
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return took


def run(base: Path, sizes: list[int], encrypted: bool = False) -> int:
    kind = "enc-seed" if encrypted else "seed"
    results = [seed_once(base / f"{kind}-{n}", n, encrypted) for n in sizes]
    print(f"{'':30s}" + "".join(f"{int(r['households']):>14,}" for r in results) + "   ratio")
    for name in list(results[0])[1:]:
        values = [r[name] for r in results]
        ratio = values[-1] / values[0] if values[0] else float("nan")
        print(
            f"{name:30s}"
            + "".join(f"{v:14.3f}" if abs(v) < 10 else f"{v:14.1f}" for v in values)
            + f"   {ratio:5.2f}"
        )
    failed = 0
    for r in results:
        target = TARGETS_S.get(int(r["households"]))
        if target:
            ok = r["wall s"] <= target
            failed += not ok
            print(
                f"  {int(r['households']):,} households: {r['wall s']:.1f} s "
                f"(target ≤ {target:.0f} s)  {'PASS' if ok else 'FAIL'}"
            )
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, action="append")
    parser.add_argument("--data-dir", type=Path, help="keep the seeded dirs here (DIR/seed-N)")
    parser.add_argument(
        "--encrypted",
        action="store_true",
        help="seed a protected dir (--demo-admin: SQLCipher from the first row; DIR/enc-seed-N)",
    )
    args = parser.parse_args()
    sizes = args.households or [100_000]
    if args.data_dir:
        return run(args.data_dir, sizes, args.encrypted)
    with tempfile.TemporaryDirectory() as tmp:
        return run(Path(tmp), sizes, args.encrypted)


if __name__ == "__main__":
    raise SystemExit(main())
