"""Run as a script (its own process: the server's tables and the laptop's share SQLModel's
metadata, so they never load in one interpreter): schema, shipped wilayah codes, accounts.

    python seed_server.py DB_URL PASSWORD KEL
"""

from __future__ import annotations

import csv
import sys

from kampung_sync.server import accounts, records
from kampung_sync.server.db import init_database, make_engine, transaction

from kampung_desktop.paths import resource


def main(db_url: str, password: str, kel: str) -> None:
    init_database(db_url)
    text = resource("wilayah", "wilayah.csv").read_text(encoding="utf-8")
    rows = sorted(csv.DictReader(text.splitlines()), key=lambda r: r["kode"].count("."))
    wilayah = [
        {
            "kode": r["kode"],
            "nama": r["nama"],
            "level": r["kode"].count(".") + 1,
            "parent_kode": r["kode"].rsplit(".", 1)[0] if "." in r["kode"] else None,
        }
        for r in rows
    ]
    engine = make_engine(db_url)
    try:
        with transaction(engine) as session:
            records.write_server_records(session, "wilayah", wilayah, actor="test")
        for username, role, scope in (
            ("ani", "enumerator", [kel]),
            ("dedi", "enumerator", [kel]),
            ("budi", "operator", [kel]),
            ("admin", "admin", []),
        ):
            with transaction(engine) as session:
                accounts.create_user(
                    session, username=username, password=password, role=role, scope=scope,
                    full_name=username.title(),
                )  # fmt: skip
    finally:
        engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:4])
