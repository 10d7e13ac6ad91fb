"""Every state change is in the log with its record ids, and no personal data is: no NIK,
no name, no address, no reviewer's note (UU 27/2022)."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from kampung_desktop.cli import main
from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services import logsetup
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.services.printing import PrintingService, PrintRequest
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"
NIK = compose("157102", Sex.FEMALE, date(1984, 3, 2), 7)
PERSONAL = (NIK, "Siti Rahmawati", "Jl. Kenanga", "Bu Rahmawati")


@pytest.fixture
def log_file(data_dir):
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    path = logsetup.configure(data_dir)
    yield path
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _text(path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_lifecycle_is_logged_with_ids_and_without_personal_data(data_dir, log_file, tmp_path):
    ctx = AppContext.open(data_dir)
    try:
        household = (
            RegistryService(ctx.db, ctx.user_id)
            .save(
                HouseholdInput(
                    KEL,
                    12,
                    5,
                    "Jl. Kenanga No. 3",
                    members=[
                        MemberInput(
                            "Siti Rahmawati",
                            "P",
                            "1",
                            nik=NIK,
                            birth_date=date(1984, 3, 2),
                            marital_status="2",
                        ),
                    ],
                )  # fmt: skip
            )
            .household_id
        )
        interviews = InterviewService.for_context(ctx)
        interviews.forms()
        household_aid = interviews.start("household_assessment", KEL, household_id=household)
        review = ReviewService.for_context(ctx)
        review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
        aid = review.assessments.start("bantar_rt", KEL, rw=12, rt=5)
        for name in (i.field for i in load_rules("bantar").indicators if i.kind == "boolean"):
            review.assessments.save_answer(aid, name, "ya")
        review.assessments.save_answer(aid, "tahun", 2026)
        review.assessments.transition(aid, "finalize")
        review.return_for_correction(aid, "Tolong cek lagi data Bu Rahmawati")
        review.assessments.transition(aid, "reopen")
        review.assessments.transition(aid, "finalize")
        review.approve(aid)
        decision, _ = review.decide_rt("bantar", 2026, KEL, 12, 5, "sedang")
        outcome = PrintingService(ctx.db, ctx.user_id).run(
            PrintRequest("bantar", 2026, KEL, out_pdf=tmp_path / "piagam.pdf")
        )
        review.revoke(decision.id, "Salah data Siti Rahmawati")
    finally:
        ctx.close()
    text = _text(log_file)
    for line in (
        f"assessment started: {household_aid} form=household_assessment",
        f"household={household}",
        f"assessment started: {aid} form=bantar_rt",
        f"assessment {aid}: finalize (draft -> finalized)",
        f"assessment {aid}: return (finalized -> returned)",
        f"assessment {aid}: approve (finalized -> approved)",
        f"award decided: decision={decision.id} program=bantar year=2026 assessment={aid}",
        f"certificates issued: 1 for 1 decisions (1 new: {outcome.numbers[0]}",
        "certificates printed: 1 (bantar 2026",
        f"award revoked: decision={decision.id}",
    ):
        assert line in text, line
    for secret in PERSONAL:
        assert secret not in text, secret


def test_cli_commands_log_what_they_changed(data_dir, tmp_path, capsys):
    csv_file = tmp_path / "kode.csv"
    csv_file.write_text("kode,nama\n32,Jawa Barat\n", encoding="utf-8")
    assert main(["wilayah", "import", "--data-dir", str(data_dir), str(csv_file)]) == 0
    assert main(["demo", "seed", "--data-dir", str(data_dir), "--households", "3"]) == 0
    text = (data_dir / "logs" / "kampung.log").read_text(encoding="utf-8")
    assert "wilayah imported: 1 added, 0 updated" in text
    assert "wilayah import finished (exit 0)" in text
    assert "demo seeded: 3 households" in text
    assert "demo seed finished (exit 0)" in text
