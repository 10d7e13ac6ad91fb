"""Assessments: start, autosave every answer, finalize, and the review states.

Each answer is committed the moment it is given, together with its outbox and audit entries,
so killing the app loses at most the answer being typed. An assessment stays on the form
version it started with; installing a newer version only affects new assessments.

States: draft → finalized (read-only) → submitted → approved | returned; a returned assessment
goes back to draft with the reviewer's note kept for the enumerator.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.paths import forms_dir
from kampung_desktop.storage import assessments as store
from kampung_desktop.storage.changes import apply_update, save_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Assessment, FormVersion

log = logging.getLogger(__name__)

TRANSITIONS = {
    "finalize": ({"draft"}, "finalized"),
    "submit": ({"finalized"}, "submitted"),
    "approve": ({"finalized", "submitted"}, "approved"),
    "return": ({"finalized", "submitted", "approved"}, "returned"),
    "reopen": ({"returned"}, "draft"),
}


class AssessmentError(ValueError):
    """A request that does not fit the assessment's state; the text says why (id + en)."""


class StaleWrite(AssessmentError):
    """An answer changed elsewhere (another window or laptop) since this edit began."""

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__(
            "Penilaian ini sudah diubah di jendela atau perangkat lain sejak dibuka; perubahan "
            "ini tidak disimpan. Tutup jendela ini dan buka kembali penilaiannya. / This "
            "assessment was changed in another window or on another device since it was opened; "
            "this change was not saved. Close this window and open the assessment again."
        )


#: `save_answer(expected_revision=ANY)`: no check (a tool that means to overwrite).
ANY = object()


@dataclass(frozen=True)
class FormInfo:
    form_id: str
    version: str
    title: str


def read_form_settings(path: Path, content: bytes | None = None) -> FormInfo:
    """form_id, version and title from an XLSForm's settings sheet (read by pyxform); `content`
    is the stored form, a workbook or a bundle of a workbook and its media files."""
    import io

    from pyxform.xls2json_backends import xlsx_to_dict

    from kampung_desktop.survey.bundle import form_bytes

    workbook = form_bytes(content)[0] if content is not None else None
    sheets = xlsx_to_dict(io.BytesIO(workbook) if workbook is not None else str(path))
    settings = (sheets.get("settings") or [{}])[0]
    form_id = str(settings.get("form_id") or Path(path).stem)
    version = str(settings.get("version") or "1")
    return FormInfo(form_id, version, str(settings.get("form_title") or form_id))


class AssessmentService:
    def __init__(self, db: Database, user_id: str | None, cache_dir: Path) -> None:
        self.db = db
        self.user_id = user_id
        self.cache_dir = Path(cache_dir)

    # -- forms ----------------------------------------------------------------------------
    def install_form(self, path: Path) -> tuple[FormInfo, bool]:
        """Store a form version (bytes and all, with the media files it names bundled in, so
        they travel with the version); returns (info, newly installed?)."""
        from kampung_desktop.survey.bundle import package_form

        content, file_name = package_form(Path(path))
        digest = hashlib.sha256(content).hexdigest()
        with self.db.read() as session:  # the same workbook again: no need to parse it
            known = store.form_by_digest(session, digest)
        if known is not None:
            return FormInfo(known.form_id, known.version, known.title), False
        info = read_form_settings(path, content)
        with self.db.write() as session:
            existing = store.form_version(session, info.form_id, info.version)
            if existing is not None:
                return info, False
            session.add(
                FormVersion(
                    form_id=info.form_id,
                    version=info.version,
                    title=info.title,
                    file_name=file_name,
                    sha256=digest,
                    content=content,
                )
            )
        return info, True

    def install_shipped_forms(self) -> list[FormInfo]:
        installed = []
        for path in sorted(forms_dir().glob("*.xlsx")):
            info, new = self.install_form(path)
            if new:
                installed.append(info)
        return installed

    def latest_forms(self) -> list[FormInfo]:
        with self.db.raw() as conn:
            rows = store.latest_forms(conn)
        return [FormInfo(*r) for r in rows]

    def latest_version(self, form_id: str) -> str:
        """The version a new assessment of `form_id` starts on (the newest installed)."""
        for info in self.latest_forms():
            if info.form_id == form_id:
                return info.version
        raise AssessmentError(f"Formulir {form_id} belum terpasang / form not installed.")

    def form_file(self, form_id: str, version: str) -> Path:
        """The stored workbook of one form version, written to the cache for the engine."""
        target = self.cache_dir / f"{form_id}-{version}.xlsx"
        if not target.exists():
            with self.db.read() as session:
                row = store.form_version(session, form_id, version)
            if row is None:
                raise AssessmentError(f"Formulir {form_id} versi {version} tidak terpasang.")
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(row.content)
            tmp.replace(target)
        return target

    # -- lifecycle ------------------------------------------------------------------------
    def start(
        self,
        form_id: str,
        kelurahan_kode: str,
        rw: int | None = None,
        rt: int | None = None,
        household_id: str | None = None,
        prefill: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> str:
        """A new draft with these answers (`prefill`) already in it, on `version` (the one the
        prefill was made for) or else the newest installed. The one way an assessment is
        created; InterviewService.start computes the prefill from the form and household."""
        version = version or self.latest_version(form_id)
        with self.db.write() as session:
            assessment = Assessment(
                form_id=form_id,
                form_version=version,
                household_id=household_id,
                kelurahan_kode=kelurahan_kode,
                rw=rw,
                rt=rt,
                created_by=self.user_id,
            )
            save_change(session, "assessments", assessment, "insert", self.user_id, ["state"])
            for field, value in (prefill or {}).items():
                self._put(session, assessment.id, field, value)
        log.info(
            "assessment started: %s form=%s version=%s household=%s",
            assessment.id,
            form_id,
            assessment.form_version,
            household_id or "-",
        )
        return assessment.id

    def get(self, assessment_id: str) -> Assessment:
        with self.db.read() as session:
            found = store.assessment(session, assessment_id)
        if found is None or found.deleted:
            raise AssessmentError(f"Penilaian {assessment_id} tidak ada / does not exist.")
        return found

    def answers(self, assessment_id: str) -> dict[str, Any]:
        with self.db.raw() as conn:
            return store.answers(conn, assessment_id)

    def save_answer(
        self,
        assessment_id: str,
        field: str,
        value: Any,
        current_page: str | None = None,
        expected_revision: int | None | object = ANY,
    ) -> int:
        """Commit one answer now (a repeat is saved whole under its name); returns the
        answer's revision. With `expected_revision` (the revision the edit started from,
        None: no answer yet) a newer answer saved elsewhere is never overwritten: StaleWrite."""
        with self.db.write() as session:
            assessment = store.assessment(session, assessment_id)
            if assessment is None or assessment.state != "draft":
                raise AssessmentError(
                    "Penilaian ini tidak dapat diubah (sudah final) / this assessment is read-only."
                )
            if expected_revision is not ANY:
                row = store.answer(session, assessment_id, field)
                if (row.revision if row is not None else None) != expected_revision:
                    raise StaleWrite(field)
            revision = self._put(session, assessment_id, field, value)
            if current_page is not None:
                assessment.current_page = current_page
            assessment.updated_at = utc_now_iso()
            session.add(assessment)
            return revision

    def answer_revisions(self, assessment_id: str) -> dict[str, int]:
        """The revision of every stored answer: what an edit starts from."""
        with self.db.raw() as conn:
            return store.answer_revisions(conn, assessment_id)

    def save_page(self, assessment_id: str, current_page: str) -> None:
        with self.db.write() as session:
            assessment = store.assessment(session, assessment_id)
            if assessment is not None and assessment.current_page != current_page:
                assessment.current_page = current_page
                session.add(assessment)

    def _put(
        self,
        session,
        assessment_id: str,
        field: str,
        value: Any,
        *,
        always: bool = False,
        action: str | None = None,
    ) -> int:
        """Write one answer as this user and queue it (`store.put_answer`)."""
        return store.put_answer(
            session, assessment_id, field, value, self.user_id, always=always, action=action
        )

    def settle_answer(self, session, assessment_id: str, field: str, value: Any) -> int:
        """The office's choice in a conflict on an answer, written and queued like an interview
        save inside the caller's transaction (which also closes the conflict). Any state: the
        server takes it as an edit of its latest version, also on a finalized assessment."""
        assessment = store.assessment(session, assessment_id)
        if assessment is None or assessment.deleted:
            raise AssessmentError(f"Penilaian {assessment_id} tidak ada / does not exist.")
        return self._put(
            session, assessment_id, field, value, always=True, action="resolve_conflict"
        )

    def transition(self, assessment_id: str, action: str, note: str | None = None) -> str:
        """Move an assessment along its states; returns the new state."""
        allowed, target = TRANSITIONS[action]
        with self.db.write() as session:
            assessment = store.assessment(session, assessment_id)
            if assessment is None or assessment.state not in allowed:
                state = assessment.state if assessment else "-"
                raise AssessmentError(
                    f"Tidak dapat '{action}' penilaian berstatus '{state}' / "
                    f"cannot {action} an assessment that is {state}."
                )
            state_before = assessment.state
            values: dict[str, Any] = {"state": target}
            if action == "return":
                if not (note or "").strip():
                    raise AssessmentError(
                        "Catatan wajib diisi saat mengembalikan / a note is required."
                    )
                values["review_note"] = note.strip()
            if action == "finalize":
                values["finalized_at"] = utc_now_iso()
            changed = apply_update(assessment, values)
            save_change(session, "assessments", assessment, "update", self.user_id, changed, action)
        # The note of a return may name people: only the action and the states are logged.
        log.info("assessment %s: %s (%s -> %s)", assessment_id, action, state_before, target)
        return target

    def list(self, form_id: str | None = None, state: str | None = None) -> list[Assessment]:
        with self.db.read() as session:
            return store.assessments(session, form_id, state)
