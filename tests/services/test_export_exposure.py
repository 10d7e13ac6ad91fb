"""The summary report's CSV and XLSX (the exports that stay unencrypted on a protected dir,
docs/security.md) hold no NIK, No. KK, name or address of the households in the database."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from cipher_demo import leaks, personal_data  # noqa: E402

from kampung_desktop.paths import forms_dir  # noqa: E402
from kampung_desktop.scoring import load_rules  # noqa: E402
from kampung_desktop.services import demo  # noqa: E402
from kampung_desktop.services.printing import write_report  # noqa: E402
from kampung_desktop.services.review import ReviewService  # noqa: E402

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan


def test_report_exports_hold_no_personal_data(ctx, tmp_path):
    demo.seed(ctx.db, 150, 4)
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    yes = {i.field: "ya" for i in load_rules("bantar").indicators if i.kind == "boolean"}
    for rt in (1, 2, 3):
        aid = review.assessments.start("bantar_rt", KEL, rw=3, rt=rt)
        for name, value in (yes | {"tahun": 2026}).items():
            review.assessments.save_answer(aid, name, value)
        review.assessments.transition(aid, "finalize")
        review.approve(aid)
    review.decide_rt("bantar", 2026, KEL, 3, 1, "sedang")
    out = tmp_path / "rekap"
    out.mkdir()
    write_report(review, "bantar", 2026, KEL, None, out / "r.csv", out / "r.xlsx")
    needles = personal_data(ctx.data_dir)
    assert len(needles) > 300
    csv_bytes = (out / "r.csv").read_bytes()
    assert b"Tingkat" in csv_bytes or b"Skor" in csv_bytes  # the file is the report
    assert leaks(csv_bytes, needles) == []
    with zipfile.ZipFile(out / "r.xlsx") as book:
        xml = b"".join(book.read(name) for name in book.namelist())
    assert leaks(xml, needles) == []
