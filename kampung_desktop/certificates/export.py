"""The summary table as CSV and XLSX, for offices that continue in a spreadsheet.

CSV is UTF-8 with a byte-order mark (so Excel shows "Ä" and "é" right), comma-separated, with a
decimal point: it is meant for machines and re-import. XLSX keeps scores as numbers (shown with
two decimals in the viewer's locale), a bold frozen header row and a filter.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable

from kampung_desktop.certificates.atomic import atomic_path
from kampung_desktop.certificates.report import ReportRow

HEADER = ("No", "RW", "RT", "Skor", "Tingkat", "Catatan")


def _records(rows: Iterable[ReportRow]) -> Iterable[tuple]:
    for i, row in enumerate(rows, 1):
        score = round(row.score, 2) if row.score is not None else None
        yield (i, row.rw, row.rt, score, row.level, row.note)


def export_csv(
    rows: Iterable[ReportRow], path: str | os.PathLike[str], level_heading: str = "Tingkat"
) -> None:
    header = (*HEADER[:4], level_heading, HEADER[5])
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for no, rw, rt, score, level, note in _records(rows):
            writer.writerow((no, rw, rt, "" if score is None else f"{score:.2f}", level, note))


def export_xlsx(
    rows: Iterable[ReportRow],
    path: str | os.PathLike[str],
    level_heading: str = "Tingkat",
    sheet_title: str = "Rekap",
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append((*HEADER[:4], level_heading, HEADER[5]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for record in _records(rows):
        sheet.append(record)
        sheet.cell(row=sheet.max_row, column=4).number_format = "0.00"
        count += 1
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{count + 1}"
    for column, width in zip("ABCDEF", (6, 7, 7, 9, 16, 40), strict=True):
        sheet.column_dimensions[column].width = width
    with atomic_path(path) as tmp:
        workbook.save(tmp)
