"""Award decisions and certificates on disk: the lookups the awards service needs, the
decision list with its area names, and the certificate number sequence.

The sequence is advanced inside the caller's write transaction (BEGIN IMMEDIATE), so two
processes printing at once never get the same number.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, select

from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.models import AwardDecision, Certificate


def open_decision(
    session: Session, program: str, year: int, kelurahan_kode: str, rw: int, rt: int
) -> AwardDecision | None:
    """The area's decision for that program and year that is not revoked (at most one)."""
    return session.exec(
        select(AwardDecision).where(
            AwardDecision.program == program,
            AwardDecision.year == year,
            AwardDecision.kelurahan_kode == kelurahan_kode,
            AwardDecision.rw == rw,
            AwardDecision.rt == rt,
            AwardDecision.revoked_at == None,  # noqa: E711
        )
    ).first()


def decision(session: Session, decision_id: str) -> AwardDecision | None:
    return session.get(AwardDecision, decision_id)


def live_certificates(session: Session, decision_id: str) -> list[Certificate]:
    """The decision's certificates that are not revoked (one, unless data was merged)."""
    return list(
        session.exec(
            select(Certificate).where(
                Certificate.decision_id == decision_id,
                Certificate.revoked_at == None,  # noqa: E711
            )
        )
    )


def certificate_by_number(session: Session, number: str) -> Certificate | None:
    return session.exec(select(Certificate).where(Certificate.number == number)).first()


def decision_rows(
    session: Session,
    program: str,
    year: int,
    kode_prefix: str | None,
    include_revoked: bool,
) -> list[tuple[AwardDecision, str, str, str, str | None]]:
    """(decision, kelurahan, kecamatan, kota, certificate number) of a program and year, for a
    kelurahan, kecamatan or the whole city, by area; a revoked decision shows its revoked
    certificate, a live one only its live certificate."""
    sql = (
        "SELECT d.id, kel.nama, kec.nama, kota.nama, c.number FROM award_decisions d "
        "JOIN wilayah kel ON kel.kode = d.kelurahan_kode "
        "LEFT JOIN wilayah kec ON kec.kode = kel.parent_kode "
        "LEFT JOIN wilayah kota ON kota.kode = kec.parent_kode "
        "LEFT JOIN certificates c ON c.decision_id = d.id "
        "AND (c.revoked_at IS NULL OR d.revoked_at IS NOT NULL) "
        "WHERE d.program = :program AND d.year = :year"
    )
    params: dict = {"program": program, "year": year}
    if kode_prefix:
        sql += " AND (d.kelurahan_kode = :kode OR d.kelurahan_kode LIKE :like)"
        params |= {"kode": kode_prefix, "like": kode_prefix + ".%"}
    if not include_revoked:
        sql += " AND d.revoked_at IS NULL"
    sql += " ORDER BY d.kelurahan_kode, d.rw, d.rt"
    rows = session.exec(text(sql), params=params).all()
    found = {
        d.id: d
        for d in session.exec(
            select(AwardDecision).where(AwardDecision.id.in_([r[0] for r in rows]))  # type: ignore[attr-defined]
        )
    }
    return [(found[r[0]], r[1], r[2] or "", r[3] or "", r[4]) for r in rows]


def years_won(
    conn: RawConnection, program: str, kelurahan_kode: str, rw: int, rt: int
) -> list[int]:
    """The years the area holds a decision of `program` that is not revoked, oldest first."""
    rows = conn.execute(
        "SELECT DISTINCT year FROM award_decisions WHERE program = ? AND "
        "kelurahan_kode = ? AND rw = ? AND rt = ? AND revoked_at IS NULL ORDER BY year",
        (program, kelurahan_kode, rw, rt),
    ).fetchall()
    return [r[0] for r in rows]


def demo_area(session: Session, kode: str, rw: int, rt: int, assessment_id: str | None) -> bool:
    """Whether a decision is about demo data: its assessment's mark, else the area's households
    are all demo ones (rt 0: the whole RW)."""
    if assessment_id:
        row = session.exec(
            text("SELECT is_demo FROM assessments WHERE id = :id"), params={"id": assessment_id}
        ).first()
        if row is not None:
            return bool(row[0])
    demo, real = session.exec(
        text(
            "SELECT COALESCE(sum(is_demo), 0), COALESCE(sum(1 - is_demo), 0) FROM households "
            "WHERE kelurahan_kode = :k AND rw = :rw AND (:rt = 0 OR rt = :rt) AND deleted = 0"
        ),
        params={"k": kode, "rw": rw, "rt": rt},
    ).one()
    return bool(demo) and not real


def office_code(session: Session) -> str | None:
    """The device code the server gave this laptop at enrolment (None before enrolment)."""
    row = session.exec(text("SELECT device_code FROM sync_device WHERE id = 1")).first()
    return row[0] if row and row[0] else None


def next_sequence(session: Session, scope: str) -> int:
    """The next certificate number of `scope` (1 for a new scope), taken for good."""
    session.exec(
        text(
            "INSERT INTO certificate_sequences (scope, last) VALUES (:s, 0) ON CONFLICT DO NOTHING"
        ),
        params={"s": scope},
    )
    return int(
        session.exec(
            text(
                "UPDATE certificate_sequences SET last = last + 1 WHERE scope = :s RETURNING last"
            ),
            params={"s": scope},
        ).one()[0]
    )
