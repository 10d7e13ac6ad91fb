"""Sync of the laptop with the city server (issue 8): enrolment, push, pull, review loop.

Views and commands use `SyncService` only; it has no Qt and is safe on a worker thread.
"""

from kampung_desktop.services.sync.service import SyncService
from kampung_desktop.services.sync.types import (
    ConflictItem,
    FieldChoice,
    RecordTarget,
    RejectedRecord,
    ReturnedAssessment,
    SyncError,
    SyncLogEntry,
    SyncOutcome,
    SyncProgress,
    SyncStatus,
)

__all__ = [
    "ConflictItem",
    "FieldChoice",
    "RecordTarget",
    "RejectedRecord",
    "ReturnedAssessment",
    "SyncError",
    "SyncLogEntry",
    "SyncOutcome",
    "SyncProgress",
    "SyncService",
    "SyncStatus",
]
