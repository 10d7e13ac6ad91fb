"""Facts about a local database for `kampung db info` and support calls (no personal data).

Read-only all the way (storage.file_facts): a data dir without a database is reported, never
created, and an existing file is opened read-only (no migration, no WAL change).
"""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.storage.file_facts import database_facts


def database_info(data_dir: Path, key: bytes | None = None) -> dict:
    """`key`: the database key of an encrypted dir (None for a plain one)."""
    return database_facts(Path(data_dir), key)
