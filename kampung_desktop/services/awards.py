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

from kampung_desktop.certificates.model import CertificateData, certificate_digest
from kampung_desktop.certificates.template import CertificateTemplate
from kampung_desktop.core import wilayah as wilayah_rules
from kampung_desktop.core.awards import RW_LEVEL_PROGRAMS, program_refusal
from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.scoring import PROGRAM_FORMS, is_kencana
from kampung_desktop.services.failures import shorten
from kampung_desktop.storage import areas, audit, wilayah_records
from kampung_desktop.storage import awards as store
from kampung_desktop.storage.changes import apply_update, save_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import AwardDecision, Certificate, Wilayah

log = logging.getLogger(__name__)

#: Numbers of certificates for demo data start with it and run in a series of their own.
DEMO_MARK = "DEMO"
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
            taken = store.open_decision(session, program, year, kelurahan_kode, rw, rt)
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
                is_demo=store.demo_area(session, kelurahan_kode, rw, rt, assessment_id),
            )
            save_change(
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
                f"Kategori '{shorten(category)}' tidak dikenal untuk {program}; pilih "
                f"{', '.join(allowed)}"
                " / unknown category."
            )
        if not _CATEGORY_RE.match(category):
            raise AwardError("Kategori wajib diisi (huruf kecil) / category is required.")
        if not wilayah_rules.is_valid_code(kode) or (
            wilayah_rules.level_of(kode) != wilayah_rules.Level.KELURAHAN
        ):
            raise AwardError(f"Kode kelurahan '{kode}' tidak sah / invalid kelurahan code.")
        with self.db.raw() as conn:
            if areas.name_of(conn, kode) is None:
                raise AwardError(
                    f"Kelurahan {kode} tidak ada di data wilayah / not in the area list."
                )

    def revoke(self, decision_id: str, reason: str) -> None:
        """Revoke a decision and its certificate; both stay on record as revoked."""
        if not (reason or "").strip():
            raise AwardError("Alasan pencabutan wajib diisi / a reason is required.")
        now = utc_now_iso()
        with self.db.write() as session:
            decision = store.decision(session, decision_id)
            if decision is None or decision.revoked_at:
                raise AwardError("Keputusan tidak ada atau sudah dicabut / not found or revoked.")
            changed = apply_update(
                decision,
                {"revoked_at": now, "revoked_by": self.user_id, "revoke_reason": reason.strip()},
            )
            save_change(
                session, "award_decisions", decision, "update", self.user_id, changed, "revoke"
            )
            for cert in store.live_certificates(session, decision_id):
                changed = apply_update(cert, {"revoked_at": now, "revoke_reason": reason.strip()})
                save_change(
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
        with self.db.read() as session:
            rows = store.decision_rows(session, program, year, kode_prefix, include_revoked)
        return [DecisionRow(*row) for row in rows]

    def years_won(self, program: str, kelurahan_kode: str, rw: int, rt: int) -> list[int]:
        with self.db.raw() as conn:
            return store.years_won(conn, program, kelurahan_kode, rw, rt)

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
                existing = store.live_certificates(session, decision.id)
                if existing:
                    issued.append(_from_content(existing[0].content))
                    continue
                office = None if decision.is_demo else store.office_code(session)
                scope = f"{template.number_pattern}|{decision.year}"
                if decision.is_demo:  # its own series: training uses up no real number
                    scope = f"{scope}|{DEMO_MARK}"
                seq = store.next_sequence(session, f"{scope}|{office}" if office else scope)
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
                if decision.is_demo:  # printed on the piagam: it cannot pass for a real one
                    data = replace(data, number=f"{DEMO_MARK}-{data.number}")
                cert = Certificate(
                    number=data.number,
                    decision_id=decision.id,
                    digest=certificate_digest(data),
                    content=_to_content(data),
                    is_demo=decision.is_demo,
                )
                save_change(session, "certificates", cert, "insert", self.user_id, ["number"])
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
            cert = store.certificate_by_number(session, number.strip())
            if cert is None:
                return Verification("unknown", number)
            decision = store.decision(session, cert.decision_id)
        if cert.revoked_at:
            return Verification("revoked", cert.number, decision, cert.revoke_reason)
        if digest and digest.lower() != cert.digest:
            return Verification("altered", cert.number, decision)
        return Verification("valid", cert.number, decision)


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
        return wilayah_records.by_kode(session, kode)
