"""Run as a script (own process: the server's tables and the laptop's share SQLModel's metadata):
publish N households with their members straight into a server database, through the server's
own writer for server-originated records (`records.write_server_records`, what a registry import
ends in), in chunks. Much faster than the import's row-by-row checks, which the pull benchmark
does not measure.

    python bench_sync_seed_records.py DB_URL HOUSEHOLDS
"""

from __future__ import annotations

import sys

from bench_sync_common import registry_rows
from kampung_sync.server import records
from kampung_sync.server.db import make_engine, transaction

NOW = "2026-11-23T08:00:00.000Z"


def main(db_url: str, households: int) -> None:
    hh, mm = registry_rows(households)
    stamps = {"created_at": NOW, "updated_at": NOW, "revision": 1, "is_demo": False}
    engine = make_engine(db_url)
    try:
        for start in range(0, len(hh), 2000):
            part = hh[start : start + 2000]
            ids = {h["id"] for h in part}
            with transaction(engine) as session:
                records.write_server_records(
                    session, "households", [{**h, **stamps} for h in part], actor="bench"
                )
                records.write_server_records(
                    session,
                    "members",
                    [{**m, **stamps} for m in mm if m["household_id"] in ids],
                    actor="bench",
                )
    finally:
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
