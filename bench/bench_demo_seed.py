"""`kampung demo seed` at one or more sizes, side by side (targets: 100,000 households ≤ 30 s,
1,000,000 ≤ 120 s).

Runs the real command in a subprocess on a fresh data dir per size and reports wall and CPU
time, rows, file size and the time per 1,000 households, with the ratio of the last size to
the first. --data-dir keeps the seeded dirs (DIR/seed-N) for the other benchmarks; without it
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
    return {
        "households": households,
        "members": members,
        "wall s": took,
        "cpu s (all processes)": (after.ru_utime + after.ru_stime)
        - (before.ru_utime + before.ru_stime),
        "database MB": db.stat().st_size / 1e6,
        "wall s per 1,000 households": took / households * 1000,
    }


def run(base: Path, sizes: list[int], encrypted: bool = False) -> int:
    kind = "enc-seed" if encrypted else "seed"
    results = [seed_once(base / f"{kind}-{n}", n, encrypted) for n in sizes]
    print(f"{'':30s}" + "".join(f"{int(r['households']):>14,}" for r in results) + "   ratio")
    for name in list(results[0])[1:]:
        values = [r[name] for r in results]
        ratio = values[-1] / values[0] if values[0] else float("nan")
        print(f"{name:30s}" + "".join(f"{v:14.1f}" for v in values) + f"   {ratio:5.2f}")
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
