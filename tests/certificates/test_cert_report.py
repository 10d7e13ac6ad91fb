import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from kampung_desktop.certificates import export
from kampung_desktop.certificates.export import export_csv, export_xlsx
from kampung_desktop.certificates.report import (
    FONT,
    ReportRow,
    SummaryReport,
    format_score,
    render_summary_report,
)

ROWS = [
    ReportRow(rw=1, rt=1, score=64.0, level="KB"),
    ReportRow(rw=1, rt=2, score=38.0, level="KS", note="Drainase perlu dicek ulang"),
    ReportRow(rw=2, rt=1, score=15.5, level="TK"),
    ReportRow(rw=2, rt=3, score=37.25, level="KR"),
    ReportRow(rw=3, rt=1, score=59.99, level="KS"),
]


def report(rows=ROWS) -> SummaryReport:
    return SummaryReport(
        title="Rekapitulasi Penilaian Kumuh",
        kelurahan="Panunggangan Barat",
        kecamatan="Cibodas",
        year=2026,
        rows=rows,
        levels=["KB", "KS", "KR", "TK"],
        level_labels={"KB": "Kumuh berat"},
        authority="PEMERINTAH KOTA TANGERANG",
        printed_on=dt.date(2026, 9, 20),
    )


def test_counts_follow_level_order():
    assert report().counts() == [("KB", 1), ("KS", 2), ("KR", 1), ("TK", 1)]
    extra = report(ROWS + [ReportRow(4, 1, 1.0, "??")])
    assert extra.counts()[-1] == ("??", 1)


def test_format_score_uses_decimal_comma():
    assert format_score(57.5) == "57,50"
    assert format_score(1234.5) == "1.234,50"


def test_report_pdf_content(tmp_path):
    out = tmp_path / "rekap.pdf"
    render_summary_report(report(), out)
    pages = PdfReader(out, strict=True).pages
    text = " ".join(pages[0].extract_text().split())
    assert "Rekapitulasi Penilaian Kumuh" in text
    assert "Kelurahan Panunggangan Barat, Kecamatan Cibodas — Tahun 2026" in text
    assert "Kumuh berat 1 20,00" in text
    assert "KS 2 40,00" in text
    assert "Total 5" in text
    assert "2 001 002 38,00 KS Drainase perlu dicek ulang" in text
    assert "Halaman 1 dari 1" in text
    assert "dicetak 20 September 2026" in text


def test_long_report_repeats_header_and_numbers_pages(tmp_path):
    rows = [ReportRow(rw=1 + i // 20, rt=1 + i % 20, score=i % 80, level="KR") for i in range(120)]
    out = tmp_path / "panjang.pdf"
    render_summary_report(report(rows), out)
    pages = PdfReader(out).pages
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        text = page.extract_text()
        assert f"Halaman {n} dari {len(pages)}" in text
        assert "No RW RT Skor Tingkat Catatan" in " ".join(text.split())


def test_csv_export(tmp_path):
    path = tmp_path / "rekap.csv"
    export_csv(ROWS, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["No", "RW", "RT", "Skor", "Tingkat", "Catatan"]
    assert rows[2] == ["2", "1", "2", "38.00", "KS", "Drainase perlu dicek ulang"]
    assert rows[4] == ["4", "2", "3", "37.25", "KR", ""]
    assert len(rows) == 1 + len(ROWS)


def test_xlsx_export(tmp_path):
    path = tmp_path / "rekap.xlsx"
    export_xlsx(ROWS, path, level_heading="Kategori")
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0] == ("No", "RW", "RT", "Skor", "Kategori", "Catatan")
    assert values[5] == (5, 3, 1, 59.99, "KS", None)
    assert values[1][3] == 64  # a number, not the text "64,00"
    assert sheet.freeze_panes == "A2"
    assert sheet["D2"].number_format == "0.00"


def test_failed_export_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "rekap.csv"
    path.write_text("versi lama")

    def broken(rows):
        yield (1, 1, 1, 1.0, "KB", "")
        raise OSError("disk full")

    monkeypatch.setattr(export, "_records", broken)
    with pytest.raises(OSError):
        export_csv(ROWS, path)
    assert path.read_text() == "versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.csv"]


def _fonts(pdf) -> dict[str, bool]:
    """Every font the PDF uses, and whether its file is embedded."""
    found = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_report_uses_embedded_fonts_only(tmp_path):
    out = tmp_path / "rekap.pdf"
    render_summary_report(report(ROWS + [ReportRow(9, 0, None, "", note="tanpa skor")]), out)
    fonts = _fonts(out)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_long_labels_wrap_in_their_cells_and_no_code_is_shown(tmp_path):
    labels = {"siap": "Siap menjadi Kampung Sejahtera Mandiri", "belum": "Belum siap"}
    rows = [ReportRow(2, 0, 80.0, "siap", note="Penghargaan: kategori madya; No. 400.9/0001/"
                      "Dinsos/IX/2026/KTG-01 dengan catatan yang panjang sekali"),
            ReportRow(3, 0, 10.0, "belum")]  # fmt: skip
    ksm = SummaryReport(title="Rekapitulasi Penilaian KSM / WKSBM", kelurahan="Panunggangan Barat",
                        kecamatan="Cibodas", year=2026, rows=rows, levels=["siap", "belum"],
                        level_labels=labels, authority="PEMERINTAH KOTA TANGERANG\nDINAS SOSIAL",
                        printed_on=dt.date(2026, 9, 20))  # fmt: skip
    out = tmp_path / "ksm.pdf"
    render_summary_report(ksm, out)
    page = PdfReader(out).pages[0]
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    assert lines[:2] == ["PEMERINTAH KOTA TANGERANG", "DINAS SOSIAL"]
    placed: list[tuple[str, float, float]] = []  # text, x, font size

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            placed.append((text.strip(), tm[4] * cm[0] + cm[4], size * tm[0] * cm[0]))

    page.extract_text(visitor_text=visit)
    jumlah_x = next(x for text, x, _ in placed if text == "Jumlah")
    label = [  # in the counts table (9 pt; the chart's axis labels are 7 pt)
        (t, x, size)
        for t, x, size in placed
        if ("Siap menjadi" in t or "Sejahtera" in t) and abs(size - 9) < 0.1 and x < jumlah_x
    ]
    assert label
    for text, x, size in label:  # every piece of the label ends before the next column
        assert x + pdfmetrics.stringWidth(text, FONT, size) < jumlah_x, text
    texts = {t for t, _, _ in placed}
    assert not {"siap", "belum"} & texts  # the internal codes appear nowhere (table or chart)
    assert "Belum siap" in texts and not any(t.startswith("siap (") for t in texts)
