"""Issue 8 (9): a fresh laptop pulls 112,500 records (25,000 households, 87,500 members).

The server (`kampung server run`, own process, 127.0.0.1, SQLite) holds a registry the city
published (written with the server's own record writer, bench_sync_seed_records.py); an
enumerator's empty laptop enrols and runs the real pull (pages of up to 5,000 over
one requests.Session, each page and its cursor applied in one transaction with executemany,
search index kept). The floor, measured in the same run: a bare `executemany` insert of the
same rows into the same tables of an empty laptop database, in one transaction, with the
pull's pragmas (synchronous=NORMAL).
Target: pull within 1.5x of the floor.

`--encrypted`: the laptop is enrolled as the first-start dialog does it (`protect=True`: the
server account becomes its sign-in and the database is SQLCipher-encrypted), and the floor's
database is encrypted too (a fresh one under its own key, same cipher settings).

Usage: .venv/bin/python bench/bench_sync_pull.py [--households 25000] [--encrypted]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_server_common import start_server, stop, tree_cpu
from bench_sync_common import PASSWORD, registry_rows, seed_sync_server
from kampung_sync.client import SyncClient

from kampung_desktop.services.app import AppContext
from kampung_desktop.services.sync import SyncService
from kampung_desktop.services.sync import pull as pull_module
from kampung_desktop.services.sync.credentials import TokenStore
from kampung_desktop.services.sync.pull import pull_all
from kampung_desktop.storage import sync_store
from kampung_desktop.storage.database import Database


def _load(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def floor_insert(tmp: Path, hh: list[dict], mm: list[dict], encrypted: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of the bare insert."""
    db = Database.open(tmp / "floor", key=os.urandom(32) if encrypted else None)
    now = "2026-11-23T08:00:00.000Z"
    hcols = ("id", "kelurahan_kode", "rw", "rt", "address", "no_kk", "head_name",
             "member_count", "created_at", "updated_at", "revision")  # fmt: skip
    mcols = ("id", "household_id", "nik", "name", "sex", "birth_date", "relationship",
             "position", "created_at", "updated_at", "revision")  # fmt: skip
    hrows = [
        tuple({**h, "created_at": now, "updated_at": now, "revision": 1}[c] for c in hcols)
        for h in hh
    ]
    mrows = [
        tuple({**m, "created_at": now, "updated_at": now, "revision": 1}[c] for c in mcols)
        for m in mm
    ]
    with db.raw() as conn:
        assert encrypted == (not isinstance(conn, sqlite3.Connection))
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA synchronous=NORMAL")  # as the pull's pages
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT INTO households ({', '.join(hcols)}) VALUES ({', '.join('?' * len(hcols))})",
            hrows,
        )
        conn.executemany(
            f"INSERT INTO members ({', '.join(mcols)}) VALUES ({', '.join('?' * len(mcols))})",
            mrows,
        )
        conn.execute("COMMIT")
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    return took, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=25_000)
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["KAMPUNG_KEY_DIR"] = str(tmp_path / "keys")
        db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        seed_sync_server(db_url)
        hh, mm = registry_rows(args.households)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("bench_sync_seed_records.py")),
             db_url, str(args.households)], check=True,
        )  # fmt: skip
        print(f"server holds {len(hh) + len(mm)} registry records "
              f"({time.perf_counter() - started:.1f} s to publish)")  # fmt: skip
        server, url = start_server(db_url, 1, tmp_path / "server.log")
        try:
            ctx = AppContext.open(tmp_path / "laptop")
            SyncService.for_context(ctx).enrol(url, "ani", PASSWORD, protect=args.encrypted)
            if args.encrypted:  # encrypted at the next keyed open, as after the first start
                session = ctx.access
                ctx.close()
                ctx = AppContext.open(tmp_path / "laptop", access=session)
            with ctx.db.raw() as conn:
                assert args.encrypted == (not isinstance(conn, sqlite3.Connection))
                device = sync_store.device(conn)
                client = SyncClient(url, TokenStore(ctx.data_dir, device["device_id"]).load())
                spent = {"apply": 0.0, "finish": 0.0}

                def timed(name, real):  # type: ignore[no-untyped-def]
                    def run(*a, **k):  # type: ignore[no-untyped-def]
                        started = time.perf_counter()
                        try:
                            return real(*a, **k)
                        finally:
                            spent[name] += time.perf_counter() - started

                    return run

                pull_module.apply_page = timed("apply", pull_module.apply_page)
                pull_module.finish = timed("finish", pull_module.finish)
                load_before = os.getloadavg()
                server_cpu = tree_cpu([server.pid])
                laptop_cpu = time.process_time()
                started = time.perf_counter()
                tally = pull_all(conn, client)
                pull_s = time.perf_counter() - started
                laptop_cpu = time.process_time() - laptop_cpu
                server_cpu = tree_cpu([server.pid]) - server_cpu
                load_after = os.getloadavg()
                local = conn.execute(
                    "SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM members)"
                ).fetchone()[0]
            ctx.close()
        finally:
            stop(server)
        received = tally.received
        assert local >= len(hh) + len(mm), (local, len(hh) + len(mm))
        floor_s, floor_cpu = floor_insert(tmp_path, hh, mm, args.encrypted)
        print(f"pull   {pull_s:6.2f} s  {received / pull_s:8.0f} records/s  ({received} records "
              f"incl. wilayah, {tally.pages} pages, {client.bytes_received / 1e6:.1f} MB)")  # fmt: skip
        waited = pull_s - spent["apply"] - spent["finish"]
        print(f"  of which writing pages (apply + cursor, one transaction each) {spent['apply']:6.2f} s,"
              f" building indexes set aside and the search index {spent['finish']:5.2f} s,"
              f" waiting for pages not yet fetched {waited:5.2f} s")  # fmt: skip
        print(f"  CPU used: server {server_cpu:5.2f} s, laptop {laptop_cpu:5.2f} s "
              "(the laptop's includes its HTTP client and page parsing)")  # fmt: skip
        print(f"  load average before {_load(load_before)}, after {_load(load_after)}")
        kind = "encrypted (SQLCipher)" if args.encrypted else "plain"
        print(f"floor  {floor_s:6.2f} s  (bare executemany of the same {len(hh) + len(mm)} rows;"
              f" both databases {kind})")  # fmt: skip
        print(f"ratio  {pull_s / floor_s:.2f}x  (target <= 1.5x); CPU: the laptop's "
              f"{laptop_cpu:.2f} s against the floor's {floor_cpu:.2f} s = "
              f"{laptop_cpu / floor_cpu:.2f}x")  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
