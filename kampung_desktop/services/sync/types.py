"""What the sync service hands to views and commands: plain frozen values, no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "push" | "attachments" | "pull"
    done: int
    total: int | None
    bytes_sent: int
    bytes_received: int


@dataclass(frozen=True)
class SyncOutcome:
    sent: int
    accepted: int
    duplicate: int
    conflict: int
    rejected: int
    received: int
    ok: bool
    error: str | None  # bilingual "id / en" text when not ok
    needs_attention: bool  # rejected or conflict or error

    def counts(self) -> dict[str, int]:
        """The six numbers `kampung sync --json` prints, in their contract order."""
        return {
            "sent": self.sent,
            "accepted": self.accepted,
            "duplicate": self.duplicate,
            "conflict": self.conflict,
            "rejected": self.rejected,
            "received": self.received,
        }


@dataclass(frozen=True)
class RejectedRecord:
    table: str
    record_id: str
    label: str
    code: str
    reason_id: str
    reason_en: str
    at: str


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    username: str | None
    device_code: str | None
    revoked: bool
    last_success_at: str | None
    last_attempt_at: str | None
    pending: dict[str, int]  # by table, only non-zero
    pending_total: int
    rejected: list[RejectedRecord]
    open_conflicts: int
    state: str  # not_enrolled | offline | syncing | cancelled | up_to_date | needs_attention


@dataclass(frozen=True)
class RecordTarget:
    """Where a refused or conflicting record is corrected (`SyncService.record_target`):
    households and members in the household dialog (on the member), assessments and their
    answers in the interview (on the question), decisions and certificates in the review."""

    table: str
    record_id: str
    household_id: str | None = None
    member_id: str | None = None
    assessment_id: str | None = None
    question: str | None = None
    program: str | None = None
    year: int | None = None
    kelurahan_kode: str | None = None


@dataclass(frozen=True)
class SyncLogEntry:
    session_id: str
    started_at: str
    ended_at: str | None
    outcome: SyncOutcome | None
    items: list[tuple[str, str, str, str]] = field(default_factory=list)
    # items: (table, record_id, status, reason)
    labels: dict[str, str] = field(default_factory=dict)  # record_id -> what people call it


@dataclass(frozen=True)
class ReturnedAssessment:
    assessment_id: str
    form_id: str
    place: str
    note: str
    returned_at: str
    form_title: str = ""  # the form's own title ("Kampung Bantar"), not its id


@dataclass(frozen=True)
class FieldChoice:
    field: str
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class ConflictItem:
    conflict_id: str
    table: str
    record_id: str
    label: str
    fields: list[FieldChoice]


class SyncError(Exception):
    """An error whose message is bilingual ("id / en") and safe to show to a user."""
