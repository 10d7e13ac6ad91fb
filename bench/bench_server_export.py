"""Issue 7 (8): `kampung server export` of 1,000,000 rows — time and peak memory.

A PostgreSQL cluster (fsync on) gets 1,000,000 member records (loaded with COPY: setup, not
measured), then the real command runs in its own process: `kampung server export --format csv`
(and xlsx with --xlsx). Peak memory is the child's maximum resident set (wait4 rusage). The
floor, in the same run, is PostgreSQL itself streaming the same rows to a file with
`COPY (SELECT ...) TO STDOUT` through psycopg — no Python per row.

Usage: .venv/bin/python bench/bench_server_export.py [--rows 1000000] [--xlsx]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from bench_server_common import KAMPUNG, kampung, start_postgres


def load_members(db_url: str, rows: int) -> None:
    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    start = time.perf_counter()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        columns = (
            "table_name, record_id, revision, seq, kelurahan_kode, audience, "
            "owner_user_id, deleted, data, updated_at, device_id"
        )
        with cur.copy(f"COPY records ({columns}) FROM STDIN") as copy:
            for i in range(rows):
                record_id = str(uuid.UUID(int=(3 << 64) + i))
                data = {
                    "id": record_id,
                    "created_at": "2026-11-23T08:00:00.000Z",
                    "updated_at": "2026-11-23T08:00:00.000Z",
                    "revision": 1,
                    "is_demo": False,
                    "household_id": str(uuid.UUID(int=(4 << 64) + i // 4)),
                    "nik": f"3671011705{80 + i % 20:02d}{i % 9999 + 1:04d}",
                    "name": f"Warga {i}",
                    "sex": "L" if i % 2 else "P",
                    "birth_place": "Tangerang",
                    "birth_date": "1980-05-17",
                    "relationship": "3",
                    "marital_status": "1",
                    "education": "13",
                    "occupation": "12",
                    "position": i % 4 + 1,
                    "deleted": False,
                }
                copy.write_row(
                    (
                        "members",
                        record_id,
                        1,
                        i + 1,
                        f"36.71.01.{1001 + i % 20}",
                        "all",
                        None,
                        False,
                        json.dumps(data),
                        "2026-11-23T08:00:00.000Z",
                        None,
                    )
                )
        cur.execute("UPDATE counters SET value = %s WHERE name = 'seq'", (rows,))
        cur.execute("ANALYZE records")
    print(f"setup: {rows:,} member records loaded with COPY in {time.perf_counter() - start:.1f} s")


def floor(db_url: str, out: Path) -> float:
    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    start = time.perf_counter()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur, out.open("wb") as handle:
        query = (
            "COPY (SELECT record_id, seq, revision, kelurahan_kode, data FROM records "
            "WHERE table_name = 'members' AND NOT deleted ORDER BY seq) TO STDOUT "
            "WITH (FORMAT csv)"
        )
        with cur.copy(query) as copy:
            for block in copy:
                handle.write(block)
    return time.perf_counter() - start


def run_export(db_url: str, fmt: str, out: Path) -> tuple[float, float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [KAMPUNG, "server", "export", "--db", db_url, "--format", fmt, "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(stderr)
    progress = [line for line in stderr.splitlines() if line.startswith("members")]
    print(f"  progress lines on stderr for members: {len(progress)} (last: {progress[-1]!r})")
    return wall, usage.ru_maxrss / 1024, stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx", action="store_true", help="also time the XLSX export")
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="scheduling priority for this run and everything it starts (e.g. -10 on a shared "
        "machine, so the server and PostgreSQL get the CPU a dedicated host would give them)",
    )
    args = parser.parse_args()
    if args.nice:
        os.nice(args.nice)
    tmp = Path(tempfile.mkdtemp(prefix="kampung-export-"))
    cluster = start_postgres()
    try:
        db_url = cluster.create_database("export")
        kampung("server", "init", "--db", db_url)
        load_members(db_url, args.rows)
        floor_s = floor(db_url, tmp / "floor.csv")
        print(
            f"floor: COPY ... TO STDOUT of the same rows: {floor_s:.1f} s, "
            f"{(tmp / 'floor.csv').stat().st_size / 1e6:.0f} MB"
        )
        formats = ["csv", "xlsx"] if args.xlsx else ["csv"]
        for fmt in formats:
            wall, peak_mb, stdout = run_export(db_url, fmt, tmp / fmt)
            members = next(line for line in stdout.splitlines() if "members." in line)
            size = (tmp / fmt / f"members.{fmt}").stat().st_size / 1e6
            print(
                f"export {fmt}: {wall:.1f} s for {args.rows:,} rows "
                f"({args.rows / wall:,.0f} rows/s), peak memory {peak_mb:.0f} MiB, "
                f"members.{fmt} {size:.0f} MB; ratio to floor {wall / floor_s:.1f}x"
            )
            print(f"  stdout: {members}")
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)  # hundreds of MB of exported files
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
