"""Shared pieces of the desktop sync benchmarks: a seeded server database and a filled laptop."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex
from kampung_desktop.storage import registry_bulk

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "rahasia-sekali-123"
KEL = "36.71.09.1001"


def seed_sync_server(db_url: str) -> None:
    """Schema, shipped wilayah codes, accounts ani/dedi (enumerators), budi (operator)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "sync" / "seed_server.py"), db_url, PASSWORD, KEL],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])


def registry_rows(households: int) -> tuple[list[dict], list[dict]]:
    """`households` households with 3 or 4 members each (3.5 on average), valid NIKs."""
    hh, mm = [], []
    born0 = date(1950, 1, 1)
    serial = 0
    for h in range(households):
        hid = f"00000000-0000-4000-8000-{h:012d}"
        count = 3 + h % 2
        hh.append({"id": hid, "kelurahan_kode": KEL, "rw": 1 + h % 20, "rt": 1 + h % 15,
                   "address": f"Jl. Bench {h}", "no_kk": f"367109{1 + h % 28:02d}{1 + h % 12:02d}"
                   f"{15 + h % 10:02d}{1 + h % 9999:04d}", "head_name": f"Kepala {h}", "member_count": count})  # fmt: skip
        for j in range(count):
            serial += 1
            born = born0 + timedelta(days=serial % 20_000)
            female = j % 2 == 1
            mm.append({
                "id": f"00000000-0000-4000-9000-{serial:012d}", "household_id": hid,
                "nik": nik.compose("367109", Sex.FEMALE if female else Sex.MALE, born,
                                   serial // 20_000 + 1),
                "name": f"Warga {h} {j}", "sex": "P" if female else "L",
                "birth_date": born.isoformat(), "relationship": "1" if j == 0 else "4",
                "position": j,
            })  # fmt: skip
    return hh, mm


def fill_laptop(ctx, households: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Queue them in the laptop's outbox exactly as a registry import does."""
    hh, mm = registry_rows(households)
    with ctx.db.raw() as conn:
        registry_bulk.upsert(conn, hh, mm, ctx.user_id)
    return len(hh), len(mm)
