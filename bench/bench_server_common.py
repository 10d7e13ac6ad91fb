"""Shared pieces of the server benchmarks: a durable PostgreSQL, real server processes, a
do-nothing floor server, a generated city, and device enrolment.

Everything runs on 127.0.0.1. PostgreSQL is the tests' throw-away cluster (tests/pgcluster.py)
but with fsync ON: "durable and receipted" must mean on disk.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pgcluster import PgCluster, free_port  # noqa: E402

KAMPUNG = str(Path(sys.executable).with_name("kampung"))
PASSWORD = "bench-password-1"
NOW = "2026-11-23T08:00:00.000Z"
KECAMATAN = "36.71.01"


def kelurahan_codes(count: int) -> list[str]:
    return [f"{KECAMATAN}.{1001 + i}" for i in range(count)]


def start_postgres() -> PgCluster:
    return PgCluster(fsync=True).start()


def wait_healthy(url: str, proc: subprocess.Popen, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if requests.get(url + path, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def start_server(db_url: str, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            KAMPUNG,
            "server",
            "run",
            "--db",
            db_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "KAMPUNG_SERVER_SECRET": "bench"},
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, proc, "/api/v1/health")
    return proc, url


def start_floor(workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    """The same uvicorn, same worker count, an app that reads the body and answers `{}`."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench_server_floor:app",
            "--app-dir",
            str(ROOT / "bench"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, proc, "/health")
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def kampung(*args: str, stdin: str | None = None) -> str:
    done = subprocess.run([KAMPUNG, *args], input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"kampung {' '.join(args[:3])}: {done.stderr}")
    return done.stdout


def seed_city(db_url: str, kelurahan: list[str]) -> None:
    """Schema, wilayah for the kelurahan, one enumerator per kelurahan."""
    from kampung_sync.server import db
    from kampung_sync.server.records import write_server_records

    kampung("server", "init", "--db", db_url)
    wilayah = [{"kode": KECAMATAN, "nama": "Bench", "level": 3, "parent_kode": "36.71"}]
    wilayah += [
        {"kode": k, "nama": f"Kel {k[-4:]}", "level": 4, "parent_kode": KECAMATAN}
        for k in kelurahan
    ]
    engine = db.make_engine(db_url)
    with db.transaction(engine) as session:
        write_server_records(session, "wilayah", wilayah, actor="bench")
    engine.dispose()
    for i, code in enumerate(kelurahan):
        kampung(
            "server",
            "user",
            "add",
            "--db",
            db_url,
            "--username",
            f"enum{i}",
            "--role",
            "enumerator",
            "--scope",
            code,
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
    kampung(
        "server",
        "user",
        "add",
        "--db",
        db_url,
        "--username",
        "kota",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )


def enrol(url: str, username: str) -> tuple[str, str]:
    device_id = str(uuid.uuid4())
    response = requests.post(
        f"{url}/api/v1/enrol",
        json={"username": username, "password": PASSWORD, "device_id": device_id},
        timeout=30,
    )
    response.raise_for_status()
    return device_id, response.json()["token"]


# --- generated field data -------------------------------------------------------------------

_BIRTH0 = date(1950, 1, 1)


def _nik(index: int) -> str:
    born = _BIRTH0 + timedelta(days=index % 20_000)
    female = index % 2 == 1
    day = born.day + (40 if female else 0)
    return f"367101{day:02d}{born.month:02d}{born.year % 100:02d}{index // 20_000 + 1:04d}"


def device_ops(device_no: int, kelurahan: str, households: int) -> Iterator[dict[str, Any]]:
    """Ops of one laptop: `households` households, each followed by its 1–6 members."""
    for h in range(households):
        serial = device_no * households + h
        home_id = str(uuid.UUID(int=(1 << 64) + serial))
        size = 1 + (serial * 7) % 6
        yield _op(
            "households",
            {
                "id": home_id,
                "created_at": NOW,
                "updated_at": NOW,
                "revision": 1,
                "kelurahan_kode": kelurahan,
                "rw": 1 + serial % 12,
                "rt": 1 + serial % 9,
                "address": f"Jl. Bench {serial}",
                "no_kk": f"367101{serial % 999_999 + 1:06d}0001",
                "head_name": f"Kepala {serial}",
                "member_count": size,
            },
        )
        for m in range(size):
            index = serial * 6 + m
            yield _op(
                "members",
                {
                    "id": str(uuid.UUID(int=(2 << 64) + index)),
                    "created_at": NOW,
                    "updated_at": NOW,
                    "revision": 1,
                    "household_id": home_id,
                    "nik": _nik(index),
                    "name": f"Warga {index}",
                    "sex": "P" if index % 2 else "L",
                    "relationship": "1" if m == 0 else "3",
                    "position": m + 1,
                },
            )


def _op(table: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "table": table,
        "record_id": data["id"],
        "op": "insert",
        "revision": 1,
        "base_revision": 0,
        "changed_at": NOW,
        "fields": [],
        "data": data,
    }


def batches(device_id: str, ops: list[dict[str, Any]], size: int) -> list[tuple[bytes, int]]:
    """Gzip bodies of `size` ops each (a household never split from its members is not needed:
    the server applies parents first within a batch and across batches in order)."""
    out = []
    for start in range(0, len(ops), size):
        chunk = ops[start : start + size]
        body = {"protocol": 1, "device_id": device_id, "batch_id": str(uuid.uuid4()), "ops": chunk}
        out.append((gzip.compress(json.dumps(body).encode(), compresslevel=6), len(chunk)))
    return out


def _proc_stat(pid: int) -> tuple[int, float] | None:
    """(ppid, own + reaped children's CPU seconds) of a live process, from /proc."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = sum(int(v) for v in fields[11:15]) / ticks  # utime, stime, cutime, cstime
    return int(fields[1]), cpu


def tree_cpu(roots: list[int]) -> float:
    """CPU seconds used so far by these processes, their live descendants and reaped children
    (PostgreSQL backends and uvicorn workers are children of the postmaster and of uvicorn)."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            found = _proc_stat(int(entry.name))
            if found:
                parents[int(entry.name)], cpu[int(entry.name)] = found
    total, wanted = 0.0, set(roots)
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted:
        total += cpu.get(pid, 0.0)
    return total


def postmaster_pid(cluster: PgCluster) -> int:
    return int((cluster.datadir / "postmaster.pid").read_text().split()[0])


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 0.5) * 1000:7.1f} ms  p95 {percentile(values, 0.95) * 1000:7.1f} ms"
        f"  max {max(values) * 1000:7.1f} ms  mean {statistics.fmean(values) * 1000:6.1f} ms"
    )
