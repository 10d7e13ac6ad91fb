"""Writing access.json safely: sealed with the database key and one writer at a time.

The seal (an HMAC under a key derived from the database key) means only someone who opened the
data can change who may open it; the lock means the lock screen, a background sync and a CLI
command never lose each other's change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from kampung_desktop.services import access_keys as keys
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import AccessFile

F = TypeVar("F", bound=Callable[..., Any])


def save(data_dir: Path, access: AccessFile, key: bytes) -> None:
    """Write access.json sealed with the database key: only someone who opened the data can
    change who may open it."""
    sealed = access.with_changes(mac=keys.seal(key, access_file.signed_bytes(access)))
    access_file.save(Path(data_dir), sealed)


def check_seal(data_dir: Path, access: AccessFile, key: bytes) -> None:
    """Refuse an access.json changed outside Kampung (a role raised, an account added)."""
    if not keys.sealed(key, access_file.signed_bytes(access), access.mac):
        raise access_file.AccessFileDamaged(
            access_file.path_of(Path(data_dir)),
            "diubah di luar Kampung / changed outside Kampung",
        )


def exclusive(change: F) -> F:
    """Run a change of access.json (first argument: the data dir) holding its lock."""

    @functools.wraps(change)
    def run(data_dir: Path, *args: Any, **kwargs: Any) -> Any:
        with access_file.changing(Path(data_dir)):
            return change(data_dir, *args, **kwargs)

    return run  # type: ignore[return-value]
