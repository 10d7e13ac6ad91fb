"""Real server processes on 127.0.0.1 for the desktop sync tests, and laptops to sync with.

A server is `kampung server run` in its own process on a free port (never another address),
on a SQLite file (or a PostgreSQL URL) seeded with the shipped wilayah codes and accounts. The
tests can SIGKILL it and start it again on the same port and database.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from server_fixtures import LiveServer

from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.services.sync import SyncService

KEL = "36.71.09.1001"  # Cibodas, in the shipped reference list
KEL_OTHER = "36.71.09.1002"
PASSWORD = "rahasia-sekali-123"
HOST = "127.0.0.1"


def seed_server(db_url: str) -> None:
    """Schema, the shipped wilayah codes and four accounts, in a separate process."""
    script = Path(__file__).with_name("seed_server.py")
    done = subprocess.run(
        [sys.executable, str(script), db_url, PASSWORD, KEL], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    forms = Path(__file__).resolve().parents[2] / "forms"
    for form in ("bantar_rt.xlsx", "household_assessment.xlsx"):
        done = subprocess.run(
            [sys.executable, "-m", "kampung_desktop", "server", "forms", "publish", "--db",
             db_url, str(forms / form)], capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]


def restart(server: LiveServer) -> None:
    """SIGKILL the server process and start it again on the same port and database."""
    server.kill()
    server.start()


def server_records(db_url: str, table: str) -> dict[str, tuple[int, dict]]:
    """What the server holds for one table: record_id -> (revision, data), live rows only."""
    if db_url.startswith("sqlite:///"):
        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        try:
            rows = conn.execute(
                "SELECT record_id, revision, data FROM records WHERE table_name = ? "
                "AND deleted = 0",
                (table,),
            ).fetchall()
        finally:
            conn.close()
    else:  # PostgreSQL: plain SQLAlchemy core, no server models in this process
        from sqlalchemy import create_engine, text

        engine = create_engine(db_url)
        try:
            with engine.connect() as pg:
                rows = pg.execute(
                    text(
                        "SELECT record_id, revision, data FROM records WHERE table_name = :t "
                        "AND NOT deleted"
                    ),
                    {"t": table},
                ).fetchall()
        finally:
            engine.dispose()
    return {r[0]: (r[1], r[2] if isinstance(r[2], dict) else json.loads(r[2])) for r in rows}


class Laptop:
    """One laptop: its own data dir, app context and sync service."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.ctx = AppContext.open(data_dir)
        self.sync = SyncService.for_context(self.ctx)

    def enrol(self, server: LiveServer, username: str = "ani") -> None:
        self.sync.enrol(server.url, username, PASSWORD)

    def add_households(self, count: int, start: int = 0, members: int = 3) -> list[str]:
        registry = RegistryService(self.ctx.db, self.ctx.user_id)
        ids = []
        for i in range(start, start + count):
            people = [
                MemberInput(
                    name=f"Warga {i} {j}",
                    sex="L" if j % 2 == 0 else "P",
                    relationship="1" if j == 0 else ("2" if j == 1 else "3"),
                    birth_date=date(1980 + j, 1 + i % 12, 1 + j),
                    nik=nik.compose(
                        "367109",
                        Sex.MALE if j % 2 == 0 else Sex.FEMALE,
                        date(1980 + j, 1 + i % 12, 1 + j),
                        1 + (i * 7 + j) % 9999,
                    ),
                )  # fmt: skip
                for j in range(members)
            ]
            draft = HouseholdInput(
                kelurahan_kode=KEL, rw=1 + i % 5, rt=1 + i % 7, address=f"Jl. Mawar {i}",
                members=people,
            )  # fmt: skip
            ids.append(registry.save(draft, date(2026, 11, 23)).household_id)
        return ids

    def rows(self, table: str) -> dict[str, int]:
        """record id -> revision of live local rows."""
        with self.ctx.db.raw() as conn:
            where = " WHERE deleted = 0" if table in ("households", "members") else ""
            return dict(conn.execute(f"SELECT id, revision FROM {table}{where}").fetchall())

    def pending(self) -> int:
        return self.sync.status().pending_total

    def close(self) -> None:
        self.ctx.close()
