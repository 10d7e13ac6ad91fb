"""Re-create the example images in this folder from the shipped templates.

    .venv/bin/python docs/examples/render_examples.py      # needs pdftoppm (poppler-utils)

certificate.png: Kampung Bantar piagam for an RT in a kelurahan with a deliberately long name
(shrink-to-fit). summary-report.png: first page of a kelurahan summary report (Kotaku levels). Data is made up.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from kampung_desktop.certificates.render import render_batch  # noqa: E402
from kampung_desktop.certificates.report import (  # noqa: E402
    ReportRow,
    SummaryReport,
    render_summary_report,
)
from kampung_desktop.certificates.template import load_template  # noqa: E402


def to_png(pdf: Path, name: str) -> None:
    stem = HERE / name
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    print(f"wrote {stem}.png")


def main() -> None:
    template = load_template("bantar")
    data = template.certificate(
        seq=21,
        year=2026,
        category="sedang",
        date=dt.date(2026, 9, 20),
        rt=5,
        rw=12,
        kelurahan="Sungai Putri Mayang Mangurai Teluk Kenali Pematang Sulur",
        kecamatan="Telanaipura",
    )
    rng = random.Random(2026)
    rows = []
    for rw in range(1, 7):
        for rt in range(1, rng.randint(4, 8)):
            score = rng.randint(4, 30) * 2  # Kotaku total: 16 criteria x 0/1/3/5 points
            level = "KB" if score >= 60 else "KS" if score >= 38 else "KR" if score >= 16 else "TK"
            rows.append(ReportRow(rw, rt, score, level))
    report = SummaryReport(
        title="Rekapitulasi Penilaian Tingkat Kekumuhan (Kotaku)",
        kelurahan="Panunggangan Barat",
        kecamatan="Cibodas",
        year=2026,
        rows=rows,
        levels=["KB", "KS", "KR", "TK"],
        level_labels={
            "KB": "Kumuh berat",
            "KS": "Kumuh sedang",
            "KR": "Kumuh ringan",
            "TK": "Tidak kumuh",
        },
        authority="PEMERINTAH KOTA TANGERANG",
        printed_on=dt.date(2026, 9, 20),
    )
    with tempfile.TemporaryDirectory() as tmp:
        cert_pdf, report_pdf = Path(tmp) / "c.pdf", Path(tmp) / "r.pdf"
        render_batch([data], template, cert_pdf)
        render_summary_report(report, report_pdf)
        to_png(cert_pdf, "certificate")
        to_png(report_pdf, "summary-report")


if __name__ == "__main__":
    main()
