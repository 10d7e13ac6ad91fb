"""The household list and search at the storage level, at one size or side by side (issue 11).

For each data dir: floors that cost the same at any size (a 100-row range read along the name
index, a bare FTS5 prefix query), then what the window asks for: a listing opened (total and
first rows), the next page, a jump anywhere (before and after the listing learns its
positions), areas of the wilayah tree, search as you type (the first screen) and the complete,
sorted search listing, the tree's counts. With several --data-dir the figures are printed side
by side with the ratio last/first: flat means the cost does not grow with the households.
The on-screen figures are measured by bench_gui_table.py.

Usage: .venv/bin/python bench/bench_search.py --data-dir /tmp/kampung-100k --data-dir /tmp/kampung-1m
(seeds 100,000 demo households into a temp dir when no data dir is given)
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services import first_view
from kampung_desktop.storage import engine
from kampung_desktop.storage import list_window as lw
from kampung_desktop.storage.household_list import AreaFilter, ordered_rowids, rows_for

PAGE = 100


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(data_dir: Path, rng: random.Random) -> dict[str, tuple[float, float]]:
    """(p50, p95) in ms for each figure."""
    from bench_keys import key_for  # encrypted demo dir: the demo admin's key

    key = key_for(data_dir)
    path = engine.prepare_database(data_dir, key=key)
    connect = lambda: engine.raw_connection(path, key)  # noqa: E731
    conn = connect()
    names = [r[0].split()[0] for r in conn.execute("SELECT name FROM members LIMIT 3000")]
    areas = conn.execute(
        "SELECT kelurahan_kode, rw, rt FROM household_counts WHERE n > 0 LIMIT 2000"
    ).fetchall()
    keys = [r[0] for r in conn.execute("SELECT head_name FROM households LIMIT 2000")]
    out: dict[str, list[float]] = {}

    def add(name: str, fn: Callable[[], object], runs: int) -> None:
        out[name] = timed(fn, runs)

    add(
        "floor: 100 rows along the name index",
        lambda: conn.execute(
            "SELECT rowid, head_name FROM households WHERE deleted = 0 AND "
            "head_name COLLATE NOCASE >= ? ORDER BY head_name COLLATE NOCASE LIMIT 100",
            (rng.choice(keys),),
        ).fetchall(),
        200,
    )
    add(
        "floor: FTS5 prefix query, 100 rowids",
        lambda: conn.execute(
            "SELECT rowid FROM household_search WHERE household_search MATCH ? LIMIT 100",
            (f'"{rng.choice(names)[:3]}"*',),
        ).fetchall(),
        200,
    )

    def opened(spec: lw.ListSpec) -> lw.Listing:
        listing = lw.open_listing(connect, spec, PAGE)
        listing.close()
        return listing

    add("open whole list (total + first 100 rows)", lambda: opened(lw.ListSpec()), 30)
    add(
        "open whole list sorted by members, descending",
        lambda: opened(lw.ListSpec(sort="member_count", descending=True)),
        30,
    )
    whole = lw.open_listing(connect, lw.ListSpec(), PAGE)
    position = [PAGE]

    def next_page() -> None:
        whole.rows(position[0], PAGE)
        position[0] = (position[0] + PAGE) % max(PAGE, whole.total - PAGE)

    add("next page (scrolling)", next_page, 200)
    add("jump anywhere, positions not yet learned", lambda: jump(whole, rng), 30)
    filled = timed(lambda: fill(whole), 1)
    add("jump anywhere, positions learned", lambda: jump(whole, rng), 200)
    out["learning positions (worker, background)"] = filled
    whole.close()

    kecamatan = areas[0][0].rsplit(".", 1)[0]
    add("open a kecamatan", lambda: opened(lw.ListSpec(AreaFilter(kecamatan))), 20)
    add("open a kelurahan", lambda: opened(lw.ListSpec(AreaFilter(rng.choice(areas)[0]))), 20)
    add("open an RT", lambda: opened(lw.ListSpec(AreaFilter(*rng.choice(areas)))), 50)

    for n in (1, 2, 3, 5):

        def first_screen(n: int = n) -> None:
            ids = ordered_rowids(conn, AreaFilter(), rng.choice(names)[:n], limit=PAGE)
            rows_for(conn, ids)

        add(f"search as you type: first screen, {n} letters", first_screen, 100)
    for n in (1, 2, 3):
        add(
            f"complete sorted search listing, {n} letters",
            lambda n=n: opened(lw.ListSpec(query=rng.choice(names)[:n])),
            15,
        )
    add(
        "tree counts, first view (to kelurahan)", lambda: first_view.tree(conn, Level.KELURAHAN), 20
    )
    add("tree counts, to RT", lambda: first_view.tree(conn), 5)
    add("context: every rowid sorted by name (the old way)", lambda: ordered_rowids(conn), 3)
    out["households"] = [float(lw.open_listing(connect, lw.ListSpec()).total)] * 2
    conn.close()
    return {name: (statistics.median(v), p95(v)) for name, v in out.items()}


def jump(listing: lw.Listing, rng: random.Random) -> None:
    listing.rows(rng.randrange(0, max(1, listing.total - PAGE)), PAGE)


def fill(listing: lw.Listing) -> None:
    while not listing.fill_positions():
        pass


def report(dirs: list[Path], results: list[dict[str, tuple[float, float]]]) -> None:
    sizes = "".join(f"{int(r['households'][0]):>22,}" for r in results)
    print(f"{'households':52s}{sizes}   ratio (p50)")
    print(f"{'':52s}{'   p50 ms    p95 ms' * len(results)}")
    for name in results[0]:
        if name == "households":
            continue
        cells = "".join(f"{r[name][0]:10.2f}{r[name][1]:10.2f}  " for r in results)
        ratio = results[-1][name][0] / results[0][name][0]
        print(f"{name:52s}{cells} {ratio:6.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, action="append")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.data_dir:
        results = [measure(d, random.Random(args.seed)) for d in args.data_dir]
        report(args.data_dir, results)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "kampung_desktop", "demo", "seed", "--data-dir", tmp]
            + ["--households", "100000", "--seed", "1"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        report([Path(tmp)], [measure(Path(tmp), random.Random(args.seed))])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
