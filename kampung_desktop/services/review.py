"""Kelurahan review: the assessments of a program with their scores, ranking, summary rows.

The review window, `kampung awards decide` and `kampung certificates report` all read through
here so they show the same numbers: every score is computed from the stored answers with the
program's rule file (`kampung_desktop.scoring`), never stored separately and never typed in.
State changes go through `AssessmentService.transition` (a return needs a note, which travels to
the enumerator with the record), decisions through `AwardsService.decide`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.core.awards import RW_LEVEL_PROGRAMS, Refusal
from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.core.roles import Permission, in_scope
from kampung_desktop.scoring import PROGRAM_FORMS, ScoringError, load_rules, score
from kampung_desktop.services import award_rules, people
from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.awards import AwardsService, DecisionRow
from kampung_desktop.services.review_answers import AnswerLine, AssessmentDetail, labelled, plain
from kampung_desktop.services.review_model import (  # noqa: F401 (re-exported)
    CATEGORY_FIELDS,
    LISTED_STATES,
    PROGRAM_TITLES,
    PROGRAMS,
    RANKED_STATES,
    STATE_LABELS,
    YEAR_FIELDS,
    Area,
    RankedRt,
    ScoredAssessment,
    program_of_form,
    state_label,
)
from kampung_desktop.services.review_summary import SummaryRow, summary_rows
from kampung_desktop.storage import areas as area_store
from kampung_desktop.storage import assessments as store
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import AwardDecision


class ReviewService:
    def __init__(
        self, db: Database, user_id: str | None, cache_dir: Path, access: Any = None
    ) -> None:
        """`access`: the signed-in AccessSession; approving and deciding check its role and
        kelurahan scope (None: an unprotected legacy dir, or a CLI that checked already)."""
        self.db = db
        self.user_id = user_id
        self.access = access
        self.assessments = AssessmentService(db, user_id, cache_dir)
        self.awards = AwardsService(db, user_id)
        self._forms: dict[tuple[str, str], Any] = {}

    @classmethod
    def for_context(cls, ctx: Any) -> ReviewService:
        """The service for an `AppContext` (form cache shared with the interview wizard)."""
        return cls(
            ctx.db, ctx.user_id, Path(ctx.data_dir) / "forms-cache", getattr(ctx, "access", None)
        )

    def _in_scope(self, kelurahan_kode: str) -> bool:
        """Inside the signed-in account's kelurahan (everything without a session or scope)."""
        scope = self.access.principal.scope if self.access is not None else ()
        return not scope or in_scope(scope, kelurahan_kode)

    # -- areas ----------------------------------------------------------------------------
    def areas(self) -> list[Area]:
        """Kecamatan (named with their city) and their kelurahan, with assessment counts."""
        with self.db.raw() as conn:
            rows = store.counts_by_kelurahan(conn, LISTED_STATES)
        by_kec: dict[str, Area] = {}
        for kec_kode, kec_nama, kota_nama, kel_kode, kel_nama, count in rows:
            if not self._in_scope(kel_kode):
                continue  # a scoped operator sees only its kelurahan
            kec = by_kec.get(kec_kode)
            if kec is None:
                name = f"{kota_nama} — {kec_nama}" if kota_nama else kec_nama
                kec = by_kec[kec_kode] = Area(kec_kode, name, kec_kode.rsplit(".", 1)[0])
            kec.children.append(Area(kel_kode, kel_nama, kec_kode, count))
        return [
            Area(k.kode, k.nama, k.parent_kode, sum(c.count for c in k.children), k.children)
            for k in by_kec.values()
        ]

    def areas_by_code(self) -> dict[str, tuple[str, str]]:
        """Kelurahan code → (kelurahan name, kecamatan name)."""
        with self.db.raw() as conn:
            rows = area_store.kelurahan_with_kecamatan(conn)
        return {kode: (kel, kec) for kode, kel, kec in rows}

    def area_name(self, kode: str) -> str:
        with self.db.raw() as conn:
            name = area_store.name_of(conn, kode)
        return name if name is not None else kode

    def government_of(self, kelurahan_kode: str) -> str:
        """The heading of an official report: "PEMERINTAH KOTA JAMBI" for a kelurahan there."""
        kota = kelurahan_kode.rsplit(".", 2)[0]
        with self.db.raw() as conn:
            name = area_store.name_of(conn, kota)
        if name is None:
            return ""
        name = name.upper()
        return "PEMERINTAH " + (name if name.startswith(("KOTA ", "KABUPATEN ")) else name)

    def user_names(self) -> dict[str, str]:
        """User id → person's name ("" for an account named by its role only)."""
        return people.user_names(self.db)

    def set_my_name(self, name: str) -> None:
        """Name the current account (the person recording decisions on this laptop)."""
        people.set_name(self.db, self.user_id, name)

    # -- assessments ----------------------------------------------------------------------
    def list(
        self,
        program: str,
        kode_prefix: str | None = None,
        states: tuple[str, ...] = LISTED_STATES,
        year: int | None = None,
    ) -> list[ScoredAssessment]:
        """Assessments of `program` in a kelurahan (or kecamatan, city), by RW and RT, scored."""
        form_id = _form_of(program)
        with self.db.raw() as conn:
            rows = store.listed(conn, form_id, states, kode_prefix)
            answers = store.answers_of(conn, [r[0] for r in rows])
        rules = _rules_or_error(program)
        rows = [r for r in rows if self._in_scope(r[3])]
        scored = [self._scored(program, r, answers.get(r[0], {}), rules) for r in rows]
        if year is not None:
            scored = [s for s in scored if s.year == year]
        return scored

    def get(self, assessment_id: str) -> ScoredAssessment:
        found = self.assessments.get(assessment_id)
        program = program_of_form(found.form_id)
        if program is None:
            raise ValueError(
                f"Formulir {found.form_id} bukan formulir penghargaan / not an award form."
            )
        matches = [s for s in self.list(program, found.kelurahan_kode) if s.id == assessment_id]
        if not matches:
            raise ValueError("Penilaian ini belum final / this assessment is not finalized yet.")
        return matches[0]

    def _scored(self, program: str, row: tuple, answers: dict[str, Any], rules) -> ScoredAssessment:  # type: ignore[no-untyped-def]
        (aid, form_id, version, kode, kel, kec, rw, rt, state, note, fin, upd, created) = row
        result, error = None, None
        if isinstance(rules, str):
            error = rules
        else:
            try:
                result = score(rules, answers)
            except ScoringError as exc:
                error = str(exc)
        category = answers.get(CATEGORY_FIELDS.get(program, ""))
        return ScoredAssessment(
            id=aid,
            program=program,
            form_id=form_id,
            form_version=version,
            kelurahan_kode=kode,
            kelurahan=kel,
            kecamatan=kec or "",
            rw=rw,
            rt=rt,
            state=state,
            review_note=note,
            finalized_at=fin,
            updated_at=upd,
            year=_year_of(program, answers, fin or created),
            category=str(category) if category else None,
            result=result,
            error=error,
        )

    def detail(self, assessment_id: str, lang: str = "id") -> AssessmentDetail:
        """Read-only answers, labelled from the form version the assessment was made with."""
        scored = self.get(assessment_id)
        answers = self.assessments.answers(assessment_id)
        form = self._form(scored.form_id, scored.form_version)
        if form is None:
            lines = [AnswerLine(k, k, plain(v)) for k, v in sorted(answers.items())]
            return AssessmentDetail(scored, lines)
        return AssessmentDetail(scored, labelled(form, answers, lang), form.title)

    def _form(self, form_id: str, version: str) -> Any:
        key = (form_id, version)
        if key not in self._forms:
            from kampung_desktop.survey import FormLoadError, load_form

            try:
                self._forms[key] = load_form(self.assessments.form_file(form_id, version))
            except (FormLoadError, ValueError, OSError):
                self._forms[key] = None  # fall back to field names
        return self._forms[key]

    def approve(self, assessment_id: str) -> str:
        _require(self.access, Permission.REVIEW)
        return self.assessments.transition(assessment_id, "approve")

    def return_for_correction(self, assessment_id: str, note: str) -> str:
        """Back to the enumerator with `note` (required), which syncs with the assessment."""
        _require(self.access, Permission.REVIEW)
        return self.assessments.transition(assessment_id, "return", note)

    # -- ranking and decisions ------------------------------------------------------------
    def ranking(self, program: str, year: int, kode_prefix: str | None = None) -> list[RankedRt]:
        """RTs of a program and year by score, highest first (ties share a rank: 1, 2, 2, 4).

        One assessment per RT: an approved one wins over a newer unapproved one. RTs whose score
        cannot be computed come last, without a rank. For Kotaku a higher score means a worse
        slum, so the ranking is the order of priority for handling.
        """
        best: dict[tuple[str, int | None, int | None], ScoredAssessment] = {}
        for item in self.list(program, kode_prefix, RANKED_STATES, year):
            key = _rt_key(item)
            held = best.get(key)
            if held is None or (item.state == "approved" and held.state != "approved"):
                best[key] = item
        decisions = {
            (d.decision.kelurahan_kode, d.decision.rw, d.decision.rt): d.decision
            for d in self.awards.decisions(program, year, kode_prefix)
        }
        scored = sorted(
            (a for a in best.values() if a.result),
            key=lambda a: (-a.result.total, a.kelurahan_kode, a.rw or 0, a.rt or 0),  # type: ignore[union-attr]
        )
        ranked: list[RankedRt] = []
        for i, item in enumerate(scored):
            same = ranked and ranked[-1].assessment.total == item.total
            rank = ranked[-1].rank if same else i + 1
            ranked.append(RankedRt(rank, item, decisions.get(_rt_key(item))))
        for item in (a for a in best.values() if not a.result):
            ranked.append(RankedRt(None, item, decisions.get(_rt_key(item))))
        return ranked

    def refusals(self, assessment: ScoredAssessment) -> list[Refusal]:
        """What stands against awarding `assessment`'s area (the window shows these)."""
        return award_rules.refusals_for(assessment.program, assessment)

    def decide(
        self,
        assessment: ScoredAssessment,
        year: int,
        category: str,
        override_reason: str | None = None,
    ) -> AwardDecision:
        """Record the award for the area of `assessment` with its computed score and level.

        Refused (`AwardRefused`) unless the assessment is approved and reached the award
        threshold, or `override_reason` says why the office awards it anyway.
        """
        _require(self.access, Permission.DECIDE_AWARDS, assessment.kelurahan_kode)
        rw, rt = _rt_key(assessment)[1:]  # an RW-level program (KSM) awards the RW: rt 0
        if rw is None or (not rt and assessment.program not in RW_LEVEL_PROGRAMS):
            raise ValueError(
                "Penilaian tanpa nomor RW/RT tidak dapat diberi penghargaan / "
                "an assessment without RW/RT cannot be awarded."
            )
        self.awards.validate(assessment.program, year, assessment.kelurahan_kode, rw, rt,
                             (category or "").strip().lower())  # fmt: skip
        overridden = award_rules.check(assessment.program, assessment, override_reason)
        result = assessment.result
        return self.awards.decide(
            assessment.program,
            year,
            assessment.kelurahan_kode,
            rw,
            rt,
            category,
            score=str(result.total) if result else None,
            level=result.level if result else None,
            assessment_id=assessment.id,
            overridden=overridden,
            override_reason=override_reason,
        )

    def decide_rt(
        self,
        program: str,
        year: int,
        kelurahan_kode: str,
        rw: int,
        rt: int,
        category: str,
        override_reason: str | None = None,
    ) -> tuple[AwardDecision, ScoredAssessment | None]:
        """Record the award of one RT named by number (`kampung awards decide`; `rt` 0 names
        the RW itself for KSM) under the same rule as `decide`: its ranked assessment of that
        year must be approved and reach the threshold, unless overridden with a reason."""
        _require(self.access, Permission.DECIDE_AWARDS, kelurahan_kode)
        _form_of(program)
        self.awards.validate(
            program, year, kelurahan_kode, rw, rt, (category or "").strip().lower()
        )
        assessment = self.scored_rt(program, year, kelurahan_kode, rw, rt)
        if assessment is not None:
            return self.decide(assessment, year, category, override_reason), assessment
        overridden = award_rules.check(program, None, override_reason)
        decision = self.awards.decide(
            program, year, kelurahan_kode, rw, rt, category,
            overridden=overridden, override_reason=override_reason,
        )  # fmt: skip
        return decision, None

    def scored_rt(
        self, program: str, year: int, kelurahan_kode: str, rw: int, rt: int
    ) -> ScoredAssessment | None:
        """The ranked assessment of one RT (for `awards decide`, which names the RT, not the
        assessment; rt 0 is the RW's own assessment); None when it has none for that year."""
        for item in self.ranking(program, year, kelurahan_kode):
            a = item.assessment
            if _rt_key(a) == (kelurahan_kode, rw, rt):
                return a
        return None

    def decisions(
        self, program: str, year: int, kode_prefix: str | None = None
    ) -> list[DecisionRow]:
        """All decisions, revoked ones included (listed as revoked, never removed)."""
        rows = self.awards.decisions(program, year, kode_prefix, include_revoked=True)
        return [row for row in rows if self._in_scope(row.decision.kelurahan_kode)]

    def revoke(self, decision_id: str, reason: str) -> None:
        _require(self.access, Permission.DECIDE_AWARDS)
        self.awards.revoke(decision_id, reason)

    # -- summary report -------------------------------------------------------------------
    def summary_rows(
        self, program: str, year: int, kelurahan_kode: str, lang: str = "id"
    ) -> list[SummaryRow]:
        """Every ranked RT of a kelurahan, and every area awarded, with the decision (if any)."""
        return summary_rows(self, program, year, kelurahan_kode, lang)


# -- helpers --------------------------------------------------------------------------------


def _form_of(program: str) -> str:
    if program not in PROGRAM_FORMS:
        raise ValueError(
            f"Program '{program}' tidak dikenal; pilih {', '.join(PROGRAM_FORMS)} / unknown program."
        )
    return PROGRAM_FORMS[program]


def _rules_or_error(program: str) -> Any:
    """The rules, or the error text to show on every row (a broken rule file is not a crash)."""
    try:
        return load_rules(program)
    except ScoringError as exc:
        return str(exc)


def _year_of(program: str, answers: dict[str, Any], stamp: str | None) -> int | None:
    value = answers.get(YEAR_FIELDS.get(program, ""))
    text = str(value).strip() if value not in (None, "") else (stamp or utc_now_iso())
    try:
        year = int(text[:4])
    except ValueError:
        return None
    return year if 1900 <= year <= 2200 else None


def _rt_key(item: ScoredAssessment) -> tuple[str, int | None, int]:
    """The area an assessment is about, as decisions name it: for an RW-level program (KSM)
    the RW itself (rt 0), whatever RT the enumerator noted; otherwise its RT."""
    rt = 0 if item.program in RW_LEVEL_PROGRAMS else (item.rt or 0)
    return (item.kelurahan_kode, item.rw, rt)


def _require(access: Any, permission: Permission, wilayah_kode: str | None = None) -> None:
    """services.access.require for a signed-in session (imported only then: it loads argon2)."""
    if access is None:
        return
    from kampung_desktop.services.access import require

    require(access, permission, wilayah_kode)
