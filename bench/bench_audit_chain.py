"""The audit chain's cost: appending N entries (one transaction, as a registry import does) and
`kampung db verify-audit` over them, against a floor measured in the same run — the same rows
inserted without hashing (what the log cost before it was chained).

Usage: .venv/bin/python bench/bench_audit_chain.py [--entries 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from kampung_desktop.storage import audit
from kampung_desktop.storage.database import Database

FIELDS = json.dumps(["address", "head_name", "kelurahan_kode", "no_kk", "rt", "rw"])


def pending(n: int) -> list[audit.Pending]:
    return [
        audit.Pending(
            "registry_insert",
            "households",
            f"{i:08d}-0000-4000-8000-000000000000",
            FIELDS,
            "user-1",
        )  # fmt: skip
        for i in range(n)
    ]


def floor(conn: sqlite3.Connection, entries: list[audit.Pending]) -> float:
    """Plain executemany of the same rows, no hashes (the log before migration 8)."""
    rows = [("2026-12-01T00:00:00.000Z", e.user_id, e.action, e.entity, e.record_id, e.fields)
            for e in entries]  # fmt: skip
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO audit_log (at, user_id, action, entity, record_id, fields) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("ROLLBACK")
    return time.perf_counter() - start


def chained(conn: sqlite3.Connection, entries: list[audit.Pending]) -> float:
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    audit.append_many(conn, entries)
    conn.execute("COMMIT")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    entries = pending(args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        base, appended, verified = [], [], []
        for round_no in range(args.rounds):
            db = Database.open(Path(tmp) / f"r{round_no}")
            with db.raw() as conn:
                base.append(floor(conn, entries))
                appended.append(chained(conn, entries))
                start = time.perf_counter()
                check = audit.verify_chain(conn)
                verified.append(time.perf_counter() - start)
                assert check.ok and check.entries == args.entries, check
            db.close()
    n = args.entries
    best_floor, best_append, best_verify = min(base), min(appended), min(verified)
    print(f"entries: {n:,} (best of {args.rounds} rounds)")
    print(f"floor, plain insert: {best_floor:.3f} s ({n / best_floor:,.0f}/s)")
    print(f"chained append:      {best_append:.3f} s ({n / best_append:,.0f}/s), "
          f"ratio to floor {best_append / best_floor:.2f}x")  # fmt: skip
    print(f"verify-audit walk:   {best_verify:.3f} s ({n / best_verify:,.0f}/s)")


if __name__ == "__main__":
    main()
