"""PrintingService: batches per kelurahan/kecamatan/city, progress and cancel, no half files,
verification of scanned QR texts, and the summary report with its CSV/XLSX export."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.printing import (
    PrintError,
    PrintingService,
    PrintRequest,
    write_report,
)
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan
KEL2 = "15.71.02.1005"  # Wijaya Pura, Kec. Jambi Selatan
OTHER = "15.71.01.1001"  # Simpang IV Sipin, Kec. Telanaipura
ON = date(2026, 9, 20)


@pytest.fixture
def printing(ctx) -> PrintingService:
    return PrintingService(ctx.db, ctx.user_id)


@pytest.fixture
def decided(printing):
    """Five Bantar 2026 decisions: three in Pasir Putih, one in Wijaya Pura, one elsewhere."""
    awards = printing.awards
    for kode, rw, rt, category in [(KEL, 1, 1, "kecil"), (KEL, 1, 2, "sedang"), (KEL, 12, 5, "besar"),
                                   (KEL2, 3, 4, "sedang"), (OTHER, 2, 2, "kecil")]:  # fmt: skip
        awards.decide("bantar", 2026, kode, rw, rt, category)
    return awards


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty output folder (the data dir is elsewhere in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_kelurahan_batch_into_one_pdf(printing, decided, out):
    pdf = out / "piagam.pdf"
    seen = []
    outcome = printing.run(
        PrintRequest("bantar", 2026, KEL, out_pdf=pdf, on_date=ON),
        progress=lambda done, total: seen.append((done, total)) or True,
    )
    assert (outcome.count, outcome.files, outcome.cancelled) == (3, (pdf,), False)
    assert outcome.numbers == tuple(f"400.9/00{i}/DPMPPA/2026" for i in (1, 2, 3))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    pages = _text(pdf)
    assert len(pages) == 3
    assert (
        "RT 005 / RW 012" in pages[2]
        and "Kelurahan Pasir Putih Kecamatan Jambi Selatan" in pages[2]
    )
    assert "Kategori Besar Tahun 2026" in pages[2] and "400.9/003/DPMPPA/2026" in pages[2]
    assert "Jambi, 20 September 2026" in pages[0]
    assert _files(out) == ["piagam.pdf"]  # no temporary file left behind


def test_kecamatan_and_city_scopes(printing, decided, out):
    kec = printing.run(PrintRequest("bantar", 2026, "15.71.02", out_pdf=out / "kec.pdf"))
    city = printing.run(PrintRequest("bantar", 2026, "15.71", out_pdf=out / "kota.pdf"))
    everything = printing.run(PrintRequest("bantar", 2026, None, out_pdf=out / "all.pdf"))
    assert (kec.count, city.count, everything.count) == (4, 5, 5)
    assert len(PdfReader(out / "kota.pdf").pages) == 5
    assert set(kec.numbers) < set(city.numbers)  # the kecamatan's reprinted with their numbers
    assert everything.numbers == city.numbers  # nothing new issued
    assert len(set(city.numbers)) == 5
    with pytest.raises(PrintError, match="kode kota, kecamatan atau kelurahan"):
        printing.run(PrintRequest("bantar", 2026, "15", out_pdf=out / "x.pdf"))


def test_one_file_each_and_both_outputs(printing, decided, out):
    outcome = printing.run(
        PrintRequest("bantar", 2026, KEL, out_pdf=out / "all.pdf", separate_dir=out / "each")
    )
    assert outcome.count == 3 and len(outcome.files) == 4
    assert _files(out / "each") == [f"piagam-400.9_00{i}_DPMPPA_2026.pdf" for i in (1, 2, 3)]
    assert "RT 002 / RW 001" in _text(out / "each" / "piagam-400.9_002_DPMPPA_2026.pdf")[0]


@pytest.mark.parametrize("stop_at", [0, 2])
def test_cancel_leaves_no_file(printing, decided, out, stop_at):
    pdf = out / "piagam.pdf"
    outcome = printing.run(
        PrintRequest("bantar", 2026, KEL, out_pdf=pdf, separate_dir=out / "each"),
        progress=lambda done, total: done < stop_at,
    )
    assert outcome.cancelled and outcome.files == ()
    assert _files(out) == []  # neither the PDF, nor the folder, nor a temporary file
    with printing.db.raw() as conn:
        issued = conn.execute("SELECT count(*) FROM certificates").fetchone()[0]
    assert issued == (0 if stop_at == 0 else 3)  # a cancel before the start issues nothing


def test_cancel_of_the_second_output_removes_the_first(printing, decided, out):
    outcome = printing.run(
        PrintRequest("bantar", 2026, KEL, out_pdf=out / "all.pdf", separate_dir=out / "each"),
        progress=lambda done, total: done < 4,  # the single PDF is done after 3
    )
    assert outcome.cancelled
    assert _files(out) == []


def test_broken_template_issues_no_number_and_writes_nothing(printing, decided, tmp_path):
    broken = tmp_path / "tpl" / "broken.toml"
    broken.parent.mkdir()
    shipped = Path(__file__).resolve().parents[2] / "resources" / "certificates" / "bantar.toml"
    broken.write_text(
        shipped.read_text(encoding="utf-8").replace("emblem-generic.png", "hilang.png"),
        encoding="utf-8",
    )
    out = tmp_path / "out" / "piagam.pdf"
    out.parent.mkdir()
    with pytest.raises(PrintError, match="letterhead.emblem"):
        printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=out, template=broken))
    assert _files(out.parent) == []
    with printing.db.raw() as conn:
        assert conn.execute("SELECT count(*) FROM certificates").fetchone()[0] == 0


def test_nothing_to_print_and_no_template(printing, decided, out):
    with pytest.raises(PrintError, match="Belum ada keputusan"):
        printing.run(PrintRequest("bantar", 2025, KEL, out_pdf=out / "x.pdf"))
    with pytest.raises(PrintError, match="templat piagam"):
        printing.run(PrintRequest("kotaku", 2026, KEL, out_pdf=out / "x.pdf"))
    with pytest.raises(PrintError, match="Pilih berkas"):
        printing.run(PrintRequest("bantar", 2026, KEL))
    assert _files(out) == []


def test_revoked_decisions_are_not_printed(printing, decided, out):
    [first, *_] = decided.decisions("bantar", 2026, KEL)
    decided.revoke(first.decision.id, "RT digabung")
    outcome = printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=out / "p.pdf"))
    assert outcome.count == 2
    assert all("RT 001 / RW 001" not in text for text in _text(out / "p.pdf"))


def test_verify_number_and_scanned_qr_text(printing, decided, out):
    printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=out / "p.pdf", on_date=ON))
    [row, *_] = decided.decisions("bantar", 2026, KEL)
    number = row.certificate_number
    with printing.db.raw() as conn:
        digest = conn.execute(
            "SELECT digest FROM certificates WHERE number = ?", (number,)
        ).fetchone()[0]
    assert printing.verify(number).status == "valid"
    assert printing.verify(f"PIAGAM|{number}|{digest}").status == "valid"
    assert printing.verify(f"PIAGAM|{number}|{'0' * 10}").status == "altered"
    assert printing.verify("PIAGAM|400.9/777/DPMPPA/2026|0123456789").status == "unknown"
    with pytest.raises(PrintError):
        printing.verify("PIAGAM|rusak")


def test_summary_report_pdf_csv_xlsx(ctx, tmp_path):
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    service = review.assessments
    service.install_form(forms_dir() / "bantar_rt.xlsx")
    yes = {i.field: "ya" for i in load_rules("bantar").indicators if i.kind == "boolean"}
    for rt, aman in ((1, "ya"), (2, "tidak")):
        aid = service.start("bantar_rt", KEL, rw=3, rt=rt)
        answers = yes | {a: aman for a in yes if a.startswith("a_")} | {"tahun": 2026}
        for name, value in answers.items():
            service.save_answer(aid, name, value)
        service.transition(aid, "finalize")
        review.approve(aid)
    review.decide_rt("bantar", 2026, KEL, 3, 1, "sedang")
    out = tmp_path / "rekap"
    out.mkdir()
    outcome = write_report(
        review, "bantar", 2026, KEL, out / "r.pdf", out / "r.csv", out / "r.xlsx"
    )
    assert outcome.rows == 2 and _files(out) == ["r.csv", "r.pdf", "r.xlsx"]
    text = "\n".join(_text(out / "r.pdf"))
    assert "Rekapitulasi Penilaian Kampung Bantar" in text and "Pasir Putih" in text
    assert "100,00" in text and "66,67" in text
    with open(out / "r.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:5] == ["No", "RW", "RT", "Skor", "Tingkat"]
    assert rows[1][1:5] == ["3", "1", "100.00", "layak"] and "kategori sedang" in rows[1][5]
    assert rows[2][1:5] == ["3", "2", "66.67", "pembinaan"]
    sheet = openpyxl.load_workbook(out / "r.xlsx").active
    assert [c.value for c in sheet[3]][1:5] == [3, 2, 66.67, "pembinaan"]
    with pytest.raises(PrintError, match="Belum ada penilaian"):
        write_report(review, "bantar", 2025, KEL, out / "none.pdf")
    assert not (out / "none.pdf").exists()


def test_report_lists_every_certificate_issued(ctx, printing, tmp_path):
    """Awards decided without a ranked assessment (override in a meeting) were printed too."""
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    yes = {i.field: "ya" for i in load_rules("bantar").indicators if i.kind == "boolean"}
    aid = review.assessments.start("bantar_rt", KEL, rw=1, rt=1, prefill=yes | {"tahun": 2026})
    review.assessments.transition(aid, "finalize")
    review.approve(aid)
    review.decide_rt("bantar", 2026, KEL, 1, 1, "besar")
    review.decide_rt("bantar", 2026, KEL, 5, 2, "kecil", override_reason="rapat juri")
    outcome = printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=tmp_path / "p.pdf"))
    assert len(outcome.numbers) == 2
    report = write_report(review, "bantar", 2026, KEL, tmp_path / "r.pdf")
    assert report.rows == 2
    text = " ".join(" ".join(_text(tmp_path / "r.pdf")).split())
    for number in outcome.numbers:
        assert number in text


def test_every_report_has_the_government_heading(ctx, tmp_path):
    from kampung_desktop.services.demo_assessments import seed_assessments

    seed_assessments(ctx.db, ctx.user_id, tmp_path / "cache", year=2026)
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    for program, kode, heading in [("kotaku", "36.71.09.1004", "PEMERINTAH KOTA TANGERANG"),
                                   ("kotaku", KEL, "PEMERINTAH KOTA JAMBI"),
                                   ("ksm", "36.71.09.1004", "PEMERINTAH KOTA TANGERANG")]:  # fmt: skip
        write_report(review, program, 2026, kode, tmp_path / f"{program}.pdf")
        assert _text(tmp_path / f"{program}.pdf")[0].splitlines()[0] == heading


def test_demo_certificates_say_demo_and_use_up_no_real_number(ctx, printing, out):
    """A training laptop printed demo piagam 001-003 that looked real, and the office's first
    real one became 004."""
    from kampung_desktop.services import demo

    demo.seed(ctx.db, 30, 7)
    with ctx.db.raw() as conn:
        kode, rw, rt = conn.execute(
            "SELECT kelurahan_kode, rw, rt FROM households WHERE is_demo = 1 LIMIT 1"
        ).fetchone()
    awards = printing.awards
    awards.decide("bantar", 2026, kode, rw, rt, "besar")
    first = printing.run(PrintRequest("bantar", 2026, None, out_pdf=out / "demo.pdf"))
    assert first.numbers == ("DEMO-400.9/001/DPMPPA/2026",)
    assert "Nomor: DEMO-400.9/001/DPMPPA/2026" in _text(out / "demo.pdf")[0]
    awards.decide("bantar", 2026, KEL, 7, 7, "kecil")  # a real RT (no demo households there)
    second = printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=out / "real.pdf"))
    assert second.numbers == ("400.9/001/DPMPPA/2026",)
