"""Issue 8 (9): a fresh laptop database pushes 10,000 households / ~35,000 members.

The laptop is the real desktop engine (outbox -> `Pusher` -> requests -> receipts stored and
payloads pruned); the server is `kampung server run` in its own process on 127.0.0.1 with its
embedded SQLite database. The floor, measured in the same run: the very same gzip bodies posted
one after another over one connection to a do-nothing endpoint (same uvicorn, bench_server_floor).
Target: push within 2x of the floor.

Usage: .venv/bin/python bench/bench_sync_push.py [--households 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from bench_server_common import start_floor, start_server, stop, tree_cpu
from bench_sync_common import PASSWORD, fill_laptop, seed_sync_server
from kampung_sync.client import SyncClient

from kampung_desktop.services.app import AppContext
from kampung_desktop.services.sync import SyncService
from kampung_desktop.services.sync.credentials import TokenStore
from kampung_desktop.services.sync.push import Pusher
from kampung_desktop.storage import sync_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["KAMPUNG_KEY_DIR"] = str(tmp_path / "keys")
        db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        seed_sync_server(db_url)
        server, url = start_server(db_url, 1, tmp_path / "server.log")
        floor, floor_url = start_floor(1, tmp_path / "floor.log")
        try:
            ctx = AppContext.open(tmp_path / "laptop")
            started = time.perf_counter()
            households, members = fill_laptop(ctx, args.households)
            print(f"laptop filled: {households} households, {members} members "
                  f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
            SyncService.for_context(ctx).enrol(url, "ani", PASSWORD)
            with ctx.db.raw() as conn:
                device = sync_store.device(conn)
                token = TokenStore(ctx.data_dir, device["device_id"]).load()
                client = SyncClient(url, token)
                bodies: list[bytes] = []
                real_push = client.push

                waited = [0.0]

                def recording_push(body):  # type: ignore[no-untyped-def]
                    bodies.append(body)
                    started = time.perf_counter()
                    try:
                        return real_push(body)
                    finally:
                        waited[0] += time.perf_counter() - started

                client.push = recording_push  # type: ignore[method-assign]
                pusher = Pusher(conn, client, device["device_id"], "bench")
                load_before = os.getloadavg()
                server_cpu = tree_cpu([server.pid])
                laptop_cpu = time.process_time()
                started = time.perf_counter()
                tally = pusher.run()
                push_s = time.perf_counter() - started
                laptop_cpu = time.process_time() - laptop_cpu
                server_cpu = tree_cpu([server.pid]) - server_cpu
                load_after = os.getloadavg()
                pending = sum(sync_store.pending_by_table(conn).values())
            assert tally.accepted == households + members and pending == 0, (tally, pending)
            sent_bytes = sum(len(b) for b in bodies)

            session = requests.Session()
            started = time.perf_counter()
            for body in bodies:
                session.post(
                    f"{floor_url}/api/v1/push",
                    data=body,
                    headers={"Content-Encoding": "gzip", "Content-Type": "application/json",
                             "Authorization": f"Bearer {token}"},
                    timeout=120,
                ).raise_for_status()  # fmt: skip
            floor_s = time.perf_counter() - started
            ops = tally.sent
            print(f"push   {push_s:6.2f} s  {ops / push_s:8.0f} records/s  ({ops} records, "
                  f"{len(bodies)} batches, {sent_bytes / 1e6:.1f} MB gzip)")  # fmt: skip
            print(f"  of which waiting for the server {waited[0]:6.2f} s; the laptop's own work "
                  f"(outbox, JSON, gzip, receipts) {push_s - waited[0]:6.2f} s")  # fmt: skip
            print(f"  CPU used: server {server_cpu:5.2f} s, laptop {laptop_cpu:5.2f} s "
                  "(the laptop's includes its HTTP client)")  # fmt: skip
            print(f"  load average before {_load(load_before)}, after {_load(load_after)}")
            print(f"floor  {floor_s:6.2f} s  (same bodies to a do-nothing endpoint)")
            print(f"ratio  {push_s / floor_s:.2f}x  (target <= 2x)")
            read_s, store_s = least_work(bodies, tmp_path / "least.sqlite3")
            print(f"least a server must do with the same bodies: read them (gunzip + JSON + the "
                  f"protocol's checks) {read_s:5.2f} s, store them durably (one bare executemany "
                  f"of records and receipts per batch, WAL, synchronous=FULL) {store_s:5.2f} s "
                  f"= {(read_s + store_s) / floor_s:.0f}x the floor")  # fmt: skip
            ctx.close()
        finally:
            stop(server)
            stop(floor)


def least_work(bodies: list[bytes], path: Path) -> tuple[float, float]:
    """Context for the ratio: what any server must spend on these bodies however it is built.
    Reading: inflate and validate each body as a `PushRequest`. Storing: the records and one
    receipt per op into two indexed tables of a fresh SQLite file, a transaction per batch."""
    import gzip
    import json
    import sqlite3

    from kampung_sync.protocol import PushRequest

    started = time.perf_counter()
    requests_ = [PushRequest.model_validate_json(gzip.decompress(b)) for b in bodies]
    read_s = time.perf_counter() - started
    rows = [
        [(o.table, o.record_id, o.revision, json.dumps(o.data)) for o in r.ops] for r in requests_
    ]
    receipts = [[(o.op_id, f'{{"op_id":"{o.op_id}","status":"accepted"}}') for o in r.ops]
                for r in requests_]  # fmt: skip
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE records (tbl TEXT, id TEXT, revision INT, seq INTEGER, data TEXT, "
                 "PRIMARY KEY (tbl, id))")  # fmt: skip
    conn.execute("CREATE UNIQUE INDEX records_seq ON records(seq)")
    conn.execute("CREATE TABLE receipts (op_id TEXT PRIMARY KEY, body TEXT)")
    started, seq = time.perf_counter(), 0
    for batch, answers in zip(rows, receipts, strict=True):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?)",
            [(t, i, rev, seq + n, d) for n, (t, i, rev, d) in enumerate(batch, start=1)],
        )
        conn.executemany("INSERT INTO receipts VALUES (?, ?)", answers)
        conn.execute("COMMIT")
        seq += len(batch)
    store_s = time.perf_counter() - started
    conn.close()
    return read_s, store_s


def _load(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    _ = subprocess  # the server helpers start their processes with it
    main()
