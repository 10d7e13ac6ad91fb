"""The server's tables (SQLModel). Alembic migrations in `migrations/` create and upgrade them.

Records of every kind live in ONE generic table, `records`, keyed by (table_name, record_id):
push, pull, merge and scope work the same for all kinds, and a new record kind needs no
migration. Columns other server parts read:

- `records.table_name`: a `protocol.PULL_TABLES` name ("households", "members", ..., "wilayah",
  "form_versions", "conflicts"); `record_id`: the record's id (wilayah: its kode; form_versions:
  "{form_id}/{version}"; answers: "{assessment_id}/{field}").
- `records.data`: the record as JSON (the `protocol.*Data` shape), `revision`, `deleted`.
- `records.seq`: the change-feed position, unique and assigned in commit order.
- `records.kelurahan_kode`: denormalised on every row (members from their household, answers
  from their assessment, certificates from their decision) so scope filters are index lookups;
  NULL for city-wide rows (forms, wilayah) that every device receives.
- `records.audience`: "all" (enumerators of the kelurahan receive it) or "office" (operators and
  admins only); `owner_user_id`: who created it (an enumerator always receives their own).

`record_history` keeps every earlier revision of a record (the current one is in `records`), so a
stale edit is merged against the version it started from. `receipts` keeps every op's answer (replays return it). Timestamps are ISO-8601 UTC
text, which sorts and reads the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

JsonType = JSON().with_variant(JSONB(), "postgresql")


class ServerTable(SQLModel, registry=registry()):
    """Base of the server's tables: a metadata of their own, so the server and the desktop's
    storage models (both have a `users` table) can be imported in one process."""


def _json_column(nullable: bool = False) -> Any:
    return Field(sa_column=Column(JsonType, nullable=nullable))


class Counter(ServerTable, table=True):
    """Named counters; the "seq" row is locked by each write transaction until it commits."""

    __tablename__ = "counters"
    name: str = Field(primary_key=True, max_length=40)
    value: int = Field(default=0, sa_type=BigInteger)


class User(ServerTable, table=True):
    __tablename__ = "users"
    id: str = Field(primary_key=True, max_length=64)
    username: str = Field(unique=True, index=True, max_length=100)
    full_name: str = Field(default="", max_length=200)
    role: str = Field(max_length=20)  # admin | operator | enumerator
    scope: list[str] = _json_column()  # kelurahan codes; [] for an admin (whole city)
    password_hash: str = Field(max_length=200)
    disabled: bool = False
    created_at: str = Field(max_length=40)


class Device(ServerTable, table=True):
    __tablename__ = "devices"
    id: str = Field(primary_key=True, max_length=64)  # chosen by the laptop at enrolment
    device_code: str = Field(unique=True, max_length=20)
    user_id: str = Field(foreign_key="users.id", index=True, max_length=64)
    name: str = Field(default="", max_length=200)
    token_hash: str = Field(unique=True, max_length=64)  # sha256 hex of the bearer token
    enrolled_at: str = Field(max_length=40)
    revoked_at: str | None = Field(default=None, max_length=40)
    last_push_at: str | None = Field(default=None, max_length=40)
    last_pull_at: str | None = Field(default=None, max_length=40)
    # Digest of the scope the device last pulled with: a changed scope answers `reset`.
    scope_digest: str | None = Field(default=None, max_length=64)


class Record(ServerTable, table=True):
    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_seq", "seq", unique=True),
        Index("ix_records_kelurahan_seq", "kelurahan_kode", "seq"),
    )
    table_name: str = Field(primary_key=True, max_length=40)
    record_id: str = Field(primary_key=True, max_length=200)
    revision: int
    seq: int = Field(sa_type=BigInteger)
    kelurahan_kode: str | None = Field(default=None, max_length=20)
    audience: str = Field(default="all", max_length=10)
    owner_user_id: str | None = Field(default=None, max_length=64)
    deleted: bool = False
    data: dict[str, Any] = _json_column()
    updated_at: str = Field(max_length=40)
    device_id: str | None = Field(default=None, max_length=64)


class RecordHistory(ServerTable, table=True):
    __tablename__ = "record_history"
    table_name: str = Field(primary_key=True, max_length=40)
    record_id: str = Field(primary_key=True, max_length=200)
    revision: int = Field(primary_key=True)
    data: dict[str, Any] = _json_column()
    device_id: str | None = Field(default=None, max_length=64)
    created_at: str = Field(max_length=40)


class StoredReceipt(ServerTable, table=True):
    """One op's receipt, stored in the same transaction as its data (op_id unique forever)."""

    __tablename__ = "receipts"
    op_id: str = Field(primary_key=True, max_length=64)
    device_id: str = Field(index=True, max_length=64)
    batch_id: str = Field(max_length=64)
    table_name: str = Field(max_length=40)
    record_id: str = Field(max_length=200)
    status: str = Field(max_length=20)
    code: str | None = Field(default=None, max_length=60)
    body: dict[str, Any] = _json_column()  # the full protocol.Receipt
    created_at: str = Field(max_length=40)


class CertificateNumber(ServerTable, table=True):
    """City-wide uniqueness of printed certificate numbers."""

    __tablename__ = "certificate_numbers"
    number: str = Field(primary_key=True, max_length=200)
    certificate_id: str = Field(max_length=64)
    decision_id: str = Field(max_length=64)
    created_at: str = Field(max_length=40)


class Attachment(ServerTable, table=True):
    __tablename__ = "attachments"
    sha256: str = Field(primary_key=True, max_length=64)
    total: int = Field(sa_type=BigInteger)
    received: int = Field(default=0, sa_type=BigInteger)
    complete: bool = False
    device_id: str | None = Field(default=None, max_length=64)
    created_at: str = Field(max_length=40)


class AttachmentChunk(ServerTable, table=True):
    """Chunks live in the database so any worker on any host can continue an upload."""

    __tablename__ = "attachment_chunks"
    sha256: str = Field(primary_key=True, max_length=64)
    offset: int = Field(primary_key=True, sa_type=BigInteger)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AttachmentLinkRow(ServerTable, table=True):
    """Which answer (and question) a stored file belongs to: the `attachments` of answer
    records, indexed by `attachment_links.catch_up` in change-feed order, so a download's scope
    check and the export find an answer's files, and a file's answers, by index."""

    __tablename__ = "attachment_links"
    answer_id: str = Field(primary_key=True, max_length=200)  # "{assessment_id}/{field}"
    question: str = Field(primary_key=True, max_length=300)
    sha256: str = Field(index=True, max_length=64)
    assessment_id: str = Field(index=True, max_length=64)
    filename: str = Field(max_length=255)
    media_type: str = Field(max_length=100)
    size: int | None = Field(default=None, sa_type=BigInteger)
    seq: int = Field(sa_type=BigInteger)  # the answer's seq when it was indexed


class AuditEntry(ServerTable, table=True):
    """Who did what from which device. `detail` holds ids and counts, never personal data."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: str = Field(index=True, max_length=40)
    user_id: str | None = Field(default=None, index=True, max_length=64)
    device_id: str | None = Field(default=None, max_length=64)
    action: str = Field(max_length=60)
    detail: dict[str, Any] = _json_column()


class LoginFailure(ServerTable, table=True):
    """Failed logins, in the database so every worker counts the same attempts."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key", "username", "client", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=100)
    client: str = Field(max_length=100)
    at: str = Field(max_length=40)
