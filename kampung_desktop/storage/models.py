"""SQLModel table classes mirroring the migrated schema (the DDL lives in migrations.py).

The models are for reading and single-record edits; bulk paths use executemany. A test checks
that every model column exists in the migrated database, so the two cannot drift apart.
"""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy import event
from sqlmodel import Field, SQLModel

from kampung_desktop.core.ids import new_id, utc_now_iso


class Stamped(SQLModel):
    """Columns every synced record has: device-made UUID, UTC stamps, revision, demo mark."""

    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: str = Field(default_factory=utc_now_iso)
    updated_at: str = Field(default_factory=utc_now_iso)
    revision: int = 1
    is_demo: bool = False


class Wilayah(Stamped, table=True):
    __tablename__ = "wilayah"

    kode: str = Field(unique=True)
    nama: str
    level: int
    parent_kode: str | None = Field(default=None, foreign_key="wilayah.kode")
    kelurahan_kode: str | None = None
    rw: int | None = None
    rt: int | None = None
    source: str = "user"


class User(Stamped, table=True):
    __tablename__ = "users"

    username: str = Field(unique=True)
    full_name: str
    role: str  # petugas (enumerator), pemeriksa (reviewer), admin
    active: bool = True
    origin: str = "local"  # local: this install's placeholder; server: an enrolled account


class Household(Stamped, table=True):
    __tablename__ = "households"

    kelurahan_kode: str = Field(foreign_key="wilayah.kode")
    rw: int
    rt: int
    address: str
    no_kk: str | None = None
    head_name: str = ""
    member_count: int = 0
    status: str = "aktif"
    latitude: float | None = None
    longitude: float | None = None
    deleted: bool = False


class Member(Stamped, table=True):
    __tablename__ = "members"

    household_id: str = Field(foreign_key="households.id")
    nik: str | None = None
    name: str
    sex: str
    birth_place: str = ""
    birth_date: str | None = None  # ISO date
    relationship: str
    marital_status: str = ""
    education: str = ""
    occupation: str = ""
    position: int = 0
    deleted: bool = False


class OutboxEntry(SQLModel, table=True):
    __tablename__ = "outbox"

    seq: int | None = Field(default=None, primary_key=True)
    entity: str
    record_id: str
    revision: int
    op: str
    payload: str
    created_at: str = Field(default_factory=utc_now_iso)
    sent_at: str | None = None
    receipt: str | None = None
    # Sync (migration 6): a stable id for safe retries, the revision the edit started from, the
    # fields it changed, and pending | accepted | duplicate | conflict | rejected | local.
    op_id: str = Field(default_factory=lambda: uuid4().hex)
    base_revision: int = 0
    fields: str = "[]"
    status: str = "pending"
    attempts: int = 0
    pruned_at: str | None = None


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: str = Field(default_factory=utc_now_iso)
    user_id: str | None = None
    action: str
    entity: str
    record_id: str
    fields: str = "[]"
    # Migration 8: who and where, and the chain (written only by storage/audit.py).
    device_id: str | None = None
    username: str | None = None
    prev_hash: str | None = None
    hash: str | None = None


class FormVersion(SQLModel, table=True):
    __tablename__ = "form_versions"

    id: str = Field(default_factory=new_id, primary_key=True)
    form_id: str
    version: str
    title: str
    file_name: str
    sha256: str
    content: bytes
    installed_at: str = Field(default_factory=utc_now_iso)


class Assessment(Stamped, table=True):
    __tablename__ = "assessments"

    form_id: str
    form_version: str
    household_id: str | None = Field(default=None, foreign_key="households.id")
    kelurahan_kode: str = Field(foreign_key="wilayah.kode")
    rw: int | None = None
    rt: int | None = None
    state: str = "draft"
    current_page: str | None = None
    review_note: str | None = None
    created_by: str | None = None
    finalized_at: str | None = None
    deleted: bool = False


class AssessmentAnswer(SQLModel, table=True):
    __tablename__ = "assessment_answers"

    assessment_id: str = Field(foreign_key="assessments.id", primary_key=True)
    field: str = Field(primary_key=True)
    value: str  # JSON
    updated_at: str = Field(default_factory=utc_now_iso)
    revision: int = 1


class AwardDecision(Stamped, table=True):
    __tablename__ = "award_decisions"

    program: str
    year: int
    kelurahan_kode: str = Field(foreign_key="wilayah.kode")
    rw: int
    rt: int
    category: str
    score: str | None = None  # decimal as text: exact, as computed
    level: str | None = None
    assessment_id: str | None = Field(default=None, foreign_key="assessments.id")
    decided_by: str | None = None
    decided_at: str = Field(default_factory=utc_now_iso)
    revoked_at: str | None = None
    revoked_by: str | None = None
    revoke_reason: str | None = None


class Certificate(Stamped, table=True):
    __tablename__ = "certificates"

    number: str = Field(unique=True)
    decision_id: str = Field(foreign_key="award_decisions.id")
    digest: str
    content: str  # canonical JSON of what was printed
    issued_at: str = Field(default_factory=utc_now_iso)
    revoked_at: str | None = None
    revoke_reason: str | None = None


class Setting(SQLModel, table=True):
    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: str


@event.listens_for(Wilayah, "before_insert")
def _wilayah_id_is_kode(_mapper, _connection, target: Wilayah) -> None:
    """An area's id is its Kemendagri code, the same on every laptop and on the server."""
    target.id = target.kode


# Tables laptops push, parents first (the order of kampung_sync.protocol.PUSH_TABLES).
PUSHED_TABLES: dict[str, type[SQLModel]] = {
    "households": Household,
    "members": Member,
    "assessments": Assessment,
    "assessment_answers": AssessmentAnswer,
    "award_decisions": AwardDecision,
    "certificates": Certificate,
}
