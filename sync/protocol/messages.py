"""The bodies of the API's requests and answers: errors, health, enrolment and accounts, push
and its receipts, the pull feed, attachments and certificate verification."""

from __future__ import annotations

from typing import Any, Literal

from kampung_sync.protocol.base import (
    MAX_OPS_PER_BATCH,
    PROTOCOL_VERSION,
    PullTable,
    PushTable,
    ReceiptStatus,
    Role,
)
from kampung_sync.protocol.base import Model as _Model
from pydantic import Field


class Text(_Model):
    """A message for a person, in Bahasa Indonesia first and English second."""

    id: str
    en: str


class ErrorBody(_Model):
    """Body of every 4xx/5xx answer: a stable machine code plus a message for people."""

    code: str
    message: Text
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorResponse(_Model):
    error: ErrorBody


# --- health and enrolment -------------------------------------------------------------------


class Limits(_Model):
    max_ops_per_batch: int
    max_batch_bytes: int
    max_pull_limit: int
    max_attachment_bytes: int


class Health(_Model):
    """`GET /api/v1/health`: the cheap reachability check (no auth, no database write)."""

    status: Literal["ok"] = "ok"
    protocol: int = PROTOCOL_VERSION
    server_time: str
    limits: Limits


class EnrolRequest(_Model):
    """`POST /api/v1/enrol`: username + password once, in exchange for a device token."""

    protocol: int = PROTOCOL_VERSION
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    device_id: str = Field(min_length=8, max_length=64)
    device_name: str = Field(default="", max_length=200)


class Account(_Model):
    user_id: str
    username: str
    full_name: str
    role: Role
    scope: list[str]  # kelurahan codes; empty for a city admin (the whole city)
    # argon2 hash of the password, so the laptop can check the password offline (issue 12)
    password_verifier: str | None = None
    disabled: bool = False  # a disabled account stops opening the data on laptops too


class AccountList(_Model):
    """`GET /api/v1/accounts`: the accounts that may sign in on the calling device (those
    sharing a kelurahan with the device's user, and the city's admins; every account for an
    admin's device), so the laptop checks passwords offline for weeks (issue 12)."""

    protocol: int = PROTOCOL_VERSION
    accounts: list[Account]
    server_time: str


class EnrolResponse(_Model):
    protocol: int = PROTOCOL_VERSION
    device_id: str
    # Short code the server gives this device; certificate numbers printed offline carry it,
    # so two offices never print the same number (see docs/sync-protocol.md).
    device_code: str
    token: str
    account: Account
    server_time: str


# --- push -----------------------------------------------------------------------------------


class Op(_Model):
    """One change of one record, frozen when it was queued on the laptop.

    `op_id` is unique forever: a retried upload carries the same id, and the server answers a
    replay with the stored receipt. `base_revision` is the server revision the edit started from
    (0 for a record the server has never seen); `revision` is the record's revision after it.
    `fields` names the fields this edit changed, for field-by-field merging.
    """

    op_id: str = Field(min_length=8, max_length=64)
    table: PushTable
    record_id: str = Field(min_length=1, max_length=200)
    op: Literal["insert", "update", "delete"]
    revision: int = Field(ge=1, le=2**31 - 1)
    base_revision: int = Field(ge=0, le=2**31 - 1)
    changed_at: str = Field(max_length=40)  # the laptop's clock: shown, never used for ordering
    fields: list[str] = Field(default_factory=list, max_length=500)
    data: dict[str, Any]


class PushRequest(_Model):
    """`POST /api/v1/push` (gzip body, `Content-Encoding: gzip`, bearer token)."""

    protocol: int = PROTOCOL_VERSION
    device_id: str = Field(min_length=8, max_length=64)
    batch_id: str = Field(min_length=8, max_length=64)
    ops: list[Op] = Field(max_length=MAX_OPS_PER_BATCH)


class Receipt(_Model):
    """The server's answer for one op; stored on both ends.

    accepted  — applied; `revision` is the record's server revision now.
    duplicate — the server already had exactly this (a replayed op, or identical data).
    conflict  — someone else changed the same field(s) since `base_revision`; both versions are
                kept and the record is flagged for the kelurahan office (`conflict_fields`).
                Disjoint edits are merged and answered `accepted` with `merged_fields`.
    rejected  — not applied, never retried as is; `reason` says why in both languages and
                `code` is machine-readable. Editing the record queues a new op.
    """

    op_id: str
    record_id: str
    table: str
    status: ReceiptStatus
    revision: int | None = None
    server_seq: int | None = None
    code: str | None = None
    reason: Text | None = None
    conflict_fields: list[str] = Field(default_factory=list)
    merged_fields: list[str] = Field(default_factory=list)
    replay: bool = False  # this op had been received before; the stored receipt is repeated


class PushResponse(_Model):
    protocol: int = PROTOCOL_VERSION
    batch_id: str
    receipts: list[Receipt]
    server_time: str


# --- pull -----------------------------------------------------------------------------------


class Change(_Model):
    """One record as the server holds it now (`deleted` records are tombstones)."""

    seq: int
    table: PullTable
    record_id: str
    revision: int
    deleted: bool = False
    data: dict[str, Any]


class PullResponse(_Model):
    """`GET /api/v1/pull?cursor=C&limit=N`: changes after cursor C in the caller's scope.

    Apply `changes` and store `next_cursor` in one local transaction. `reset` means the cursor is
    unknown or the scope changed: drop the cursor and pull again from 0.
    """

    protocol: int = PROTOCOL_VERSION
    changes: list[Change]
    next_cursor: int
    has_more: bool
    reset: bool = False
    server_time: str


# --- attachments ----------------------------------------------------------------------------


class AttachmentStatus(_Model):
    """`GET /api/v1/attachments/{sha256}`: how much of a file the server holds.

    Upload with `PUT /api/v1/attachments/{sha256}?offset=O&total=T` (raw bytes of one chunk);
    a cut-off upload resumes from `received`. When complete the server checks the sha256.
    Download with `GET /api/v1/attachments/{sha256}/content` (a `Range: bytes=N-` header resumes
    a cut-off download), allowed when an answer the caller may read names the file.
    """

    sha256: str
    total: int | None
    received: int
    complete: bool


class AttachmentLink(_Model):
    """One file of one answer, as `GET /api/v1/attachments?cursor=C&limit=N` lists them for the
    caller's scope (the answers the caller's pull receives), in the order the answers changed.
    `complete`: the server holds the whole file (else it is still being uploaded)."""

    seq: int
    assessment_id: str
    answer_id: str  # "{assessment_id}/{field}"
    question: str
    sha256: str
    filename: str
    media_type: str
    size: int | None = None
    complete: bool


class AttachmentLinks(_Model):
    links: list[AttachmentLink]
    next_cursor: int
    has_more: bool


# --- certificates ---------------------------------------------------------------------------


class Verification(_Model):
    """`GET /verify?number=N[&digest=D]` as JSON (`Accept: application/json` or `format=json`)."""

    number: str
    status: Literal["valid", "revoked", "unknown", "altered"]
    program: str | None = None
    year: int | None = None
    kelurahan: str | None = None
    rw: int | None = None
    rt: int | None = None
    category: str | None = None
    issued_at: str | None = None
    revoked_at: str | None = None
    message: Text
