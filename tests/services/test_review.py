"""ReviewService: what a kelurahan reviewer sees, approves, returns, ranks and decides."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kampung_desktop.paths import forms_dir
from kampung_desktop.services.assessments import AssessmentError
from kampung_desktop.services.award_rules import AwardRefused
from kampung_desktop.services.demo_assessments import PLAN, seed_assessments
from kampung_desktop.services.review import ReviewService
from kampung_desktop.survey import Interview, load_form

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan
KEL2 = "15.71.02.1005"  # Wijaya Pura, same kecamatan
BERSIH = ["b_pilah_sampah", "b_olah_sampah", "b_tempat_sampah", "b_drainase", "b_gotong_royong",
          "b_penghijauan", "b_tanpa_bakar"]  # fmt: skip
AMAN = ["a_poskamling", "a_ronda", "a_tanpa_pencurian", "a_tanpa_kekerasan", "a_tanpa_kriminal",
        "a_lapor_tamu", "a_penerangan", "a_siaga_bencana"]  # fmt: skip
PINTAR = ["p_tanpa_putus_sekolah", "p_tanpa_buta_aksara", "p_toga", "p_fasilitas_belajar",
          "p_musyawarah", "p_posyandu"]  # fmt: skip


def bantar(no=(), year=2026, category="sedang", **extra):
    """Every checklist item 'ya' except those in `no`: all 'ya' scores 100, Aman all 'tidak'
    66.67, Aman and Pintar all 'tidak' 33.33 (see tests/scoring/test_bantar.py)."""
    data = {name: ("tidak" if name in no else "ya") for name in BERSIH + AMAN + PINTAR}
    return data | {"tahun": year, "kategori_rt": category} | extra


@pytest.fixture
def review(ctx, tmp_path) -> ReviewService:
    service = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    service.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    return service


@pytest.fixture
def make(review):
    def make(kode, rw, rt, answers, state="finalized", form_id="bantar_rt"):
        service = review.assessments
        place = {"kelurahan_code": kode, "rw": rw, "rt": rt}
        aid = service.start(form_id, kode, rw=rw, rt=rt, prefill=place | answers)
        if state != "draft":
            service.transition(aid, "finalize")
        if state in ("submitted", "approved", "returned"):
            service.transition(aid, "submit")
        if state == "approved":
            service.transition(aid, "approve")
        if state == "returned":
            service.transition(aid, "return", "periksa lagi")
        return aid

    return make


def test_list_shows_finalized_work_by_rw_and_rt_with_scores(review, make):
    make(KEL, 2, 1, bantar(no=AMAN))
    make(KEL, 1, 3, bantar(), state="submitted")
    make(KEL, 1, 2, bantar(no=AMAN + PINTAR), state="approved")
    make(KEL, 1, 1, bantar(), state="draft")  # still being filled in: not for review
    make(KEL2, 1, 1, bantar())
    rows = review.list("bantar", KEL)
    assert [(r.rw, r.rt, r.state) for r in rows] == [
        (1, 2, "approved"), (1, 3, "submitted"), (2, 1, "finalized")
    ]  # fmt: skip
    assert [r.total for r in rows] == [Decimal("33.33"), Decimal("100.00"), Decimal("66.67")]
    assert [r.result.level for r in rows] == ["belum", "layak", "pembinaan"]
    assert {(r.kelurahan, r.kecamatan, r.year, r.category) for r in rows} == {
        ("Pasir Putih", "Jambi Selatan", 2026, "sedang")
    }
    assert len(review.list("bantar", "15.71.02")) == 4  # the kecamatan
    assert review.list("ksm", KEL) == []


def test_an_unscorable_assessment_is_listed_with_the_reason(review, make):
    answers = bantar()
    del answers["a_ronda"]
    make(KEL, 1, 1, answers)
    [row] = review.list("bantar", KEL)
    assert row.result is None and row.total is None
    assert "a_ronda" in row.error


def test_return_needs_a_note_that_travels_with_the_assessment(ctx, review, make):
    aid = make(KEL, 1, 1, bantar())
    with pytest.raises(AssessmentError, match="Catatan wajib"):
        review.return_for_correction(aid, "   ")
    assert review.assessments.get(aid).state == "finalized"
    assert review.return_for_correction(aid, "Foto bukti Bersih belum ada") == "returned"
    stored = review.assessments.get(aid)
    assert (stored.state, stored.review_note) == ("returned", "Foto bukti Bersih belum ada")
    with ctx.db.raw() as conn:
        payload = conn.execute(
            "SELECT payload FROM outbox WHERE entity = 'assessments' AND record_id = ? "
            "ORDER BY seq DESC LIMIT 1",
            (aid,),
        ).fetchone()[0]
    assert json.loads(payload)["review_note"] == "Foto bukti Bersih belum ada"
    [row] = review.list("bantar", KEL)  # still listed, with its note, but not ranked
    assert row.review_note == "Foto bukti Bersih belum ada"
    assert review.ranking("bantar", 2026, KEL) == []


def test_approve(review, make):
    aid = make(KEL, 1, 1, bantar(), state="submitted")
    assert review.approve(aid) == "approved"
    assert review.get(aid).state == "approved"
    with pytest.raises(AssessmentError):
        review.approve(aid)


def test_ranking_highest_first_ties_share_a_rank_and_one_per_rt(review, make):
    make(KEL, 1, 1, bantar(no=AMAN))  # 66.67
    make(KEL, 1, 2, bantar())  # 100
    make(KEL, 1, 3, bantar(no=AMAN))  # 66.67
    make(KEL, 2, 1, bantar(no=AMAN + PINTAR))  # 33.33
    approved = make(KEL, 2, 2, bantar(no=AMAN + PINTAR), state="approved")
    make(KEL, 2, 2, bantar())  # newer but not approved: the approved one counts
    make(KEL, 3, 1, bantar(year=2025))  # another year
    ranked = review.ranking("bantar", 2026, KEL)
    assert [(r.rank, r.assessment.rw, r.assessment.rt) for r in ranked] == [
        (1, 1, 2), (2, 1, 1), (2, 1, 3), (4, 2, 1), (4, 2, 2)
    ]  # fmt: skip
    assert ranked[-1].assessment.id == approved
    assert [r.assessment.rt for r in review.ranking("bantar", 2025, KEL)] == [1]


def test_decide_stores_score_level_and_assessment_and_shows_in_ranking(ctx, review, make):
    aid = make(KEL, 1, 2, bantar(no=AMAN), state="approved")
    [item] = review.ranking("bantar", 2026, KEL)
    with pytest.raises(AwardRefused, match="di bawah ambang penghargaan 80"):
        review.decide(item.assessment, 2026, "sedang")
    decision = review.decide(item.assessment, 2026, "sedang", override_reason="rapat juri")
    assert (decision.score, decision.level, decision.assessment_id) == ("66.67", "pembinaan", aid)
    assert decision.decided_by == ctx.user_id
    [item] = review.ranking("bantar", 2026, KEL)
    assert item.decision is not None and item.decision.id == decision.id
    review.revoke(decision.id, "salah hitung")
    [row] = review.decisions("bantar", 2026, KEL)  # revoked: still listed
    assert row.decision.revoke_reason == "salah hitung"
    assert review.ranking("bantar", 2026, KEL)[0].decision is None


def test_decide_rt_by_number_with_and_without_an_assessment(review, make):
    make(KEL, 1, 2, bantar(), state="approved")
    decision, assessment = review.decide_rt("bantar", 2026, KEL, 1, 2, "besar")
    assert assessment is not None and decision.score == "100.00"
    with pytest.raises(AwardRefused, match="belum ada penilaian final"):
        review.decide_rt("bantar", 2026, KEL, 4, 4, "kecil")
    decision, assessment = review.decide_rt("bantar", 2026, KEL, 4, 4, "kecil", "rapat")
    assert assessment is None and decision.score is None
    with pytest.raises(ValueError, match="tidak dikenal"):
        review.decide_rt("lomba", 2026, KEL, 1, 2, "besar")


def test_detail_labels_questions_and_choices_from_the_form(review, make):
    aid = make(KEL, 1, 1, bantar(no=["a_ronda"], periode="2"))
    detail = review.detail(aid)
    lines = {line.name: line for line in detail.answers}
    assert lines["a_ronda"].label == "Ronda/siskamling berjalan aktif dan terjadwal"
    assert lines["a_ronda"].value == "Tidak" and lines["a_ronda"].group == "Aman"
    assert lines["kategori_rt"].value == "Sedang"
    assert lines["tahun"].value == "2026"
    english = {line.name: line for line in review.detail(aid, "en").answers}
    assert english["a_ronda"].value == "No"
    names = [line.name for line in detail.answers]
    assert names.index("rw") < names.index("tahun") < names.index("b_pilah_sampah")


def test_summary_rows_carry_score_level_and_decision(review, make):
    make(KEL, 1, 2, bantar(), state="approved")
    make(KEL, 1, 1, bantar(no=AMAN))
    review.decide_rt("bantar", 2026, KEL, 1, 2, "besar")
    rows = review.summary_rows("bantar", 2026, KEL)
    assert [(r.rw, r.rt, r.score, r.level, r.decision) for r in rows] == [
        (1, 1, Decimal("66.67"), "pembinaan", ""),
        (1, 2, Decimal("100.00"), "layak", "besar"),
    ]
    assert rows[0].label == "Perlu pembinaan"  # from the rule file
    assert review.summary_rows("bantar", 2026, KEL, "en")[0].label == "Needs coaching"


def test_areas_list_kecamatan_with_their_kelurahan_and_counts(review, make):
    make(KEL, 1, 1, bantar())
    make(KEL, 1, 2, bantar(), state="draft")
    kecamatan = {a.kode: a for a in review.areas()}
    selatan = kecamatan["15.71.02"]
    assert selatan.nama == "Kota Jambi — Jambi Selatan"
    kelurahan = {k.kode: k for k in selatan.children}
    assert (kelurahan[KEL].nama, kelurahan[KEL].count) == ("Pasir Putih", 1)
    assert selatan.count == 1


def test_demo_assessments_fit_the_forms_and_all_score(ctx, tmp_path):
    report = seed_assessments(ctx.db, ctx.user_id, tmp_path / "cache", year=2026, seed=3)
    assert report.created == sum(max(rts, 1) for *_, rts in PLAN)
    assert set(report.by_program) == {"bantar", "ksm", "kotaku"}
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    forms = {}
    for program in ("bantar", "ksm", "kotaku"):
        rows = review.list(program)
        assert len(rows) == report.by_program[program]
        for row in rows:
            assert row.error is None and row.year == 2026, row.error
            key = (row.form_id, row.form_version)
            if key not in forms:
                forms[key] = load_form(review.assessments.form_file(*key))
            answers = review.assessments.answers(row.id)
            interview = Interview(forms[key], answers=answers)
            assert interview.missing() == [], (program, [s.path for s in interview.missing()])
            assert all(interview.state(name).valid for name in answers), program
    with ctx.db.raw() as conn:
        assert conn.execute("SELECT count(*) FROM assessments WHERE is_demo = 0").fetchone()[0] == 0
        assert (
            conn.execute("SELECT count(*) FROM outbox WHERE entity LIKE 'assess%'").fetchone()[0]
            == 0
        )
    assert seed_assessments(ctx.db, ctx.user_id, tmp_path / "cache").created == 0  # once only


def test_summary_lists_every_award_even_without_a_ranked_assessment(review, make):
    make(KEL, 1, 2, bantar(), state="approved")
    make(KEL, 2, 1, bantar(), state="returned")  # sent back: not ranked any more
    review.decide_rt("bantar", 2026, KEL, 1, 2, "besar")
    review.decide_rt("bantar", 2026, KEL, 4, 4, "kecil", override_reason="rapat juri")
    review.awards.decide("bantar", 2026, KEL, 2, 1, "sedang", score="90.00", level="layak")
    rows = review.summary_rows("bantar", 2026, KEL)
    assert [(r.rw, r.rt, r.decision, r.score, r.label) for r in rows] == [
        (1, 2, "besar", Decimal("100.00"), "Layak Kampung Bantar"),
        (2, 1, "sedang", Decimal("90.00"), "Layak Kampung Bantar"),
        (4, 4, "kecil", None, ""),
    ]


def test_ksm_is_ranked_and_decided_per_rw(ctx, review, tmp_path):
    import random

    from kampung_desktop.services.demo_assessments import ksm_answers

    kel = "36.71.09.1004"
    review.assessments.install_form(forms_dir() / "ksm_potential.xlsx")
    ids = []
    for rt in (1, 2):  # two KSM assessments noted at different RTs of RW 003
        answers = ksm_answers(random.Random(rt), 2026, kel, 3, rt)
        aid = review.assessments.start("ksm_potential", kel, rw=3, rt=rt, prefill=answers)
        review.assessments.transition(aid, "finalize")
        ids.append(aid)
    review.approve(ids[1])
    [ranked] = review.ranking("ksm", 2026, kel)  # one RW, its approved assessment
    assert ranked.assessment.id == ids[1]
    decision = review.decide(ranked.assessment, 2026, "madya", override_reason="uji")
    assert (decision.rw, decision.rt, decision.assessment_id) == (3, 0, ids[1])
    assert review.ranking("ksm", 2026, kel)[0].decision.id == decision.id
    [row] = review.summary_rows("ksm", 2026, kel)
    assert (row.rw, row.decision) == (3, "madya")
