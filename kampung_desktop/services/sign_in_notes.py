"""Refused sign-ins, remembered in memory until the next sign-in opens the database.

A refused sign-in on a protected dir cannot be written to the audit log when it happens: the
database stays closed without the key, and a refusal must change nothing on disk. So it is
noted here, and `AuditService.signed_in` writes the notes before the successful sign-in's own
entry. Only the name of an existing account is kept: what was typed for an unknown account is
not (people type passwords into the name field).
"""

from __future__ import annotations

import threading
from pathlib import Path

from kampung_desktop.core.ids import utc_now_iso

MAX_NOTED = 1000  # a script hammering passwords must not grow memory without end
UNKNOWN = "?"

_noted: dict[str, list[tuple[str, str]]] = {}
_lock = threading.Lock()


def note_failed(data_dir: Path, account: str | None) -> None:
    """`account`: the name of an existing account, or None for an unknown one."""
    key = str(Path(data_dir).resolve())
    with _lock:
        noted = _noted.setdefault(key, [])
        if len(noted) < MAX_NOTED:
            noted.append((account or UNKNOWN, utc_now_iso()))


def take(data_dir: Path) -> list[tuple[str, str]]:
    """The (account, UTC time) notes of `data_dir`, oldest first; forgets them."""
    with _lock:
        return _noted.pop(str(Path(data_dir).resolve()), [])
