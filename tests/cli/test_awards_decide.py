"""`kampung awards decide`: records a decision as the review window does, under the same award
rule (approved assessment, score at the threshold, else an override with a reason); one-line
errors; scores in the user's language."""

from __future__ import annotations

import json

import pytest

from kampung_desktop.cli import main
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan


def _decide(data_dir, *extra: str, rw="12", rt="5", category="sedang", program="bantar"):
    return main(
        ["awards", "decide", "--data-dir", str(data_dir), "--program", program, "--year", "2026",
         "--kelurahan", KEL, "--rw", rw, "--rt", rt, "--category", category, *extra]
    )  # fmt: skip


def _assess(data_dir, rw=12, rt=5, missed=0, approve=True) -> str:
    """A finalized Bantar assessment of the RT: every item met but the first `missed`."""
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    aid = review.assessments.start("bantar_rt", KEL, rw=rw, rt=rt)
    checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
    for i, name in enumerate(checklist):
        review.assessments.save_answer(aid, name, "tidak" if i < missed else "ya")
    review.assessments.save_answer(aid, "tahun", 2026)
    review.assessments.transition(aid, "finalize")
    if approve:
        review.approve(aid)
    ctx.close()
    return aid


@pytest.fixture
def scored_rt(data_dir):
    """An approved Bantar assessment of RT 005 / RW 012 with everything met (score 100)."""
    return _assess(data_dir)


def _decisions(data_dir):
    ctx = AppContext.open(data_dir)
    try:
        return AwardsService(ctx.db, ctx.user_id).decisions("bantar", 2026, KEL)
    finally:
        ctx.close()


def test_decide_records_the_decision_with_the_rt_score(data_dir, scored_rt, capsys):
    assert _decide(data_dir) == 0
    out, err = capsys.readouterr()
    assert err == ""
    [line] = out.splitlines()
    decision_id, summary = line.split("  ", 1)
    assert summary == (
        "bantar 2026 kategori sedang: RT 005 / RW 012 Kelurahan Pasir Putih (skor 100,00, Layak Kampung Bantar)"
    )
    ctx = AppContext.open(data_dir)
    try:
        [row] = AwardsService(ctx.db, ctx.user_id).decisions("bantar", 2026, KEL)
    finally:
        ctx.close()
    assert row.decision.id == decision_id
    assert (row.decision.assessment_id, row.decision.score) == (scored_rt, "100.00")
    assert row.decision.decided_by == ctx.user_id


@pytest.mark.parametrize(
    ("missed", "approve", "complaint"),
    [
        (None, False, "belum ada penilaian final untuk wilayah ini"),
        (0, False, "penilaiannya belum disetujui pemeriksa"),
        (4, True, "skor 77,78 di bawah ambang penghargaan 80 (Layak Kampung Bantar)"),
    ],
)
def test_an_rt_that_has_not_earned_it_is_refused(data_dir, capsys, missed, approve, complaint):
    if missed is not None:
        _assess(data_dir, missed=missed, approve=approve)
    assert _decide(data_dir) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert complaint in err and "--override --reason" in err
    assert _decisions(data_dir) == []


def test_override_with_a_reason_is_recorded_in_the_audit_log(data_dir, capsys):
    _assess(data_dir, missed=4, approve=False)
    assert _decide(data_dir, "--override") == 1  # an override needs its reason
    assert "--override perlu --reason" in capsys.readouterr().err
    assert _decide(data_dir, "--override", "--reason", "Keputusan rapat juri 3 Okt") == 0
    out, _ = capsys.readouterr()
    assert out.strip().endswith(
        "RT 005 / RW 012 Kelurahan Pasir Putih (skor 77,78, Perlu pembinaan)"
    )
    [row] = _decisions(data_dir)
    ctx = AppContext.open(data_dir)
    with ctx.db.raw() as conn:
        [(user, fields)] = conn.execute(
            "SELECT user_id, fields FROM audit_log WHERE action = 'decide_override' "
            "AND entity = 'award_decisions' AND record_id = ?",
            (row.decision.id,),
        ).fetchall()
    ctx.close()
    assert user == row.decision.decided_by
    assert json.loads(fields) == {
        "overridden": ["not_approved", "below_threshold"],
        "reason": "Keputusan rapat juri 3 Okt",
    }


def test_an_override_without_an_assessment_is_recorded_without_a_score(data_dir, capsys):
    assert _decide(data_dir, "--override", "--reason", "rapat", rw="3", rt="7") == 0
    out, _ = capsys.readouterr()
    assert out.strip().endswith(
        "kategori sedang: RT 007 / RW 003 Kelurahan Pasir Putih (tanpa skor)"
    )


def test_english_output_keeps_the_decimal_point(data_dir, scored_rt, capsys):
    ctx = AppContext.open(data_dir)
    ctx.set_setting("language", "en")
    ctx.close()
    assert _decide(data_dir) == 0
    assert capsys.readouterr().out.strip().endswith("(skor 100.00, Qualifies as Kampung Bantar)")


def test_kotaku_is_not_an_award_even_with_an_override(data_dir, capsys):
    code = _decide(data_dir, "--override", "--reason", "x", program="kotaku", category="x")
    _, err = capsys.readouterr()
    assert code == 1 and "bukan penghargaan" in err and "no certificate" in err
    assert len(err.strip().splitlines()) == 1


def test_ksm_at_rw_level_uses_the_rws_ranked_assessment(data_dir, capsys):
    kel = "36.71.09.1004"  # Panunggangan Barat, Kota Tangerang
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "ksm_potential.xlsx")
    import random

    from kampung_desktop.services.demo_assessments import ksm_answers

    answers = ksm_answers(random.Random(5), 2026, kel, 3, None)
    aid = review.assessments.start("ksm_potential", kel, rw=3, rt=1, prefill=answers)
    review.assessments.transition(aid, "finalize")
    review.approve(aid)
    [ranked] = review.ranking("ksm", 2026, kel)
    total = ranked.assessment.total
    ctx.close()
    code = main(["awards", "decide", "--data-dir", str(data_dir), "--program", "ksm", "--year",
                 "2026", "--kelurahan", kel, "--rw", "3", "--rt", "0", "--category", "madya",
                 *(["--override", "--reason", "ambang"] if total < 75 else [])])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "RW 003 Kelurahan Panunggangan Barat (skor " + f"{total:.2f}".replace(".", ",") in out
    assert "tanpa skor" not in out


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"category": "raksasa"}, "Kategori 'raksasa' tidak dikenal"),
        ({"program": "lomba"}, "Program 'lomba' tidak dikenal"),
        ({"rt": "0"}, "RW dan RT harus 1..999"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(data_dir, capsys, kwargs, message):
    assert _decide(data_dir, **kwargs) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_second_decision_for_the_rt_is_refused(data_dir, scored_rt, capsys):
    assert _decide(data_dir) == 0
    capsys.readouterr()
    assert _decide(data_dir, category="besar") == 1
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "sudah diputuskan" in err


def test_unknown_kelurahan(data_dir, capsys):
    code = main(["awards", "decide", "--data-dir", str(data_dir), "--program", "bantar",
                 "--year", "2026", "--kelurahan", "15.71.02.1999", "--rw", "1", "--rt", "1",
                 "--category", "kecil"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 1 and "tidak ada di data wilayah" in err
