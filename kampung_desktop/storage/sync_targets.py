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
