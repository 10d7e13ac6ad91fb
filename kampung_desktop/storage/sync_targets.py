"""Where a synced record is corrected: the household of a member, the assessment of an answer,
the program, year and kelurahan of an award decision or certificate (for the sync panel)."""

from __future__ import annotations

import sqlite3


def record_target(conn: sqlite3.Connection, table: str, record_id: str) -> dict | None:
    """Ids of the editor that owns `record_id`, or None when the record is not on this laptop."""
    if table == "households":
        row = conn.execute("SELECT id FROM households WHERE id = ?", (record_id,)).fetchone()
        return {"household_id": row[0]} if row else None
    if table == "members":
        row = conn.execute("SELECT household_id FROM members WHERE id = ?", (record_id,)).fetchone()
        return {"household_id": row[0], "member_id": record_id} if row else None
    if table in ("assessments", "assessment_answers"):
        assessment_id, _, question = record_id.partition("/")
        row = conn.execute("SELECT id FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
        if not row:
            return None
        return {"assessment_id": assessment_id, "question": question or None}
    if table in ("award_decisions", "certificates"):
        sql = (
            "SELECT d.program, d.year, d.kelurahan_kode, d.assessment_id FROM award_decisions d "
            + ("WHERE d.id = ?" if table == "award_decisions" else
               "JOIN certificates c ON c.decision_id = d.id WHERE c.id = ?")
        )  # fmt: skip
        row = conn.execute(sql, (record_id,)).fetchone()
        if not row:
            return None
        return {"program": row[0], "year": row[1], "kelurahan_kode": row[2],
                "assessment_id": row[3]}  # fmt: skip
    return None


def area_name(conn: sqlite3.Connection, kode: str) -> str | None:
    row = conn.execute("SELECT nama FROM wilayah WHERE kode = ?", (kode,)).fetchone()
    return row[0] if row else None


def form_of_assessment(conn: sqlite3.Connection, assessment_id: str) -> tuple[str, str] | None:
    """(form_id, form_version) of an assessment on this laptop."""
    row = conn.execute(
        "SELECT form_id, form_version FROM assessments WHERE id = ?", (assessment_id,)
    ).fetchone()
    return (row[0], row[1]) if row else None


_LABEL_ROWS = {
    "households": "SELECT rw, rt, address FROM households WHERE id = ?",
    "members": "SELECT name FROM members WHERE id = ?",
    "assessments": "SELECT a.form_id, f.title, COALESCE(w.nama, a.kelurahan_kode), "
    "a.rw, a.rt FROM assessments a LEFT JOIN wilayah w ON w.kode = a.kelurahan_kode "
    "LEFT JOIN form_versions f ON f.form_id = a.form_id AND f.version = a.form_version "
    "WHERE a.id = ?",
    "award_decisions": "SELECT program, year, COALESCE(w.nama, d.kelurahan_kode), rw, rt "
    "FROM award_decisions d LEFT JOIN wilayah w ON w.kode = d.kelurahan_kode WHERE d.id = ?",
    "certificates": "SELECT number FROM certificates WHERE id = ?",
}


def label_row(conn: sqlite3.Connection, table: str, record_id: str) -> tuple | None:
    """What a person recognises a record by, as stored (codes are labelled by the caller):
    households (rw, rt, address); members (name,); assessments and their answers (form id,
    form title, kelurahan, rw, rt); award decisions (program, year, kelurahan, rw, rt);
    certificates (number,)."""
    if table == "assessment_answers":
        table, record_id = "assessments", record_id.partition("/")[0]
    sql = _LABEL_ROWS.get(table)
    return conn.execute(sql, (record_id,)).fetchone() if sql else None


def answer_row(conn: sqlite3.Connection, record_id: str) -> dict | None:
    """An answer as this laptop holds it ("{assessment_id}/{field}"), as the wire carries it."""
    assessment_id, _, field = record_id.partition("/")
    row = conn.execute(
        "SELECT value, updated_at, revision FROM assessment_answers "
        "WHERE assessment_id = ? AND field = ?",
        (assessment_id, field),
    ).fetchone()
    if row is None:
        return None
    return {"assessment_id": assessment_id, "field": field, "value": row[0],
            "updated_at": row[1], "revision": row[2]}  # fmt: skip
