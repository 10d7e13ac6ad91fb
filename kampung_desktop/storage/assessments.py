"""Assessments, their answers and the installed form versions on disk.

An answer is stored as JSON under its question name, keyed by (assessment, field), with its own
revision; `put_answer` writes one and queues it for sync and audit in the caller's transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage.changes import record_change
from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.models import Assessment, AssessmentAnswer, FormVersion

_CHUNK = 500  # ids bound per IN (...) list, well under SQLite's variable limit


# -- form versions ------------------------------------------------------------------------
def form_by_digest(session: Session, sha256: str) -> FormVersion | None:
    """An installed form version with exactly these bytes (the same workbook again)."""
    return session.exec(select(FormVersion).where(FormVersion.sha256 == sha256)).first()


def form_version(session: Session, form_id: str, version: str) -> FormVersion | None:
    return session.exec(
        select(FormVersion).where(FormVersion.form_id == form_id, FormVersion.version == version)
    ).first()


def newest_version(session: Session, form_id: str) -> str | None:
    """The version of `form_id` installed last (None: not installed)."""
    rows = session.exec(select(FormVersion).where(FormVersion.form_id == form_id)).all()
    return max(rows, key=lambda r: r.installed_at).version if rows else None


def latest_forms(conn: RawConnection) -> list[tuple[str, str, str]]:
    """(form_id, version, title) of the newest installed version of every form, by title."""
    return conn.execute(
        "SELECT form_id, version, title FROM form_versions f WHERE installed_at = "
        "(SELECT max(installed_at) FROM form_versions g WHERE g.form_id = f.form_id) "
        "ORDER BY title"
    ).fetchall()


# -- assessments --------------------------------------------------------------------------
def assessment(session: Session, assessment_id: str) -> Assessment | None:
    return session.get(Assessment, assessment_id)


def assessments(session: Session, form_id: str | None, state: str | None) -> list[Assessment]:
    """Assessments not deleted, optionally of one form and one state, newest change first."""
    query = select(Assessment).where(Assessment.deleted == False)  # noqa: E712
    if form_id:
        query = query.where(Assessment.form_id == form_id)
    if state:
        query = query.where(Assessment.state == state)
    return list(session.exec(query.order_by(col(Assessment.updated_at).desc())))


def any_demo_assessment(session: Session) -> bool:
    return session.exec(select(Assessment.id).where(Assessment.is_demo == True)).first() is not None  # noqa: E712


def last_saved_by(
    session: Session, form_id: str, user_id: str | None, exclude_id: str
) -> str | None:
    """The newest other assessment of `form_id` (by `user_id` when given), or None."""
    query = (
        select(Assessment.id)
        .where(Assessment.form_id == form_id)
        .where(Assessment.id != exclude_id)
        .where(col(Assessment.deleted).is_(False))
        .order_by(col(Assessment.updated_at).desc())
        .limit(1)
    )
    if user_id is not None:
        query = query.where(Assessment.created_by == user_id)
    return session.exec(query).first()


def listed(
    conn: RawConnection, form_id: str, states: tuple[str, ...], kode_prefix: str | None
) -> list[tuple]:
    """(id, form_id, form_version, kelurahan_kode, kelurahan, kecamatan, rw, rt, state,
    review_note, finalized_at, updated_at, created_at) of the assessments of a form in these
    states, in a kelurahan (or kecamatan, city: `kode_prefix`), by area, newest first per RT."""
    sql = (
        "SELECT a.id, a.form_id, a.form_version, a.kelurahan_kode, kel.nama, kec.nama, "
        "a.rw, a.rt, a.state, a.review_note, a.finalized_at, a.updated_at, a.created_at "
        "FROM assessments a JOIN wilayah kel ON kel.kode = a.kelurahan_kode "
        "LEFT JOIN wilayah kec ON kec.kode = kel.parent_kode "
        f"WHERE a.deleted = 0 AND a.form_id = ? AND a.state IN ({_marks(len(states))})"
    )
    params: list[Any] = [form_id, *states]
    if kode_prefix:
        sql += " AND (a.kelurahan_kode = ? OR a.kelurahan_kode LIKE ?)"
        params += [kode_prefix, kode_prefix + ".%"]
    sql += " ORDER BY a.kelurahan_kode, a.rw, a.rt, a.updated_at DESC"
    return conn.execute(sql, params).fetchall()


def counts_by_kelurahan(conn: RawConnection, states: tuple[str, ...]) -> list[tuple]:
    """(kecamatan kode, kecamatan, kab/kota, kelurahan kode, kelurahan, assessments in
    `states`) of every kelurahan, by kecamatan and kelurahan code."""
    return conn.execute(
        "SELECT kec.kode, kec.nama, kota.nama, kel.kode, kel.nama, "
        "(SELECT count(*) FROM assessments a WHERE a.kelurahan_kode = kel.kode "
        f"AND a.deleted = 0 AND a.state IN ({_marks(len(states))})) "
        "FROM wilayah kel JOIN wilayah kec ON kec.kode = kel.parent_kode "
        "LEFT JOIN wilayah kota ON kota.kode = kec.parent_kode "
        "WHERE kel.level = 4 ORDER BY kec.kode, kel.kode",
        states,
    ).fetchall()


# -- answers ------------------------------------------------------------------------------
def answers(conn: RawConnection, assessment_id: str) -> dict[str, Any]:
    """Question name → decoded answer."""
    rows = conn.execute(
        "SELECT field, value FROM assessment_answers WHERE assessment_id = ?", (assessment_id,)
    ).fetchall()
    return {field: json.loads(value) for field, value in rows}


def answers_in(session: Session, assessment_id: str) -> dict[str, Any]:
    """`answers` inside an ORM session's transaction."""
    rows = session.exec(
        select(AssessmentAnswer.field, AssessmentAnswer.value).where(
            AssessmentAnswer.assessment_id == assessment_id
        )
    ).all()
    return {field: json.loads(value) for field, value in rows}


def answers_of(conn: RawConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Assessment id → its answers, for many assessments (read in chunks)."""
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for aid, name, value in conn.execute(
            "SELECT assessment_id, field, value FROM assessment_answers "
            f"WHERE assessment_id IN ({_marks(len(chunk))})",
            chunk,
        ):
            found[aid][name] = json.loads(value)
    return found


def answer_revisions(conn: RawConnection, assessment_id: str) -> dict[str, int]:
    """Question name → the revision of its stored answer."""
    rows = conn.execute(
        "SELECT field, revision FROM assessment_answers WHERE assessment_id = ?",
        (assessment_id,),
    ).fetchall()
    return dict(rows)


def answer(session: Session, assessment_id: str, field: str) -> AssessmentAnswer | None:
    return session.get(AssessmentAnswer, (assessment_id, field))


def put_answer(
    session: Session,
    assessment_id: str,
    field: str,
    value: Any,
    user_id: str | None,
    *,
    always: bool = False,
    action: str | None = None,
) -> int:
    """Write one answer and queue it; returns its revision. `always`: a new revision even when
    the value is the same (a decision to keep it must still reach the server)."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(AssessmentAnswer, (assessment_id, field))
    if row is None:
        row = AssessmentAnswer(assessment_id=assessment_id, field=field, value=encoded)
        op = "insert"
    elif row.value == encoded and not always:
        return row.revision
    else:
        row.value, row.updated_at, row.revision = encoded, utc_now_iso(), row.revision + 1
        op = "update"
    session.add(row)
    session.flush()
    record_id = f"{assessment_id}/{field}"  # answers are keyed by (assessment, field)
    record_change(session, "assessment_answers", row, op, user_id, [field], action, record_id)
    return row.revision


def add_unqueued(session: Session, record: Assessment, answers: dict[str, Any]) -> None:
    """An assessment and its answers written without outbox or audit entries (demo data,
    which never leaves the laptop)."""
    session.add(record)
    session.flush()
    for name, value in answers.items():
        session.add(
            AssessmentAnswer(
                assessment_id=record.id,
                field=name,
                value=json.dumps(value, ensure_ascii=False, sort_keys=True),
            )
        )


def _marks(n: int) -> str:
    return ", ".join("?" * n)
