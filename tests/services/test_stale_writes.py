"""Two sessions on one draft (two windows, or a second laptop's copy): a write that started
from an older revision of an answer is refused, never applied over the newer one."""

from __future__ import annotations

import pytest

from kampung_desktop.services.assessments import StaleWrite
from kampung_desktop.services.interviews import InterviewService

KELURAHAN = "36.71.09.1002"


@pytest.fixture
def service(ctx):
    svc = InterviewService.for_context(ctx)
    svc.forms()
    return svc


@pytest.fixture
def draft(service):
    return service.start("household_assessment", KELURAHAN, rw=5, rt=12)


def test_second_session_cannot_overwrite_what_the_first_saved(service, draft):
    first, second = service.open(draft), service.open(draft)
    first.answer("kode_petugas", "PTG-01")
    with pytest.raises(StaleWrite):
        second.answer("kode_petugas", "PTG-99")
    assert service.assessments.answers(draft)["kode_petugas"] == "PTG-01"
    assert second.revisions.stale
    with pytest.raises(StaleWrite):  # nor can it seal its stale view by finalizing
        second.finalize()
    assert service.assessments.get(draft).state == "draft"


def test_each_session_keeps_saving_its_own_answers(service, draft):
    first, second = service.open(draft), service.open(draft)
    first.answer("kode_petugas", "PTG-01")
    first.answer("kode_petugas", "PTG-02")  # its own newer write is not stale
    second.answer("alamat", "Jl. Melati III No. 7")  # a field the other did not touch
    answers = service.assessments.answers(draft)
    assert (answers["kode_petugas"], answers["alamat"]) == ("PTG-02", "Jl. Melati III No. 7")
    reopened = service.open(draft)
    reopened.answer("kode_petugas", "PTG-03")  # opened after both: starts from the latest
    assert service.assessments.answers(draft)["kode_petugas"] == "PTG-03"


def test_expected_revision_is_checked_in_the_write_itself(service, draft):
    assessments = service.assessments
    rev = assessments.save_answer(draft, "kode_petugas", "A", expected_revision=None)
    assert assessments.save_answer(draft, "kode_petugas", "B", expected_revision=rev) == rev + 1
    with pytest.raises(StaleWrite):
        assessments.save_answer(draft, "kode_petugas", "C", expected_revision=rev)
    with pytest.raises(StaleWrite):
        assessments.save_answer(draft, "kode_petugas", "C", expected_revision=None)
    assert assessments.answers(draft)["kode_petugas"] == "B"
