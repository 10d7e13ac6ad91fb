"""The record shapes: what `Op.data` and `Change.data` hold for each table.

The server validates every pushed record against these; they mirror the laptop's tables.
"""

from __future__ import annotations

from typing import Any, Literal

from kampung_sync.protocol.base import Model as _Model
from pydantic import Field

from kampung_desktop.core import geo

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
