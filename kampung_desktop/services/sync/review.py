"""The review loop's data side: assessments returned for correction, conflicts to resolve."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import text

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.core.labels import kind_pair
from kampung_desktop.services.sync import labels
from kampung_desktop.services.sync.types import (
    ConflictItem,
    FieldChoice,
    ReturnedAssessment,
    SyncError,
)
from kampung_desktop.storage import sync_log, sync_targets
from kampung_desktop.storage.changes import apply_update, record_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import PUSHED_TABLES

_HIDDEN = {"id", "created_at", "updated_at", "revision", "is_demo"}


def label_of(conn: sqlite3.Connection, table: str, record_id: str) -> str:
    return labels.record_label(conn, table, record_id)


def returned_assessments(db: Database, user_id: str | None) -> list[ReturnedAssessment]:
    with db.raw() as conn:
        rows = sync_log.returned_assessments(conn, user_id)
        titles = {}
        for aid, form_id, *_ in rows:
            found = sync_targets.label_row(conn, "assessments", aid)
            titles[aid] = labels.form_title(form_id, found[1] if found else None)
    result = []
    for aid, form_id, kel, _kode, rw, rt, head, note, at in rows:
        place = kel
        if rw:
            place += f", RW {rw:03d}"
        if rt:
            place += f" RT {rt:03d}"
        if head:
            place += f" — {head}"
        result.append(ReturnedAssessment(aid, form_id, place, note, at, titles[aid]))
    return result


def conflicts(db: Database, lang: str = "id", cache_dir: Path | None = None) -> list[ConflictItem]:
    """Open conflicts with their fields and both values labelled for people in `lang` (the
    form's question and choice labels for answers; `cache_dir`: the form cache)."""
    items = []
    forms = _Forms(db, cache_dir)
    with db.raw() as conn:
        for cid, table, rid, fields, server, other in sync_log.open_conflicts(conn):
            mine_version, theirs_version = (
                _current(db, table, rid, json.loads(server)),
                json.loads(other),
            )
            form = forms.of_answer(conn, rid) if table == "assessment_answers" else None
            choices = []
            for f in json.loads(fields):
                if f in _HIDDEN:
                    continue
                question = rid.partition("/")[2] if table == "assessment_answers" else f
                label = labels.field_label(table, question, lang, form)
                mine, theirs = (
                    labels.field_value(conn, table, question, version.get(f), lang, form)
                    for version in (mine_version, theirs_version)
                )
                choices.append(FieldChoice(f, label, mine, theirs))
            items.append(ConflictItem(cid, table, rid, label_of(conn, table, rid), choices))
    return items


class _Forms:
    """Form versions loaded once per listing (answers name their question by field name)."""

    def __init__(self, db: Database, cache_dir: Path | None) -> None:
        self.db, self.cache_dir = db, cache_dir
        self.loaded: dict[tuple[str, str], Any] = {}

    def of_answer(self, conn: sqlite3.Connection, record_id: str) -> Any:
        key = sync_targets.form_of_assessment(conn, record_id.partition("/")[0])
        if key is None or self.cache_dir is None:
            return None
        if key not in self.loaded:
            from kampung_desktop.services.assessments import AssessmentService
            from kampung_desktop.survey import FormLoadError, load_form

            service = AssessmentService(self.db, None, self.cache_dir)
            try:
                self.loaded[key] = load_form(service.form_file(*key))
            except (FormLoadError, ValueError, OSError):  # not installed here, unreadable
                self.loaded[key] = None  # the field's own name then
        return self.loaded[key]


def resolve_conflict(
    db: Database, user_id: str | None, conflict_id: str, choices: dict[str, str]
) -> None:
    """Apply the chosen values as one local edit (queued for sync) and close the conflict."""
    with db.raw() as conn:
        found = [c for c in sync_log.open_conflicts(conn) if c[0] == conflict_id]
    if not found:
        raise SyncError("Konflik tidak ditemukan atau sudah diselesaikan / Conflict not found.")
    _cid, table, record_id, fields, server, other = found[0]
    if table == "assessment_answers":
        _check(choices, fields)
        _resolve_answer(db, user_id, conflict_id, record_id, choices, server, other)
        return
    model = PUSHED_TABLES.get(table)
    if model is None:
        kind_id, kind_en = kind_pair(table)
        raise SyncError(
            f"Konflik pada {kind_id} tidak dapat diselesaikan di sini; buka datanya (klik dua "
            f"kali di log sinkronisasi) dan ubah di sana / A conflict on a {kind_en} cannot be "
            "resolved here; open it (double-click in the sync log) and change it there."
        )
    theirs = json.loads(other)
    _check(choices, fields)
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
        _close(session, conflict_id, choices)


def _check(choices: dict[str, str], fields: str) -> None:
    allowed = set(json.loads(fields)) - _HIDDEN
    bad = {k: v for k, v in choices.items() if k not in allowed or v not in ("mine", "theirs")}
    if bad:
        raise SyncError("Pilihan tidak sah / Invalid choice: " + ", ".join(sorted(bad)))


def _close(session: Any, conflict_id: str, choices: dict[str, str]) -> None:
    session.exec(
        text("UPDATE sync_conflicts SET resolved_at = :at, resolution = :r WHERE id = :id"),
        params={"at": utc_now_iso(), "r": json.dumps(choices), "id": conflict_id},
    )


def _resolve_answer(
    db: Database,
    user_id: str | None,
    conflict_id: str,
    record_id: str,
    choices: dict[str, str],
    server: str,
    other: str,
) -> None:
    """An answer's one field ("value") written through the interview's save path, so the
    outbox gets a new revision based on the server's and the choice reaches every laptop."""
    from kampung_desktop.services.assessments import AssessmentError, AssessmentService

    version = (
        json.loads(other)
        if choices.get("value") == "theirs"  # no field in dispute: the version in force stays
        else _current(db, "assessment_answers", record_id, json.loads(server))
    )
    assessment_id, _, field = record_id.partition("/")
    try:
        value = json.loads(version["value"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError(
            "Versi jawaban ini tidak terbaca / This version of the answer cannot be read."
        ) from exc
    service = AssessmentService(db, user_id, Path("."))  # no form files needed to save
    with db.write() as session:
        try:
            service.settle_answer(session, assessment_id, field, value)
        except AssessmentError as exc:
            raise SyncError(
                "Data tidak ada di laptop ini / The record is not on this laptop."
            ) from exc
        _close(session, conflict_id, choices)


def _current(db: Database, table: str, record_id: str, fallback: dict[str, Any]) -> dict:
    model = PUSHED_TABLES.get(table)
    if table == "assessment_answers":
        with db.raw() as conn:
            return sync_targets.answer_row(conn, record_id) or fallback
    if model is None:
        return fallback
    with db.read() as session:
        record = session.get(model, record_id)
        return record.model_dump(mode="json") if record is not None else fallback
