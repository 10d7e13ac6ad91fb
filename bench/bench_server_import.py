"""`kampung server households import` of a city-sized registry (default 20,000 households with
their members, ~70,000 rows), on SQLite and on PostgreSQL (fsync on); the real command in its
own process. Reported: wall time and rows/s; the floor is reading and checking the same file
alone (`read_registry`, no database), measured in the same run.

Usage: .venv/bin/python bench/bench_server_import.py [--households 20000]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench_server_common import _nik, kampung, kelurahan_codes, start_postgres
from kampung_sync.registry_file import COLUMNS, read_registry


def write_registry(path: Path, households: int) -> int:
    codes = kelurahan_codes(20)
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(COLUMNS) + "\n")
        for h in range(households):
            kk = f"367101{h % 999_999 + 1:06d}{h // 999_999 + 1:04d}"
            where = f"{codes[h % 20]},{1 + h % 12},{1 + h % 9},Jl. Registri {h}"
            for m in range(1 + (h * 7) % 6):
                index = h * 6 + m
                relation = "1" if m == 0 else "Anak"
                sex = "P" if index % 2 else "L"
                out.write(f"{where},{kk},{_nik(index)},Warga {index},{sex},,{relation}\n")
                rows += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kampung-import-"))
    registry = tmp / "registry.csv"
    rows = write_registry(registry, args.households)
    start = time.perf_counter()
    checked = read_registry(registry)
    floor = time.perf_counter() - start
    assert checked.ok, checked.problems[:3]
    print(
        f"{args.households:,} households, {rows:,} rows; floor (read + check the file only): "
        f"{floor:.1f} s = {rows / floor:,.0f} rows/s"
    )
    cluster = start_postgres()
    try:
        for name, url in (
            ("sqlite", f"sqlite:///{tmp / 'server.db'}"),
            ("postgres", cluster.create_database("import")),
        ):
            kampung("server", "init", "--db", url)
            start = time.perf_counter()
            out = kampung("server", "households", "import", "--db", url, str(registry))
            wall = time.perf_counter() - start
            print(
                f"{name:8s} import {wall:6.1f} s = {rows / wall:8,.0f} rows/s "
                f"({wall / floor:.1f}x floor)  {out.strip().splitlines()[0][:60]}..."
            )
            start = time.perf_counter()
            again = kampung("server", "households", "import", "--db", url, str(registry))
            print(
                f"{name:8s} same file again (nothing changes) {time.perf_counter() - start:6.1f} s"
                f"  {'tidak berubah' in again}"
            )
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)  # hundreds of MB of exported files
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
