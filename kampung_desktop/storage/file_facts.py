"""Facts about the database file for `kampung db info` and support calls: schema version,
size, SQLite's integrity check and the row count of every table (no row content).

Read-only all the way: a data dir without a database is reported, never created, and an
existing file is only opened with SQLite's read-only mode (no migration, no WAL change).
"""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.storage.connection import connect, looks_plain
from kampung_desktop.storage.engine import BUSY_TIMEOUT_MS, database_path, inspect_existing
from kampung_desktop.storage.errors import DatabaseUnavailable


def database_facts(data_dir: Path, key: bytes | None = None) -> dict:
    """path, schema_version, file_size_bytes, integrity_check and tables (name → rows);
    `key`: the database key of an encrypted dir (None for a plain one)."""
    path = database_path(Path(data_dir))
    if not path.is_file():
        raise DatabaseUnavailable("missing", Path(data_dir))
    inspect_existing(path, key)
    plain = looks_plain(path)
    conn = connect(
        path,
        None if plain else key,
        readonly=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        remembered=not plain,
    )
    try:
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
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    return {
        "path": str(path),
        "schema_version": version,
        "file_size_bytes": size,
        "integrity_check": integrity,
        "tables": counts,
    }
