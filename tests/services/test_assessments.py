from pathlib import Path

import openpyxl
import pytest

from kampung_desktop.services.assessments import AssessmentError, AssessmentService


def _form(path: Path, version: str) -> Path:
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Bahasa Indonesia (id)", "label::English (en)"])
    survey.append(["integer", "jumlah_kk", "Jumlah KK", "Number of families"])
    survey.append(["text", "catatan", "Catatan", "Notes"])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append(["uji_coba", version, "Uji coba"])
    wb.save(path)
    return path


@pytest.fixture
def service(ctx, tmp_path):
    return AssessmentService(ctx.db, ctx.user_id, tmp_path / "cache")


def _count(ctx, sql, *params):
    with ctx.db.raw() as conn:
        return conn.execute(sql, params).fetchone()[0]


def test_answers_are_committed_one_by_one_with_outbox(ctx, service, tmp_path):
    info, new = service.install_form(_form(tmp_path / "f.xlsx", "1"))
    assert (info.form_id, info.version, new) == ("uji_coba", "1", True)
    aid = service.start("uji_coba", "36.71.09.1001", rw=2, rt=3, prefill={"catatan": "awal"})
    service.save_answer(aid, "jumlah_kk", 41, current_page="p2")
    service.save_answer(aid, "jumlah_kk", 42, current_page="p2")
    service.save_answer(aid, "jumlah_kk", 42)  # unchanged: no new outbox entry
    assert service.answers(aid) == {"catatan": "awal", "jumlah_kk": 42}
    assert service.get(aid).current_page == "p2"
    ops = _count(ctx, "SELECT count(*) FROM outbox WHERE entity = 'assessment_answers'")
    assert ops == 3  # prefill insert, insert, update


def test_new_form_version_leaves_drafts_on_theirs(service, tmp_path):
    service.install_form(_form(tmp_path / "v1.xlsx", "1"))
    old = service.start("uji_coba", "36.71.09.1001")
    info, new = service.install_form(_form(tmp_path / "v2.xlsx", "2"))
    assert new and info.version == "2"
    fresh = service.start("uji_coba", "36.71.09.1001")
    assert service.get(old).form_version == "1"
    assert service.get(fresh).form_version == "2"
    assert service.form_file("uji_coba", "1").read_bytes() == (tmp_path / "v1.xlsx").read_bytes()
    assert service.install_form(tmp_path / "v2.xlsx")[1] is False


def test_states_and_return_with_note(service, tmp_path):
    service.install_form(_form(tmp_path / "f.xlsx", "1"))
    aid = service.start("uji_coba", "36.71.09.1001")
    assert service.transition(aid, "finalize") == "finalized"
    with pytest.raises(AssessmentError):
        service.save_answer(aid, "catatan", "x")  # finalized is read-only
    with pytest.raises(AssessmentError, match="Catatan"):
        service.transition(aid, "return", "  ")
    assert service.transition(aid, "return", "Jumlah KK tidak cocok") == "returned"
    assert service.get(aid).review_note == "Jumlah KK tidak cocok"
    assert service.transition(aid, "reopen") == "draft"
    service.save_answer(aid, "catatan", "diperbaiki")
    with pytest.raises(AssessmentError):
        service.transition(aid, "approve")  # a draft cannot be approved


def test_unknown_form_is_refused(service):
    with pytest.raises(AssessmentError):
        service.start("tidak_ada", "36.71.09.1001")
