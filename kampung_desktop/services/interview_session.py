"""One open interview: the form engine holding an assessment's answers, each answer handed to a
writer as a `Save` the moment it is given (InterviewService opens and starts them).

A save holds one top-level field (a repeat is saved whole), so the answer row, its outbox entry
and its audit entry are one transaction. No Qt here: the wizard, the tests and the
kill-and-resume child all drive `InterviewSession`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kampung_desktop.services import interview_nik
from kampung_desktop.services.assessments import AssessmentError, AssessmentService, StaleWrite
from kampung_desktop.services.interview_saves import DirectWriter, Revisions, Save, Writer
from kampung_desktop.storage.models import Assessment
from kampung_desktop.survey import ChangeSet, FieldState, Form, Interview
from kampung_desktop.survey import navigation as nav

EDITABLE_STATES = frozenset({"draft"})
_SHIPPED_INSTALLED: set[str] = set()
#: `rep[i]/name`: an answer directly in an entry of a top-level repeat.
_ENTRY_FIELD_RE = re.compile(r"^([^/\[\]]+)\[(\d+)\]/([^/\[\]]+)$")


@dataclass(frozen=True)
class MissingItem:
    """A relevant field that is empty but required, or breaks a rule; `page` to jump to."""

    path: str
    label: str
    message: str
    page: int
    #: Where it is: the section, or the repeat entry ("Anggota keluarga 2 — Siti Aminah").
    group: str = ""


@dataclass(frozen=True)
class FinalizeResult:
    finalized: bool
    missing: list[MissingItem]


def top_field(path: str) -> str:
    """The top-level answer a path belongs to: `members[3]/nama` → `members`."""
    head = path.strip("/").split("/", 1)[0]
    return head.split("[", 1)[0]


class InterviewSession:
    """An open assessment: the engine's interview plus the bookkeeping of what to save."""

    def __init__(
        self,
        service: AssessmentService,
        assessment: Assessment,
        form: Form,
        interview: Interview,
        writer: Writer | None = None,
    ) -> None:
        self.service = service
        self.assessment = assessment
        self.form = form
        self.interview = interview
        self.writer: Writer = writer or DirectWriter(service)
        self.revisions = Revisions(service.answer_revisions(assessment.id))
        self.current_page: str | None = assessment.current_page
        self._pages: list[nav.Page] | None = None
        self._relevant = {state.path: state.relevant for state in interview.fields()}
        self._repeats: dict[str, list[dict[str, Any]]] = {}

    # -- facts ----------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.assessment.id

    @property
    def state(self) -> str:
        return self.assessment.state

    @property
    def read_only(self) -> bool:
        return self.assessment.state not in EDITABLE_STATES

    @property
    def review_note(self) -> str | None:
        """The reviewer's note, shown while the returned assessment is being corrected."""
        if self.assessment.state in ("draft", "returned"):
            return self.assessment.review_note or None
        return None

    @property
    def lang(self) -> str:
        return self.interview.lang

    def set_language(self, lang: str) -> None:
        self.interview.set_language(lang)

    # -- pages ----------------------------------------------------------------------------
    def pages(self) -> list[nav.Page]:
        """Relevant pages now; recomputed only after a change of relevance or of repeats."""
        if self._pages is None:
            self._pages = [p for p in nav.pages(self.interview) if not self._hidden_roster(p)]
        return self._pages

    def _hidden_roster(self, page: nav.Page) -> bool:
        """A roster whose repeat is not relevant (the engine lists it; its entries say no).

        The engine evaluates a repeat's `relevant` per entry, so only a repeat that has
        entries can be known to be irrelevant — the household roster always has them when
        it is prefilled from the registry.
        """
        if page.kind != nav.ROSTER or page.node.relevant is None:
            return False
        entries = self.interview.entries(page.key)
        return bool(entries) and not any(self.interview.is_relevant(e) for e in entries)

    def sections(self) -> list[nav.Section]:
        return nav.sections(self.interview, self.pages())

    def resume_index(self) -> int:
        """The page to open on: the one shown when the assessment was last left."""
        return nav.page_index(self.pages(), self.current_page) if self.current_page else 0

    def show_page(self, key: str) -> None:
        """Remember (and save) the page now shown, so reopening resumes there."""
        if key == self.current_page:
            return
        self.current_page = key
        if not self.read_only:
            self.writer.submit(Save(self.id, None, None, key, self.revisions))

    # -- answering ------------------------------------------------------------------------
    def answer(self, path: str, value: Any) -> ChangeSet:
        """Give one answer: the engine updates what depends on it, the field is saved now."""
        self._check_editable()
        changes = self.interview.set_answer(path, value)
        self._after(changes, path)
        return changes

    def add_entry(self, repeat_path: str, index: int | None = None) -> ChangeSet:
        self._check_editable()
        changes = self.interview.add_repeat(repeat_path, index)
        self._after(changes, repeat_path, structure=True)
        return changes

    def remove_entry(self, entry_path: str) -> ChangeSet:
        self._check_editable()
        changes = self.interview.remove_repeat(entry_path)
        self._after(changes, entry_path, structure=True)
        return changes

    def move_entry(self, entry_path: str, new_index: int) -> ChangeSet:
        self._check_editable()
        changes = self.interview.move_repeat(entry_path, new_index)
        self._after(changes, entry_path, structure=True)
        return changes

    def save_all(self) -> None:
        """Hand every top-level answer that differs from the stored one to the writer.

        Defaults the enumerator never touched are stored too, so a finalized record holds
        every answer and does not depend on the form being read again.
        """
        self.writer.flush()
        stored = self.service.answers(self.id)
        for field, value in self.interview.answers().items():
            if field not in stored or stored[field] != value:
                self.writer.submit(Save(self.id, field, value, self.current_page, self.revisions))

    def resave(self, field: str) -> None:
        """Hand a top-level field's current value to the writer again (after a failed save)."""
        self._check_editable()
        self.writer.submit(
            Save(self.id, field, self._value_of(field, None), self.current_page, self.revisions)
        )

    def _check_editable(self) -> None:
        if self.read_only:
            raise AssessmentError(
                "Penilaian ini tidak dapat diubah (sudah final) / this assessment is read-only."
            )

    def _after(self, changes: ChangeSet, path: str, structure: bool = False) -> None:
        field = top_field(path)
        value = self._value_of(field, None if structure else path)
        self.writer.submit(Save(self.id, field, value, self.current_page, self.revisions))
        moved = structure
        for state in changes.changed.values():
            if self._relevant.get(state.path) != state.relevant:
                moved = True
            self._relevant[state.path] = state.relevant
        if moved:
            self._pages = None
            if structure:  # entries renumbered: paths moved, relearn relevance
                self._relevant = {s.path: s.relevant for s in self.interview.fields()}

    def _value_of(self, field: str, path: str | None) -> Any:
        """The JSON of a top-level answer; a repeat's entries are kept up to date one answer
        at a time (a 30-member roster is not dumped again for each answer), and a copy is
        handed over, since the writer serialises it on its own thread."""
        node = self.form.nodes[field]
        if not node.is_repeat:
            return self.interview.answer(field)
        entries = self._repeats.get(field)
        match = _ENTRY_FIELD_RE.match(path or "")
        if entries is None or match is None or int(match[2]) > len(entries):
            entries = self.interview.answers().get(field, [])
            self._repeats[field] = entries
        else:
            entry, name = entries[int(match[2]) - 1], match[3]
            value = self.interview.answer(path)  # type: ignore[arg-type]
            target = self.form.nodes[name]
            if value is None and target.default is None and target.default_expr is None:
                entry.pop(name, None)
            else:
                entry[name] = value
        return [dict(entry) for entry in entries]

    # -- checking and finishing -------------------------------------------------------------
    def missing(self) -> list[MissingItem]:
        """Everything that stops finalizing, in form order, each with the page to fix it on."""
        page_of: dict[str, int] = {}
        for index, page in enumerate(self.pages()):
            for path in page.fields:
                page_of.setdefault(path, index)
        items = [self._missing_item(state, page_of) for state in self.interview.missing()]
        listed, count = {item.path for item in items}, len(items)
        for path, page in page_of.items():  # the household dialog's NIK rules hold here too
            if not interview_nik.is_nik(path) or path in listed:
                continue
            try:
                interview_nik.check(self.interview.answer(path))
            except interview_nik.NikRefused as exc:
                entry = path.rsplit("/", 1)[0] if "/" in path else ""
                label = self.interview.label(path) or "NIK"
                group = self.entry_heading(entry) if entry else ""
                items.append(MissingItem(path, label, exc.text(self.lang), page, group))
        if len(items) > count:  # a refused NIK joins at its page (stable: form order within it)
            items.sort(key=lambda item: item.page if item.page >= 0 else len(page_of))
        return items

    def _missing_item(self, state: FieldState, page_of: dict[str, int]) -> MissingItem:
        label = self.interview.label(state.path) or state.name
        page = page_of.get(state.path, -1)
        entry = state.path.rsplit("/", 1)[0] if "/" in state.path else ""
        if entry:
            group = self.entry_heading(entry)
        else:
            section = self.pages()[page].section if page >= 0 else None
            group = self.form.text(section.labels, self.lang) if section is not None else ""
        return MissingItem(state.path, label, state.message or "", page, group)

    def entry_name(self, entry: str) -> str:
        """A short name for a repeat entry: its first text answer (a member's name)."""
        repeat = self.form.nodes[entry.rsplit("/", 1)[-1].split("[", 1)[0]]
        for node in repeat.walk():
            if node.type == "text" and node.is_question and node.chain == repeat.chain:
                value = self.interview.answer(f"{entry}/{node.name}")
                if value:
                    return str(value)
        return ""

    def entry_heading(self, entry: str) -> str:
        """`Anggota keluarga 2 — Siti Aminah`: the repeat's label, number and entry name."""
        repeat = self.form.nodes[entry.rsplit("/", 1)[-1].split("[", 1)[0]]
        number = entry.rsplit("[", 1)[-1].rstrip("]")
        heading = f"{self.form.text(repeat.labels, self.lang) or repeat.name} {number}"
        name = self.entry_name(entry)
        return f"{heading} — {name}" if name else heading

    def finalize(self) -> FinalizeResult:
        """Finalize when complete (after every queued save is on disk); else list what is missing."""
        self._check_editable()
        if self.revisions.stale:  # answers here are not the stored ones: reopen first
            raise StaleWrite("")
        missing = self.missing()
        if missing:
            return FinalizeResult(False, missing)
        self.save_all()
        self.writer.flush()
        if self.revisions.stale:  # a save just now was refused: do not seal a stale view
            raise StaleWrite("")
        self.service.transition(self.id, "finalize")
        self.assessment = self.service.get(self.id)
        return FinalizeResult(True, [])

    def close(self) -> None:
        """Wait until every save handed to the writer is committed."""
        self.writer.flush()
