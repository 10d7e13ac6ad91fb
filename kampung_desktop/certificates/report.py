"""Summary report per kelurahan and programme: who scored what, how many per level, a chart.

A4 portrait, built with reportlab's platypus: title block, counts per level with a bar chart,
then the table of RTs (header repeated on every page), and "Halaman x dari y" at the foot.
Reports are small (a kelurahan has tens of RTs), so the usual two-pass page numbering is fine.
The same rows export to CSV/XLSX in `export.py`.
"""

from __future__ import annotations

import datetime as _dt
import os
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kampung_desktop import paths
from kampung_desktop.certificates.atomic import atomic_path
from kampung_desktop.core import formats

FONT = "KampungSans"
FONT_BOLD = "KampungSans-Bold"
HEADER_BG = colors.HexColor("#1F3A5F")
STRIPE_BG = colors.HexColor("#EEF2F7")
BAR_FILL = colors.HexColor("#B8892B")
#: Reports are the kelurahan's documents in Bahasa Indonesia, printed the same whatever the UI language.
DOCUMENT_LANGUAGE = "id"


@dataclass(frozen=True)
class ReportRow:
    """One RT (or RW, for RW-level programmes: rt = 0) in the summary table."""

    rw: int
    rt: int
    score: float | None  # None: awarded without a computable score (listed all the same)
    level: str
    note: str = ""


@dataclass(frozen=True)
class SummaryReport:
    title: str  # "Rekapitulasi Penilaian Kampung Bantar"
    kelurahan: str
    kecamatan: str
    year: int
    rows: Sequence[ReportRow]
    levels: Sequence[str] = ()  # display order of levels; default: order of first appearance
    level_heading: str = "Tingkat"
    level_labels: Mapping[str, str] = field(default_factory=dict)  # "KB" -> "Kumuh berat"
    authority: str = ""  # e.g. "PEMERINTAH KOTA JAMBI"; more lines (the office) after a "\n"
    printed_on: _dt.date = field(default_factory=_dt.date.today)

    def level_order(self) -> list[str]:
        order = list(self.levels)
        order += [lv for lv in dict.fromkeys(r.level for r in self.rows) if lv not in order]
        return order

    def counts(self) -> list[tuple[str, int]]:
        """(level code, areas) in display order; areas without a score count in none."""
        tally = Counter(r.level for r in self.rows if r.level)
        return [(level, tally.get(level, 0)) for level in self.level_order() if level]

    def label(self, level: str) -> str:
        """What a reader sees for a level: its label, never the internal code."""
        return self.level_labels.get(level, level) if level else "–"


def register_fonts() -> None:
    """Register the shipped Liberation Sans as TTF (embedded, subset) under fixed names."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(
        TTFont(FONT, str(paths.resource("fonts", "LiberationSans-Regular.ttf")))
    )
    pdfmetrics.registerFont(
        TTFont(FONT_BOLD, str(paths.resource("fonts", "LiberationSans-Bold.ttf")))
    )


def format_score(value: float | None) -> str:
    """Indonesian decimal comma, two places: 57.5 → `57,50`, 1234 → `1.234,00`; no score: `–`."""
    return formats.score(value, DOCUMENT_LANGUAGE)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "authority": ParagraphStyle(
            "authority", fontName=FONT_BOLD, fontSize=11, leading=14, alignment=1
        ),
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20, alignment=1),
        "sub": ParagraphStyle("sub", fontName=FONT, fontSize=11, leading=14, alignment=1),
        "h2": ParagraphStyle(
            "h2", fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11),
        "bold": ParagraphStyle("bold", fontName=FONT_BOLD, fontSize=9, leading=11),
        "head": ParagraphStyle(
            "head", fontName=FONT_BOLD, fontSize=9, leading=11, textColor=colors.white
        ),
        "num": ParagraphStyle("num", fontName=FONT, fontSize=9, leading=11, alignment=2),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A table cell that wraps inside its column instead of running over the next one."""
    return Paragraph(escape(text), style)


def _chart(counts: list[tuple[str, int]], heading: str) -> Drawing:
    width, height = 90 * mm, 60 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # reportlab would start the drawing in Helvetica (unembedded)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 20 * mm
    chart.width, chart.height = width - 16 * mm, height - 32 * mm
    chart.data = [[n for _, n in counts]] if counts else [[0]]
    # Labels on short lines, so long tier names stay under their own bar.
    chart.categoryAxis.categoryNames = [
        "\n".join(textwrap.wrap(label, 10)) for label, _ in counts
    ] or ["-"]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([n for _, n in counts] + [1])
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMax = step * 5
    chart.valueAxis.valueStep = step
    chart.bars[0].fillColor = BAR_FILL
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    title = f"Jumlah per {heading.lower()}"
    drawing.add(String(0, height - 5 * mm, title, fontName=FONT_BOLD, fontSize=9))
    return drawing


def _counts_table(report: SummaryReport) -> Table:
    styles = _styles()
    counts = report.counts()
    total = sum(n for _, n in counts) or 1
    data: list[list] = [
        [_p(report.level_heading, styles["head"]), _p("Jumlah", styles["head"]), _p("%", styles["head"])]
    ]  # fmt: skip
    data += [
        [
            _p(report.label(level), styles["cell"]),
            _p(str(n), styles["num"]),
            _p(format_score(100 * n / total), styles["num"]),
        ]
        for level, n in counts
    ]
    data.append(
        [_p("Total", styles["bold"]), _p(str(sum(n for _, n in counts)), styles["num"]), ""]
    )
    table = Table(data, colWidths=[48 * mm, 18 * mm, 18 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),  # empty cells too: never Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
            ]
        )
    )
    return table


def _rows_table(report: SummaryReport) -> Table:
    styles = _styles()
    head = ["No", "RW", "RT", "Skor", report.level_heading, "Catatan"]
    data: list[list] = [[_p(h, styles["head"]) for h in head]]
    for i, row in enumerate(report.rows, 1):
        data.append(
            [
                _p(str(i), styles["num"]),
                _p(f"{row.rw:03d}", styles["num"]),
                _p(f"{row.rt:03d}" if row.rt else "-", styles["num"]),
                _p(format_score(row.score), styles["num"]),
                _p(report.label(row.level), styles["cell"]),
                _p(row.note, styles["cell"]) if row.note else "",
            ]
        )
    widths = [12 * mm, 14 * mm, 14 * mm, 18 * mm, 44 * mm, 72 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),  # empty cells too: never Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), STRIPE_BG) for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(style))
    return table


class _NumberedCanvas(Canvas):
    """Holds page states until save so the foot can say "Halaman x dari y"."""

    footer_left = ""

    def __init__(self, *args, **kwargs) -> None:
        # The embedded font from the first operator on: reportlab would otherwise start every
        # page in Helvetica, a font the PDF does not carry.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.grey)
            self.drawString(18 * mm, 10 * mm, self.footer_left)
            self.drawRightString(
                A4[0] - 18 * mm, 10 * mm, f"Halaman {self._pageNumber} dari {total}"
            )
            super().showPage()
        super().save()


def render_summary_report(report: SummaryReport, out_path: str | os.PathLike[str]) -> None:
    """Write the summary report PDF to `out_path` (atomically)."""
    register_fonts()
    styles = _styles()
    story: list = []
    for line in filter(None, report.authority.split("\n")):
        story.append(Paragraph(escape(line), styles["authority"]))
    story += [
        Paragraph(escape(report.title), styles["title"]),
        Paragraph(
            escape(
                f"Kelurahan {report.kelurahan}, Kecamatan {report.kecamatan} — Tahun {report.year}"
            ),
            styles["sub"],
        ),
        Spacer(1, 6 * mm),
        Paragraph("Ringkasan", styles["h2"]),
        Table(
            [
                [
                    _counts_table(report),
                    _chart(
                        [(report.label(lv), n) for lv, n in report.counts()], report.level_heading
                    ),
                ]
            ],
            colWidths=[90 * mm, 90 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), FONT, 9)],
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"Daftar penilaian ({len(report.rows)})", styles["h2"]),
        _rows_table(report),
    ]
    footer = f"{report.title} · Kel. {report.kelurahan} · dicetak {formats.long_date(report.printed_on, DOCUMENT_LANGUAGE)}"

    class Numbered(_NumberedCanvas):
        footer_left = footer

    with atomic_path(out_path) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=report.title,
            author="Kampung",
        )
        doc.build(story, canvasmaker=Numbered)
