"""The interview use case: engine + autosave, prefill from the registry, versions, finalize."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.services.assessments import AssessmentError
from kampung_desktop.services.interview_prefill import prefill
from kampung_desktop.services.interview_saves import Save
from kampung_desktop.services.interview_session import top_field
from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.survey import load_form

KELURAHAN = "36.71.09.1002"
TODAY = date(2026, 11, 23)
BUDI = compose("367109", Sex.MALE, date(1980, 8, 17), 1)
SITI = compose("367109", Sex.FEMALE, date(1984, 3, 2), 2)


def _small_form(path: Path, version: str, extra: bool = False) -> Path:
    """A two-page form with a required field and a rule; `extra` adds a question (new version)."""
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(
        ["type", "name", "label::Bahasa Indonesia (id)", "label::English (en)", "required",
         "constraint", "constraint_message::Bahasa Indonesia (id)"]
    )  # fmt: skip
    survey.append(["text", "kelurahan_code", "Kelurahan", "Kelurahan", "yes", "", ""])
    survey.append(["integer", "rw", "RW", "RW", "yes", "", ""])
    survey.append(["integer", "rt", "RT", "RT", "yes", "", ""])
    survey.append(["integer", "jumlah_kk", "Jumlah KK", "Families", "yes", ". > 0", "Harus > 0"])
    if extra:
        survey.append(["text", "baru", "Pertanyaan baru", "New question", "", "", ""])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title", "default_language"])
    settings.append(["uji", version, "Uji", "Bahasa Indonesia (id)"])
    wb.save(path)
    return path


@pytest.fixture
def service(ctx, tmp_path):
    return InterviewService(ctx.db, ctx.user_id, tmp_path / "cache")


@pytest.fixture
def household_id(ctx):
    draft = HouseholdInput(
        KELURAHAN,
        5,
        12,
        "Jl. Melati III No. 7",
        latitude=-6.2,
        longitude=106.6,
        members=[
            MemberInput("Budi Santoso", "L", "1", nik=BUDI, birth_date=date(1980, 8, 17),
                        marital_status="2", education="13", occupation="11"),
            MemberInput("Siti Aminah", "P", "2", nik=SITI, birth_date=date(1984, 3, 2)),
        ],
    )  # fmt: skip
    return RegistryService(ctx.db, ctx.user_id).save(draft).household_id


def test_top_field_of_paths():
    assert top_field("rw") == "rw"
    assert top_field("members[3]/nama") == "members"
    assert top_field("members[2]") == "members"


def test_household_prefill_fills_location_and_member_roster(service, household_id):
    service.forms()
    aid = service.start("household_assessment", "99.99.99.9999", household_id=household_id)
    stored = service.assessments.answers(aid)
    assert (stored["kelurahan_code"], stored["rw"], stored["rt"]) == (KELURAHAN, 5, 12)
    assert stored["alamat"] == "Jl. Melati III No. 7"
    assert stored["nama_kepala_keluarga"] == "Budi Santoso"
    assert stored["jumlah_anggota"] == 2
    assert stored["koordinat"] == "-6.2 106.6"
    budi, siti = stored["members"]
    assert budi == {
        "nama": "Budi Santoso",
        "nik": BUDI,
        "jenis_kelamin": "1",
        "tanggal_lahir": "1980-08-17",
        "hubungan": "1",
        "status_kawin": "2",
        "jenjang_pendidikan": "13",
        "lapangan_usaha": "11",
    }
    assert siti["jenis_kelamin"] == "2" and "status_kawin" not in siti
    session = service.open(aid, today=TODAY)
    assert session.interview.answer("members[2]/nama") == "Siti Aminah"
    session.answer("hasil_pendataan", "1")  # the roster is asked of a completed interview
    assert session.interview.state("members[2]/nama").value == "Siti Aminah"
    assert session.interview.state("members[1]/nik").valid


def test_prefill_skips_fields_the_form_lacks_and_codes_it_does_not_know():
    form = load_form(Path("forms/bantar_rt.xlsx"))
    household = HouseholdInput(KELURAHAN, 1, 2, "Jl. X", members=[MemberInput("A", "L", "9")])
    values = prefill(form, KELURAHAN, 1, 2, household)
    assert values == {"kelurahan_code": KELURAHAN, "rw": 1, "rt": 2}


def test_each_answer_is_saved_at_once_with_the_page(service, ctx, tmp_path):
    service.assessments.install_form(_small_form(tmp_path / "uji.xlsx", "1"))
    aid = service.start("uji", KELURAHAN, 3, 4)
    session = service.open(aid)
    assert session.interview.answer("rw") == 3  # prefilled area
    session.show_page("jumlah_kk")
    changes = session.answer("jumlah_kk", "0")
    assert changes.changed["jumlah_kk"].message == "Harus > 0"
    assert service.assessments.answers(aid)["jumlah_kk"] == 0
    assert service.assessments.get(aid).current_page == "jumlah_kk"
    session.answer("jumlah_kk", "abc")  # a value that does not fit is kept, not lost
    reopened = service.open(aid)
    assert reopened.interview.answer("jumlah_kk") == "abc"
    assert reopened.pages()[reopened.resume_index()].key == "jumlah_kk"


def test_repeat_changes_save_the_whole_roster(service, household_id):
    service.forms()
    aid = service.start("household_assessment", KELURAHAN, household_id=household_id)
    saves: list[Save] = []

    class Recorder:
        def submit(self, save):
            saves.append(save)

        def flush(self):
            pass

    session = service.open(aid, today=TODAY, writer=Recorder())
    session.answer("hasil_pendataan", "1")
    session.move_entry("members[2]", 1)
    session.answer("members[1]/keberadaan", "1")
    entry = session.add_entry("members").entry
    session.answer(f"{entry}/nama", "Rini")
    assert [s.field for s in saves] == [
        "hasil_pendataan",
        "members",
        "members",
        "members",
        "members",
    ]
    roster = saves[-1].value
    assert [m.get("nama") for m in roster] == ["Siti Aminah", "Budi Santoso", "Rini"]
    assert roster[0]["keberadaan"] == "1"
    # Nothing reached the database: the writer decides when to commit.
    assert "hasil_pendataan" not in service.assessments.answers(aid)


def test_finalize_lists_what_is_missing_then_finalizes(service, tmp_path):
    service.assessments.install_form(_small_form(tmp_path / "uji.xlsx", "1"))
    aid = service.start("uji", KELURAHAN, 3, 4)
    session = service.open(aid)
    result = session.finalize()
    assert not result.finalized
    assert [(m.path, m.label, m.message, m.group) for m in result.missing] == [
        ("jumlah_kk", "Jumlah KK", "Wajib diisi.", "")
    ]
    assert session.pages()[result.missing[0].page].key == "jumlah_kk"
    session.answer("jumlah_kk", 12)
    assert session.finalize().finalized
    assert session.read_only and service.assessments.get(aid).state == "finalized"
    with pytest.raises(AssessmentError):
        session.answer("jumlah_kk", 13)
    assert service.open(aid).read_only


def test_returned_assessment_reopens_for_editing_with_the_note(service, tmp_path):
    service.assessments.install_form(_small_form(tmp_path / "uji.xlsx", "1"))
    aid = service.start("uji", KELURAHAN, 3, 4)
    session = service.open(aid)
    session.answer("jumlah_kk", 12)
    assert session.finalize().finalized
    service.assessments.transition(aid, "return", "Jumlah KK tidak cocok dengan data RT")
    viewed = service.open(aid, edit=False)
    assert viewed.read_only and viewed.state == "returned"
    session = service.open(aid)
    assert session.state == "draft" and not session.read_only
    assert session.review_note == "Jumlah KK tidak cocok dengan data RT"
    session.answer("jumlah_kk", 14)
    assert service.assessments.answers(aid)["jumlah_kk"] == 14


def test_new_form_version_leaves_an_existing_draft_on_its_version(service, tmp_path):
    service.assessments.install_form(_small_form(tmp_path / "v1.xlsx", "1"))
    old = service.start("uji", KELURAHAN, 3, 4)
    service.open(old).answer("jumlah_kk", 7)
    service.assessments.install_form(_small_form(tmp_path / "v2.xlsx", "2", extra=True))
    reopened = service.open(old)
    assert reopened.form.version == "1" and "baru" not in reopened.form.nodes
    assert reopened.interview.answer("jumlah_kk") == 7
    fresh = service.open(service.start("uji", KELURAHAN, 3, 4))
    assert fresh.form.version == "2" and "baru" in fresh.form.nodes


def test_roster_of_an_irrelevant_repeat_is_not_a_page(service, household_id):
    service.forms()
    session = service.open(service.start("household_assessment", "", household_id=household_id))
    assert "members" not in [page.key for page in session.pages()]  # not yet asked
    session.answer("hasil_pendataan", "1")
    keys = [page.key for page in session.pages()]
    assert "members" in keys and "members[2]/art_identitas" in keys
    session.answer("hasil_pendataan", "4")  # refused: no member block
    assert not any(page.key.startswith("members") for page in session.pages())
