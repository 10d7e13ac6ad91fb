"""Facts about a local database for `kampung db info` and support calls (no personal data)."""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.storage.database import Database


def database_info(data_dir: Path) -> dict:
    db = Database.open(data_dir)
    try:
        with db.raw() as conn:
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'household_search_%' "
                    "ORDER BY name"
                )
            ]
            counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        wal = db.path.with_name(db.path.name + "-wal")
        size = db.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        return {
            "path": str(db.path),
            "schema_version": version,
            "file_size_bytes": size,
            "integrity_check": integrity,
            "tables": counts,
        }
    finally:
        db.close()
