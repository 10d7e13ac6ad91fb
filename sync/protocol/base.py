"""The wire protocol's fixed points: its version and header, the tables that travel each way,
the limits a client must respect, and the base of every model (unknown keys refused)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

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


class Model(BaseModel):
    """Every wire shape: a key the schema does not name is refused, never dropped."""

    model_config = ConfigDict(extra="forbid")
