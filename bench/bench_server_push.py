"""Issue 7 (8): the end-of-day push, and a fresh device's pull, against PostgreSQL.

200 simulated laptops each push 500 households with their members (≈ 1,750 ops) in gzip batches,
all at the same time, to `kampung server run` (its own processes, 127.0.0.1) on a PostgreSQL
cluster with fsync on. Reported: records/s durable and receipted, batch latency p50/p95, and the
floor — the same bytes posted with the same concurrency to a do-nothing endpoint on the same
uvicorn — measured in the same run. Target: ≥ 5,000 records/s.
Then a fresh admin device pulls 100,000 records page by page (floor: the same bytes per page
from the do-nothing endpoint).

Usage: .venv/bin/python bench/bench_server_push.py [--devices 200] [--households 500]
       [--batch 500] [--workers 2] [--pull 100000]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from bench_server_common import (
    batches,
    device_ops,
    enrol,
    kelurahan_codes,
    postmaster_pid,
    seed_city,
    start_floor,
    start_postgres,
    start_server,
    stop,
    summary,
    tree_cpu,
)

TARGET = 5_000.0


def push_all(
    url: str, path: str, work: list[tuple[str, list[tuple[bytes, int]]]], check: bool
) -> tuple[float, list[float], int]:
    """Every device pushes its batches in order, all devices at once; returns wall, latencies."""
    latencies: list[float] = []
    accepted = 0
    lock = threading.Lock()

    def device(item: tuple[str, list[tuple[bytes, int]]]) -> None:
        nonlocal accepted
        token, bodies = item
        session = requests.Session()
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
        }
        for body, count in bodies:
            start = time.perf_counter()
            response = session.post(url + path, data=body, headers=headers, timeout=600)
            elapsed = time.perf_counter() - start
            response.raise_for_status()
            ok = count
            if check:
                receipts = response.json()["receipts"]
                ok = sum(r["status"] == "accepted" for r in receipts)
                if ok != count:
                    bad = next(r for r in receipts if r["status"] != "accepted")
                    raise RuntimeError(f"not accepted: {bad}")
            with lock:
                latencies.append(elapsed)
                accepted += ok
        session.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        list(pool.map(device, work))
    return time.perf_counter() - start, latencies, accepted


def pull(url: str, token: str, wanted: int, floor_url: str) -> None:
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    cursor, got, sizes = 0, 0, []
    start = time.perf_counter()
    while got < wanted:
        response = session.get(
            f"{url}/api/v1/pull",
            params={"cursor": cursor, "limit": 5000},
            headers=headers,
            timeout=120,
        )
        response.raise_for_status()
        body = response.json()
        got += len(body["changes"])
        cursor = body["next_cursor"]
        sizes.append(int(response.headers.get("content-length", len(response.content))))
        if not body["has_more"]:
            break
    wall = time.perf_counter() - start
    floor_session = requests.Session()
    start = time.perf_counter()
    for size in sizes:
        _ = floor_session.get(f"{floor_url}/blob", params={"size": size}, timeout=120).content
    floor = time.perf_counter() - start
    print(f"pull: {got:,} records in {len(sizes)} pages, {sum(sizes) / 1e6:.1f} MB on the wire")
    print(f"  server {wall:6.2f} s = {got / wall:9,.0f} records/s")
    print(
        f"  floor  {floor:6.2f} s (same bytes from the do-nothing endpoint); ratio "
        f"{wall / floor:.1f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--households", type=int, default=500)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kelurahan", type=int, default=20)
    parser.add_argument("--pull", type=int, default=100_000)
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
    tmp = Path(tempfile.mkdtemp(prefix="kampung-bench-"))
    cluster = start_postgres()
    server = floor = None
    try:
        db_url = cluster.create_database("bench")
        codes = kelurahan_codes(args.kelurahan)
        seed_city(db_url, codes)
        server, url = start_server(db_url, args.workers, tmp / "server.log")
        floor, floor_url = start_floor(args.workers, tmp / "floor.log")
        print(f"preparing {args.devices} devices x {args.households} households ...", flush=True)
        work = []
        total_ops = 0
        total_bytes = 0
        for n in range(args.devices):
            device_id, token = enrol(url, f"enum{n % len(codes)}")
            ops = list(device_ops(n, codes[n % len(codes)], args.households))
            bodies = batches(device_id, ops, args.batch)
            total_ops += len(ops)
            total_bytes += sum(len(b) for b, _ in bodies)
            work.append((token, bodies))
        n_batches = sum(len(b) for _, b in work)
        print(
            f"{total_ops:,} records in {n_batches} batches, {total_bytes / 1e6:.1f} MB gzip, "
            f"{args.devices} devices at once, {args.workers} uvicorn workers, PostgreSQL "
            "fsync=on",
            flush=True,
        )

        floor_wall, floor_lat, _ = push_all(floor_url, "/push", work, check=False)
        roots = {"server": [server.pid], "postgres": [postmaster_pid(cluster)]}
        cpu_before = {name: tree_cpu(pids) for name, pids in roots.items()}
        own_before = resource.getrusage(resource.RUSAGE_SELF)
        load_before = os.getloadavg()[0]
        wall, latencies, accepted = push_all(url, "/api/v1/push", work, check=True)
        cpu = {name: tree_cpu(pids) - cpu_before[name] for name, pids in roots.items()}
        own_after = resource.getrusage(resource.RUSAGE_SELF)
        own = own_after.ru_utime + own_after.ru_stime - own_before.ru_utime - own_before.ru_stime
        rate, floor_rate = accepted / wall, total_ops / floor_wall
        print(f"push: {accepted:,} accepted (receipted, committed) of {total_ops:,}")
        print(
            f"  server {wall:7.2f} s = {rate:9,.0f} records/s   batch latency {summary(latencies)}"
        )
        print(
            f"  floor  {floor_wall:7.2f} s = {floor_rate:9,.0f} records/s   batch latency "
            f"{summary(floor_lat)}"
        )
        print(
            f"  ratio to floor {wall / floor_wall:.1f}x; target >= {TARGET:,.0f} records/s: "
            f"{'MET' if rate >= TARGET else 'NOT MET'} ({rate / TARGET:.2f} of target)"
        )
        used = cpu["server"] + cpu["postgres"]
        cores = os.cpu_count() or 1
        print(
            f"  CPU while pushing: server {cpu['server']:.1f} s + PostgreSQL {cpu['postgres']:.1f} s"
            f" = {used:.1f} CPU-s ({accepted / used:,.0f} records per CPU-second); load "
            f"generator {own:.1f} s; load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}"
            f" on {cores} cores; server + PostgreSQL got {used / wall:.2f} cores on average"
        )
        stats = __import__("json").loads(
            __import__("subprocess")
            .run(
                [
                    sys.executable,
                    "-m",
                    "kampung_desktop",
                    "server",
                    "stats",
                    "--db",
                    db_url,
                    "--json",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout
        )
        print(
            f"  in the database: {stats['households']:,} households, "
            f"{stats['members']:,} members, receipts {stats['receipts']}"
        )
        if args.pull:
            _, admin_token = enrol(url, "kota")
            pull(url, admin_token, args.pull, floor_url)
    finally:
        for proc in (server, floor):
            if proc is not None:
                stop(proc)
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
