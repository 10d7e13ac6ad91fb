"""Interviews: one assessment's answers held by the form engine, each answer saved as it is given.

This glues the headless form engine (`kampung_desktop.survey`) to the assessment storage
(`AssessmentService`). Opening an assessment loads the form version it *started* with (a newer
installed version never changes an existing draft), restores its answers and the page it was
on. Every answer, repeat change and page change becomes a `Save` handed to a writer: the default
writer commits it at once; the wizard plugs in a background writer so the UI thread never waits
on the disk. A save holds one top-level field (a repeat is saved whole), so the answer row, its
outbox entry and its audit entry are one transaction.

The session itself is in `interview_session`. No Qt here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kampung_desktop.services.assessments import AssessmentService, FormInfo
from kampung_desktop.services.interview_context import device_metadata, last_saved_answers
from kampung_desktop.services.interview_prefill import prefill
from kampung_desktop.services.interview_saves import Writer
from kampung_desktop.services.interview_session import InterviewSession
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.storage import areas
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Assessment
from kampung_desktop.survey import Form, Interview, load_form

_SHIPPED_INSTALLED: set[str] = set()


class InterviewService:
    """Start, open and prefill assessments; forms are parsed once per version and process."""

    def __init__(
        self, db: Database, user_id: str | None, cache_dir: Path, access: Any = None
    ) -> None:
        """`access`: the signed-in AccessSession; a new interview must lie in its kelurahan
        scope (None: an unprotected legacy dir, or a CLI that checked already)."""
        self.assessments = AssessmentService(db, user_id, cache_dir)
        self.registry = RegistryService(db, user_id, access)
        self.db = db
        self.access = access
        self._forms: dict[tuple[str, str], Form] = {}

    @classmethod
    def for_context(cls, ctx: Any) -> InterviewService:
        """The service for an `AppContext` (the form cache lives in the data dir)."""
        return cls(
            ctx.db, ctx.user_id, Path(ctx.data_dir) / "forms-cache", getattr(ctx, "access", None)
        )

    # -- forms ----------------------------------------------------------------------------
    def forms(self) -> list[FormInfo]:
        """The newest version of every installed form (the shipped ones are installed first,
        once per database and process: reading their settings costs ~0.1 s)."""
        key = str(self.db.path)
        if key not in _SHIPPED_INSTALLED:
            self.assessments.install_shipped_forms()
            _SHIPPED_INSTALLED.add(key)
        return self.assessments.latest_forms()

    def form(self, form_id: str, version: str) -> Form:
        key = (form_id, version)
        if key not in self._forms:
            self._forms[key] = load_form(self.assessments.form_file(form_id, version))
        return self._forms[key]

    def kelurahan(self) -> list[tuple[str, str]]:
        """(kode, nama) of every kelurahan/desa known, for type-ahead search."""
        with self.db.raw() as conn:
            return areas.kelurahan_by_name(conn)

    # -- lifecycle ------------------------------------------------------------------------
    def start(
        self,
        form_id: str,
        kelurahan_kode: str,
        rw: int | None = None,
        rt: int | None = None,
        household_id: str | None = None,
    ) -> str:
        """A new draft on the newest form version, prefilled from the area and household."""
        if self.access is not None:
            from kampung_desktop.core.roles import Permission
            from kampung_desktop.services.access import require

            require(self.access, Permission.INTERVIEW, kelurahan_kode)
        version = self.assessments.latest_version(form_id)
        form = self.form(form_id, version)
        household = self.registry.draft_of(household_id) if household_id else None
        if household is not None:
            kelurahan_kode, rw, rt = household.kelurahan_kode, household.rw, household.rt
        values = prefill(form, kelurahan_kode, rw, rt, household)
        # Stored with the form's defaults, as the interview starts: the record is whole from
        # the first save and does not change meaning if a later version changes a default.
        values = Interview(
            form,
            values,
            device=device_metadata(self.db, self.assessments.user_id),
            last_saved=last_saved_answers(self.db, form_id, self.assessments.user_id, ""),
        ).answers()
        return self.assessments.start(
            form_id, kelurahan_kode, rw, rt, household_id, values, version=version
        )

    def open(
        self,
        assessment_id: str,
        *,
        lang: str | None = None,
        edit: bool = True,
        today: date | None = None,
        writer: Writer | None = None,
    ) -> InterviewSession:
        """Open an assessment on ITS form version; a returned one reopens as a draft to fix."""
        assessment = self.assessments.get(assessment_id)
        if edit and assessment.state == "returned":
            self.assessments.transition(assessment_id, "reopen")
            assessment = self.assessments.get(assessment_id)
        form = self.form(assessment.form_id, assessment.form_version)
        lang = lang if lang in form.languages else None
        interview = Interview(
            form,
            self.assessments.answers(assessment_id),
            lang=lang,
            today=today,
            device=device_metadata(self.db, self.assessments.user_id),
            last_saved=last_saved_answers(
                self.db, assessment.form_id, assessment.created_by, assessment_id
            ),
        )
        return InterviewSession(self.assessments, assessment, form, interview, writer)

    def list(self, household_id: str | None = None) -> list[Assessment]:
        """Assessments, newest first; only a household's when `household_id` is given."""
        found = self.assessments.list()
        if household_id is not None:
            found = [a for a in found if a.household_id == household_id]
        return found
