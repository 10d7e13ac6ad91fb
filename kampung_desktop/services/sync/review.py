"""The review loop's data side: assessments returned for correction, conflicts to resolve."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlalchemy import text

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.services.sync.types import (
    ConflictItem,
    FieldChoice,
    ReturnedAssessment,
    SyncError,
)
from kampung_desktop.storage import sync_log
from kampung_desktop.storage.changes import apply_update, record_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import PUSHED_TABLES

TABLE_LABELS = {
    "households": "Rumah tangga / Household",
    "members": "Anggota / Member",
    "assessments": "Penilaian / Assessment",
    "assessment_answers": "Jawaban / Answer",
    "award_decisions": "Keputusan penghargaan / Award decision",
    "certificates": "Piagam / Certificate",
}
_HIDDEN = {"id", "created_at", "updated_at", "revision", "is_demo"}


def label_of(conn: sqlite3.Connection, table: str, record_id: str) -> str:
    found = sync_log.record_label(conn, table, record_id)
    return found or f"{TABLE_LABELS.get(table, table)} {record_id[:8]}"


def returned_assessments(db: Database, user_id: str | None) -> list[ReturnedAssessment]:
    with db.raw() as conn:
        rows = sync_log.returned_assessments(conn, user_id)
    result = []
    for aid, form_id, kel, _kode, rw, rt, head, note, at in rows:
        place = kel
        if rw:
            place += f", RW {rw:03d}"
        if rt:
            place += f" RT {rt:03d}"
        if head:
            place += f" — {head}"
        result.append(ReturnedAssessment(aid, form_id, place, note, at))
    return result


def conflicts(db: Database) -> list[ConflictItem]:
    items = []
    with db.raw() as conn:
        for cid, table, rid, fields, server, other in sync_log.open_conflicts(conn):
            mine_version, theirs_version = (
                _current(db, table, rid, json.loads(server)),
                json.loads(other),
            )
            choices = [
                FieldChoice(f, f, _show(mine_version.get(f)), _show(theirs_version.get(f)))
                for f in json.loads(fields)
                if f not in _HIDDEN
            ]
            items.append(ConflictItem(cid, table, rid, label_of(conn, table, rid), choices))
    return items


def resolve_conflict(
    db: Database, user_id: str | None, conflict_id: str, choices: dict[str, str]
) -> None:
    """Apply the chosen values as one local edit (queued for sync) and close the conflict."""
    with db.raw() as conn:
        found = [c for c in sync_log.open_conflicts(conn) if c[0] == conflict_id]
    if not found:
        raise SyncError("Konflik tidak ditemukan atau sudah diselesaikan / Conflict not found.")
    _cid, table, record_id, fields, _server, other = found[0]
    model = PUSHED_TABLES.get(table)
    if model is None or table == "assessment_answers":
        raise SyncError(f"Konflik pada {table} tidak dapat diselesaikan di sini / unsupported.")
    theirs = json.loads(other)
    allowed = set(json.loads(fields)) - _HIDDEN
    bad = {k: v for k, v in choices.items() if k not in allowed or v not in ("mine", "theirs")}
    if bad:
        raise SyncError("Pilihan tidak sah / Invalid choice: " + ", ".join(sorted(bad)))
    with db.write() as session:
        record = session.get(model, record_id)
        if record is None:
            raise SyncError("Data tidak ada di laptop ini / The record is not on this laptop.")
        values = {k: theirs.get(k) for k, v in choices.items() if v == "theirs"}
        changed = apply_update(record, values)
        if not changed:  # kept every field: still a new revision, so the decision syncs
            record.revision += 1  # type: ignore[attr-defined]
            record.updated_at = utc_now_iso()  # type: ignore[attr-defined]
        session.add(record)
        session.flush()
        record_change(
            session, table, record, "update", user_id, changed or ["revision"], "resolve_conflict"
        )
        session.exec(
            text("UPDATE sync_conflicts SET resolved_at = :at, resolution = :r WHERE id = :id"),
            params={"at": utc_now_iso(), "r": json.dumps(choices), "id": conflict_id},
        )


def _current(db: Database, table: str, record_id: str, fallback: dict[str, Any]) -> dict:
    model = PUSHED_TABLES.get(table)
    if model is None or table == "assessment_answers":
        return fallback
    with db.read() as session:
        record = session.get(model, record_id)
        return record.model_dump(mode="json") if record is not None else fallback


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya / yes" if value else "tidak / no"
    return str(value)
