"""`kampung awards list`: areas with assessments, scores, whether an award can be recorded."""

from __future__ import annotations

import json

from kampung_desktop.cli import main
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"  # Pasir Putih


def _seed(data_dir) -> dict[int, str]:
    """RT 1 approved 100; RT 2 finalized 77.78 (4 items missed); RT 3 decided by override."""
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
    ids = {}
    for rt, missed, approve in ((1, 0, True), (2, 4, False)):
        answers = {n: "tidak" if i < missed else "ya" for i, n in enumerate(checklist)}
        aid = review.assessments.start(
            "bantar_rt", KEL, rw=1, rt=rt, prefill=answers | {"tahun": 2026}
        )
        review.assessments.transition(aid, "finalize")
        if approve:
            review.approve(aid)
        ids[rt] = aid
    review.decide_rt("bantar", 2026, KEL, 1, 3, "kecil", override_reason="rapat")
    ctx.close()
    return ids


def _list(data_dir, capsys, *extra):
    code = main(["awards", "list", "--data-dir", str(data_dir), "--program", "bantar",
                 "--year", "2026", "--kelurahan", KEL, *extra])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def test_json_lists_scores_eligibility_and_decisions(data_dir, capsys):
    ids = _seed(data_dir)
    items = json.loads(_list(data_dir, capsys, "--json"))
    assert [(i["rank"], i["rt"], i["score"], i["eligible"]) for i in items] == [
        (1, 1, 100, True),
        (2, 2, 77.78, False),
        (None, 3, None, False),
    ]
    assert items[0]["assessment_id"] == ids[1] and items[0]["level"] == "layak"
    assert [r["code"] for r in items[1]["refusals"]] == ["not_approved", "below_threshold"]
    assert items[2]["decision"]["category"] == "kecil" and items[0]["decision"] is None


def test_human_output_follows_the_language(data_dir, capsys):
    _seed(data_dir)
    lines = _list(data_dir, capsys).splitlines()
    assert lines[0] == (
        "  1  RT 001 / RW 001 Pasir Putih (15.71.02.1002) · skor 100,00 (Layak Kampung Bantar) · "
        "Disetujui · "
        "dapat diberi penghargaan / eligible"
    )
    assert "skor 77,78 (Perlu pembinaan) · Final · penilaiannya belum disetujui" in lines[1]
    assert "diputuskan: kecil" in lines[2]
    ctx = AppContext.open(data_dir)
    ctx.set_setting("language", "en")
    ctx.close()
    english = _list(data_dir, capsys).splitlines()
    assert "skor 77.78 (Needs coaching) · Finalized · its assessment has not been" in english[1]


def test_nothing_to_list_and_bad_program(data_dir, capsys):
    assert "Belum ada penilaian" in _list(data_dir, capsys)
    code = main(["awards", "list", "--data-dir", str(data_dir), "--program", "lomba",
                 "--year", "2026"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 1 and "tidak dikenal" in err
