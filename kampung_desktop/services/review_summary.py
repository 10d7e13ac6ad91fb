"""The summary report's rows: every ranked area of a kelurahan and every award decided there.

An award can stand without a ranked assessment beside it (decided in a meeting with an
override, an assessment of another year, a score that cannot be computed); its certificate was
printed all the same, so the report lists it too. Split from `review.py` (one job each).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class SummaryRow:
    """One row of the summary report and its CSV/XLSX export."""

    kelurahan: str
    rw: int | None
    rt: int | None
    score: Decimal | None
    level: str
    label: str
    state: str
    category: str = ""
    decision: str = ""
    certificate: str = ""


def summary_rows(
    review: Any, program: str, year: int, kelurahan_kode: str, lang: str = "id"
) -> list[SummaryRow]:
    """Rows by RW and RT: ranked areas with score, level and decision; then awarded areas the
    ranking lacks, with the score and level stored with their decision."""
    from kampung_desktop.services.review import state_label

    decided = review.awards.decisions(program, year, kelurahan_kode)
    certificates = {d.decision.id: d.certificate_number or "" for d in decided}
    rows: list[SummaryRow] = []
    listed: set[str] = set()
    from kampung_desktop.core.awards import RW_LEVEL_PROGRAMS

    rw_level = program in RW_LEVEL_PROGRAMS  # KSM: a row per RW, whatever RT was noted
    for item in review.ranking(program, year, kelurahan_kode):
        a, result, decision = item.assessment, item.assessment.result, item.decision
        if decision is not None:
            listed.add(decision.id)
        rows.append(
            SummaryRow(
                kelurahan=a.kelurahan,
                rw=a.rw,
                rt=None if rw_level else a.rt,
                score=result.total if result else None,
                level=result.level if result else "",
                label=(result.label if lang == "id" else result.label_en) if result else "",
                state=state_label(a.state, lang),
                category=a.category or "",
                decision=decision.category if decision else "",
                certificate=certificates.get(decision.id, "") if decision else "",
            )
        )
    labels = _level_labels(program, lang)
    for row in decided:
        decision = row.decision
        if decision.id in listed:
            continue
        rows.append(
            SummaryRow(
                kelurahan=row.kelurahan,
                rw=decision.rw,
                rt=decision.rt or None,
                score=_decimal(decision.score),
                level=decision.level or "",
                label=labels.get(decision.level or "", ""),
                state="",
                decision=decision.category,
                certificate=row.certificate_number or "",
            )
        )
    return sorted(rows, key=lambda r: (r.rw or 0, r.rt or 0))


def _level_labels(program: str, lang: str) -> dict[str, str]:
    from kampung_desktop.scoring import ScoringError, load_rules

    try:
        levels = load_rules(program).levels
    except ScoringError:
        return {}
    return {lv.code: lv.label if lang == "id" else lv.label_en for lv in levels}


def _decimal(text: str | None) -> Decimal | None:
    from decimal import InvalidOperation

    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None
