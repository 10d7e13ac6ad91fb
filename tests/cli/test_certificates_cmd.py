"""`kampung certificates print | verify | report`, driven through `kampung_desktop.cli.main`."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kampung_desktop.cli import main
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan
KEL2 = "15.71.02.1005"  # Wijaya Pura


@pytest.fixture(scope="module")
def decided_template(tmp_path_factory):
    """Bantar 2026: approved assessments and decisions (some below the threshold, recorded
    with an override) for three RTs in Pasir Putih (one of
    them in RW 012) and one in Wijaya Pura. Built once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("decided")
    ctx = AppContext.open(folder)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
    for kode, rw, rt, missed, category in [(KEL, 1, 1, 0, "kecil"), (KEL, 1, 2, 5, "sedang"),
                                           (KEL, 12, 5, 9, "besar"), (KEL2, 2, 3, 0, "sedang")]:  # fmt: skip
        answers = {name: "tidak" if i < missed else "ya" for i, name in enumerate(checklist)}
        aid = review.assessments.start(
            "bantar_rt", kode, rw=rw, rt=rt, prefill=answers | {"tahun": 2026}
        )
        review.assessments.transition(aid, "finalize")
        review.approve(aid)
        review.decide_rt("bantar", 2026, kode, rw, rt, category, override_reason="rapat juri")
    ctx.close()
    return folder


@pytest.fixture
def decided(decided_template, data_dir):
    shutil.copytree(decided_template, data_dir, dirs_exist_ok=True)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_print_one_pdf_for_a_kelurahan(data_dir, decided, tmp_path, capsys):
    pdf = tmp_path / "piagam.pdf"
    code, out, err = _run(capsys, "certificates", "print", "--data-dir", str(data_dir),
                          "--program", "bantar", "--year", "2026", "--kelurahan", KEL,
                          "--out", str(pdf), "--date", "2026-09-20")  # fmt: skip
    assert code == 0  # the shipped template still signs as "NAMA WALI KOTA": said on stderr
    assert err.startswith("Peringatan / warning: Penandatangan piagam masih contoh")
    assert len(err.splitlines()) == 1
    assert out.startswith("3 piagam dicetak") and "400.9/001/DPMPPA/2026" in out
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    assert len(pages) == 3
    assert "RT 005 / RW 012" in pages[2]
    assert "Kelurahan Pasir Putih Kecamatan Jambi Selatan" in pages[2]
    assert "sebagai Kampung Bantar Kategori Besar Tahun 2026" in pages[2]
    assert "400.9/003/DPMPPA/2026" in pages[2] and "Jambi, 20 September 2026" in pages[2]
    assert "WALI KOTA JAMBI" in pages[0]


def test_print_the_whole_city_and_one_file_each(data_dir, decided, tmp_path, capsys):
    code, out, _ = _run(capsys, "certificates", "print", "--data-dir", str(data_dir),
                        "--program", "bantar", "--year", "2026", "--out", str(tmp_path / "all.pdf"),
                        "--separate", str(tmp_path / "each"))  # fmt: skip
    assert code == 0
    assert len(PdfReader(tmp_path / "all.pdf").pages) == 4
    assert len(list((tmp_path / "each").glob("piagam-*.pdf"))) == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--program", "bantar", "--year", "2025", "--out", "x.pdf"], "Belum ada keputusan"),
        (["--program", "kotaku", "--year", "2026", "--out", "x.pdf"], "templat piagam"),
        (["--program", "lomba", "--year", "2026", "--out", "x.pdf"], "tidak dikenal"),
        (["--program", "bantar", "--year", "2026"], "--out FILE.pdf atau --separate"),
        (
            ["--program", "bantar", "--year", "2026", "--out", "x.pdf", "--date", "20/9"],
            "YYYY-MM-DD",
        ),
        (
            ["--program", "bantar", "--year", "2026", "--out", "x.pdf", "--kelurahan", "15"],
            "kode kota, kecamatan atau kelurahan",
        ),
    ],
)
def test_print_errors_are_one_line(data_dir, decided, tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "certificates", "print", "--data-dir", str(data_dir), *argv)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not (tmp_path / "x.pdf").exists()


def test_verify_valid_revoked_unknown(data_dir, decided, tmp_path, capsys):
    _run(capsys, "certificates", "print", "--data-dir", str(data_dir), "--program", "bantar",
         "--year", "2026", "--kelurahan", KEL, "--out", str(tmp_path / "p.pdf"))  # fmt: skip

    code, out, _ = _run(capsys, "certificates", "verify", "--data-dir", str(data_dir),
                        "400.9/002/DPMPPA/2026")  # fmt: skip
    assert code == 0 and out.split()[0] == "valid" and len(out.splitlines()) == 1
    assert "RT 002/RW 001" in out

    ctx = AppContext.open(data_dir)
    awards = AwardsService(ctx.db, ctx.user_id)
    row = next(r for r in awards.decisions("bantar", 2026, KEL) if r.certificate_number.endswith("/002/DPMPPA/2026"))  # fmt: skip
    awards.revoke(row.decision.id, "RT dimekarkan")
    ctx.close()
    code, out, _ = _run(capsys, "certificates", "verify", "--data-dir", str(data_dir),
                        "400.9/002/DPMPPA/2026")  # fmt: skip
    assert code == 1 and out.split()[0] == "revoked" and "RT dimekarkan" in out

    code, out, _ = _run(capsys, "certificates", "verify", "--data-dir", str(data_dir),
                        "400.9/999/DPMPPA/2026")  # fmt: skip
    assert code == 1 and out.split()[0] == "unknown"


def test_report_pdf_csv_xlsx(data_dir, decided, tmp_path, capsys):
    pdf, csv_path, xlsx = tmp_path / "r.pdf", tmp_path / "r.csv", tmp_path / "r.xlsx"
    code, out, err = _run(capsys, "certificates", "report", "--data-dir", str(data_dir),
                          "--program", "bantar", "--year", "2026", "--kelurahan", KEL,
                          "--out", str(pdf), "--csv", str(csv_path), "--xlsx", str(xlsx))  # fmt: skip
    assert (code, err) == (0, "") and "3" in out
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Rekapitulasi Penilaian Kampung Bantar" in text
    assert "Kelurahan Pasir Putih, Kecamatan Jambi Selatan" in text and "Tahun 2026" in text
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[1:3] for r in rows[1:]] == [["1", "1"], ["1", "2"], ["12", "5"]]
    assert rows[1][3] == "100.00" and rows[1][4] == "layak"
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.max_row == 4 and sheet["D2"].value == 100.0


def test_report_needs_an_output_and_finalized_work(data_dir, decided, tmp_path, capsys):
    code, _, err = _run(capsys, "certificates", "report", "--data-dir", str(data_dir),
                        "--program", "bantar", "--year", "2026", "--kelurahan", KEL)  # fmt: skip
    assert code == 1 and "--out, --csv atau --xlsx" in err
    code, _, err = _run(capsys, "certificates", "report", "--data-dir", str(data_dir),
                        "--program", "ksm", "--year", "2026", "--kelurahan", KEL,
                        "--csv", str(tmp_path / "k.csv"))  # fmt: skip
    assert code == 1 and "Belum ada penilaian" in err and not (tmp_path / "k.csv").exists()


def test_verify_help_and_readme_document_altered(capsys):
    with pytest.raises(SystemExit):
        main(["certificates", "verify", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "altered" in text and "does not match the record" in text
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if "`kampung certificates verify" in line]
    assert "`altered`" in row and "digest" in row
