"""What the review shows: programmes and their forms, assessment states, scored assessments,
ranked areas. Plain data, shared by `review.py`, the review window and the CLI (split from
`review.py`, one job each)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kampung_desktop.core.labels import PROGRAM_TITLES as PROGRAM_TITLES  # re-exported
from kampung_desktop.core.labels import STATE_LABELS
from kampung_desktop.scoring import PROGRAM_FORMS, Result
from kampung_desktop.storage.models import AwardDecision

PROGRAMS: tuple[str, ...] = ("bantar", "ksm", "kotaku")
#: States a reviewer sees; `returned` stays listed (with its note) until the enumerator reopens it.
LISTED_STATES = ("finalized", "submitted", "approved", "returned")
#: States that count for ranking, decisions and the summary report.
RANKED_STATES = ("finalized", "submitted", "approved")
#: The answer holding the assessment year (a date's year for `ksm`); else the finalize date.
YEAR_FIELDS = {"bantar": "tahun", "kotaku": "tahun_data", "ksm": "tanggal_penilaian"}
#: The answer holding the competition category the committee assigned (Kampung Bantar only).
CATEGORY_FIELDS = {"bantar": "kategori_rt"}


def program_of_form(form_id: str) -> str | None:
    return next((p for p, f in PROGRAM_FORMS.items() if f == form_id), None)


def state_label(state: str, lang: str = "id") -> str:
    labels = STATE_LABELS.get(state)
    return labels[0 if lang == "id" else 1] if labels else state


@dataclass(frozen=True)
class ScoredAssessment:
    """One assessment as the reviewer sees it: where, which state, and its computed score."""

    id: str
    program: str
    form_id: str
    form_version: str
    kelurahan_kode: str
    kelurahan: str
    kecamatan: str
    rw: int | None
    rt: int | None
    state: str
    review_note: str | None
    finalized_at: str | None
    updated_at: str
    year: int | None
    category: str | None
    result: Result | None
    error: str | None  # why no score could be computed (missing answer, bad rules), id + en

    @property
    def total(self) -> Decimal | None:
        return self.result.total if self.result else None

    @property
    def place(self) -> str:
        rt = f"RT {self.rt:03d} / " if self.rt else ""
        rw = f"RW {self.rw:03d}" if self.rw else "RW -"
        return rt + rw


@dataclass(frozen=True)
class RankedRt:
    """One RT in the ranking of a program and year, with the decision already taken (if any)."""

    rank: int | None  # None when the score could not be computed
    assessment: ScoredAssessment
    decision: AwardDecision | None


@dataclass(frozen=True)
class Area:
    kode: str
    nama: str
    parent_kode: str | None = None
    count: int = 0  # assessments waiting for or past review
    children: list[Area] = field(default_factory=list)
