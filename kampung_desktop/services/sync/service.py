"""`SyncService`: the one entry point views and commands use for sync."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from kampung_desktop.services.sync.types import (
    ConflictItem,
    ReturnedAssessment,
    SyncLogEntry,
    SyncOutcome,
    SyncProgress,
    SyncStatus,
)

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext


class SyncService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    @classmethod
    def for_context(cls, ctx: AppContext) -> SyncService:
        return cls(ctx)

    def status(self) -> SyncStatus:
        raise NotImplementedError

    def enrol(self, server_url: str, username: str, password: str) -> SyncStatus:
        """Exchange username + password for a device token; raises SyncError."""
        raise NotImplementedError

    def work_offline(self) -> None:
        """Forget the server and the token; keep all data."""
        raise NotImplementedError

    def reachable(self, timeout: float = 2.0) -> bool:
        raise NotImplementedError

    def sync(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncOutcome:
        """One full sync (push, attachments, pull); never raises for network faults."""
        raise NotImplementedError

    def log(self, limit: int = 50) -> list[SyncLogEntry]:
        raise NotImplementedError

    def returned_assessments(self) -> list[ReturnedAssessment]:
        raise NotImplementedError

    def conflicts(self) -> list[ConflictItem]:
        raise NotImplementedError

    def resolve_conflict(self, conflict_id: str, choices: dict[str, str]) -> None:
        """choices: field -> "mine" | "theirs"."""
        raise NotImplementedError
