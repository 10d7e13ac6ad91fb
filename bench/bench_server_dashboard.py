"""The city's overview page with a big city behind it: /dashboard render time on PostgreSQL.

Setup (COPY, not measured): 200,000 households in 50 kelurahan (a third of them verified from
devices), 600,000 members, 20,000 assessments in every state, 2,000 award decisions and
certificates, 200 devices and 500,000 receipts of which 2,000 rejections (half fixed later).
Measured: the admin's and an operator's /dashboard through the real server process (p50/p95 of
20 requests each); floor: the health endpoint of the same server (no database), same run.

Usage: .venv/bin/python bench/bench_server_dashboard.py [--households 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests
from bench_server_common import (
    PASSWORD,
    kampung,
    kelurahan_codes,
    seed_city,
    start_postgres,
    start_server,
    stop,
)

STATES = ("draft", "finalized", "submitted", "returned", "approved")
NOW = "2026-11-23T08:00:00.000Z"


def _uuid(kind: int, n: int) -> str:
    return str(uuid.UUID(int=(kind << 64) + n))


def load(db_url: str, households: int, codes: list[str]) -> None:
    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    columns = (
        "table_name, record_id, revision, seq, kelurahan_kode, audience, owner_user_id, "
        "deleted, data, updated_at, device_id"
    )
    seq = 1_000_000
    devices = [_uuid(9, d) for d in range(200)]
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        user = cur.execute("SELECT id FROM users WHERE username = 'enum0'").fetchone()[0]
        for d, device in enumerate(devices):
            cur.execute(
                "INSERT INTO devices (id, device_code, user_id, name, token_hash, enrolled_at, "
                "last_push_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (device, f"B{d}", user, f"Laptop {d}", uuid.uuid4().hex, NOW, NOW),
            )
        with cur.copy(f"COPY records ({columns}) FROM STDIN") as copy:
            for h in range(households):
                seq += 1
                kode = codes[h % len(codes)]
                data = {
                    "id": _uuid(1, h),
                    "kelurahan_kode": kode,
                    "rw": 1,
                    "rt": 1,
                    "address": "x",
                    "revision": 1,
                }
                device = devices[h % 200] if h % 3 == 0 else None
                copy.write_row(
                    (
                        "households",
                        _uuid(1, h),
                        1,
                        seq,
                        kode,
                        "all",
                        None,
                        False,
                        json.dumps(data),
                        NOW,
                        device,
                    )
                )
                for m in range(3):
                    seq += 1
                    copy.write_row(
                        (
                            "members",
                            _uuid(2, h * 3 + m),
                            1,
                            seq,
                            kode,
                            "all",
                            None,
                            False,
                            json.dumps({"id": _uuid(2, h * 3 + m)}),
                            NOW,
                            None,
                        )
                    )
            for a in range(households // 10):
                seq += 1
                kode = codes[a % len(codes)]
                data = {"id": _uuid(3, a), "state": STATES[a % 5], "kelurahan_kode": kode}
                copy.write_row(
                    (
                        "assessments",
                        _uuid(3, a),
                        1,
                        seq,
                        kode,
                        "office",
                        None,
                        False,
                        json.dumps(data),
                        NOW,
                        devices[a % 200],
                    )
                )
            for k in range(households // 100):
                kode = codes[k % len(codes)]
                for table, kind in (("award_decisions", 4), ("certificates", 5)):
                    seq += 1
                    data = {"id": _uuid(kind, k), "revoked_at": NOW if k % 50 == 0 else None}
                    copy.write_row(
                        (
                            table,
                            _uuid(kind, k),
                            1,
                            seq,
                            kode,
                            "office",
                            None,
                            False,
                            json.dumps(data),
                            NOW,
                            devices[0],
                        )
                    )
        cur.execute("UPDATE counters SET value = %s WHERE name = 'seq'", (seq,))
        receipts = (
            "op_id, device_id, batch_id, table_name, record_id, status, code, body, created_at"
        )
        with cur.copy(f"COPY receipts ({receipts}) FROM STDIN") as copy:
            for r in range(500_000):
                device = devices[r % 200]
                rejected = r % 250 == 0
                status = "rejected" if rejected else "accepted"
                copy.write_row(
                    (
                        _uuid(6, r),
                        device,
                        "b",
                        "members",
                        _uuid(7, r),
                        status,
                        "invalid_data" if rejected else None,
                        "{}",
                        f"2026-11-23T08:{r % 60:02d}:00.000Z",
                    )
                )
                if rejected and r % 500 == 0:  # fixed by a later accepted op
                    copy.write_row(
                        (
                            _uuid(8, r),
                            device,
                            "b",
                            "members",
                            _uuid(7, r),
                            "accepted",
                            None,
                            "{}",
                            "2026-11-23T09:00:00.000Z",
                        )
                    )
        cur.execute("ANALYZE")


def timed(session: requests.Session, url: str, rounds: int = 20) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = session.get(url, timeout=120)
        response.raise_for_status()
        times.append(time.perf_counter() - start)
    return times


def show(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"  {name:32s} p50 {statistics.median(times) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--nice", type=int, default=0)
    args = parser.parse_args()
    if args.nice:
        os.nice(args.nice)
    tmp = Path(tempfile.mkdtemp(prefix="kampung-dash-"))
    cluster = start_postgres()
    server = None
    try:
        db_url = cluster.create_database("dash")
        codes = kelurahan_codes(50)
        seed_city(db_url, codes)
        kampung(
            "server",
            "user",
            "add",
            "--db",
            db_url,
            "--username",
            "op",
            "--role",
            "operator",
            "--scope",
            codes[0],
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        start = time.perf_counter()
        load(db_url, args.households, codes)
        print(
            f"setup: {args.households:,} households, {args.households * 3:,} members, "
            f"{args.households // 10:,} assessments, 500,000 receipts loaded in "
            f"{time.perf_counter() - start:.0f} s"
        )
        server, url = start_server(db_url, 1, tmp / "server.log")
        for username in ("kota", "op"):
            session = requests.Session()
            login = session.post(f"{url}/login", data={"username": username, "password": PASSWORD})
            login.raise_for_status()
            page = session.get(f"{url}/dashboard").text
            assert "Perangkat" in page and "Kel 1001" in page
            show(f"/dashboard as {username}", timed(session, f"{url}/dashboard"))
        show("floor: /api/v1/health", timed(requests.Session(), f"{url}/api/v1/health"))
        from kampung_sync.server import db
        from kampung_sync.server.admin import overview
        from sqlalchemy.orm import Session

        engine = db.make_engine(db_url)
        with Session(engine) as session:
            for name, query in (("areas", overview.areas), ("devices", overview.devices)):
                start = time.perf_counter()
                query(session, None)
                print(
                    f"  of which overview.{name}(): {(time.perf_counter() - start) * 1000:.0f} ms"
                )
        engine.dispose()
    finally:
        if server is not None:
            stop(server)
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
