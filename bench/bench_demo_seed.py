"""Target (d): `kampung demo seed` of 100,000 households with members in ≤ 30 s.

Runs the real command in a subprocess on a fresh temp data dir and reports wall time, rows and
file size. Usage: .venv/bin/python bench/bench_demo_seed.py [--households N]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 30.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kampung_desktop",
                "demo",
                "seed",
                "--data-dir",
                str(data),
                "--households",
                str(args.households),
                "--seed",
                "1",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        took = time.perf_counter() - start
        db = data / "kampung.sqlite3"
        conn = sqlite3.connect(db)
        members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size_mb = db.stat().st_size / 1e6
    print(f"demo seed: {args.households} households, {members} members")
    print(f"  wall time {took:.1f} s (target ≤ {TARGET_S:.0f} s: {took / TARGET_S:.2f} of target)")
    print(f"  database size {size_mb:.0f} MB")
    return 0 if took <= TARGET_S or args.households != 100_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
