"""`kampung awards decide`: records a decision as the review window does; one-line errors."""

from __future__ import annotations

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


@pytest.fixture
def scored_rt(data_dir):
    """A finalized Bantar assessment of RT 005 / RW 012 with everything met (score 100)."""
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    aid = review.assessments.start("bantar_rt", KEL, rw=12, rt=5)
    for name in (i.field for i in load_rules("bantar").indicators if i.kind == "boolean"):
        review.assessments.save_answer(aid, name, "ya")
    review.assessments.save_answer(aid, "tahun", 2026)
    review.assessments.transition(aid, "finalize")
    ctx.close()
    return aid


def test_decide_records_the_decision_with_the_rt_score(data_dir, scored_rt, capsys):
    assert _decide(data_dir) == 0
    out, err = capsys.readouterr()
    assert err == ""
    [line] = out.splitlines()
    decision_id, summary = line.split("  ", 1)
    assert summary == (
        "bantar 2026 kategori sedang: RT 005 / RW 012 Kelurahan Pasir Putih (skor 100.00, layak)"
    )
    ctx = AppContext.open(data_dir)
    try:
        [row] = AwardsService(ctx.db, ctx.user_id).decisions("bantar", 2026, KEL)
    finally:
        ctx.close()
    assert row.decision.id == decision_id
    assert (row.decision.assessment_id, row.decision.score) == (scored_rt, "100.00")
    assert row.decision.decided_by == ctx.user_id


def test_decide_without_an_assessment_on_this_laptop(data_dir, capsys):
    assert _decide(data_dir, rw="3", rt="7", category="Besar") == 0
    out, _ = capsys.readouterr()
    assert out.strip().endswith(
        "kategori besar: RT 007 / RW 003 Kelurahan Pasir Putih (tanpa skor)"
    )


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


def test_second_decision_for_the_rt_is_refused(data_dir, capsys):
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
