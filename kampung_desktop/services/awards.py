"""Award decisions, certificate numbers and verification.

A decision is never deleted: revoking keeps it (and its certificate) with the reason, so a
printed piagam can always be checked. Certificate numbers come from a sequence advanced inside
a BEGIN IMMEDIATE transaction, so two processes printing at once never share a number; a
decision keeps its number when reprinted.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import text
from sqlmodel import select

from kampung_desktop.certificates.model import CertificateData, certificate_digest
from kampung_desktop.certificates.template import CertificateTemplate
from kampung_desktop.core import wilayah as wilayah_rules
from kampung_desktop.core.awards import RW_LEVEL_PROGRAMS, program_refusal
from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.scoring import PROGRAM_FORMS, is_kencana
from kampung_desktop.storage import audit
from kampung_desktop.storage.changes import apply_update, record_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import AwardDecision, Certificate, Wilayah

log = logging.getLogger(__name__)

CATEGORIES = {"bantar": ("kecil", "sedang", "besar")}
_CATEGORY_RE = re.compile(r"^[a-z0-9_-]{1,40}$")


class AwardError(ValueError):
    """A decision that cannot be recorded; the text (id / en) says what to fix."""


@dataclass(frozen=True)
class DecisionRow:
    decision: AwardDecision
    kelurahan: str
    kecamatan: str
    kota: str
    certificate_number: str | None


@dataclass(frozen=True)
class Verification:
    status: str  # valid, revoked, unknown, altered
    number: str
    decision: AwardDecision | None = None
    reason: str | None = None


class AwardsService:
    def __init__(self, db: Database, user_id: str | None) -> None:
        self.db = db
        self.user_id = user_id

    # -- decisions --------------------------------------------------------------------------
    def decide(
        self,
        program: str,
        year: int,
        kelurahan_kode: str,
        rw: int,
        rt: int,
        category: str,
        score: str | None = None,
        level: str | None = None,
        assessment_id: str | None = None,
        overridden: list[str] | tuple[str, ...] = (),
        override_reason: str | None = None,
    ) -> AwardDecision:
        """Record a decision. Whether the area deserves it (approved assessment, threshold) is
        checked by `award_rules.check` in `ReviewService`, the window's and the CLI's one entry;
        `overridden` names the rules an office set aside, kept in the audit log with the reason.
        """
        category = (category or "").strip().lower()
        self.validate(program, year, kelurahan_kode, rw, rt, category)
        with self.db.write() as session:
            taken = session.exec(
                select(AwardDecision).where(
                    AwardDecision.program == program,
                    AwardDecision.year == year,
                    AwardDecision.kelurahan_kode == kelurahan_kode,
                    AwardDecision.rw == rw,
                    AwardDecision.rt == rt,
                    AwardDecision.revoked_at == None,  # noqa: E711
                )
            ).first()
            if taken is not None:
                raise AwardError(
                    f"RT {rt:03d} / RW {rw:03d} sudah diputuskan untuk {program} {year} "
                    f"(kategori {taken.category}); cabut dulu keputusan itu / already decided; "
                    "revoke that decision first."
                )
            decision = AwardDecision(
                program=program,
                year=year,
                kelurahan_kode=kelurahan_kode,
                rw=rw,
                rt=rt,
                category=category,
                score=score,
                level=level,
                assessment_id=assessment_id,
                decided_by=self.user_id,
                is_demo=_demo_area(session, kelurahan_kode, rw, rt, assessment_id),
            )
            session.add(decision)
            session.flush()
            record_change(
                session,
                "award_decisions",
                decision,
                "insert",
                self.user_id,
                ["program", "year", "category"],
                action="decide",
            )
            if overridden:
                audit.append(
                    session,
                    "decide_override",
                    "award_decisions",
                    decision.id,
                    json.dumps(
                        {"overridden": list(overridden), "reason": override_reason or ""},
                        ensure_ascii=False,
                    ),
                    user_id=self.user_id,
                )
        log.info(
            "award decided: decision=%s program=%s year=%s assessment=%s demo=%s override=%s",
            decision.id,
            program,
            year,
            assessment_id or "-",
            int(bool(decision.is_demo)),
            ",".join(overridden) or "-",  # the codes only: the reason may name people
        )
        return decision

    def validate(self, program: str, year: int, kode: str, rw: int, rt: int, category: str):
        """The decision's own values (program, year, area, category), before any rule."""
        if program not in PROGRAM_FORMS:
            raise AwardError(
                f"Program '{program}' tidak dikenal; pilih {', '.join(PROGRAM_FORMS)} / unknown program."
            )
        not_award = program_refusal(program)
        if not_award is not None:
            raise AwardError(f"{not_award}.")
        if not 2000 <= int(year) <= 2100:
            raise AwardError(f"Tahun {year} tidak masuk akal / year out of range.")
        lowest_rt = 0 if program in RW_LEVEL_PROGRAMS else 1
        if not (1 <= rw <= 999 and lowest_rt <= rt <= 999):
            raise AwardError("Nomor RW dan RT harus 1..999 / RW and RT must be 1..999.")
        allowed = CATEGORIES.get(program)
        if allowed and category not in allowed:
            raise AwardError(
                f"Kategori '{category}' tidak dikenal untuk {program}; pilih {', '.join(allowed)}"
                " / unknown category."
            )
        if not _CATEGORY_RE.match(category):
            raise AwardError("Kategori wajib diisi (huruf kecil) / category is required.")
        if not wilayah_rules.is_valid_code(kode) or (
            wilayah_rules.level_of(kode) != wilayah_rules.Level.KELURAHAN
        ):
            raise AwardError(f"Kode kelurahan '{kode}' tidak sah / invalid kelurahan code.")
        with self.db.raw() as conn:
            if not conn.execute("SELECT 1 FROM wilayah WHERE kode = ?", (kode,)).fetchone():
                raise AwardError(
                    f"Kelurahan {kode} tidak ada di data wilayah / not in the area list."
                )

    def revoke(self, decision_id: str, reason: str) -> None:
        """Revoke a decision and its certificate; both stay on record as revoked."""
        if not (reason or "").strip():
            raise AwardError("Alasan pencabutan wajib diisi / a reason is required.")
        now = utc_now_iso()
        with self.db.write() as session:
            decision = session.get(AwardDecision, decision_id)
            if decision is None or decision.revoked_at:
                raise AwardError("Keputusan tidak ada atau sudah dicabut / not found or revoked.")
            changed = apply_update(
                decision,
                {"revoked_at": now, "revoked_by": self.user_id, "revoke_reason": reason.strip()},
            )
            session.add(decision)
            session.flush()
            record_change(
                session, "award_decisions", decision, "update", self.user_id, changed, "revoke"
            )
            for cert in session.exec(
                select(Certificate).where(
                    Certificate.decision_id == decision_id,
                    Certificate.revoked_at == None,  # noqa: E711
                )
            ):
                changed = apply_update(cert, {"revoked_at": now, "revoke_reason": reason.strip()})
                session.add(cert)
                session.flush()
                record_change(
                    session, "certificates", cert, "update", self.user_id, changed, "revoke"
                )
        log.info("award revoked: decision=%s", decision_id)  # the reason may name people

    def decisions(
        self,
        program: str,
        year: int,
        kode_prefix: str | None = None,
        include_revoked: bool = False,
    ) -> list[DecisionRow]:
        """Decisions of a program and year, for a kelurahan, kecamatan or the whole city."""
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
        with self.db.read() as session:
            rows = session.exec(text(sql), params=params).all()
            found = {
                d.id: d
                for d in session.exec(
                    select(AwardDecision).where(AwardDecision.id.in_([r[0] for r in rows]))
                )
            }
        return [DecisionRow(found[r[0]], r[1], r[2] or "", r[3] or "", r[4]) for r in rows]

    def years_won(self, program: str, kelurahan_kode: str, rw: int, rt: int) -> list[int]:
        with self.db.raw() as conn:
            rows = conn.execute(
                "SELECT DISTINCT year FROM award_decisions WHERE program = ? AND "
                "kelurahan_kode = ? AND rw = ? AND rt = ? AND revoked_at IS NULL ORDER BY year",
                (program, kelurahan_kode, rw, rt),
            ).fetchall()
        return [r[0] for r in rows]

    def is_kencana(self, kelurahan_kode: str, rw: int, rt: int, year: int, run: int = 3) -> bool:
        """Kampung Bantar Kencana: the RT won Bantar in `run` consecutive years up to `year`."""
        return is_kencana(self.years_won("bantar", kelurahan_kode, rw, rt), year, run)

    # -- certificates -----------------------------------------------------------------------
    def issue(
        self, rows: list[DecisionRow], template: CertificateTemplate, on: date
    ) -> list[CertificateData]:
        """Certificates for these decisions: existing numbers are reused, new ones allocated."""
        issued: list[CertificateData] = []
        new: list[str] = []  # numbers allocated now
        with self.db.write() as session:
            for row in rows:
                decision = row.decision
                if decision.revoked_at:
                    raise AwardError(
                        f"Keputusan RT {decision.rt:03d}/RW {decision.rw:03d} sudah dicabut / revoked."
                    )
                existing = session.exec(
                    select(Certificate).where(
                        Certificate.decision_id == decision.id,
                        Certificate.revoked_at == None,  # noqa: E711
                    )
                ).first()
                if existing is not None:
                    issued.append(_from_content(existing.content))
                    continue
                office = None if decision.is_demo else _office_code(session)
                scope = f"{template.number_pattern}|{decision.year}"
                seq = _next_seq(session, f"{scope}|{office}" if office else scope)
                data = template.certificate(
                    seq=seq,
                    year=decision.year,
                    category=decision.category,
                    date=on,
                    rw=decision.rw,
                    rt=decision.rt,
                    kelurahan=row.kelurahan,
                    kecamatan=row.kecamatan,
                    kota=row.kota,
                )
                if office:  # offices print offline: their code keeps numbers unique city-wide
                    data = replace(data, number=f"{data.number}/{office}")
                cert = Certificate(
                    number=data.number,
                    decision_id=decision.id,
                    digest=certificate_digest(data),
                    content=_to_content(data),
                    is_demo=decision.is_demo,
                )
                session.add(cert)
                session.flush()
                record_change(session, "certificates", cert, "insert", self.user_id, ["number"])
                issued.append(data)
                new.append(cert.number)
        log.info(
            "certificates issued: %d for %d decisions (%d new%s)",
            len(issued),
            len(rows),
            len(new),
            f": {new[0]} … {new[-1]}" if new else "",
        )
        return issued

    def verify(self, number: str, digest: str | None = None) -> Verification:
        """valid / revoked / unknown; `altered` when a scanned digest does not match."""
        with self.db.read() as session:
            cert = session.exec(
                select(Certificate).where(Certificate.number == number.strip())
            ).first()
            if cert is None:
                return Verification("unknown", number)
            decision = session.get(AwardDecision, cert.decision_id)
        if cert.revoked_at:
            return Verification("revoked", cert.number, decision, cert.revoke_reason)
        if digest and digest.lower() != cert.digest:
            return Verification("altered", cert.number, decision)
        return Verification("valid", cert.number, decision)


def _demo_area(session, kode: str, rw: int, rt: int, assessment_id: str | None) -> bool:
    """A decision about demo data is demo too (it must never reach the city's server)."""
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


def _office_code(session) -> str | None:
    """The device code the server gave this laptop at enrolment (None before enrolment)."""
    row = session.exec(text("SELECT device_code FROM sync_device WHERE id = 1")).first()
    return row[0] if row and row[0] else None


def _next_seq(session, scope: str) -> int:
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


def _to_content(data: CertificateData) -> str:
    return json.dumps(
        {
            "number": data.number,
            "recipient_lines": list(data.recipient_lines),
            "achievement": data.achievement,
            "place": data.place,
            "date": data.date.isoformat(),
            "signatory_title": data.signatory_title,
            "signatory_name": data.signatory_name,
            "signatory_nip": data.signatory_nip,
        },
        ensure_ascii=False,
    )


def _from_content(content: str) -> CertificateData:
    values = json.loads(content)
    values["date"] = date.fromisoformat(values["date"])
    return CertificateData(**values)


def kelurahan_of(db: Database, kode: str) -> Wilayah | None:
    with db.read() as session:
        return session.exec(select(Wilayah).where(Wilayah.kode == kode)).first()
