"""What an op does to the record the server holds: accept, merge, flag a conflict or repeat.

Pure functions (no database), so the rules are easy to read and to test:

- record absent -> accepted, server revision = op.revision;
- base revision == server revision -> accepted, server revision = op.revision (also with the
  same content: an office keeping the server's version in a conflict must close it and give
  every device a revision past both);
- same content from a stale base -> duplicate (nothing written);
- stale base: fields the op changed are merged against the version it started from
  (`base`); fields both sides changed to different values keep the server's value and are
  reported in `conflict_fields` (the other version is kept in a conflict record); server
  revision = max(server, op) + 1 so it moves past both;
- final records (finalized/approved assessments and their answers, decisions and certificates
  apart from their revocation fields) never take a stale edit: the op is a conflict and changes
  nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kampung_sync import protocol
from kampung_sync.server.records import BOOKKEEPING, Row

FINAL_STATES = {"finalized", "submitted", "approved"}
REVOCATION_FIELDS = {"revoked_at", "revoked_by", "revoke_reason"}
IGNORED = BOOKKEEPING | {"created_at"}


@dataclass
class Decision:
    status: str  # accepted | duplicate | conflict
    revision: int
    data: dict[str, Any] | None = None  # the record to store; None = leave it as it is
    merged_fields: list[str] = field(default_factory=list)
    conflict_fields: list[str] = field(default_factory=list)
    code: str | None = None  # "field_conflict" or "immutable" for conflicts
    deleted: bool = False  # the record is a tombstone after this op
    merged: bool = False  # the stored record mixes two devices' edits


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> set[str]:
    if before is None:
        return set(after) - IGNORED
    keys = (set(before) | set(after)) - IGNORED
    return {k for k in keys if before.get(k) != after.get(k)}


def is_final(table: str, data: dict[str, Any]) -> bool:
    if table == "assessments":
        return data.get("state") in FINAL_STATES
    return table in ("award_decisions", "certificates")


def decide(
    current: Row | None,
    op: protocol.Op,
    data: dict[str, Any],
    base: dict[str, Any] | None,
    device_id: str,
    parent_final: bool = False,
) -> Decision:
    """Apply the rules in the module doc; `base` is the server's version at op.base_revision.

    A device's own ops form a chain where each carries the whole record: when the server's
    version was last written by this same device (and not merged since), a later revision
    fast-forwards and an earlier one is already contained in it (duplicate). That makes
    batches delivered out of order or twice end in the same state.
    """
    deleted = data.get("deleted", False) or op.op == "delete"
    if current is None:
        return Decision("accepted", op.revision, data, deleted=deleted)
    same_writer = current.device_id is not None and current.device_id == device_id
    if same_writer and op.revision <= current.revision:
        return Decision("duplicate", current.revision, deleted=current.deleted)
    latest = op.base_revision == current.revision and op.revision > current.revision
    if not same_writer and not latest and current.deleted == deleted and _same(current.data, data):
        return Decision("duplicate", current.revision, deleted=current.deleted)
    if latest or same_writer:  # an edit of the latest version (also one keeping its content)
        return Decision("accepted", max(op.revision, current.revision + 1), data, deleted=deleted)
    theirs = _changed(base, current.data)
    mine = _changed(base, data)
    if op.fields:
        mine &= set(op.fields) | ({"deleted"} if op.op == "delete" else set())
    if op.op == "delete":
        mine.add("deleted")
    if (parent_final or is_final(op.table, current.data)) and not (
        op.table != "assessments" and mine <= REVOCATION_FIELDS
    ):
        disputed = sorted(k for k in mine if current.data.get(k) != data.get(k))
        return Decision(
            "conflict",
            current.revision,
            None,
            conflict_fields=disputed,
            code="immutable",
            deleted=current.deleted,
        )
    disputed = {k for k in mine & theirs if current.data.get(k) != data.get(k)}
    merged = dict(current.data)
    for key in mine - disputed:
        if key in data:
            merged[key] = data[key]
    revision = max(current.revision, op.revision) + 1
    if "deleted" in merged:
        now_deleted = bool(merged["deleted"])
    else:
        now_deleted = current.deleted or (op.op == "delete" and "deleted" not in disputed)
    if "revision" in merged:
        merged["revision"] = revision
    if disputed:
        return Decision(
            "conflict",
            revision,
            merged,
            merged_fields=sorted(mine - disputed),
            conflict_fields=sorted(disputed),
            code="field_conflict",
            deleted=now_deleted,
            merged=True,
        )
    if _same(merged, current.data) and current.deleted == now_deleted:
        return Decision("duplicate", current.revision, deleted=current.deleted)
    return Decision(
        "accepted", revision, merged, merged_fields=sorted(mine), deleted=now_deleted, merged=True
    )


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = (set(a) | set(b)) - IGNORED
    return all(a.get(k) == b.get(k) for k in keys)
