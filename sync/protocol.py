"""The sync wire protocol, shared by the desktop client and the city server.

Everything that crosses the wire is one of these pydantic models, so both ends validate the same
shapes and the OpenAPI page documents them. `docs/sync-protocol.md` explains the rules around
them (idempotency, base revisions, conflicts, scope, cursors). Changing a shape that an old
client sends or reads means a new `PROTOCOL_VERSION`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kampung_desktop.core import geo

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Kampung-Protocol"
API_PREFIX = "/api/v1"

# Records that travel from laptops to the server (push) and back (pull), parents first:
# a household before its members, an assessment before its answers, a decision before its
# certificate. The server applies a batch in this order whatever order the ops arrive in.
PUSH_TABLES: tuple[str, ...] = (
    "households",
    "members",
    "assessments",
    "assessment_answers",
    "award_decisions",
    "certificates",
)
# Only the server publishes these; they arrive on laptops through the pull feed.
SERVER_TABLES: tuple[str, ...] = ("wilayah", "form_versions", "conflicts")
PULL_TABLES: tuple[str, ...] = ("wilayah", "form_versions", *PUSH_TABLES, "conflicts")

PushTable = Literal[
    "households", "members", "assessments", "assessment_answers", "award_decisions", "certificates"
]
PullTable = Literal[
    "wilayah",
    "form_versions",
    "households",
    "members",
    "assessments",
    "assessment_answers",
    "award_decisions",
    "certificates",
    "conflicts",
]
Role = Literal["admin", "operator", "enumerator"]
ReceiptStatus = Literal["accepted", "duplicate", "conflict", "rejected"]

# Limits a client must respect; the server enforces its own (possibly lower) settings and says so
# in `/api/v1/health` (`limits`).
MAX_OPS_PER_BATCH = 2000
MAX_BATCH_BYTES = 8 * 1024 * 1024  # compressed body
MAX_PULL_LIMIT = 5000
ATTACHMENT_CHUNK_BYTES = 1024 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


# --- record shapes ----------------------------------------------------------------------------
# `Op.data` of each table is validated against these on the server. They mirror the laptop's
# tables; unknown keys are refused so a typo never silently drops a value.


class _Record(_Model):
    id: str = Field(min_length=1, max_length=64)
    created_at: str = Field(max_length=40)
    updated_at: str = Field(max_length=40)
    revision: int = Field(ge=1)
    is_demo: bool = False


class HouseholdData(_Record):
    kelurahan_kode: str = Field(max_length=20)
    rw: int = Field(ge=1, le=999)
    rt: int = Field(ge=1, le=999)
    address: str = Field(max_length=500)
    no_kk: str | None = Field(default=None, max_length=32)
    head_name: str = Field(default="", max_length=200)
    member_count: int = Field(default=0, ge=0, le=100)
    status: str = Field(default="aktif", max_length=40)
    # Any point on Earth (core.geo): a laptop's older records must still travel; new ones are
    # held to Indonesia's extent by the registry rules before they are saved.
    latitude: float | None = Field(default=None, ge=geo.LAT_MIN, le=geo.LAT_MAX)
    longitude: float | None = Field(default=None, ge=geo.LON_MIN, le=geo.LON_MAX)
    deleted: bool = False


class MemberData(_Record):
    household_id: str = Field(max_length=64)
    nik: str | None = Field(default=None, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    sex: Literal["L", "P"]
    birth_place: str = Field(default="", max_length=200)
    birth_date: str | None = Field(default=None, max_length=10)
    relationship: str = Field(max_length=40)
    marital_status: str = Field(default="", max_length=40)
    education: str = Field(default="", max_length=40)
    occupation: str = Field(default="", max_length=100)
    position: int = Field(default=0, ge=0, le=1000)
    deleted: bool = False


AssessmentState = Literal["draft", "finalized", "submitted", "approved", "returned"]


class AssessmentData(_Record):
    form_id: str = Field(max_length=100)
    form_version: str = Field(max_length=100)
    household_id: str | None = Field(default=None, max_length=64)
    kelurahan_kode: str = Field(max_length=20)
    rw: int | None = Field(default=None, ge=0, le=999)
    rt: int | None = Field(default=None, ge=0, le=999)
    state: AssessmentState = "draft"
    current_page: str | None = Field(default=None, max_length=200)
    review_note: str | None = Field(default=None, max_length=4000)
    created_by: str | None = Field(default=None, max_length=64)
    finalized_at: str | None = Field(default=None, max_length=40)
    deleted: bool = False


SHA256_PATTERN = "^[0-9a-f]{64}$"
# A file's own name, never a path: no separators, not hidden, no control characters.
FILENAME_PATTERN = r"^[^/\\\x00-\x1f.][^/\\\x00-\x1f]*$"


class AttachmentRef(_Model):
    """A file (photo, document) answering a question of an assessment.

    `question` is the question's path in the form: its name at the top level, or e.g.
    `anggota[2]/foto` inside the second entry of a repeat. The file itself travels by
    `sha256` (`/api/v1/attachments/{sha256}`); `filename` is what the answer's value names and
    where a laptop keeps it (`attachments/<assessment id>/<filename>`).
    """

    question: str = Field(min_length=1, max_length=300)
    sha256: str = Field(pattern=SHA256_PATTERN)
    filename: str = Field(min_length=1, max_length=255, pattern=FILENAME_PATTERN)
    media_type: str = Field(default="application/octet-stream", max_length=100)
    size: int | None = Field(default=None, ge=0)


class AnswerData(_Model):
    """One answer; its record id is `"{assessment_id}/{field}"`, `value` is JSON text.

    `attachments` ties the files the answer names to it (added in protocol 1, optional: an
    answer without files, or from an older laptop, has none)."""

    assessment_id: str = Field(max_length=64)
    field: str = Field(min_length=1, max_length=200)
    value: str = Field(max_length=1_000_000)
    updated_at: str = Field(max_length=40)
    revision: int = Field(ge=1)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=200)


class AwardDecisionData(_Record):
    program: str = Field(max_length=40)
    year: int = Field(ge=2000, le=2100)
    kelurahan_kode: str = Field(max_length=20)
    rw: int = Field(ge=1, le=999)
    rt: int = Field(ge=0, le=999)  # 0: a decision for a whole RW (KSM)
    category: str = Field(max_length=100)
    score: str | None = Field(default=None, max_length=40)
    level: str | None = Field(default=None, max_length=40)
    assessment_id: str | None = Field(default=None, max_length=64)
    decided_by: str | None = Field(default=None, max_length=64)
    decided_at: str = Field(max_length=40)
    revoked_at: str | None = Field(default=None, max_length=40)
    revoked_by: str | None = Field(default=None, max_length=64)
    revoke_reason: str | None = Field(default=None, max_length=1000)


class CertificateData(_Record):
    number: str = Field(min_length=1, max_length=200)
    decision_id: str = Field(max_length=64)
    digest: str = Field(max_length=200)
    content: str = Field(max_length=100_000)
    issued_at: str = Field(max_length=40)
    revoked_at: str | None = Field(default=None, max_length=40)
    revoke_reason: str | None = Field(default=None, max_length=1000)


RECORD_MODELS: dict[str, type[_Model]] = {
    "households": HouseholdData,
    "members": MemberData,
    "assessments": AssessmentData,
    "assessment_answers": AnswerData,
    "award_decisions": AwardDecisionData,
    "certificates": CertificateData,
}


# --- server-published records (pull only) ------------------------------------------------------


class WilayahData(_Model):
    """Reference area; `kode` (Kemendagri code, or `KEL.RW` / `KEL.RW.RT`) is its id."""

    kode: str
    nama: str
    level: int
    parent_kode: str | None = None


class FormVersionData(_Model):
    form_id: str
    version: str
    title: str
    file_name: str
    sha256: str
    content_b64: str  # the .xlsx, base64
    scoring_toml: str | None = None


class ConflictData(_Model):
    """A record the server flagged: the kept version, the other one, and the fields in dispute."""

    id: str
    table: str
    record_id: str
    kelurahan_kode: str | None
    fields: list[str]
    server_version: dict[str, Any]
    other_version: dict[str, Any]
    other_device_id: str
    created_at: str
    resolved_at: str | None = None


SERVER_RECORD_MODELS: dict[str, type[_Model]] = {
    "wilayah": WilayahData,
    "form_versions": FormVersionData,
    "conflicts": ConflictData,
}
