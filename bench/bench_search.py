"""Search over 100,000 households at the storage level (floors: 100-row indexed page ≈ 1.5 ms,
FTS5 name search ≈ 1.4 ms). The on-screen figure (target b) is measured by bench_gui_table.py.

Usage: .venv/bin/python bench/bench_search.py [--data-dir DIR]  (seeds 100k demo households
into a temp dir when none is given)
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kampung_desktop.storage.database import Database
from kampung_desktop.storage.household_list import AreaFilter, ordered_rowids, rows_for


def _timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _report(name: str, samples: list[float], floor: float | None = None) -> None:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    ratio = f", p50/floor {p50 / floor:.2f}" if floor else ""
    print(f"{name:44s} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms{ratio}")


def run(data_dir: Path) -> None:
    db = Database.open(data_dir)
    rng = random.Random(7)
    with db.raw() as conn:
        names = [r[0].split()[0] for r in conn.execute("SELECT name FROM members LIMIT 2000")]
        niks = [r[0] for r in conn.execute("SELECT nik FROM members LIMIT 2000")]
        total = conn.execute("SELECT count(*) FROM households").fetchone()[0]

        # Floors measured in the same run: an indexed 100-row page, a bare FTS5 query.
        def floor_page():
            off = rng.randint(0, total - 100)
            conn.execute(
                "SELECT id, head_name, address FROM households WHERE deleted = 0 "
                "ORDER BY head_name COLLATE NOCASE "
                f"LIMIT 100 OFFSET {off}"
            ).fetchall()

        def floor_fts():
            conn.execute(
                "SELECT rowid FROM household_search WHERE household_search MATCH ? LIMIT 100",
                (f'"{rng.choice(names)}"*',),
            ).fetchall()

        all_ids = ordered_rowids(conn)
        page_floor = _timed(floor_page, 200)
        fts_floor = _timed(floor_fts, 200)

        def app_page():
            off = rng.randint(0, len(all_ids) - 100)
            rows_for(conn, all_ids[off : off + 100])

        def typed(prefix_len: int):
            def go():
                word = rng.choice(names)[:prefix_len]
                ids = ordered_rowids(conn, AreaFilter(), word, limit=100)
                rows_for(conn, ids)

            return go

        def by_nik():
            ids = ordered_rowids(conn, AreaFilter(), rng.choice(niks)[:10], limit=100)
            rows_for(conn, ids)

        print(f"households: {total}")
        _report("floor: indexed 100-row page", page_floor)
        _report("floor: FTS5 name query", fts_floor)
        _report("app: 100-row page by rowid", _timed(app_page, 200), statistics.median(page_floor))
        for n in (2, 3, 5):
            _report(
                f"app: search-as-you-type, {n} letters + 100 rows",
                _timed(typed(n), 200),
                statistics.median(fts_floor),
            )
        _report(
            "app: NIK prefix (10 digits) + rows", _timed(by_nik, 200), statistics.median(fts_floor)
        )
        _report("app: all 100k rowids sorted by name", _timed(lambda: ordered_rowids(conn), 10))
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    if args.data_dir:
        run(args.data_dir)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kampung_desktop",
                "demo",
                "seed",
                "--data-dir",
                tmp,
                "--households",
                "100000",
                "--seed",
                "1",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        run(Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
