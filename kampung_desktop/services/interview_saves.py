"""How an interview's answers reach the database: one `Save` at a time, never over a newer one.

A `Save` carries the session's `Revisions`: the revision of each answer as this window last
knew it. The writer compares it with the stored one in the same transaction as the write, so
an answer changed meanwhile by another window or laptop is refused (`StaleWrite`), never
silently replaced; after a write the tracker learns the new revision. Saves of one session
are committed one after the other (the wizard's single autosave thread), so reading the
expected revision at commit time, not at submit time, is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from kampung_desktop.services.assessments import AssessmentService, StaleWrite


class Revisions(dict[str, int | None]):
    """field → revision the session's edits start from; `stale` once a write was refused."""

    stale: bool = False


@dataclass(frozen=True)
class Save:
    """One autosave. `field` None saves only the page being shown."""

    assessment_id: str
    field: str | None
    value: Any
    page: str | None
    revisions: Revisions | None = field(default=None, compare=False, repr=False)


class Writer(Protocol):
    def submit(self, save: Save) -> None: ...

    def flush(self) -> None: ...


class DirectWriter:
    """Commits each save before returning (tests, CLI tools, the kill-and-resume child)."""

    def __init__(self, service: AssessmentService) -> None:
        self.service = service

    def submit(self, save: Save) -> None:
        write(self.service, save)

    def flush(self) -> None:
        pass


def write(service: AssessmentService, save: Save) -> None:
    """Commit one save in one transaction (answer + outbox + audit, or just the page)."""
    if save.field is None:
        if save.page is not None:
            service.save_page(save.assessment_id, save.page)
        return
    known = save.revisions
    if known is None:
        service.save_answer(save.assessment_id, save.field, save.value, current_page=save.page)
        return
    try:
        known[save.field] = service.save_answer(
            save.assessment_id,
            save.field,
            save.value,
            current_page=save.page,
            expected_revision=known.get(save.field),
        )
    except StaleWrite:
        known.stale = True
        raise
