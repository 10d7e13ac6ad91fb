"""How the benchmarks open a protected (encrypted) demo dir: as the demo admin, like `make run`.

A plain dir gives no session and no key, so every benchmark runs unchanged on it; pass a
protected demo dir (`kampung demo seed --demo-admin`, or a plain dir protected with
services.access.create_first_admin(..., *DEMO_ADMIN, demo=True)) to measure with encryption on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.services import access


def session_for(data_dir: Path) -> Any:
    """The demo admin's session on a protected demo dir; None on a plain dir."""
    if not access.is_protected(Path(data_dir)):
        return None
    if not access.is_demo(Path(data_dir)):
        raise SystemExit(f"{data_dir}: protected but not demo data; benchmarks sign in as demo")
    return access.sign_in(Path(data_dir), *access.DEMO_ADMIN)


def key_for(data_dir: Path) -> bytes | None:
    session = session_for(data_dir)
    return session.db_key if session is not None else None


def connect_ro(data_dir: Path) -> Any:
    """A read-only connection to the dir's database, keyed when it is encrypted."""
    from kampung_desktop.storage.connection import connect

    return connect(Path(data_dir) / "kampung.sqlite3", key_for(data_dir), readonly=True)


def label(data_dir: Path) -> str:
    return "encrypted" if access.is_protected(Path(data_dir)) else "plain"
